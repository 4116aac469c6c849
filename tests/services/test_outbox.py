"""The outbox: each key sent once, failures retried with backoff, leases keep senders apart."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from bot.domain import OutboxStatus
from bot.ports import DeliveryError
from bot.services import outbox
from storage.models import OutboxMessage


def queue(w, key: str, channel: str = "U0OMAR001") -> bool:
    with w.ctx.uow() as uow:
        added = uow.outbox.enqueue(
            key=key,
            kind="test",
            channel=channel,
            payload={"text": key, "kind": "test"},
            now=w.ctx.clock.now(),
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


def test_transient_failures_are_retried_later(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:2")
    w.notifier.failures.append(DeliveryError("internal_error", permanent=False))
    assert w.ctx.deliver() == 0
    failed = row(w, "k:2")
    assert failed.status == OutboxStatus.PENDING.value and failed.last_error == "internal_error"
    assert failed.not_before == w.ctx.clock.now() + dt.timedelta(seconds=30)
    assert w.ctx.deliver() == 0, "not before its backoff"
    w.ctx.clock.advance(dt.timedelta(seconds=30))
    assert w.ctx.deliver() == 1


def test_rate_limits_wait_for_retry_after(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:3")
    w.notifier.failures.append(DeliveryError("ratelimited", permanent=False, retry_after=7))
    w.ctx.deliver()
    assert row(w, "k:3").not_before == w.ctx.clock.now() + dt.timedelta(seconds=7)


def test_permanent_failures_stop(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:4")
    w.notifier.failures.append(DeliveryError("channel_not_found", permanent=True))
    w.ctx.deliver()
    w.ctx.clock.advance(dt.timedelta(hours=1))
    assert w.ctx.deliver() == 0
    assert row(w, "k:4").status == OutboxStatus.FAILED.value


def test_give_up_after_repeated_failures(world):
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:5")
    for _ in range(outbox.MAX_ATTEMPTS):
        w.notifier.failures.append(DeliveryError("internal_error", permanent=False))
        w.ctx.deliver()
        w.ctx.clock.advance(dt.timedelta(hours=2))
    assert row(w, "k:5").status == OutboxStatus.FAILED.value
    assert w.notifier.sent == []


def test_a_leased_row_is_left_to_its_sender(world):
    """Another process claimed the row and is sending it: this one must not send it too."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    queue(w, "k:6")
    assert outbox._claim_one(w.ctx.uow(), w.ctx.clock.now(), "other", None)  # the other process
    assert w.ctx.deliver() == 0
    w.ctx.clock.advance(outbox.LEASE + dt.timedelta(seconds=1))  # it crashed: the lease ends
    assert w.ctx.deliver() == 1
    assert len(w.notifier.sent) == 1


def test_two_senders_at_once_send_each_message_once(world):
    """While one process is in the middle of a (slow) send, another runs its tick."""
    w = world()
    w.at("2026-11-25T12:00+10:00")
    for n in range(4):
        queue(w, f"k:race:{n}")
    other_sent = []
    original = w.notifier.post

    def slow_post(channel, payload):
        if not other_sent:  # the second process ticks during the first one's send
            other_sent.append(None)
            other_sent[0] = w.ctx.deliver()
        return original(channel, payload)

    w.notifier.post = slow_post
    first_sent = w.ctx.deliver()
    assert first_sent + other_sent[0] == 4
    texts = [p["text"] for _, p, _ in w.notifier.sent]
    assert sorted(texts) == [f"k:race:{n}" for n in range(4)]
