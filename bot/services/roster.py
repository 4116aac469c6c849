"""Group membership facts the cycle needs that are not queries (those are on
``uow.memberships``)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from storage.models import Group, Member


def zone_of(member: Member, group: Group) -> str:
    """The member's own zone (from Slack), else the group's."""
    return member.tz or group.tz


def local_today(now: dt.datetime, tz: str) -> dt.date:
    return now.astimezone(ZoneInfo(tz)).date()
