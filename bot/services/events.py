"""Slack may deliver the same event more than once (retries, duplicates): handle each once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.ports import Clock
from storage.models import ProcessedEvent
from storage.uow import UnitOfWork
from storage.upsert import insert_ignore

KEEP = dt.timedelta(days=7)  # Slack retries for minutes; a week is plenty


def claim(session: Session, key: str, now: dt.datetime) -> bool:
    """Remember ``key`` in the caller's transaction, in one statement; True only the first time.

    Claimed in the same transaction as the work it guards: a delivery whose work fails leaves
    no claim behind, so Slack's retry does the work; two deliveries at once cannot both win."""
    return insert_ignore(session, ProcessedEvent, {"key": key[:200], "received_at": now}, ["key"])


def first_delivery(*, uow: UnitOfWork, clock: Clock, key: str) -> bool:
    """Remember ``key`` on its own; True only the first time it is seen (across processes)."""
    with uow:
        fresh = claim(uow.session, key, clock.now())
        uow.commit()
    return fresh


def forget_old(*, uow: UnitOfWork, clock: Clock) -> int:
    with uow:
        result = uow.session.execute(
            delete(ProcessedEvent).where(ProcessedEvent.received_at < clock.now() - KEEP)
        )
        uow.commit()
        return result.rowcount or 0
