"""A week before a meeting that falls on a public holiday of the group's calendar, the group's
facilitators are asked (once, at 09:00 on their own clocks, on a working day) whether to move or
cancel it."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.jobs import tick
from bot.services import reschedule
from tests.services.conftest import BRISBANE_WORKER, FACILITATOR, SYDNEY_WORKER

SYD, BNE = ZoneInfo("Australia/Sydney"), ZoneInfo("Australia/Brisbane")
SYDNEY_FACILITATOR = "U0SYDFAC1"
SECRETARIAT = "U0SECR001"
ZONES = {
    SYDNEY_WORKER: "Australia/Sydney",
    BRISBANE_WORKER: "Australia/Brisbane",
    FACILITATOR: "Australia/Brisbane",
    SYDNEY_FACILITATOR: "Australia/Sydney",
    SECRETARIAT: "Australia/Brisbane",
}
QLD = ("--holidays", "AU-QLD")


def walk(w, start: dt.datetime, end: dt.datetime, step_minutes: int = 60) -> None:
    moment = start
    while moment <= end:
        w.cli.clock.at = moment
        tick(w.ctx)
        moment += dt.timedelta(minutes=step_minutes)


def questions(w) -> dict[str, list[dt.datetime]]:
    out: dict[str, list[dt.datetime]] = {}
    for channel, payload, at in w.notifier.sent:
        if payload["kind"] == "holiday-question":
            out.setdefault(channel, []).append(at)
    return out


def more_people(w) -> None:
    w.cli.ok("member", "add", "--user", SYDNEY_FACILITATOR, "--agency", "Micah Projects",
             "--role", "facilitator")
    w.cli.ok("member", "add", "--user", SECRETARIAT, "--agency", "Micah Projects",
             "--role", "secretariat")


def test_facilitators_only_are_asked_once_a_week_before_at_nine_on_their_clocks(world):
    w = world(extra=QLD, zones=ZONES)
    more_people(w)
    # A week before Tue 29 Dec 2026: not a Queensland public holiday (Boxing Day falls on a
    # Saturday; its holiday is Mon 28 Dec), so nobody is asked about that meeting.
    walk(w, dt.datetime(2026, 12, 21, 12, tzinfo=BNE), dt.datetime(2026, 12, 23, 12, tzinfo=BNE))
    assert questions(w) == {}
    # Tue 26 Jan 2027 is Australia Day: asked on Tue 19 Jan at 09:00 on each facilitator's
    # clock (Sydney is on daylight time, an hour ahead of Brisbane), and never again.
    walk(w, dt.datetime(2027, 1, 18, 12, tzinfo=BNE), dt.datetime(2027, 1, 22, 12, tzinfo=BNE))
    asked = questions(w)
    assert asked == {
        SYDNEY_FACILITATOR: [dt.datetime(2027, 1, 19, 9, tzinfo=SYD)],
        FACILITATOR: [dt.datetime(2027, 1, 19, 9, tzinfo=BNE)],
    }
    question = next(q for k, q in w.renderer.rendered if k == "holiday-question")
    assert question.holiday == "Australia Day"
    assert question.meeting.local_start == dt.datetime(2027, 1, 26, 10, tzinfo=BNE)
    # The next working day with no holiday and no meeting, at the same time.
    assert question.suggested == dt.datetime(2027, 1, 27, 10, tzinfo=BNE)


def test_a_late_question_waits_for_the_next_working_morning(world):
    w = world(extra=QLD, zones=ZONES)
    # The service was down from Mon 18 Jan until Fri 22 Jan 19:00: nothing in the evening or at
    # the weekend; Monday 09:00 it goes (the meeting is still a day away).
    walk(w, dt.datetime(2027, 1, 22, 19, tzinfo=BNE), dt.datetime(2027, 1, 25, 12, tzinfo=BNE))
    assert questions(w) == {FACILITATOR: [dt.datetime(2027, 1, 25, 9, tzinfo=BNE)]}


@pytest.mark.parametrize("change", ["moved", "cancelled", "no calendar"])
def test_no_question_for_a_meeting_already_off_the_holiday_or_without_a_calendar(world, change):
    w = world(extra=() if change == "no calendar" else QLD, zones=ZONES)
    w.at("2027-01-10T12:00+10:00")
    common = {"uow": w.ctx.uow(), "clock": w.ctx.clock, "renderer": w.ctx.renderer,
              "group": "Under 1 Roof", "day": dt.date(2027, 1, 26), "actor": "test"}
    if change == "moved":
        reschedule.move(to_local=dt.datetime(2027, 1, 27, 10, 0), **common)
    elif change == "cancelled":
        reschedule.cancel(**common)
    walk(w, dt.datetime(2027, 1, 18, 12, tzinfo=BNE), dt.datetime(2027, 1, 21, 12, tzinfo=BNE))
    assert questions(w) == {}
