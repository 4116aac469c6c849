"""Drafts: de-identified updates and actions waiting for their author to confirm them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete

from storage.models import Draft
from storage.repositories.base import Repository


class DraftRepository(Repository[Draft]):
    model = Draft

    def delete(self, draft: Draft) -> None:
        self.session.delete(draft)

    def delete_own(self, draft_id: int, author_id: int) -> None:
        """Delete the author's draft ``draft_id`` (nothing if it is someone else's or gone)."""
        self.session.execute(
            delete(Draft).where(Draft.id == draft_id, Draft.author_id == author_id)
        )

    def delete_expired(self, now: dt.datetime) -> int:
        result = self.session.execute(delete(Draft).where(Draft.expires_at <= now))
        return result.rowcount or 0
