"""The register's version, and one process's decrypted copy of the register.

De-identifying a text needs every client's identity; reading and decrypting the whole register
for each text made every request's work grow with the register. A process now keeps one copy,
in its memory only (never pickled, never written anywhere), checked against the version row with
one read per use: every change to an identity, a purge and a key rotation bump that row in their
own transaction, so a change committed by any process or instance is seen at the next use.
"""

from __future__ import annotations

import secrets
import threading
from typing import Any, NoReturn

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import RegisterVersion
from storage.upsert import insert_ignore

_TABLE = RegisterVersion.__table__  # plain statements: nothing for the ORM to keep in step

# The transaction that bumped the version, in session.info: its reads bypass the copy.
_BUMPED = "casebot.register_bumped"

Version = tuple[int, str]


def current(session: Session) -> Version | None:
    """The register's version as this session sees it (None: no version row, keep no copy)."""
    row = session.execute(
        select(_TABLE.c.version, _TABLE.c.stamp).where(_TABLE.c.id == 1)
    ).first()
    return (row[0], row[1]) if row else None


def bump(session: Session) -> None:
    """Mark the register changed, once per transaction (committed or rolled back with it)."""
    transaction = session.get_transaction()
    if transaction is not None and session.info.get(_BUMPED) is transaction:
        return
    stamp = secrets.token_hex(16)
    changed = session.execute(
        update(_TABLE)
        .where(_TABLE.c.id == 1)
        .values(version=_TABLE.c.version + 1, stamp=stamp)
        .returning(_TABLE.c.id)
    ).first()
    if changed is None:  # a database whose row was deleted: start it again
        insert_ignore(session, RegisterVersion, {"id": 1, "version": 1, "stamp": stamp}, ["id"])
    session.info[_BUMPED] = session.get_transaction()


def changed_here(session: Session) -> bool:
    """Whether this session's open transaction changed the register (not yet committed)."""
    transaction = session.get_transaction()
    return transaction is not None and session.info.get(_BUMPED) is transaction


class RegisterCache:
    """One process's decrypted register, as its reader shaped it, for one version at a time.

    Thread-safe; holds plaintext identities, so it refuses to be pickled and is cleared on
    shutdown (``Container.close``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._version: Version | None = None
        self._value: Any = None

    def get(self, version: Version) -> Any:
        """The copy kept for ``version``, or None."""
        with self._lock:
            return self._value if self._version == version else None

    def put(self, version: Version, value: Any) -> None:
        with self._lock:
            self._version, self._value = version, value

    def clear(self) -> None:
        with self._lock:
            self._version, self._value = None, None

    @property
    def empty(self) -> bool:
        with self._lock:
            return self._value is None

    def __reduce__(self) -> NoReturn:
        raise TypeError("the decrypted register stays in this process's memory")
