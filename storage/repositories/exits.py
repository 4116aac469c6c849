"""Clients leaving the group's list, with their outcome."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from storage.models import ClientExit
from storage.repositories.base import Repository


class ClientExitRepository(Repository[ClientExit]):
    model = ClientExit

    def open_of(self, client_id: int) -> ClientExit | None:
        """The client's exit that no re-referral has ended yet."""
        return self.session.scalar(
            select(ClientExit)
            .where(ClientExit.client_id == client_id, ClientExit.ended_at.is_(None))
            .order_by(ClientExit.recorded_at.desc(), ClientExit.id.desc())
            .limit(1)
        )

    def of_meeting(self, meeting_id: int) -> Sequence[ClientExit]:
        return self.session.scalars(
            select(ClientExit)
            .where(ClientExit.meeting_id == meeting_id)
            .order_by(ClientExit.recorded_at, ClientExit.id)
        ).all()
