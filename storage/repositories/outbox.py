"""The outbox read by its keys: what was already asked, claimed or sent about a meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.domain import OutboxStatus
from storage.models import OutboxMessage


class OutboxRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

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
