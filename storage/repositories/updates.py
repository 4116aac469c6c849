"""Workers' updates on their clients, written for a meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select, update

from storage.models import Member, Update
from storage.repositories.base import Repository


class UpdateRepository(Repository[Update]):
    model = Update

    def of_meeting(self, meeting_id: int) -> list[tuple[Update, str]]:
        """The meeting's updates, oldest first, with their author's Slack ID."""
        rows = self.session.execute(
            select(Update, Member.slack_user_id)
            .join(Member, Member.id == Update.author_id)
            .where(Update.meeting_id == meeting_id)
            .order_by(Update.created_at, Update.id)
        )
        return [(row, author) for row, author in rows]

    def counts(self, meeting_id: int) -> dict[int, int]:
        """client id -> how many updates they have for the meeting."""
        rows = self.session.execute(
            select(Update.client_id, func.count())
            .where(Update.meeting_id == meeting_id)
            .group_by(Update.client_id)
        ).all()
        return {client_id: count for client_id, count in rows}

    def move_to(self, from_meeting: int, to_meeting: int) -> None:
        """Every update written for one meeting now goes to another."""
        self.session.execute(
            update(Update).where(Update.meeting_id == from_meeting).values(meeting_id=to_meeting)
        )



    def latest_of_clients(self, client_ids: Sequence[int]) -> dict[int, Update]:
        """client id -> their latest update (one statement)."""
        if not client_ids:
            return {}
        latest = (
            select(func.max(Update.id))
            .where(Update.client_id.in_(client_ids))
            .group_by(Update.client_id)
        )
        rows = self.session.scalars(select(Update).where(Update.id.in_(latest)))
        return {row.client_id: row for row in rows}

    def last_at(self, client_id: int) -> dt.datetime | None:
        """When the client's latest update was written."""
        return self.session.scalar(
            select(func.max(Update.created_at)).where(Update.client_id == client_id)
        )
