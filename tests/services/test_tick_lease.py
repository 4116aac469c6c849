"""One tick a minute for the whole deployment, and an idle tick whose cost does not grow with
the open actions.

Every gunicorn worker of every instance runs the minute scheduler; here four contexts, each with
its own engine (2 "workers" × 2 "instances"), call the scheduler's entry point at the same moment
against one database, and the members count the prompts they get.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from bot.bootstrap import build
from bot.config import load_settings
from bot.context import AppContext
from bot.domain import AttendanceResponse
from bot.jobs import TickReport, claim_tick, give_back_tick, scheduled_tick, tick
from bot.services import prompts
from storage.models import Action, Client, Meeting, Member
from tests.services.conftest import BRISBANE_WORKER, SYDNEY_WORKER

# The meeting is Tue 1 Dec 10:00 Brisbane; prompts go on Fri 27 Nov at 09:00 on each member's
# clock (Saturday's, a weekend, brought forward), nudges 3 and 1 days before.
PROMPT_TIME = "2026-11-27T09:30+10:00"
QUIET = "2026-11-24T12:00+10:00"  # a week before: nothing is due
AFTER_PROMPTS = "2026-11-29T15:00+10:00"  # Sunday: the prompts and first nudges all went out


def _instances(world: Any, count: int = 4) -> tuple[list[AppContext], Callable[[], None]]:
    """``count`` serving processes' contexts on the world's database, each with its engine."""
    containers = [build(load_settings(world.cli.env), clock=world.cli.clock)
                  for _ in range(count)]
    contexts = [AppContext(c.uow, world.cli.clock, world.renderer, world.notifier)
                for c in containers]

    def close() -> None:
        for container in containers:
            container.close()

    return contexts, close


def _at_once(contexts: list[AppContext], seconds: int = 60) -> list[TickReport | None]:
    """Every context calls the scheduler's entry point at the same moment, from its thread."""
    gate = threading.Barrier(len(contexts))
    reports: list[TickReport | None] = []
    errors: list[BaseException] = []

    def run(n: int, ctx: AppContext) -> None:
        gate.wait()
        try:
            reports.append(scheduled_tick(ctx, holder=f"instance-{n // 2}:worker-{n % 2}",
                                          seconds=seconds))
        except BaseException as exc:  # shown by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n, c)) for n, c in enumerate(contexts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return reports


def _start_of_a_period(seconds: int, room: float) -> None:
    """Wait, if needed, so that ``room`` seconds remain in the current period (the database's
    clock is this machine's here): the calls below then all fall in one period."""
    left = seconds - time.time() % seconds
    if left < room:
        time.sleep(left + 0.05)


