"""How a time is written where people read it later (the audit log): UTC, which sorts and compares,
and the group's wall clock with its offset, which people recognise."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo


def zone_label(tz: str) -> str:
    """``Australia/Brisbane`` → ``Brisbane``."""
    return tz.rsplit("/", 1)[-1].replace("_", " ")


def utc_and_local(at: dt.datetime, tz: str) -> str:
    """``2027-01-09T17:00Z (Sun 10 Jan 03:00 +10:00 Brisbane)`` for an aware ``at``."""
    if at.tzinfo is None:
        raise ValueError("a naive datetime has no place in the audit log")
    local = at.astimezone(ZoneInfo(tz))
    offset = local.strftime("%z")  # +1000; the log shows +10:00
    return (
        f"{at.astimezone(dt.UTC):%Y-%m-%dT%H:%MZ} ({local:%a} {local.day} {local:%b %H:%M} "
        f"{offset[:3]}:{offset[3:]} {zone_label(tz)})"
    )
