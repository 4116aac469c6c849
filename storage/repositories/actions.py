"""Actions and their progress notes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Action, ActionProgress


class ActionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, action_id: int) -> Action | None:
        return self.session.get(Action, action_id)

    def add(self, action: Action) -> None:
        self.session.add(action)

    def add_progress(self, note: ActionProgress) -> None:
        self.session.add(note)

    def progress_notes(self, action_id: int) -> list[str]:
        """The action's progress notes as stored (de-identified), oldest first."""
        return list(
            self.session.scalars(
                select(ActionProgress.text)
                .where(ActionProgress.action_id == action_id)
                .order_by(ActionProgress.created_at)
            )
        )
