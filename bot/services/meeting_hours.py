"""Whether a meeting may move to a time without being insisted on: one of the group's days,
between 07:00 and 19:00 on its clock. 03:00 on a Sunday is far likelier a typing slip."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from bot.domain import InvalidInput

EARLIEST = dt.time(7, 0)
LATEST = dt.time(19, 0)
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WORKING_WEEK = frozenset(range(5))


class UnusualMeetingTime(InvalidInput):
    """Outside the group's days or hours; the caller adds how to insist (--force, force)."""


def meeting_days(rule: str) -> frozenset[int]:
    """Monday to Friday, and any other day the group's rule meets on (BYDAY=SA: Saturdays).

    A Tuesday group moving to a Wednesday is the usual reason to move a meeting at all, so the
    rule's days widen the working week rather than replace it.
    """
    found = re.search(r"(?:^|;)\s*BYDAY=([^;]+)", rule.upper())
    days = {DAYS.index(item.strip()[-2:]) for item in found.group(1).split(",")
            if item.strip()[-2:] in DAYS} if found else set()
    return WORKING_WEEK | days


def check(*, group: str, rule: str, tz: str, at: dt.datetime, force: bool) -> None:
    """Raise :class:`UnusualMeetingTime` unless ``at`` is a usual time for the group (or forced)."""
    if force:
        return
    local = at.astimezone(ZoneInfo(tz))
    days = meeting_days(rule)
    odd_day = local.weekday() not in days
    odd_hour = not EARLIEST <= local.time() <= LATEST
    if not (odd_day or odd_hour):
        return
    listed = ", ".join(NAMES[d] for d in sorted(days))
    what = " and ".join(
        part
        for part, odd in (
            (f"{group}'s meeting days ({listed})", odd_day),
            (f"meeting hours ({EARLIEST:%H:%M}–{LATEST:%H:%M})", odd_hour),
        )
        if odd
    )
    raise UnusualMeetingTime(f"{local:%a %d %b %Y %H:%M} ({tz}) is outside {what}.")
