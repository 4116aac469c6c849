"""Prompts only to those who need them: members with no clients and no open actions are asked
whether they will attend, and nothing more, unless the group prompts their role in full."""

from __future__ import annotations

from tests.services.conftest import BRISBANE_WORKER, FACILITATOR

MENTOR = "U0MENTOR1"


def _prompts_to(w, user: str) -> list:
    return [obj for kind, obj in w.renderer.rendered
            if kind in ("prompt", "reminder") and obj.member == user]


def _with_mentor(world, *roles: str):
    w = world(zones={MENTOR: "Australia/Brisbane", BRISBANE_WORKER: "Australia/Brisbane",
                     FACILITATOR: "Australia/Brisbane"})
    w.cli.ok("member", "add", "--user", MENTOR, "--agency", "Micah Projects",
             *[a for r in roles for a in ("--role", r)])
    return w


def test_a_mentor_with_no_clients_is_asked_about_attendance_only(world):
    w = _with_mentor(world, "mentor")
    w.tick("2026-11-27T09:00+10:00")  # prompt day
    w.tick("2026-11-30T09:00+10:00")  # reminder day: nobody has answered
    (prompt,) = _prompts_to(w, MENTOR)
    assert prompt.attendance_only and not prompt.clients and not prompt.actions
    assert w.notifier.kinds(MENTOR) == ["prompt"], "no update reminder"
    # A worker with a client still gets the update prompt and the reminder.
    assert w.notifier.kinds(BRISBANE_WORKER) == ["prompt", "reminder"]
    assert not _prompts_to(w, BRISBANE_WORKER)[0].attendance_only


def test_the_group_can_prompt_mentors_in_full(world):
    w = _with_mentor(world, "mentor")
    out = w.cli.ok("group", "prompts", "--group", "Under 1 Roof", "--full-for", "mentor,champion")
    assert "except champion, mentor" in out
    assert "group_prompt_roles" in w.cli.ok("audit")
    w.tick("2026-11-27T09:00+10:00")
    w.tick("2026-11-30T09:00+10:00")
    assert w.notifier.kinds(MENTOR) == ["prompt", "reminder"]
    assert not _prompts_to(w, MENTOR)[0].attendance_only
    # The facilitator's role is not switched: attendance only.
    assert w.notifier.kinds(FACILITATOR) == ["prompt"]
    assert _prompts_to(w, FACILITATOR)[0].attendance_only


def test_switching_back_and_the_mentors_open_action_counts(world):
    from bot.services import actions

    w = _with_mentor(world, "mentor", "worker")
    w.cli.ok("group", "prompts", "--group", "Under 1 Roof", "--full-for", "mentor")
    out = w.cli.ok("group", "prompts", "--group", "Under 1 Roof",
                   "--attendance-only-for", "mentor")
    assert "except" not in out
    w.at("2026-11-20T10:00+10:00")
    actions.record(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                   user_id=FACILITATOR, case_code="U1R-015", owner_id=MENTOR,
                   text="call the housing officer by Friday", channel_id=None)
    w.tick("2026-11-27T09:00+10:00")
    (prompt,) = _prompts_to(w, MENTOR)
    assert not prompt.attendance_only, "an open action is something to report on"


def test_unknown_roles_get_a_kind_error_and_change_nothing(world):
    w = _with_mentor(world, "mentor")
    result = w.cli("group", "prompts", "--group", "Under 1 Roof", "--full-for", "mentor,boss")
    assert result.code != 0
    assert "'boss' is not a role" in result.err and "worker, facilitator" in result.err
    result = w.cli("group", "prompts", "--group", "Under 1 Roof", "--full-for", "mentor",
                   "--attendance-only-for", "mentor")
    assert result.code != 0 and "both" in result.err
    out = w.cli.ok("group", "prompts", "--group", "Under 1 Roof")
    assert "except" not in out
    assert "group_prompt_roles" not in w.cli.ok("audit")
