"""Prompts, reminders and leave: 09:00 on each member's own clock, across daylight saving."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.jobs import tick
from tests.services.conftest import BRISBANE_WORKER, FACILITATOR, SYDNEY_WORKER

SYD, BNE = ZoneInfo("Australia/Sydney"), ZoneInfo("Australia/Brisbane")
WEEKLY = "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"


def walk(world, start: dt.datetime, end: dt.datetime, step_minutes: int = 30) -> None:
    moment = start
    while moment <= end:
        world.cli.clock.at = moment
        tick(world.ctx)
        moment += dt.timedelta(minutes=step_minutes)


def first_sent(world, user: str, kind: str) -> list[dt.datetime]:
    return [at for k, at in world.sent_to(user) if k == kind]


def test_prompts_arrive_at_nine_local_across_the_october_change(world):
    w = world(first="2026-09-29T10:00", rule=WEEKLY)
    # Meeting Tue 6 Oct: 3 days before is a Saturday, so prompts go on Friday 2 Oct (Sydney
    # still on AEST, like Brisbane).
    walk(w, dt.datetime(2026, 10, 1, 12, tzinfo=BNE), dt.datetime(2026, 10, 3, 12, tzinfo=BNE))
    # Meeting Tue 13 Oct: prompts Fri 9 Oct (Sydney on AEDT since 4 Oct, an hour ahead).
    walk(w, dt.datetime(2026, 10, 8, 12, tzinfo=BNE), dt.datetime(2026, 10, 10, 12, tzinfo=BNE))

    sydney = first_sent(w, SYDNEY_WORKER, "prompt")
    assert [t.astimezone(SYD) for t in sydney] == [
        dt.datetime(2026, 10, 2, 9, 0, tzinfo=SYD),
        dt.datetime(2026, 10, 9, 9, 0, tzinfo=SYD),
    ]
    assert [t.astimezone(BNE).hour for t in sydney] == [9, 8]
    for user in (BRISBANE_WORKER, FACILITATOR):
        assert [t.astimezone(BNE) for t in first_sent(w, user, "prompt")] == [
            dt.datetime(2026, 10, 2, 9, 0, tzinfo=BNE),
            dt.datetime(2026, 10, 9, 9, 0, tzinfo=BNE),
        ]


def test_zones_come_from_slack_and_fall_back_to_the_groups(world):
    w = world(zones={SYDNEY_WORKER: "Australia/Sydney"})  # the others unknown to Slack
    walk(w, dt.datetime(2026, 11, 26, 20, tzinfo=BNE), dt.datetime(2026, 11, 27, 10, tzinfo=BNE))
    assert first_sent(w, SYDNEY_WORKER, "prompt")[0].astimezone(BNE).hour == 8
    assert first_sent(w, BRISBANE_WORKER, "prompt")[0].astimezone(BNE).hour == 9
    asked = len(w.directory.asked)
    w.tick("2026-11-27T12:00+10:00")
    assert len(w.directory.asked) == asked, "zones are re-read weekly, not every tick"


def test_each_prompt_is_sent_once_however_often_the_tick_runs(world):
    w = world()
    for _ in range(3):
        w.tick("2026-11-27T09:00+10:00")
        w.tick("2026-11-27T09:01+10:00")
    assert w.notifier.kinds(BRISBANE_WORKER) == ["prompt"]
    prompt = next(
        obj
        for kind, obj in w.renderer.rendered
        if kind == "prompt" and obj.member == BRISBANE_WORKER
    )
    assert [c.case_code for c in prompt.clients] == ["U1R-015"]
    assert prompt.meeting.starts_at == dt.datetime(2026, 12, 1, 10, tzinfo=BNE)


def test_reminder_only_for_those_who_have_not_answered(world):
    from bot.domain import AttendanceResponse
    from bot.services import prompts

    w = world()
    w.tick("2026-11-27T09:00+10:00")
    meeting_id = w.renderer.rendered[0][1].meeting.id
    prompts.respond(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        user_id=FACILITATOR,
        meeting_id=meeting_id,
        response=AttendanceResponse.APOLOGIES,
    )
    w.tick("2026-11-30T07:59+10:00")
    assert "reminder" not in w.notifier.kinds()
    w.tick("2026-11-30T08:00+10:00")  # 09:00 in Sydney
    assert (
        w.notifier.kinds()[-1:] == ["reminder"]
        and w.notifier.kinds(SYDNEY_WORKER)[-1] == "reminder"
    )
    w.tick("2026-11-30T09:00+10:00")
    w.tick("2026-11-30T15:00+10:00")
    assert w.notifier.kinds(BRISBANE_WORKER) == ["prompt", "reminder"]
    assert w.notifier.kinds(SYDNEY_WORKER) == ["prompt", "reminder"]
    assert w.notifier.kinds(FACILITATOR) == ["prompt"]


def test_a_member_added_late_gets_the_prompt_not_a_reminder(world):
    w = world()
    w.tick("2026-11-27T09:00+10:00")
    w.cli.ok(
        "member", "add", "--user", "U0LATE001", "--agency", "Micah Projects", "--role", "worker"
    )
    w.tick("2026-11-30T09:00+10:00")
    assert w.notifier.kinds("U0LATE001") == ["prompt"]
    w.tick("2026-11-30T12:00+10:00")
    assert w.notifier.kinds("U0LATE001") == ["prompt"]


def test_no_prompts_while_on_leave_or_at_the_weekend(world):
    from bot.services import leave

    w = world()
    leave.set_leave(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        user_id=BRISBANE_WORKER,
        starts_on=dt.date(2026, 11, 25),
        ends_on=dt.date(2026, 11, 27),
    )
    w.tick("2026-11-27T09:00+10:00")  # prompt day (Friday): on leave
    assert w.notifier.kinds(BRISBANE_WORKER) == []
    w.tick("2026-11-28T09:00+10:00")  # back, but it is Saturday
    w.tick("2026-11-29T09:00+10:00")
    w.tick("2026-11-30T08:59+10:00")
    assert w.notifier.kinds(BRISBANE_WORKER) == []
    w.tick("2026-11-30T09:00+10:00")  # Monday: the prompt (not a reminder) at 09:00
    assert w.notifier.kinds(BRISBANE_WORKER) == ["prompt"]


def test_a_monday_meeting_is_prompted_on_the_friday(world):
    w = world(first="2026-11-30T10:00", rule="FREQ=WEEKLY;BYDAY=MO;BYHOUR=10")
    w.tick("2026-11-27T09:00+10:00")
    assert w.notifier.kinds(BRISBANE_WORKER) == ["prompt"]
    w.tick("2026-11-27T21:00+10:00")  # reminder (Sunday → Friday) after 12 h: not at night
    w.tick("2026-11-29T09:00+10:00")  # nor on Sunday
    assert w.notifier.kinds(BRISBANE_WORKER) == ["prompt"]
    w.tick("2026-11-30T08:00+10:00")
    assert w.notifier.kinds(BRISBANE_WORKER) == ["prompt"]


def test_a_late_tick_waits_for_the_next_working_morning(world):
    w = world()
    w.tick("2026-11-27T18:30+10:00")  # the service was down all Friday
    assert w.notifier.kinds(BRISBANE_WORKER) == []
    w.tick("2026-11-30T09:00+10:00")  # Monday morning: the prompt at last
    assert w.notifier.kinds(BRISBANE_WORKER) == ["prompt"]


def test_no_prompts_after_the_meeting_has_started(world):
    w = world()
    w.tick("2026-12-01T10:00+10:00")  # the tick was down until the meeting began
    assert "prompt" not in w.notifier.kinds()
