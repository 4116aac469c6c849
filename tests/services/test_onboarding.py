"""Champions' onboarding against a real database with an injected clock: automatic ticks
(presenting a client, being marked present), the stall clock reset by a tick, the mentor's
digest in their own working hours (Sydney and Perth), completion announced once."""

from __future__ import annotations

import datetime as dt

from bot.domain import AutoTick
from bot.services import onboarding, running, updates
from tests.services.conftest import BRISBANE_WORKER, FACILITATOR, SYDNEY_WORKER

CHANNEL = "C0U1R0001"
MENTOR = "U0MENT001"  # in Perth: two hours behind Brisbane, three behind Sydney in summer


def _setup(world):
    w = world(zones={SYDNEY_WORKER: "Australia/Sydney", BRISBANE_WORKER: "Australia/Brisbane",
                     FACILITATOR: "Australia/Brisbane", MENTOR: "Australia/Perth"})
    w.cli.ok("member", "add", "--user", MENTOR, "--agency", "Brisbane Housing Company",
             "--role", "mentor")
    w.tick("2026-11-23T08:00+10:00")  # reads the members' zones from the directory
    w.cli.ok("champion", "add", "--user", SYDNEY_WORKER, "--agency", "Micah Projects")
    return w


def _sent(w, user: str) -> list[tuple[str, dt.datetime]]:
    """(kind, when) of what ``user`` was sent by the services (the CLI's DMs are Block Kit)."""
    return [(p.get("kind", "cli"), at) for c, p, at in w.notifier.sent if c == user]


def _ticked(w) -> dict[str, str]:
    with w.ctx.uow() as uow:
        member = uow.members.by_user(SYDNEY_WORKER)
        (progress,) = onboarding.champion_progress(uow, member.id)
        ticks = uow.champions.ticks([progress.champion_id])[progress.champion_id]
        return {k: t.how for k, t in ticks.items()}


def test_an_update_on_an_own_agency_client_and_being_marked_present_tick_themselves(world):
    w = _setup(world)
    w.at("2026-11-26T10:00+10:00")
    updates.submit(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=SYDNEY_WORKER,
                   case_code="U1R-014", text="moved into transitional housing", source="dm",
                   renderer=w.renderer)
    assert _ticked(w) == {"present": AutoTick.PRESENT.value}
    w.at("2026-12-01T10:00+10:00")
    running.start(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FACILITATOR, channel_id=CHANNEL)
    running.mark_present(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FACILITATOR,
                         channel_id=CHANNEL, present=[SYDNEY_WORKER])
    assert _ticked(w) == {"present": "present", "observe": "attend"}


def test_the_mentor_sees_only_their_own_mentees_and_gets_a_weekly_digest_in_their_hours(world):
    w = _setup(world)
    with w.ctx.uow() as uow:
        mentor = uow.members.by_user(MENTOR)
        other = uow.members.by_user(FACILITATOR)
        assert [p.champion for p in onboarding.mentees_of(uow, mentor.id)] == [SYDNEY_WORKER]
        assert onboarding.mentees_of(uow, other.id) == []
    # Monday 30 Nov: 09:00 in Brisbane is 07:00 in Perth, too early; 11:00 is 09:00 there.
    w.tick("2026-11-30T09:00+10:00")
    assert "onboarding-digest" not in [k for k, _ in _sent(w, MENTOR)]
    w.tick("2026-11-30T11:00+10:00")
    w.tick("2026-12-02T11:00+10:00")
    digests = [at for k, at in _sent(w, MENTOR) if k == "onboarding-digest"]
    assert digests == [dt.datetime.fromisoformat("2026-11-30T11:00+10:00")]


def test_a_tick_resets_the_stall_clock_and_completion_is_announced_once(world):
    w = _setup(world)
    with w.ctx.uow() as uow:
        (p,) = onboarding.champion_progress(uow, uow.members.by_user(SYDNEY_WORKER).id)
    w.at("2026-12-07T10:00+10:00")  # a tick on day 14 - 1
    onboarding.tick(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.renderer,
                    user_id=SYDNEY_WORKER, value=f"{p.champion_id}:purpose")
    w.tick("2026-12-08T10:00+10:00")  # 15 days after being added, 1 after the tick
    assert "onboarding-stalled" not in [k for k, _ in _sent(w, SYDNEY_WORKER)]
    w.tick("2026-12-21T10:30+10:00")  # 14 days after the tick: 11:30 in Sydney
    assert [k for k, _ in _sent(w, SYDNEY_WORKER)].count("onboarding-stalled") == 1
    assert [k for k, _ in _sent(w, MENTOR)].count("onboarding-mentee_stalled") == 1
    for item in p.items:
        onboarding.tick(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.renderer,
                        user_id=SYDNEY_WORKER, value=f"{p.champion_id}:{item.key}")
    w.tick("2026-12-21T11:00+10:00")
    w.tick("2026-12-22T11:00+10:00")
    assert [k for k, _ in _sent(w, MENTOR)].count("onboarding-complete") == 1
    assert [k for k, _ in _sent(w, FACILITATOR)].count("onboarding-complete_welcome") == 1
