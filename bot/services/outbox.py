"""Scheduled messages are written first (``uow.outbox.enqueue``), each under a unique
idempotency key, then sent from here.

A key enqueued twice is one message. A sender leases a row before sending so a second process
skips it; a crash frees the lease, and the row is sent by the next tick. The one window left is
a crash between Slack's answer and the row being marked sent, a few milliseconds wide.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable, Sequence

from bot.domain import OutboxStatus
from bot.ports import Clock, DeliveryError, Notifier
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

LEASE = dt.timedelta(minutes=5)  # one send, including waiting out a 429
MAX_ATTEMPTS = 8


def _claim_one(
    uow: UnitOfWork, now: dt.datetime, token: str, keys: Sequence[str] | None
) -> int | None:
    """Lease the oldest due row to ``token``; None when nothing is due."""
    with uow:
        row_id = uow.outbox.lease_next(now=now, until=now + LEASE, token=token, keys=keys)
        if row_id is not None:
            uow.commit()
        return row_id


def deliver(
    *,
    uow_factory: Callable[[], UnitOfWork],
    notifier: Notifier,
    clock: Clock,
    limit: int = 200,
    keys: Sequence[str] | None = None,
) -> int:
    """Send due messages (or just ``keys``), one leased row at a time; returns how many."""
    sent = 0
    for _ in range(limit):
        token = uuid.uuid4().hex
        row_id = _claim_one(uow_factory(), clock.now(), token, keys)
        if row_id is None:
            break
        with uow_factory() as uow:
            row = uow.outbox.get(row_id)
            assert row is not None
            channel, payload, kind = row.channel, json.loads(row.payload), row.kind
        try:
            posted = notifier.post(channel, payload)
        except DeliveryError as exc:
            _record_failure(uow_factory(), row_id, token, exc, clock.now())
            continue
        with uow_factory() as uow:
            marked = uow.outbox.mark_sent(row_id, token=token, now=clock.now(),
                                          slack_channel=posted.channel, slack_ts=posted.ts)
            uow.commit()
        if not marked:
            # Our lease ran out mid-send and another sender took the row over.
            log.warning("lease lost while sending %s message %s", kind, row_id)
        sent += 1
        log.info("sent %s message %s", kind, row_id)
    return sent


def retry_in(exc: DeliveryError, attempts: int) -> float | None:
    """Seconds to wait before sending again after ``attempts`` tries failed with ``exc``, or
    None to give up: Slack's Retry-After if it gave one, else doubling from 30 s to an hour."""
    if exc.permanent or attempts >= MAX_ATTEMPTS:
        return None
    return exc.retry_after or min(30 * 2 ** (attempts - 1), 3600)


def _record_failure(
    uow: UnitOfWork, row_id: int, token: str, exc: DeliveryError, now: dt.datetime
) -> None:
    with uow:
        row = uow.outbox.get(row_id)
        assert row is not None
        if row.claim_token != token:
            return  # someone else holds the row now
        row.last_error = exc.code[:500]
        row.claimed_until = None
        backoff = retry_in(exc, row.attempts)
        if backoff is None:
            row.status = OutboxStatus.FAILED.value
            log.warning("gave up on %s message %s: %s", row.kind, row_id, exc.code)
        else:
            row.not_before = now + dt.timedelta(seconds=backoff)
            log.info("will retry %s message %s in %ss: %s", row.kind, row_id, backoff, exc.code)
        uow.commit()
