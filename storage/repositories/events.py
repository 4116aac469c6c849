"""Slack deliveries already handled, remembered for a while so a retry is handled once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlalchemy.orm import Session

from storage.models import ProcessedEvent
from storage.upsert import insert_ignore


class EventRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def claim(self, key: str, now: dt.datetime) -> bool:
        """Remember ``key`` in one statement; True only the first time (across processes)."""
        return insert_ignore(
            self.session, ProcessedEvent, {"key": key[:200], "received_at": now}, ["key"]
        )

    def forget_before(self, cutoff: dt.datetime) -> int:
        result = self.session.execute(
            delete(ProcessedEvent).where(ProcessedEvent.received_at < cutoff)
        )
        return result.rowcount or 0
