"""``INSERT … ON CONFLICT DO NOTHING`` on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from storage.models import Base


def insert_ignore(
    session: Session, model: type[Base], values: dict[str, Any], conflict: Sequence[str]
) -> bool:
    """Insert a row unless one with the same ``conflict`` columns exists; True if inserted.

    Two processes racing to insert the same row both succeed and one row results, without the
    loser's transaction being aborted (which a caught IntegrityError would do on PostgreSQL).
    """
    # The dialect's own insert, imported here: loading PostgreSQL's slows every SQLite start-up.
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    table = model.__table__
    statement = (
        insert(table)
        .values(**values)
        .on_conflict_do_nothing(index_elements=list(conflict))
        # rowcount is -1 here with psycopg 3, so ask for the row back instead.
        .returning(table.c[conflict[0]])
    )
    return session.execute(statement).first() is not None
