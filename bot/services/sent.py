"""Messages Casebot sent, as the outbox recorded them.

A button pressed on a message edits that message only if Casebot sent it to the person who
pressed, and the new content is made from what Casebot stored, never from blocks echoed back in
the payload: a forged payload naming someone else's message changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.ports import Payload
from storage.models import OutboxMessage
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class SentMessage:
    key: str
    channel: str  # where it landed (a D… channel for a DM)
    ts: str
    payload: Payload  # what it shows now


def _found(row: OutboxMessage | None) -> SentMessage | None:
    if row is None or row.slack_channel is None or row.slack_ts is None:
        return None
    return SentMessage(row.idempotency_key, row.slack_channel, row.slack_ts,
                       json.loads(row.payload))


def to_person(*, uow: UnitOfWork, user_id: str, channel: str, ts: str) -> SentMessage | None:
    """The message at (channel, ts), if Casebot sent it to ``user_id`` as a DM."""
    with uow:
        return _found(uow.outbox.sent_to(user_id=user_id, slack_channel=channel, ts=ts))


def by_key(*, uow: UnitOfWork, key: str, user_id: str) -> SentMessage | None:
    """The message sent under ``key``, if it went to ``user_id``."""
    with uow:
        return _found(uow.outbox.sent_under(key=key, user_id=user_id))


def revise(*, uow: UnitOfWork, key: str, payload: Payload) -> None:
    """Remember what a sent message shows after an edit (the next edit starts from it)."""
    with uow:
        uow.outbox.revise(key, payload)
        uow.commit()
