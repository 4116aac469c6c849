"""Actions and the nudges about them: one DM per owner per stage, snooze, leave, done."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain import InvalidInput, NotAuthorised, NotFound
from bot.services import actions, leave, nudges
from tests.services.conftest import BRISBANE_WORKER, FACILITATOR, SYDNEY_WORKER


def record(w, by: str, code: str, owner: str, text: str, **kw):
    return actions.record(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        renderer=w.ctx.renderer,
        user_id=by,
        case_code=code,
        owner_id=owner,
        text=text,
        **kw,
    )


def scheduled(w, user: str) -> list[str]:
    """The kinds of scheduled DMs the user got (not the one-off action notices)."""
    return [k for k in w.notifier.kinds(user) if k != "assignment"]


def nudges_to(w, user: str) -> list:
    """Every DM that listed the user's open actions: a nudge, or a prompt that carried them."""
    return [
        obj
        for kind, obj in w.renderer.rendered
        if getattr(obj, "member", None) == user and (kind == "nudge" or getattr(obj, "actions", ()))
    ]


def test_due_phrases_and_the_default_due_date(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")  # a Wednesday
    friday = record(w, FACILITATOR, "U1R-014", SYDNEY_WORKER, "call the housing provider by Friday")
    assert friday.result.action.text == "call the housing provider"
    assert friday.result.action.due_on == dt.date(2026, 11, 27)
    plain = record(w, FACILITATOR, "U1R-014", SYDNEY_WORKER, "book a GP appointment")
    assert plain.result.action.due_on == dt.date(2026, 12, 1), "no date: due at the next meeting"
    explicit = record(
        w,
        FACILITATOR,
        "U1R-015",
        BRISBANE_WORKER,
        "ring me by Friday",
        due_on=dt.date(2026, 12, 10),
        parse_due=False,
    )
    assert explicit.result.action.text == "ring me by Friday"
    assert explicit.result.action.due_on == dt.date(2026, 12, 10)


def test_recording_tells_the_channel_and_the_owner_once(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    recorded = record(
        w,
        FACILITATOR,
        "U1R-014",
        SYDNEY_WORKER,
        "Jane Quokkafield to see the tenancy officer by 3/12",
    )
    assert recorded.result.action.text == "U1R-014 to see the tenancy officer"
    assert recorded.result.action.due_on == dt.date(2026, 12, 3)
    w.ctx.deliver(recorded.outbox_keys)
    w.ctx.deliver(recorded.outbox_keys)
    assert [(c, p["kind"]) for c, p, _ in w.notifier.sent] == [
        ("C0U1R0001", "announcement"),
        (SYDNEY_WORKER, "assignment"),
    ]


@pytest.mark.parametrize(
    ("by", "code", "owner", "text", "error", "words"),
    [
        ("U0STRANGR", "U1R-014", SYDNEY_WORKER, "x", NotFound, "not set up in Casebot"),
        (FACILITATOR, "U1R-999", SYDNEY_WORKER, "x", NotFound, "U1R-999"),
        (FACILITATOR, "U1R-014", "U0NOBODY1", "call", NotFound, "not set up in Casebot"),
        (FACILITATOR, "U1R-014", SYDNEY_WORKER, "by Friday", InvalidInput, "what needs doing"),
        (FACILITATOR, "U1R-014", SYDNEY_WORKER, "call by 3/11/2026", InvalidInput, "past"),
    ],
)
def test_bad_actions_are_refused_kindly(world, by, code, owner, text, error, words):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    with pytest.raises(error) as caught:
        record(w, by, code, owner, text)
    assert words.lower() in caught.value.message.lower()


def test_only_group_members_record_actions(world):
    w = world()
    w.cli.ok(
        "group",
        "create",
        "--name",
        "Northside",
        "--channel",
        "C0NORTH01",
        "--rrule",
        "FREQ=WEEKLY;BYDAY=WE;BYHOUR=14",
        "--tz",
        "Australia/Brisbane",
    )
    w.cli.ok(
        "member",
        "add",
        "--user",
        "U0NORTH01",
        "--agency",
        "Micah Projects",
        "--role",
        "facilitator",
        "--group",
        "Northside",
    )
    w.at("2026-11-25T12:00+10:00")
    with pytest.raises(NotAuthorised):
        record(w, "U0NORTH01", "U1R-014", SYDNEY_WORKER, "call")


def test_the_owner_must_belong_to_the_group(world):
    w = world()
    w.cli.ok(
        "member",
        "add",
        "--user",
        "U0OUTSID1",
        "--agency",
        "Micah Projects",
        "--role",
        "worker",
        "--group",
        "Under 1 Roof",
    )
    w.cli.ok(
        "group",
        "create",
        "--name",
        "Northside",
        "--channel",
        "C0NORTH01",
        "--rrule",
        "FREQ=WEEKLY;BYDAY=WE;BYHOUR=14",
        "--tz",
        "Australia/Brisbane",
    )
    w.cli.ok(
        "member",
        "add",
        "--user",
        "U0NORTH01",
        "--agency",
        "Micah Projects",
        "--role",
        "worker",
        "--group",
        "Northside",
    )
    w.at("2026-11-25T12:00+10:00")
    with pytest.raises(NotAuthorised, match="must be a member of Under 1 Roof"):
        record(w, FACILITATOR, "U1R-014", "U0NORTH01", "call the housing provider")
    assert record(w, FACILITATOR, "U1R-014", "U0OUTSID1", "call").result.action.owner == (
        "U0OUTSID1"
    )


def test_one_nudge_per_owner_listing_all_their_actions(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    record(w, FACILITATOR, "U1R-014", SYDNEY_WORKER, "call the housing provider by Thursday")
    record(w, FACILITATOR, "U1R-015", SYDNEY_WORKER, "send the referral")
    record(w, FACILITATOR, "U1R-015", BRISBANE_WORKER, "book the van")
    done = record(w, FACILITATOR, "U1R-015", BRISBANE_WORKER, "already done")
    actions.complete(
        uow=w.ctx.uow(), clock=w.ctx.clock, user_id=BRISBANE_WORKER, action_id=done.result.action.id
    )
    w.tick("2026-11-27T07:59+10:00")
    assert nudges_to(w, SYDNEY_WORKER) == []
    w.tick("2026-11-27T08:00+10:00")  # 09:00 in Sydney, 3 days before
    w.tick("2026-11-27T09:00+10:00")
    w.tick("2026-11-27T09:00+10:00")
    (sydney,) = nudges_to(w, SYDNEY_WORKER)
    assert [a.text for a in sydney.actions] == ["call the housing provider", "send the referral"]
    assert [a.overdue for a in sydney.actions] == [True, False]  # Thursday 26 Nov has passed
    (brisbane,) = nudges_to(w, BRISBANE_WORKER)
    assert [a.text for a in brisbane.actions] == ["book the van"]
    assert nudges_to(w, FACILITATOR) == []
    # The prompt was due at the same moment: the actions rode along in it, one DM each.
    assert scheduled(w, SYDNEY_WORKER) == ["prompt"]
    assert scheduled(w, BRISBANE_WORKER) == ["prompt"]
    from bot.domain import AttendanceResponse
    from bot.services import prompts

    prompts.respond(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        user_id=BRISBANE_WORKER,
        meeting_id=sydney.meeting.id,
        response=AttendanceResponse.ATTENDING,
    )
    w.tick("2026-11-30T09:00+10:00")  # 1 day before: the second stage
    w.tick("2026-11-30T09:05+10:00")
    assert len(nudges_to(w, SYDNEY_WORKER)) == 2 and len(nudges_to(w, BRISBANE_WORKER)) == 2
    # Kate had not answered: her reminder carries the actions; Omar had, so he gets a nudge.
    assert scheduled(w, SYDNEY_WORKER) == ["prompt", "reminder"]
    assert scheduled(w, BRISBANE_WORKER) == ["prompt", "nudge"]


def test_stages_due_together_send_one_nudge(world):
    w = world()
    w.at("2026-11-30T10:00+10:00")  # after both stages' times
    record(w, FACILITATOR, "U1R-015", BRISBANE_WORKER, "book the van")
    w.tick()
    w.tick("2026-11-30T11:00+10:00")
    assert len(nudges_to(w, BRISBANE_WORKER)) == 1


def test_snooze_brings_the_nudge_back_tomorrow_at_nine(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    record(w, FACILITATOR, "U1R-014", SYDNEY_WORKER, "call the housing provider")
    w.tick("2026-11-27T08:00+10:00")
    meeting = nudges_to(w, SYDNEY_WORKER)[0].meeting.id
    until = nudges.snooze(
        uow=w.ctx.uow(), clock=w.ctx.clock, user_id=SYDNEY_WORKER, meeting_id=meeting
    )
    # Snoozed on a Friday: back on Monday, 09:00 in Sydney.
    assert until == dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=11)))
    w.tick("2026-11-28T08:00+10:00")
    w.tick("2026-11-30T07:59+10:00")
    assert len(nudges_to(w, SYDNEY_WORKER)) == 1
    w.tick("2026-11-30T08:00+10:00")
    w.tick("2026-11-30T08:30+10:00")
    assert len(nudges_to(w, SYDNEY_WORKER)) == 2


def test_snooze_midweek_is_until_tomorrow(world):
    w = world(first="2026-12-04T10:00", rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;BYHOUR=10")
    w.at("2026-11-25T12:00+10:00")
    record(w, FACILITATOR, "U1R-015", BRISBANE_WORKER, "book the van")
    w.tick("2026-12-01T09:00+10:00")  # Tuesday, 3 days before
    meeting = nudges_to(w, BRISBANE_WORKER)[0].meeting.id
    until = nudges.snooze(
        uow=w.ctx.uow(), clock=w.ctx.clock, user_id=BRISBANE_WORKER, meeting_id=meeting
    )
    assert until == dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=10)))


