"""Secretariat overrides of consent for one meeting."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import ConsentOverride
from storage.repositories.base import Repository


class ConsentOverrideRepository(Repository[ConsentOverride]):
    model = ConsentOverride

    def for_meeting(self, meeting_id: int) -> dict[int, str]:
        """client id -> the override's (de-identified) reason, for this one meeting."""
        rows = self.session.execute(
            select(ConsentOverride.client_id, ConsentOverride.reason)
            .where(ConsentOverride.meeting_id == meeting_id)
            .order_by(ConsentOverride.id)
        ).all()
        return {client_id: reason for client_id, reason in rows}  # the latest reason wins
