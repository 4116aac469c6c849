"""Slack may deliver the same event more than once (retries, duplicates): handle each once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete

from bot.ports import Clock
from storage.models import ProcessedEvent
from storage.uow import UnitOfWork
from storage.upsert import insert_ignore

KEEP = dt.timedelta(days=7)  # Slack retries for minutes; a week is plenty


def first_delivery(*, uow: UnitOfWork, clock: Clock, key: str) -> bool:
    """Remember ``key``; True only the first time it is seen (across processes)."""
    with uow:
        fresh = insert_ignore(
            uow.session, ProcessedEvent, {"key": key[:200], "received_at": clock.now()}, ["key"]
        )
        uow.commit()
    return fresh


def forget_old(*, uow: UnitOfWork, clock: Clock) -> int:
    with uow:
        result = uow.session.execute(
            delete(ProcessedEvent).where(ProcessedEvent.received_at < clock.now() - KEEP)
        )
        uow.commit()
        return result.rowcount or 0
