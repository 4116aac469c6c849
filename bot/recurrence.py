"""Schedule maths: a group's RRULE in its own time zone, daylight saving handled.

Rules are evaluated on local wall-clock times (10:00 stays 10:00 across a DST change) and each
occurrence is then placed in the zone. Everything returned is timezone-aware.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from bot.domain import InvalidInput

EXAMPLE = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10"
_ALLOWED_FREQ = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")


@dataclass(frozen=True)
class Schedule:
    rule: str
    tz: str
    first: dt.datetime  # aware; the first meeting, which anchors the rule

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def _rrule(self) -> rrule:
        anchor = self.first.astimezone(self.zone).replace(tzinfo=None)
        return _build(self.rule, anchor)

    def next_after(self, moment: dt.datetime, *, inclusive: bool = False) -> dt.datetime | None:
        """The first meeting at or after ``moment`` (strictly after unless ``inclusive``)."""
        local = moment.astimezone(self.zone).replace(tzinfo=None)
        # Wall-clock comparison can be an hour off around a DST change; step back and filter.
        for candidate in self._rrule().xafter(local - dt.timedelta(hours=2), inc=True):
            aware = localize(candidate, self.zone)
            if aware > moment or (inclusive and aware == moment):
                return aware
        return None

    def between(self, start: dt.datetime, end: dt.datetime) -> list[dt.datetime]:
        """Meetings with ``start <= at < end``."""
        out: list[dt.datetime] = []
        moment = self.next_after(start, inclusive=True)
        while moment is not None and moment < end:
            out.append(moment)
            moment = self.next_after(moment)
        return out


def localize(local: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """Attach ``zone`` to a wall-clock time; a time skipped by DST moves forward past the gap."""
    aware = local.replace(tzinfo=zone)
    round_trip = aware.astimezone(dt.UTC).astimezone(zone)
    if round_trip.replace(tzinfo=None) != local:
        return round_trip
    return aware


def normalise_rule(text: str) -> str:
    """Check a group's RRULE and return it in canonical form (upper case, no ``RRULE:``)."""
    rule = text.strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:]
    rule = rule.replace(" ", "").upper().rstrip(";")
    if not rule or "\n" in rule or "DTSTART" in rule:
        raise InvalidInput(
            f"the rule must be one RRULE line such as {EXAMPLE} "
            "(give the first meeting with --first)"
        )
    parts = dict(p.partition("=")[::2] for p in rule.split(";"))
    freq = parts.get("FREQ")
    if freq not in _ALLOWED_FREQ:
        raise InvalidInput(f"the rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY (e.g. {EXAMPLE})")
    if any(k in parts for k in ("BYSECOND",)):
        raise InvalidInput("meetings are scheduled to the minute: remove BYSECOND from the rule")
    try:
        _build(rule, dt.datetime(2026, 1, 1))
    except (ValueError, TypeError) as exc:
        raise InvalidInput(f"invalid RRULE ({_short(exc)}); example: {EXAMPLE}") from None
    return rule


def _short(exc: Exception) -> str:
    return re.sub(r"\s+", " ", str(exc)).strip()[:120] or type(exc).__name__


def _build(rule: str, anchor: dt.datetime) -> rrule:
    built = rrulestr(rule, dtstart=anchor, ignoretz=True)
    if not isinstance(built, rrule):
        raise ValueError("only a single RRULE is supported")
    return built


def has_time(rule: str) -> bool:
    return "BYHOUR=" in rule


def make_schedule(
    rule: str, tz: str, *, first_local: dt.datetime | None, now: dt.datetime
) -> Schedule:
    """Anchor ``rule`` at ``first_local`` (wall-clock time in ``tz``) or at the next occurrence."""
    rule = normalise_rule(rule)
    zone = ZoneInfo(tz)
    if first_local is None:
        if not has_time(rule):
            raise InvalidInput(
                "the rule has no meeting time: add BYHOUR (and BYMINUTE), e.g. "
                f"{EXAMPLE}, or give --first 2026-12-01T10:00"
            )
        midnight = now.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
        probe = Schedule(rule, tz, midnight)
        first = probe.next_after(now, inclusive=True)
        if first is None:
            raise InvalidInput("the rule has no meetings after today; check its COUNT or UNTIL")
        return Schedule(rule, tz, first)
    first_local = first_local.replace(second=0, microsecond=0, tzinfo=None)
    built = _build(rule, first_local)
    occurrence = built.after(first_local, inc=True)
    if occurrence != first_local:
        hint = (
            f"; the next meeting by the rule is {occurrence:%a %Y-%m-%dT%H:%M}"
            if occurrence
            else ""
        )
        raise InvalidInput(
            f"--first {first_local:%a %Y-%m-%dT%H:%M} is not a meeting of rule {rule}{hint}"
        )
    return Schedule(rule, tz, localize(first_local, zone))


def parse_local_datetime(text: str, *, field: str) -> dt.datetime:
    """``2026-12-01T10:00`` (or with a space) as a naive wall-clock time."""
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"{field} must be a date and time such as 2026-12-01T10:00") from None
    if value.tzinfo is not None:
        raise InvalidInput(
            f"{field} is a local time in the group's zone; leave out the offset (2026-12-01T10:00)"
        )
    return value


def send_at(
    meeting_at: dt.datetime, *, group_tz: str, days_before: int, at: dt.time, member_tz: str
) -> dt.datetime:
    """When a DM "N days before" a meeting is due: that calendar day (in the group's zone) at
    ``at`` on the member's own clock, so 09:00 is 09:00 where they are, DST or not.

    A day that falls on a weekend moves back to the Friday: case workers are not at their desks
    on Saturday, and a Friday prompt still leaves the working days before the meeting.
    """
    meeting_day = meeting_at.astimezone(ZoneInfo(group_tz)).date()
    day = working_day_on_or_before(meeting_day - dt.timedelta(days=days_before))
    return localize(dt.datetime.combine(day, at), ZoneInfo(member_tz))


def working_day_on_or_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=max(0, day.weekday() - 4))


def parse_time_of_day(text: str) -> dt.time:
    hour, minute = text.split(":")
    return dt.time(int(hour), int(minute))


LATEST = dt.time(18, 0)


def working_hours_started(now: dt.datetime, *, tz: str, at: dt.time) -> bool:
    """Whether it is a weekday between ``at`` and 18:00 on the member's clock: a DM held up (the
    service was down, a member was added late, a reminder after an evening prompt) waits for
    the next working morning rather than arriving at 2 a.m., 9 p.m. or on a Sunday."""
    local = now.astimezone(ZoneInfo(tz))
    end = LATEST if at < LATEST else dt.time(23, 59)
    return local.weekday() < 5 and at <= local.time() < end


def next_working_day(day: dt.date) -> dt.date:
    day += dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day
