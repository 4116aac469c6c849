"""Leases: once per period for the whole deployment, decided by the database's clock."""

from __future__ import annotations

from sqlalchemy import BigInteger, cast, func, literal, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from storage.models import Lease


class LeaseRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _epoch(self) -> ColumnElement[int]:
        """Whole seconds since 1970 on the database's clock (not this process's)."""
        if self.session.get_bind().dialect.name == "postgresql":
            return cast(func.floor(func.extract("epoch", func.clock_timestamp())), BigInteger)
        return cast(func.strftime("%s", "now"), BigInteger)

    def _slot(self, seconds: int) -> ColumnElement[int]:
        """The current period's number on the database's clock (not this process's)."""
        if self.session.get_bind().dialect.name == "postgresql":
            epoch = func.extract("epoch", func.clock_timestamp())
            return cast(func.floor(epoch / seconds), BigInteger)
        epoch = self._epoch()
        # "//": SQLAlchemy renders "/" as true division ("/ (? + 0.0)"), and a fractional slot
        # grows every second, so a later second of the same minute would claim it again.
        return epoch // literal(seconds, BigInteger)

    def claim(self, name: str, holder: str, *, seconds: int = 60) -> bool:
        """Take ``name`` for the current period in one statement; True for exactly one caller
        per period, however many race (the row's lock, or SQLite's write lock, orders them)."""
        slot = self._slot(seconds)
        # The dialect's own insert, imported here: loading PostgreSQL's slows SQLite start-up.
        if self.session.get_bind().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        insert = dialect_insert(Lease)
        statement = (
            insert.values(name=name, slot=slot, holder=holder[:100])
            .on_conflict_do_update(
                index_elements=[Lease.name],
                set_={"slot": insert.excluded.slot, "holder": insert.excluded.holder},
                where=Lease.slot < insert.excluded.slot,
            )
            .returning(Lease.name)
        )
        return self.session.execute(statement).first() is not None

    def last_claim(self, name: str, *, seconds: int = 60) -> tuple[int, str] | None:
        """Seconds since the start of the last period claimed for ``name``, on the database's
        clock (so an instance with a wrong clock still reads it right), and who claimed it;
        None if it was never claimed."""
        row = self.session.execute(
            select(self._epoch() - Lease.slot * literal(seconds, BigInteger), Lease.holder)
            .where(Lease.name == name)
        ).first()
        return None if row is None else (max(0, int(row[0])), row[1])

    def holder(self, name: str) -> str | None:
        return self.session.scalar(select(Lease.holder).where(Lease.name == name))

    def give_back(self, name: str, holder: str, *, seconds: int = 60) -> bool:
        """Hand back this period's ``name`` if ``holder`` took it (a process stopping early), so
        another may take it in the same period; True if it was given back."""
        statement = (
            update(Lease)
            .where(Lease.name == name, Lease.holder == holder[:100],
                   Lease.slot == self._slot(seconds))
            .values(slot=Lease.slot - 1)
            .returning(Lease.name)
        )
        return self.session.execute(statement).first() is not None
