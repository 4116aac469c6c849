"""The outbox: messages written under a unique idempotency key, leased, then marked sent; and
read by their keys (what was already asked, claimed or sent about a meeting)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import or_, select, update

from bot.domain import OutboxStatus
from storage.models import OutboxMessage
from storage.repositories.base import Repository
from storage.upsert import insert_ignore

Payload = dict[str, Any]  # as bot.ports.Payload (storage may not import it)


def _dump(payload: Payload) -> str:
    return json.dumps(payload, separators=(",", ":"))


class OutboxRepository(Repository[OutboxMessage]):
    model = OutboxMessage

    def by_key(self, key: str) -> OutboxMessage | None:
        return self.session.scalar(
            select(OutboxMessage).where(OutboxMessage.idempotency_key == key)
        )

    def delete(self, message: OutboxMessage) -> None:
        self.session.delete(message)

    def created_under(self, *prefixes: str) -> dict[str, dt.datetime]:
        """key -> when it was queued, for every key starting with one of ``prefixes``."""
        rows = self.session.execute(
            select(OutboxMessage.idempotency_key, OutboxMessage.created_at).where(
                or_(*(OutboxMessage.idempotency_key.like(f"{p}%") for p in prefixes))
            )
        )
        return {key: at for key, at in rows}

    def keys_under(self, prefix: str) -> set[str]:
        return set(
            self.session.scalars(
                select(OutboxMessage.idempotency_key).where(
                    OutboxMessage.idempotency_key.like(f"{prefix}%")
                )
            )
        )

    def channels_under(self, prefix: str) -> list[str]:
        """The channel of every message whose key starts with ``prefix`` (a row each)."""
        return list(
            self.session.scalars(
                select(OutboxMessage.channel).where(
                    OutboxMessage.idempotency_key.like(f"{prefix}%")
                )
            ).all()
        )

    def keys_and_channels_under(self, prefix: str) -> list[tuple[str, str]]:
        rows = self.session.execute(
            select(OutboxMessage.idempotency_key, OutboxMessage.channel)
            .where(OutboxMessage.idempotency_key.like(f"{prefix}%"))
            .order_by(OutboxMessage.id)
        )
        return [(key, channel) for key, channel in rows]

    def waiting_or_sent_as(self, ts_prefix: str) -> Sequence[OutboxMessage]:
        """Messages still to send, and those sent with a Slack timestamp starting ``ts_prefix``,
        soonest first."""
        return self.session.scalars(
            select(OutboxMessage)
            .where(
                or_(
                    OutboxMessage.status == OutboxStatus.PENDING.value,
                    OutboxMessage.slack_ts.like(f"{ts_prefix}%"),
                )
            )
            .order_by(OutboxMessage.not_before, OutboxMessage.id)
        ).all()

    def enqueue(
        self,
        *,
        key: str,
        kind: str,
        channel: str,
        payload: Payload,
        now: dt.datetime,
        not_before: dt.datetime | None = None,
    ) -> bool:
        """Add a message unless its key is already there; True if this call added it."""
        return self._add_once(key, kind, channel, _dump(payload), now,
                              status=OutboxStatus.PENDING.value, not_before=not_before or now)

    def mark(self, *, key: str, kind: str, channel: str, note: str, now: dt.datetime) -> bool:
        """Record ``key`` as done without sending anything; True if this call recorded it.

        Used to claim a piece of work once across processes (an agenda about to be rendered)
        and to retire a message delivered inside another (a nudge folded into a prompt).
        """
        return self._add_once(key, kind, channel, json.dumps({"note": note}), now,
                              status=OutboxStatus.SENT.value, not_before=now, sent_at=now)

    def _add_once(self, key: str, kind: str, channel: str, payload: str, now: dt.datetime,
                  **columns: Any) -> bool:
        # ON CONFLICT DO NOTHING: the idempotency key is what makes a message happen once.
        return insert_ignore(
            self.session,
            OutboxMessage,
            {"idempotency_key": key, "kind": kind, "channel": channel, "payload": payload,
             "attempts": 0, "created_at": now, **columns},
            ["idempotency_key"],
        )

    def has(self, key: str) -> bool:
        return (
            self.session.scalar(
                select(OutboxMessage.id).where(OutboxMessage.idempotency_key == key)
            )
            is not None
        )

    def lease_next(
        self,
        *,
        now: dt.datetime,
        until: dt.datetime,
        token: str,
        keys: Sequence[str] | None = None,
    ) -> int | None:
        """Lease the oldest due row (of ``keys``, if given) to ``token`` until ``until``; its id,
        or None when nothing is due or every due row went to another sender."""
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
        for row_id in self.session.scalars(query).all():
            # The conditional update is the lease itself: only one sender can win it.
            won = self.session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id == row_id,
                    OutboxMessage.status == OutboxStatus.PENDING.value,
                    free,
                )
                .values(
                    claimed_until=until,
                    claim_token=token,
                    attempts=OutboxMessage.attempts + 1,
                )
                .returning(OutboxMessage.id)
            ).first()
            if won is not None:
                return row_id
        return None

    def mark_sent(
        self, row_id: int, *, token: str, now: dt.datetime, slack_channel: str, slack_ts: str
    ) -> bool:
        """Mark a leased row sent; False if ``token`` no longer holds the lease."""
        marked = self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id, OutboxMessage.claim_token == token)
            .values(
                status=OutboxStatus.SENT.value,
                sent_at=now,
                slack_channel=slack_channel,
                slack_ts=slack_ts,
                claimed_until=None,
                last_error=None,
            )
            .returning(OutboxMessage.id)
        ).first()
        return marked is not None

    def sent_to(self, *, user_id: str, slack_channel: str, ts: str) -> OutboxMessage | None:
        """The message sent to ``user_id`` that landed at (slack_channel, ts)."""
        return self.session.scalar(
            select(OutboxMessage).where(
                OutboxMessage.slack_channel == slack_channel,
                OutboxMessage.slack_ts == ts,
                OutboxMessage.channel == user_id,
                OutboxMessage.status == OutboxStatus.SENT.value,
            )
        )

    def sent_under(self, *, key: str, user_id: str) -> OutboxMessage | None:
        """The message sent under ``key``, if it went to ``user_id``."""
        return self.session.scalar(
            select(OutboxMessage).where(
                OutboxMessage.idempotency_key == key,
                OutboxMessage.channel == user_id,
                OutboxMessage.status == OutboxStatus.SENT.value,
            )
        )

    def revise(self, key: str, payload: Payload) -> None:
        """Store what a sent message shows now."""
        self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.idempotency_key == key)
            .values(payload=_dump(payload))
        )

    def withdraw_pending(self, *, channel: str, prefixes: Sequence[str], note: str) -> int:
        """Stop messages not yet sent to ``channel`` or under ``prefixes`` (marked failed with
        ``note``, so the record says why); returns how many."""
        matches = [OutboxMessage.channel == channel,
                   *(OutboxMessage.idempotency_key.like(f"{p}%") for p in prefixes)]
        result = self.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.status == OutboxStatus.PENDING.value, or_(*matches))
            .values(status=OutboxStatus.FAILED.value, last_error=note[:500])
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