def test_two_workers_on_two_instances_run_one_tick_a_minute(world, caplog):
    w = world()
    w.at(PROMPT_TIME)
    contexts, close = _instances(w)
    try:
        _start_of_a_period(60, room=30)
        with caplog.at_level("DEBUG", logger="bot.jobs"):
            start = int(time.time() // 60)
            first = _at_once(contexts)
            minute = int(time.time() // 60)
            again = _at_once(contexts)  # later in the same minute: the minute's tick has run
            end = int(time.time() // 60)
    finally:
        close()
    # One tick a minute. A loaded machine can reach the next minute during the rounds: that
    # minute may have its own tick, which finds nothing left to send.
    ticks = [r for r in first + again if r is not None]
    assert sum(r is not None for r in first) <= minute - start + 1
    assert 1 <= len(ticks) <= end - start + 1
    assert sum(r is not None for r in again) <= end - minute
    ran = max(ticks, key=lambda r: r.prompts)
    assert all(r.sent == 0 and r.prompts == 0 for r in ticks if r is not ran)
    assert ran.prompts == 3 and ran.sent == 3
    # Each member got their prompt once, not once per worker.
    for user in (SYDNEY_WORKER, BRISBANE_WORKER):
        assert [kind for kind, _ in w.sent_to(user)] == ["prompt"]
    skipped = [r for r in caplog.records if "tick skipped" in r.getMessage()]
    assert len(skipped) == 8 - len(ticks) and all(r.levelname == "DEBUG" for r in skipped)


def test_one_tick_each_period_however_many_ask(world):
    w = world()
    w.at(QUIET)
    contexts, close = _instances(w)
    try:
        rounds = []
        for _ in range(3):  # three periods of two seconds, each asked by all four at once
            _start_of_a_period(2, room=1.5)
            first = int(time.time() // 2)
            ran = sum(r is not None for r in _at_once(contexts, seconds=2))
            rounds.append((ran, int(time.time() // 2) - first + 1))  # ticks, periods spanned
            time.sleep(2 - time.time() % 2 + 0.05)  # into the next period
    finally:
        close()
    # One tick a period: exactly one when the round stayed in its period (the usual case), and
    # never more than one a period when a loaded machine made it reach into the next.
    assert all(1 <= ran <= periods for ran, periods in rounds), rounds
    assert any(periods == 1 for _, periods in rounds), rounds


def _open_actions(w: Any, total: int) -> None:
    """Bring the group's open actions up to ``total``, spread over its clients and members."""
    engine = sa.create_engine(w.cli.env["DATABASE_URL"])
    with engine.begin() as conn:
        have = conn.scalar(sa.select(sa.func.count()).select_from(Action)) or 0
        clients = conn.scalars(sa.select(Client.id).order_by(Client.id)).all()
        owners = conn.scalars(sa.select(Member.id).order_by(Member.id)).all()
        conn.execute(sa.insert(Action), [
            {"client_id": clients[n % len(clients)], "owner_id": owners[n % len(owners)],
             "text": f"follow up {n}", "due_on": dt.date(2026, 12, 8), "status": "open",
             "carried_count": 0, "created_at": dt.datetime(2026, 11, 17, tzinfo=dt.UTC)}
            for n in range(have, total)
        ])
    engine.dispose()


def _statements(w: Any, iso: str) -> int:
    """SQL statements issued by one tick at ``iso`` that sends nothing."""
    container = build(load_settings(w.cli.env), clock=w.cli.clock)
    count = 0

    def counted(*_args: Any) -> None:
        nonlocal count
        count += 1

    sa.event.listen(container.engine, "before_cursor_execute", counted)
    sent = len(w.notifier.sent)
    try:
        w.at(iso)
        tick(AppContext(container.uow, w.cli.clock, w.renderer, w.notifier, w.directory))
    finally:
        container.close()
    assert len(w.notifier.sent) == sent, "the tick was not idle"
    return count


def test_an_idle_tick_asks_as_much_with_3000_open_actions_as_with_60(world):
    w = world()
    w.tick(QUIET)  # the members' zones are read from Slack once
    _open_actions(w, 60)
    quiet = [_statements(w, QUIET)]
    _open_actions(w, 3000)
    quiet.append(_statements(w, QUIET))
    assert quiet[0] == quiet[1]

    # Once the prompts and nudges are all queued, nothing new is due until the reminders.
    report = w.tick(PROMPT_TIME)
    assert report.prompts == 3 and report.nudges == 0  # the nudges ride in the prompts
    after = [_statements(w, AFTER_PROMPTS)]
    engine = sa.create_engine(w.cli.env["DATABASE_URL"])
    with engine.begin() as conn:  # 2,940 of them done: 60 left open
        conn.execute(sa.update(Action).where(Action.id > 60).values(status="done"))
    engine.dispose()
    after.append(_statements(w, AFTER_PROMPTS))
    assert after[0] == after[1]


def test_what_is_due_after_the_prompts_still_goes(world):
    """The quick "nothing due" checks do not hide a nudge or a reminder that is due."""
    w = world()
    _open_actions(w, 60)
    w.tick(PROMPT_TIME)
    engine = sa.create_engine(w.cli.env["DATABASE_URL"])
    with engine.connect() as conn:
        meeting_id = conn.scalar(sa.select(Meeting.id))
    engine.dispose()
    prompts.respond(uow=w.ctx.uow(), clock=w.cli.clock, user_id=SYDNEY_WORKER,
                    meeting_id=meeting_id, response=AttendanceResponse.ATTENDING)
    before = {u: len(w.sent_to(u)) for u in (SYDNEY_WORKER, BRISBANE_WORKER)}
    w.tick(AFTER_PROMPTS)
    w.tick("2026-11-30T09:30+10:00")  # Monday, a day before: the last nudge stage, reminders
    kinds = {u: [k for k, _ in w.sent_to(u)[before[u]:]] for u in before}
    assert kinds == {SYDNEY_WORKER: ["nudge"], BRISBANE_WORKER: ["reminder"]}
    reminder = next(p for kind, p in w.renderer.rendered if kind == "reminder")
    assert len(reminder.actions) == 20  # the unanswered worker's actions ride in the reminder


def test_a_later_second_of_the_same_minute_does_not_claim_the_tick_again(world):
    """The period is a whole number on both databases: claims a few seconds apart in one minute
    get one tick (a fractional period, as SQLite's true division gave, re-claimed each second)."""
    w = world()
    w.at(QUIET)
    contexts, close = _instances(w, count=1)
    try:
        _start_of_a_period(60, room=10)
        ran = [_at_once(contexts)[0] is not None]
        time.sleep(2.1)  # two seconds on, the same minute
        ran.append(_at_once(contexts)[0] is not None)
    finally:
        close()
    assert ran == [True, False]


def test_a_stopping_instance_hands_its_tick_to_the_next_at_once(world):
    """SIGTERM: the instance that had this period's tick hands it back, so the instance taking
    its place ticks (and sends what it gave back) within the period; a process that did not
    hold the tick hands back nothing. An hour's period keeps the test off a minute boundary."""
    w = world()
    w.at(QUIET)
    (old, new, other), close = _instances(w, 3)
    try:
        assert claim_tick(old, holder="old:1", seconds=3600)
        assert not claim_tick(new, holder="new:1", seconds=3600)
        old.stopping.set()
        assert scheduled_tick(old, holder="old:1", seconds=3600) is None, "no tick once stopping"
        give_back_tick(other, holder="other:1", seconds=3600)
        assert not claim_tick(new, holder="new:1", seconds=3600), "not other's to give"
        give_back_tick(old, holder="old:1", seconds=3600)
        assert claim_tick(new, holder="new:1", seconds=3600)
        assert not claim_tick(other, holder="other:1", seconds=3600), "still one per period"
    finally:
        close()
