"""What every repository has: its session, and get and add for its own entity."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy.orm import Session

T = TypeVar("T")


class Repository(Generic[T]):
    """Subclasses name their entity (``model``) and add the queries that are theirs."""

    model: ClassVar[type[Any]]

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, row_id: int) -> T | None:
        found: T | None = self.session.get(self.model, row_id)
        return found

    def add(self, row: T) -> None:
        self.session.add(row)
