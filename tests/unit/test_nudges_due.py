"""Which nudge an action owner is owed at a moment: no database (rows made, never stored)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.services.nudges import due_key
from storage.models import Group, Meeting, Member

SYD = ZoneInfo("Australia/Sydney")


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=SYD).astimezone(dt.UTC)


GROUP = Group(tz="Australia/Sydney", send_time="09:00", nudge_lead_days="3,1")
MEETING = Meeting(id=7, scheduled_at=at(2026, 12, 3, 10, 0))  # Thursday: nudges Mon and Wed


def owner(tz: str | None = None, snoozed_until: dt.datetime | None = None) -> Member:
    return Member(id=4, slack_user_id="U4", tz=tz, snoozed_until=snoozed_until)


def test_each_stage_at_the_send_time_once():
    assert due_key(GROUP, MEETING, owner(), at(2026, 11, 30, 8, 59), set()) is None
    assert due_key(GROUP, MEETING, owner(), at(2026, 11, 30, 9, 0), set()) == "nudge:7:4:3"
    sent = {"nudge:7:4:3"}
    assert due_key(GROUP, MEETING, owner(), at(2026, 12, 1, 9, 0), sent) is None
    assert due_key(GROUP, MEETING, owner(), at(2026, 12, 2, 9, 0), sent) == "nudge:7:4:1"


def test_of_several_stages_due_at_once_only_the_latest_counts():
    # An action recorded on Wednesday: the Monday stage has passed unsent; one nudge, not two.
    assert due_key(GROUP, MEETING, owner(), at(2026, 12, 2, 9, 30), set()) == "nudge:7:4:1"


def test_the_owners_own_clock():
    perth = owner(tz="Australia/Perth")
    assert due_key(GROUP, MEETING, perth, at(2026, 11, 30, 9, 0), set()) is None
    nine_in_perth = dt.datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Australia/Perth"))
    assert due_key(GROUP, MEETING, perth, nine_in_perth, set()) == "nudge:7:4:3"


def test_a_snooze_holds_the_nudge_then_brings_it_back():
    until = at(2026, 12, 1, 9, 0)
    snoozed = owner(snoozed_until=until)
    assert due_key(GROUP, MEETING, snoozed, at(2026, 11, 30, 15, 0), {"nudge:7:4:3"}) is None
    assert due_key(GROUP, MEETING, snoozed, until, {"nudge:7:4:3"}) == (
        f"nudge:7:4:snooze:{until:%Y%m%dT%H%M}"
    )
