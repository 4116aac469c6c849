"""Schedules in the group's zone: wall-clock times kept across daylight-saving reschedule."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.domain import InvalidInput
from bot.recurrence import Schedule, localize, make_schedule, normalise_rule

BNE = ZoneInfo("Australia/Brisbane")
SYD = ZoneInfo("Australia/Sydney")
FORTNIGHTLY = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10"


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def test_first_meeting_anchors_the_fortnightly_rule():
    schedule = make_schedule(
        FORTNIGHTLY,
        "Australia/Brisbane",
        first_local=dt.datetime(2026, 12, 1, 10),
        now=utc(2026, 11, 25),
    )
    meetings = schedule.between(utc(2026, 11, 1), utc(2027, 1, 1))
    assert [m.astimezone(BNE).strftime("%a %d %b %H:%M") for m in meetings] == [
        "Tue 01 Dec 10:00",
        "Tue 15 Dec 10:00",
        "Tue 29 Dec 10:00",
    ]


def test_default_first_is_the_next_occurrence_from_today():
    # Wednesday 25 Nov 2026, 19:00 in Brisbane: next Tuesday is 1 Dec.
    schedule = make_schedule(
        "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=30",
        "Australia/Brisbane",
        first_local=None,
        now=utc(2026, 11, 25, 9),
    )
    assert schedule.first.astimezone(BNE) == dt.datetime(2026, 12, 1, 10, 30, tzinfo=BNE)


def test_default_first_can_be_later_today():
    now = dt.datetime(2026, 12, 1, 8, 0, tzinfo=BNE)
    schedule = make_schedule(
        "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "Australia/Brisbane", first_local=None, now=now
    )
    assert schedule.first == dt.datetime(2026, 12, 1, 10, 0, tzinfo=BNE)


def test_sydney_meetings_stay_at_ten_across_the_october_dst_change():
    schedule = make_schedule(
        "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10",
        "Australia/Sydney",
        first_local=dt.datetime(2026, 9, 22, 10),
        now=utc(2026, 9, 1),
    )
    meetings = schedule.between(utc(2026, 9, 20), utc(2026, 10, 15))
    assert [m.astimezone(SYD).hour for m in meetings] == [10, 10, 10, 10]
    # 10:00 AEST is 00:00 UTC; after 4 Oct 2026 10:00 AEDT is 23:00 UTC the day before.
    assert [m.astimezone(dt.UTC).hour for m in meetings] == [0, 0, 23, 23]


def test_sydney_meetings_stay_at_ten_across_the_april_change():
    schedule = make_schedule(
        "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10",
        "Australia/Sydney",
        first_local=dt.datetime(2027, 3, 23, 10),
        now=utc(2027, 3, 1),
    )
    meetings = schedule.between(utc(2027, 3, 20), utc(2027, 4, 15))
    assert {m.astimezone(SYD).hour for m in meetings} == {10}
    assert {m.utcoffset() for m in meetings} == {dt.timedelta(hours=11), dt.timedelta(hours=10)}


def test_next_after_is_strict_unless_inclusive():
    schedule = Schedule(FORTNIGHTLY, "Australia/Brisbane", dt.datetime(2026, 12, 1, 10, tzinfo=BNE))
    assert schedule.next_after(schedule.first) == dt.datetime(2026, 12, 15, 10, tzinfo=BNE)
    assert schedule.next_after(schedule.first, inclusive=True) == schedule.first


def test_a_time_skipped_by_dst_moves_forward():
    # 2:30 on 4 Oct 2026 does not exist in Sydney.
    moved = localize(dt.datetime(2026, 10, 4, 2, 30), SYD)
    assert moved.astimezone(SYD).hour == 3


def test_rules_are_normalised():
    assert (
        normalise_rule("rrule:freq=weekly; byday=tu; byhour=10;")
        == "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"
    )


@pytest.mark.parametrize(
    "rule",
    ["", "FREQ=SECONDLY", "BYDAY=TU", "FREQ=WEEKLY;BYSECOND=5", "FREQ=WEEKLY;BYDAY=TU;COUNT=x"],
)
def test_bad_rules_are_refused(rule):
    with pytest.raises(InvalidInput):
        normalise_rule(rule)


def test_rule_that_has_ended_has_no_next_meeting():
    schedule = Schedule(
        "FREQ=WEEKLY;COUNT=2;BYDAY=TU;BYHOUR=10",
        "Australia/Brisbane",
        dt.datetime(2026, 12, 1, 10, tzinfo=BNE),
    )
    assert schedule.next_after(utc(2026, 12, 20)) is None
