"""Workers' updates on their clients, and the decisions and notes recorded in meetings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from storage.models import Record, Update


class UpdateRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, update_id: int) -> Update | None:
        return self.session.get(Update, update_id)

    def add(self, row: Update) -> None:
        self.session.add(row)


class RecordRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, record_id: int) -> Record | None:
        return self.session.get(Record, record_id)

    def add(self, row: Record) -> None:
        self.session.add(row)
