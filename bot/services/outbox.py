"""Scheduled messages are written here first, each under a unique idempotency key, then sent.

A key enqueued twice is one message. A sender leases a row before sending so a second process
skips it; a crash frees the lease, and the row is sent by the next tick. The one window left is
a crash between Slack's answer and the row being marked sent, a few milliseconds wide.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.domain import OutboxStatus
from bot.ports import Clock, DeliveryError, Notifier, Payload
from storage.models import OutboxMessage
from storage.uow import UnitOfWork
from storage.upsert import insert_ignore

log = logging.getLogger(__name__)

LEASE = dt.timedelta(minutes=2)
MAX_ATTEMPTS = 8


def enqueue(
    session: Session,
    *,
    key: str,
    kind: str,
    channel: str,
    payload: Payload,
    now: dt.datetime,
    not_before: dt.datetime | None = None,
) -> bool:
    """Add a message unless its key is already there; True if this call added it."""
    return insert_ignore(
        session,
        OutboxMessage,
        {
            "idempotency_key": key,
            "kind": kind,
            "channel": channel,
            "payload": json.dumps(payload, separators=(",", ":")),
            "status": OutboxStatus.PENDING.value,
            "attempts": 0,
            "not_before": not_before or now,
            "created_at": now,
        },
        ["idempotency_key"],
    )


def record_covered(
    session: Session, *, key: str, kind: str, channel: str, covered_by: str, now: dt.datetime
) -> None:
    """Mark ``key`` as delivered inside another message (``covered_by``), so it is not sent."""
    insert_ignore(
        session,
        OutboxMessage,
        {
            "idempotency_key": key,
            "kind": kind,
            "channel": channel,
            "payload": json.dumps({"covered_by": covered_by}),
            "status": OutboxStatus.SENT.value,
            "attempts": 0,
            "not_before": now,
            "created_at": now,
            "sent_at": now,
        },
        ["idempotency_key"],
    )


def exists(session: Session, key_prefix: str) -> bool:
    return (
        session.scalar(
            select(OutboxMessage.id).where(OutboxMessage.idempotency_key.startswith(key_prefix))
        )
        is not None
    )


def _claim(uow: UnitOfWork, now: dt.datetime, limit: int, keys: Sequence[str] | None) -> list[int]:
    query = (
        select(OutboxMessage.id)
        .where(
            OutboxMessage.status == OutboxStatus.PENDING.value,
            OutboxMessage.not_before <= now,
            (OutboxMessage.claimed_until.is_(None)) | (OutboxMessage.claimed_until < now),
        )
        .order_by(OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    if keys is not None:
        query = query.where(OutboxMessage.idempotency_key.in_(keys))
    with uow:
        ids = list(uow.session.scalars(query))
        claimed: list[int] = []
        for row_id in ids:
            # The conditional update is the lease itself: only one sender can win it.
            result = uow.session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id == row_id,
                    OutboxMessage.status == OutboxStatus.PENDING.value,
                    (OutboxMessage.claimed_until.is_(None)) | (OutboxMessage.claimed_until < now),
                )
                .values(claimed_until=now + LEASE, attempts=OutboxMessage.attempts + 1)
            )
            if result.rowcount:
                claimed.append(row_id)
        uow.commit()
    return claimed


def deliver(
    *,
    uow_factory: Callable[[], UnitOfWork],
    notifier: Notifier,
    clock: Clock,
    limit: int = 200,
    keys: Sequence[str] | None = None,
) -> int:
    """Send due messages (or just ``keys``); returns how many were sent."""
    sent = 0
    for row_id in _claim(uow_factory(), clock.now(), limit, keys):
        with uow_factory() as uow:
            row = uow.session.get(OutboxMessage, row_id)
            assert row is not None
            channel, payload, kind = row.channel, json.loads(row.payload), row.kind
        try:
            posted = notifier.post(channel, payload)
        except DeliveryError as exc:
            _record_failure(uow_factory(), row_id, exc, clock.now())
            continue
        with uow_factory() as uow:
            row = uow.session.get(OutboxMessage, row_id)
            assert row is not None
            row.status = OutboxStatus.SENT.value
            row.sent_at = clock.now()
            row.slack_channel, row.slack_ts = posted.channel, posted.ts
            row.claimed_until = None
            row.last_error = None
            uow.commit()
        sent += 1
        log.info("sent %s message %s", kind, row_id)
    return sent


def _record_failure(uow: UnitOfWork, row_id: int, exc: DeliveryError, now: dt.datetime) -> None:
    with uow:
        row = uow.session.get(OutboxMessage, row_id)
        assert row is not None
        row.last_error = exc.code[:500]
        row.claimed_until = None
        if exc.permanent or row.attempts >= MAX_ATTEMPTS:
            row.status = OutboxStatus.FAILED.value
            log.warning("gave up on %s message %s: %s", row.kind, row_id, exc.code)
        else:
            backoff = exc.retry_after or min(30 * 2 ** (row.attempts - 1), 3600)
            row.not_before = now + dt.timedelta(seconds=backoff)
            log.info("will retry %s message %s in %ss: %s", row.kind, row_id, backoff, exc.code)
        uow.commit()


def sent_ts(session: Session, key: str) -> tuple[str, str] | None:
    """(channel, ts) of a sent message, for later updates."""
    row = session.scalar(select(OutboxMessage).where(OutboxMessage.idempotency_key == key))
    if row is None or row.slack_ts is None or row.slack_channel is None:
        return None
    return row.slack_channel, row.slack_ts
