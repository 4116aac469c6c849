"""The outbox: each key sent once, failures held back on the database's clock, leases keep
senders apart whatever their own clocks say, a channel's messages go in order."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import time

import sqlalchemy as sa

from bot.domain import OutboxStatus
from bot.ports import CannotCheck, DeliveryError, FixedClock, Pace
from bot.services import outbox
from storage.models import OutboxMessage
from tests import outbox_time

CHANNEL = "C0U1R0001"


def queue(w, key: str, channel: str = "U0OMAR001", *, not_before: dt.datetime | None = None
          ) -> bool:
    with w.ctx.uow() as uow:
        added = uow.outbox.enqueue(
            key=key,
            kind="test",
            channel=channel,
            payload={"text": key, "kind": "test"},
            now=w.ctx.clock.now(),
            not_before=not_before,
        )
        uow.commit()
    return added


def row(w, key: str) -> OutboxMessage:
    with w.ctx.uow() as uow:
        found = uow.session.scalar(
            sa.select(OutboxMessage).where(OutboxMessage.idempotency_key == key)
        )
        uow.session.expunge(found)  # keep its loaded values after the session closes
        return found


def database_time(w) -> dt.datetime:
    return outbox_time.database_time(w.ctx.uow)


def database_time_passes(w, seconds: float) -> None:
    outbox_time.database_time_passes(w.ctx.uow, seconds)


def sent_texts(w) -> list[str]:
    return [p["text"] for _, p, _ in w.notifier.sent]


def test_a_key_is_one_message(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    assert queue(w, "k:1") is True
    assert queue(w, "k:1") is False
    assert w.ctx.deliver() == 1
    assert w.ctx.deliver() == 0
    assert [c for c, _, _ in w.notifier.sent] == ["U0OMAR001"]
    sent = row(w, "k:1")
    assert sent.status == OutboxStatus.SENT.value
    assert (sent.slack_channel, sent.slack_ts) == ("DU0OMAR001", "1.0")


def test_transient_failures_are_held_on_the_database_clock(world):
    """The backoff is counted on the database's clock: moving the sender's clock on does not
    end it; the database's clock reaching it does."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:2")
    w.notifier.failures.append(DeliveryError("internal_error", permanent=False))
    before = database_time(w)
    assert w.ctx.deliver() == 0
    after = database_time(w)
    failed = row(w, "k:2")
    assert failed.status == OutboxStatus.PENDING.value and failed.last_error == "internal_error"
    backoff = dt.timedelta(seconds=30)
    assert before + backoff <= failed.retry_at <= after + backoff
    assert failed.not_before == w.ctx.clock.now(), "the due time is the domain's, unchanged"
    w.ctx.clock.advance(dt.timedelta(hours=1))
    assert w.ctx.deliver() == 0, "not before its backoff, whatever the sender's clock says"
    database_time_passes(w, 30)
    assert w.ctx.deliver() == 1
    assert row(w, "k:2").retry_at is None


