"""Moving or cancelling one meeting: prompts and nudges follow; those already asked are told."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain import NotAuthorised
from bot.services import actions, reschedule, updates
from tests.services.conftest import BRISBANE_WORKER, FACILITATOR, SYDNEY_WORKER

BNE = dt.timezone(dt.timedelta(hours=10))


def move(w, day: dt.date, to: dt.datetime, **kw):
    return reschedule.move(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        renderer=w.ctx.renderer,
        group="Under 1 Roof",
        day=day,
        to_local=to,
        actor="test",
        **kw,
    )


def cancel(w, day: dt.date, **kw):
    return reschedule.cancel(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        renderer=w.ctx.renderer,
        group="Under 1 Roof",
        day=day,
        actor="test",
        **kw,
    )


def test_prompts_follow_a_moved_meeting(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    move(w, dt.date(2026, 12, 1), dt.datetime(2026, 12, 3, 14, 0))
    w.tick("2026-11-27T09:00+10:00")  # 3 days before the old date: nothing now
    assert "prompt" not in w.notifier.kinds()
    w.tick("2026-11-30T09:00+10:00")  # 3 days before Thu 3 Dec
    assert w.notifier.kinds(BRISBANE_WORKER) == ["prompt"]
    (prompt,) = [o for k, o in w.renderer.rendered if k == "prompt" and o.member == BRISBANE_WORKER]
    assert prompt.meeting.starts_at == dt.datetime(2026, 12, 3, 14, 0, tzinfo=BNE)
    w.tick("2026-12-03T12:00+10:00")
    assert "agenda" in w.notifier.kinds("C0U1R0001")


def test_those_already_asked_are_told(world):
    w = world()
    w.tick("2026-11-27T09:00+10:00")
    change, keys = move(w, dt.date(2026, 12, 1), dt.datetime(2026, 12, 2, 10, 0))
    assert len(keys) == 4  # three members and the channel
    w.ctx.deliver(keys)
    told = [c for c, p, _ in w.notifier.sent if p["kind"] == "meeting-change"]
    assert sorted(told) == sorted([SYDNEY_WORKER, BRISBANE_WORKER, FACILITATOR, "C0U1R0001"])
    assert change.was == dt.datetime(2026, 12, 1, 0, 0, tzinfo=dt.UTC)


def test_a_cancelled_meeting_gets_no_prompts_nudges_or_agenda(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    actions.record(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        renderer=w.ctx.renderer,
        user_id=FACILITATOR,
        case_code="U1R-015",
        owner_id=BRISBANE_WORKER,
        text="book the van",
    )
    early = updates.submit(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        user_id=SYDNEY_WORKER,
        case_code="U1R-014",
        text="early news",
        source="dm",
        renderer=w.ctx.renderer,
    )
    change, _ = cancel(w, dt.date(2026, 12, 1))
    assert change.next.starts_at == dt.datetime(2026, 12, 15, 0, 0, tzinfo=dt.UTC)
    for moment in ("2026-11-27T09:00", "2026-11-30T09:00", "2026-12-01T08:30"):
        w.tick(moment + "+10:00")
    kinds = [k for k in w.notifier.kinds() if k not in ("announcement", "assignment")]
    assert kinds == []
    w.tick("2026-12-11T09:00+10:00")  # the next meeting's prompts, with the action riding
    assert w.notifier.kinds(BRISBANE_WORKER)[-1] == "prompt"
    w.tick("2026-12-15T08:00+10:00")
    (agenda,) = [o for k, o in w.renderer.rendered if k == "agenda"]
    item = next(i for i in agenda.items if i.case_code == "U1R-014")
    assert [u.id for u in item.updates] == [early.update.id], "the update went to the next one"


def test_only_facilitators_change_meetings_from_slack(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    with pytest.raises(NotAuthorised):
        cancel(w, dt.date(2026, 12, 1), user_id=BRISBANE_WORKER)
    cancel(w, dt.date(2026, 12, 1), user_id=FACILITATOR)


def test_cli_meeting_commands(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    out = w.cli.ok(
        "meeting",
        "move",
        "--group",
        "Under 1 Roof",
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-02T09:30",
    )
    assert "now meets Wed 02 Dec 2026 09:30" in out
    listing = w.cli.ok("meeting", "list", "--group", "Under 1 Roof")
    assert "Wed 02 Dec 2026 09:30" in listing and "moved" in listing
    bad = w.cli("meeting", "cancel", "--group", "Under 1 Roof", "--date", "2026-12-03")
    assert bad.code != 0 and "no meeting on Thu 03 Dec 2026" in bad.err
    assert "Cancelled" in w.cli.ok(
        "meeting", "cancel", "--group", "Under 1 Roof", "--date", "2026-12-02"
    )


def test_nudges_follow_a_moved_meeting(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    actions.record(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                   user_id=FACILITATOR, case_code="U1R-015", owner_id=BRISBANE_WORKER,
                   text="book the van by 2026-11-28")
    move(w, dt.date(2026, 12, 1), dt.datetime(2026, 12, 8, 10, 0))  # a week later
    for day in ("2026-11-26", "2026-11-27", "2026-11-30", "2026-12-01", "2026-12-02"):
        w.tick(f"{day}T09:00+10:00")  # the old meeting's nudge days: nothing for it
    sent = [k for k in w.notifier.kinds(BRISBANE_WORKER) if k != "assignment"]
    assert sent == []
    w.tick("2026-12-04T09:00+10:00")  # Fri, 3 working days before Tue 8 Dec: prompt + actions
    (prompt,) = [o for k, o in w.renderer.rendered if k == "prompt" and o.member == BRISBANE_WORKER]
    assert [a.text for a in prompt.actions] == ["book the van"]
    w.tick("2026-12-07T09:00+10:00")  # the day before: the reminder or nudge carries it again
    last = w.renderer.rendered[-1]
    assert last[0] in ("nudge", "reminder") and last[1].member == BRISBANE_WORKER
    assert "book the van" in [a.text for a in last[1].actions]
