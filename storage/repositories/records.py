"""Decisions and notes recorded against a client at a meeting."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Client, Member, Record
from storage.repositories.base import Repository


class RecordRepository(Repository[Record]):
    model = Record

    def of_client_at(self, meeting_id: int, client_id: int) -> list[tuple[Record, str]]:
        """The client's entries at the meeting (not removed) with their author's Slack ID."""
        rows = self.session.execute(
            select(Record, Member.slack_user_id)
            .join(Member, Member.id == Record.author_id)
            .where(Record.meeting_id == meeting_id, Record.client_id == client_id,
                   Record.removed_at.is_(None))
            .order_by(Record.created_at, Record.id)
        )
        return [(record, author) for record, author in rows]

    def of_meeting(self, meeting_id: int) -> list[tuple[Record, str, str]]:
        """The meeting's entries (not removed) with author's Slack ID and case code."""
        rows = self.session.execute(
            select(Record, Member.slack_user_id, Client.case_code)
            .join(Member, Member.id == Record.author_id)
            .join(Client, Client.id == Record.client_id)
            .where(Record.meeting_id == meeting_id, Record.removed_at.is_(None))
            .order_by(Record.created_at, Record.id)
        )
        return [(record, author, code) for record, author, code in rows]

    def clients_of_meeting(self, meeting_id: int) -> set[int]:
        """Clients something (not removed) was recorded for at the meeting."""
        return set(
            self.session.scalars(
                select(Record.client_id).where(
                    Record.meeting_id == meeting_id, Record.removed_at.is_(None)
                )
            )
        )