def test_rate_limits_hold_the_row_for_retry_after(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:3")
    w.notifier.failures.append(DeliveryError("ratelimited", permanent=False, retry_after=7))
    before = database_time(w)
    assert w.ctx.deliver() == 0
    after = database_time(w)
    held = dt.timedelta(seconds=7)
    assert before + held <= row(w, "k:3").retry_at <= after + held


def test_permanent_failures_stop(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:4")
    w.notifier.failures.append(DeliveryError("channel_not_found", permanent=True))
    w.ctx.deliver()
    database_time_passes(w, 3600)
    assert w.ctx.deliver() == 0
    assert row(w, "k:4").status == OutboxStatus.FAILED.value


def test_give_up_after_repeated_failures(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:5")
    for _ in range(outbox.MAX_ATTEMPTS):
        w.notifier.failures.append(DeliveryError("internal_error", permanent=False))
        w.ctx.deliver()
        database_time_passes(w, 7200)
    assert row(w, "k:5").status == OutboxStatus.FAILED.value
    assert w.notifier.sent == []


def test_an_attempt_slack_may_have_posted_is_recorded(world):
    """The seam for checking Slack before trying again: a 5xx or a timeout leaves the row
    pending, held, and marked as of unknown outcome; a plain refusal does not."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:maybe")
    queue(w, "k:refused", "U0KATE001")
    w.notifier.failures.append(DeliveryError("http_503", permanent=False, unknown=True))
    w.notifier.failures.append(DeliveryError("connection: Refused", permanent=False))
    assert w.ctx.deliver() == 0
    maybe, refused = row(w, "k:maybe"), row(w, "k:refused")
    assert maybe.status == OutboxStatus.PENDING.value and maybe.retry_at is not None
    assert maybe.outcome_unknown_at is not None
    assert refused.outcome_unknown_at is None


def test_a_due_time_is_read_on_the_services_clock(world):
    """``not_before`` is a domain time: a message scheduled for later waits for the services'
    clock to reach it, and does not hold back the channel's messages due now."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    later = w.ctx.clock.now() + dt.timedelta(hours=2)
    queue(w, "k:later", not_before=later)
    queue(w, "k:now")
    assert w.ctx.deliver() == 1
    assert sent_texts(w) == ["k:now"]
    w.ctx.clock.advance(dt.timedelta(hours=2))
    assert w.ctx.deliver() == 1
    assert sent_texts(w) == ["k:now", "k:later"]


def test_a_channels_messages_go_in_order_and_a_held_one_holds_the_rest(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    for n in range(3):
        queue(w, f"agenda:{n}", CHANNEL)
    queue(w, "dm:kate", "U0KATE001")
    w.notifier.failures.append(DeliveryError("internal_error", permanent=False))
    assert w.ctx.deliver() == 1  # agenda:0 failed, so agenda:1 and :2 wait behind it
    assert sent_texts(w) == ["dm:kate"]
    database_time_passes(w, 30)
    assert w.ctx.deliver() == 3
    assert sent_texts(w) == ["dm:kate", "agenda:0", "agenda:1", "agenda:2"]


def test_a_leased_row_is_left_to_its_sender_whatever_the_clocks_say(world):
    """Another process holds the row (mid-send). Senders whose own clocks are six minutes
    ahead or behind (more than the lease) cannot take it; when the lease ends on the database's
    clock (that process crashed), the row goes once, marked as of unknown outcome."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:6", not_before=w.ctx.clock.now() - dt.timedelta(minutes=10))
    with w.ctx.uow() as uow:
        assert uow.outbox.claim(now=w.ctx.clock.now(), token="other", limit=1,
                                lease=outbox.LEASE)
        uow.commit()
    home = w.ctx.clock.now()
    for skew in (dt.timedelta(minutes=6), dt.timedelta(minutes=-6)):
        w.at((home + skew).isoformat())
        assert w.ctx.deliver() == 0
    assert w.notifier.sent == []
    database_time_passes(w, outbox.LEASE.total_seconds() + 1)
    w.at(home.isoformat())
    assert w.ctx.deliver() == 1
    for skew in (dt.timedelta(minutes=6), dt.timedelta(minutes=-6)):
        w.at((home + skew).isoformat())
        assert w.ctx.deliver() == 0
    assert sent_texts(w) == ["k:6"]
    assert row(w, "k:6").outcome_unknown_at is not None


def test_two_senders_at_once_send_each_message_once(world):
    """While one process is in the middle of a (slow) send, another runs its tick."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    for n in range(4):
        queue(w, f"k:race:{n}", f"U0RACE{n:03d}")
        queue(w, f"k:channel:{n}", CHANNEL)
    other_sent = []
    original = w.notifier.post

    def slow_post(channel, payload, **marked):
        if not other_sent:  # the second process ticks during the first one's send
            other_sent.append(None)
            other_sent[0] = w.ctx.deliver()
        return original(channel, payload, **marked)

    w.notifier.post = slow_post
    first_sent = w.ctx.deliver()
    assert first_sent + other_sent[0] == 8
    texts = sent_texts(w)
    assert sorted(texts) == sorted([f"k:race:{n}" for n in range(4)]
                                   + [f"k:channel:{n}" for n in range(4)])
    assert [t for t in texts if t.startswith("k:channel")] == [f"k:channel:{n}"
                                                                for n in range(4)]


def test_dms_go_out_several_at_once(world):
    """With a notifier that takes four posts at once, four DMs are in flight together."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    for n in range(8):
        queue(w, f"k:dm:{n}", f"U0PAR{n:04d}")
    w.notifier.pace = Pace(parallel=4)
    together = threading.Barrier(4, timeout=10)
    original = w.notifier.post

    def meet_then_post(channel, payload, **marked):
        together.wait()  # breaks (and the test fails) unless four posts are in flight at once
        return original(channel, payload, **marked)

    w.notifier.post = meet_then_post
    assert w.ctx.deliver() == 8
    assert sorted(sent_texts(w)) == [f"k:dm:{n}" for n in range(8)]


def test_a_pass_waits_out_a_channels_pace_within_its_budget(world):
    """Three messages for one channel with a pace of a second: one pass sends them all,
    spaced, rather than one per tick; a pass whose budget is spent leaves the rest."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    for n in range(3):
        queue(w, f"k:paced:{n}", CHANNEL)
    w.notifier.pace = Pace(gap=1.0)
    waits: list[float] = []
    sent = outbox.deliver(uow_factory=w.ctx.uow, notifier=w.notifier, clock=w.ctx.clock,
                          budget=0.0, sleep=waits.append)
    assert (sent, waits) == (1, []), "no budget left: the rest waits for the next pass"
    assert outbox.deliver(uow_factory=w.ctx.uow, notifier=w.notifier, clock=w.ctx.clock) == 2
    assert sent_texts(w) == [f"k:paced:{n}" for n in range(3)]
    posted = sorted(r.sent_at for r in (row(w, f"k:paced:{n}") for n in range(3)))
    assert all(b - a >= dt.timedelta(seconds=1) for a, b in itertools.pairwise(posted))


def test_a_pace_that_runs_out_between_two_statements_is_no_wait_not_nothing_waiting(world):
    """A pass whose claim skipped a channel for its pace asks next how long to wait; if the
    pace ran out in between, the answer is "now", not "nothing is waiting" (which ended the
    pass with the message unsent until the next tick)."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    for n in range(2):
        queue(w, f"k:edge:{n}", CHANNEL)
    started = time.monotonic()  # the database's own clock runs on while the test does
    assert outbox.deliver(uow_factory=w.ctx.uow, notifier=w.notifier, clock=w.ctx.clock,
                          budget=0.0) == 1
    database_time_passes(w, 1.5)  # the last post is 1.5 s old; the pace is 1 s
    with w.ctx.uow() as uow:
        assert uow.outbox.paced_wait(now=w.ctx.clock.now(), gap=1.0) == 0.0
        waited = uow.outbox.paced_wait(now=w.ctx.clock.now(), gap=3.0)
        elapsed = time.monotonic() - started
        # 3 s of pace, 1.5 s of it made to pass, less what really passed on a busy machine
        assert waited is not None and 1.5 - elapsed - 0.1 <= waited <= 1.6


def test_statements_are_per_batch_not_per_message(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    for n in range(100):
        queue(w, f"k:many:{n}", f"U0MANY{n:03d}")
    engine = w.ctx.uow.__self__.engine
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        assert w.ctx.deliver() == 100
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
    batches = -(-100 // outbox.BATCH)
    # A claim and a settlement per batch, and the claim that finds nothing left.
    assert len(statements) == 2 * batches + 1, [x[:30] for x in statements]


def test_a_skewed_clock_is_not_needed_to_send(world):
    """Sanity for the two clocks: with the services' clock years away from the database's,
    messages due on the services' clock are still sent (leases and pace need no agreement)."""
    w = world()
    assert isinstance(w.ctx.clock, FixedClock)
    w.at("2031-06-01T09:00+10:00")
    queue(w, "k:future")
    w.notifier.pace = Pace(gap=1.0)
    assert w.ctx.deliver() == 1


def test_delivering_keys_sends_what_is_due_before_them_in_their_channel(world):
    """A reply sent right after a button press goes after the message queued before it for
    the same person, which goes with it; other people's messages wait for the tick."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:earlier")
    queue(w, "k:someone-else", "U0KATE001")
    queue(w, "k:reply")
    assert w.ctx.deliver(["k:reply"]) == 2
    assert sent_texts(w) == ["k:earlier", "k:reply"]


def test_a_reply_behind_another_senders_message_goes_with_that_sender(world):
    """Two replies to one person at once: the second finds the first mid-send by another
    sender and leaves; that sender sends it next, in order, without waiting for a tick."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:first")
    second: list[int] = []
    original = w.notifier.post

    def meanwhile(channel, payload, **marked):
        if not second:  # the second reply is queued and delivered during the first's send
            queue(w, "k:second")
            second.append(w.ctx.deliver(["k:second"]))
        return original(channel, payload, **marked)

    w.notifier.post = meanwhile
    assert w.ctx.deliver(["k:first"]) == 2
    assert second == [0]
    assert sent_texts(w) == ["k:first", "k:second"]


def test_a_fault_in_one_send_does_not_lose_the_rest_of_the_batch(world):
    """The others in the batch are recorded as sent (not sent again later); the one that
    failed is held and marked as of unknown outcome."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    for n in range(6):
        queue(w, f"k:batch:{n}", f"U0BATCH{n:02d}")
    w.notifier.pace = Pace(parallel=3)
    original = w.notifier.post

    def flaky(channel, payload, **marked):
        if payload["text"] == "k:batch:2":
            raise RuntimeError("a bug of ours")
        return original(channel, payload, **marked)

    w.notifier.post = flaky
    assert w.ctx.deliver() == 5
    failed = row(w, "k:batch:2")
    assert failed.status == OutboxStatus.PENDING.value and failed.outcome_unknown_at is not None
    assert {row(w, f"k:batch:{n}").status for n in (0, 1, 3, 4, 5)} == {OutboxStatus.SENT.value}
    database_time_passes(w, 3600)
    w.notifier.post = original
    assert w.ctx.deliver() == 1
    assert sorted(sent_texts(w)) == [f"k:batch:{n}" for n in range(6)]


# --- unknown outcomes: looked for before trying again (issue 16.1) ------------------------------

UNKNOWN = DeliveryError("http_500", permanent=False, unknown=True)


def test_an_unknown_outcome_slack_did_post_is_recorded_not_posted_again(world):
    """Slack posted, then answered 500: the next pass finds the message by its mark, from a
    little before the first attempt (database clock), and records it sent where it landed."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "agenda:1", CHANNEL)
    w.notifier.landed.append(UNKNOWN)
    assert w.ctx.deliver() == 0
    first = row(w, "agenda:1")
    assert first.status == OutboxStatus.PENDING.value and first.outcome_unknown_at is not None
    database_time_passes(w, 30)
    assert w.ctx.deliver() == 1
    assert sent_texts(w) == ["agenda:1"], "posted once"
    done = row(w, "agenda:1")
    assert done.status == OutboxStatus.SENT.value
    assert (done.slack_channel, done.slack_ts) == (CHANNEL, "1.0")
    [(channel, mark, since)] = w.notifier.looked
    assert (channel, mark) == (CHANNEL, outbox.mark("agenda:1"))
    assert since == first.first_tried_at - outbox.CHECK_MARGIN
    assert "agenda" not in mark, "the mark is a digest of the key"


def test_an_unknown_outcome_slack_did_not_post_is_posted_again(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "agenda:2", CHANNEL)
    queue(w, "dm:2")
    w.notifier.failures += [UNKNOWN, UNKNOWN]
    assert w.ctx.deliver() == 0
    database_time_passes(w, 30)
    assert w.ctx.deliver() == 2
    assert sorted(sent_texts(w)) == ["agenda:2", "dm:2"]
    assert {row(w, k).reposts for k in ("agenda:2", "dm:2")} == {1}
    assert len(w.notifier.looked) == 2


def test_a_failed_look_holds_the_row_and_posts_nothing(world):
    """Not knowing whether it is there, Casebot does not post blind: the row waits its backoff
    and is looked for again."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "dm:3")
    w.notifier.failures.append(UNKNOWN)
    w.ctx.deliver()
    w.notifier.find_failures.append(DeliveryError("http_503", permanent=False, unknown=True))
    database_time_passes(w, 30)
    before = database_time(w)
    assert w.ctx.deliver() == 0
    held = row(w, "dm:3")
    assert w.notifier.sent == [] and held.status == OutboxStatus.PENDING.value
    assert held.last_error == "lookup: http_503" and held.retry_at >= before
    assert held.outcome_unknown_at is not None, "still to be looked for"
    database_time_passes(w, 120)
    assert w.ctx.deliver() == 1
    assert sent_texts(w) == ["dm:3"]


def test_a_rate_limited_look_holds_the_row_for_retry_after_and_ends_the_pass(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "agenda:4", CHANNEL)
    w.notifier.failures.append(UNKNOWN)
    w.ctx.deliver()
    queue(w, "dm:4")
    w.notifier.find_failures.append(DeliveryError("ratelimited", permanent=False,
                                                  retry_after=20))
    database_time_passes(w, 30)
    before = database_time(w)
    w.ctx.deliver()
    after = database_time(w)
    held = row(w, "agenda:4")
    hold = dt.timedelta(seconds=20)
    assert before + hold <= held.retry_at <= after + hold
    assert "agenda:4" not in sent_texts(w)


def test_a_dm_of_unknown_outcome_is_looked_for_and_posted_again_like_a_channel_post(world):
    """Twice unknown and not found: a DM, like a channel post, is looked for and posted a third
    time (a cap would lose it in an outage of 500s); every repost is counted on the row."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "dm:5")
    queue(w, "agenda:5", CHANNEL)
    w.notifier.failures += [UNKNOWN] * 4
    w.ctx.deliver()
    database_time_passes(w, 30)
    w.ctx.deliver()  # looked for, not found, posted again: unknown again
    assert {row(w, k).reposts for k in ("dm:5", "agenda:5")} == {1}
    database_time_passes(w, 60)
    assert w.ctx.deliver() == 2
    assert sorted(sent_texts(w)) == ["agenda:5", "dm:5"]
    assert {row(w, k).reposts for k in ("dm:5", "agenda:5")} == {2}
    assert {row(w, k).status for k in ("dm:5", "agenda:5")} == {OutboxStatus.SENT.value}


def test_without_a_way_to_look_a_message_is_posted_again_once(world):
    """A permission the app lacks (missing_scope): posting blind once, never twice."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "agenda:6", CHANNEL)
    w.notifier.failures += [UNKNOWN, UNKNOWN]
    w.notifier.find_failures += [CannotCheck("missing_scope")] * 2
    w.ctx.deliver()
    database_time_passes(w, 30)
    w.ctx.deliver()
    assert row(w, "agenda:6").reposts == 1
    database_time_passes(w, 60)
    w.ctx.deliver()
    gone = row(w, "agenda:6")
    assert gone.status == OutboxStatus.FAILED.value and w.notifier.sent == []


def test_looks_per_pass_are_bounded(world):
    """Slack takes about 50 looks a minute: a pass makes CHECKS of them; the other rows wait a
    minute without their attempt counted."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    many = outbox.CHECKS + 5
    for n in range(many):
        queue(w, f"dm:many:{n}", f"U0MANY{n:03d}")
    w.notifier.failures += [UNKNOWN] * many
    w.ctx.deliver()
    database_time_passes(w, 30)
    before = database_time(w)
    assert w.ctx.deliver() == outbox.CHECKS
    assert len(w.notifier.looked) == outbox.CHECKS
    waiting = [row(w, f"dm:many:{n}") for n in range(many)]
    waiting = [r for r in waiting if r.status == OutboxStatus.PENDING.value]
    assert len(waiting) == 5
    assert all(r.attempts == 1 and r.retry_at >= before + dt.timedelta(seconds=60)
               for r in waiting)
    database_time_passes(w, 60)
    assert w.ctx.deliver() == 5


def test_a_message_whose_sender_vanished_mid_send_is_looked_for(world):
    """Another process posted and died before recording it: when its lease ends, the row is
    found in Slack and recorded, not posted again."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "dm:7")
    with w.ctx.uow() as uow:
        [leased] = uow.outbox.claim(now=w.ctx.clock.now(), token="other", limit=1,
                                    lease=outbox.LEASE)
        uow.commit()
    w.notifier.post(leased.channel, {"text": "dm:7"}, mark=outbox.mark(leased.key))
    database_time_passes(w, outbox.LEASE.total_seconds() + 1)
    assert w.ctx.deliver() == 1
    assert sent_texts(w) == ["dm:7"]
    assert row(w, "dm:7").status == OutboxStatus.SENT.value


def test_stopping_finishes_the_post_under_way_and_gives_back_the_rest(world):
    """SIGTERM mid-batch: the post in flight completes and is recorded; the rows leased and not
    begun are free for another sender at once, their attempt not counted."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    for n in range(5):
        queue(w, f"dm:stop:{n}", f"U0STOP{n:03d}")
    stop = threading.Event()
    original = w.notifier.post

    def stopped_meanwhile(channel, payload, **marked):
        stop.set()
        return original(channel, payload, **marked)

    w.notifier.post = stopped_meanwhile
    assert outbox.deliver(uow_factory=w.ctx.uow, notifier=w.notifier, clock=w.ctx.clock,
                          stop=stop) == 1
    rest = [row(w, f"dm:stop:{n}") for n in range(1, 5)]
    assert all(r.status == OutboxStatus.PENDING.value and r.claim_token is None
               and r.claimed_until is None and r.attempts == 0 for r in rest)
    assert outbox.deliver(uow_factory=w.ctx.uow, notifier=w.notifier, clock=w.ctx.clock) == 4
    assert sorted(sent_texts(w)) == [f"dm:stop:{n}" for n in range(5)]


def test_a_reply_sends_what_it_can_now_and_hands_the_paced_rest_to_the_pacer(world):
    """In one channel with a pace of a second, a reply posts the first message itself and
    returns; the pacer posts the rest, in order, once. Once the process is stopping, nothing is
    handed over: the rest stay queued for the next tick."""
    import dataclasses

    from handlers import work_pool

    w = world()
    w.at("2026-11-25T12:00+10:00")
    w.notifier.pace = Pace(gap=1.0)
    keys = [f"k:reply:{n}" for n in range(3)]
    for key in keys:
        queue(w, key, CHANNEL)
    ctx = dataclasses.replace(w.ctx, later=work_pool.paced)
    assert ctx.deliver(keys) == 1, "the rest waits for the channel's pace, not in the reply"
    assert work_pool.wait_idle(timeout=20)
    assert sent_texts(w) == keys

    more = [f"k:stop:{n}" for n in range(2)]
    for key in more:
        queue(w, key, CHANNEL)
    stopping = dataclasses.replace(w.ctx, later=work_pool.paced)
    stopping.stopping.set()
    assert stopping.deliver(more) == 0
    assert work_pool.wait_idle(timeout=20)
    assert {row(w, key).status for key in more} == {OutboxStatus.PENDING.value}


def test_a_reply_follows_up_on_what_was_queued_behind_it_in_its_channel(world):
    """Another reply's message queued behind ours in the same channel (that reply found the
    channel's head leased by us and left it) goes out from our follow-up, not at the next
    tick."""
    import dataclasses

    from handlers import work_pool

    w = world()
    w.at("2026-11-25T12:00+10:00")
    w.notifier.pace = Pace(gap=1.0)
    queue(w, "k:ours", CHANNEL)
    queue(w, "k:theirs", CHANNEL)
    ctx = dataclasses.replace(w.ctx, later=work_pool.paced)
    assert ctx.deliver(["k:ours"]) == 1
    assert work_pool.wait_idle(timeout=20)
    assert sent_texts(w) == ["k:ours", "k:theirs"]


def test_after_a_429_a_reply_hands_nothing_to_the_pacer(world):
    """Slack said slow down: nothing more is sent until the tick, from any thread."""
    import dataclasses

    from handlers import work_pool

    w = world()
    w.at("2026-11-25T12:00+10:00")
    w.notifier.pace = Pace(parallel=1)
    keys = ["k:limited", "k:other:1", "k:other:2"]
    queue(w, keys[0], "U0OMAR001")
    queue(w, keys[1], "U0OMAR002")
    queue(w, keys[2], "U0OMAR002")
    w.notifier.failures.append(DeliveryError("ratelimited", permanent=False, retry_after=30))
    ctx = dataclasses.replace(w.ctx, later=work_pool.paced)
    assert ctx.deliver(keys) == 0
    assert work_pool.wait_idle(timeout=20)
    assert sent_texts(w) == []