def test_no_nudges_while_on_leave(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    record(w, FACILITATOR, "U1R-015", BRISBANE_WORKER, "book the van")
    leave.set_leave(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        user_id=BRISBANE_WORKER,
        starts_on=dt.date(2026, 11, 27),
        ends_on=dt.date(2026, 12, 2),
    )
    w.tick("2026-11-27T09:00+10:00")
    w.tick("2026-11-30T09:00+10:00")
    assert nudges_to(w, BRISBANE_WORKER) == []


def test_only_the_owner_or_a_facilitator_completes_an_action(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    recorded = record(w, FACILITATOR, "U1R-015", BRISBANE_WORKER, "book the van")
    with pytest.raises(NotAuthorised):
        actions.complete(
            uow=w.ctx.uow(),
            clock=w.ctx.clock,
            user_id=SYDNEY_WORKER,
            action_id=recorded.result.action.id,
        )
    view = actions.complete(
        uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FACILITATOR, action_id=recorded.result.action.id
    )
    assert view.status.value == "done"


def test_progress_notes_are_deidentified(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    recorded = record(w, FACILITATOR, "U1R-014", SYDNEY_WORKER, "call the housing provider")
    _, shown = actions.add_progress(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        user_id=SYDNEY_WORKER,
        action_id=recorded.result.action.id,
        text="Left a message for Jane on 0412 345 678",
    )
    (note,) = actions.progress_notes(uow=w.ctx.uow(), action_id=recorded.result.action.id)
    assert note == shown == "Left a message for U1R-014 on [phone]"
