"""Scheduled messages are written here first, each under a unique idempotency key, then sent.

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

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.domain import OutboxStatus
from bot.ports import Clock, DeliveryError, Notifier, Payload
from storage.models import OutboxMessage
from storage.uow import UnitOfWork
from storage.upsert import insert_ignore

log = logging.getLogger(__name__)

LEASE = dt.timedelta(minutes=5)  # one send, including waiting out a 429
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


def mark(
    session: Session, *, key: str, kind: str, channel: str, note: str, now: dt.datetime
) -> bool:
    """Record ``key`` as done without sending anything; True if this call recorded it.

    Used to claim a piece of work once across processes (an agenda about to be rendered) and
    to retire a message delivered inside another (a nudge folded into a prompt).
    """
    return insert_ignore(
        session,
        OutboxMessage,
        {
            "idempotency_key": key,
            "kind": kind,
            "channel": channel,
            "payload": json.dumps({"note": note}),
            "status": OutboxStatus.SENT.value,
            "attempts": 0,
            "not_before": now,
            "created_at": now,
            "sent_at": now,
        },
        ["idempotency_key"],
    )


def has(session: Session, key: str) -> bool:
    return (
        session.scalar(select(OutboxMessage.id).where(OutboxMessage.idempotency_key == key))
        is not None
    )


def _claim_one(
    uow: UnitOfWork, now: dt.datetime, token: str, keys: Sequence[str] | None
) -> int | None:
    """Lease the oldest due row to ``token``; None when nothing is due."""
    free = (OutboxMessage.claimed_until.is_(None)) | (OutboxMessage.claimed_until < now)
    query = (
        select(OutboxMessage.id)
        .where(
            OutboxMessage.status == OutboxStatus.PENDING.value,
            OutboxMessage.not_before <= now,
            free,
        )
        .order_by(OutboxMessage.id)
        .limit(5)
        .with_for_update(skip_locked=True)
    )
    if keys is not None:
        query = query.where(OutboxMessage.idempotency_key.in_(keys))
    with uow:
        for row_id in uow.session.scalars(query).all():
            # The conditional update is the lease itself: only one sender can win it.
            won = uow.session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id == row_id,
                    OutboxMessage.status == OutboxStatus.PENDING.value,
                    free,
                )
                .values(
                    claimed_until=now + LEASE,
                    claim_token=token,
                    attempts=OutboxMessage.attempts + 1,
                )
                .returning(OutboxMessage.id)
            ).first()
            if won is not None:
                uow.commit()
                return row_id
    return None


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
            row = uow.session.get(OutboxMessage, row_id)
            assert row is not None
            channel, payload, kind = row.channel, json.loads(row.payload), row.kind
        try:
            posted = notifier.post(channel, payload)
        except DeliveryError as exc:
            _record_failure(uow_factory(), row_id, token, exc, clock.now())
            continue
        with uow_factory() as uow:
            marked = uow.session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.id == row_id, OutboxMessage.claim_token == token)
                .values(
                    status=OutboxStatus.SENT.value,
                    sent_at=clock.now(),
                    slack_channel=posted.channel,
                    slack_ts=posted.ts,
                    claimed_until=None,
                    last_error=None,
                )
                .returning(OutboxMessage.id)
            ).first()
            uow.commit()
        if marked is None:
            # Our lease ran out mid-send and another sender took the row over.
            log.warning("lease lost while sending %s message %s", kind, row_id)
        sent += 1
        log.info("sent %s message %s", kind, row_id)
    return sent


def _record_failure(
    uow: UnitOfWork, row_id: int, token: str, exc: DeliveryError, now: dt.datetime
) -> None:
    with uow:
        row = uow.session.get(OutboxMessage, row_id)
        assert row is not None
        if row.claim_token != token:
            return  # someone else holds the row now
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
