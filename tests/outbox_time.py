"""The database's clock in outbox tests: read it, and make time pass on it (leases, holds and
post times moved into the past), since tests cannot move the database's clock itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlalchemy as sa

from storage.db_clock import db_now
from storage.models import OutboxMessage
from storage.uow import UnitOfWork


def database_time(uow: Callable[[], UnitOfWork]) -> dt.datetime:
    with uow() as work:
        return work.session.scalar(sa.select(db_now(work.session.get_bind().dialect.name)))


def database_time_passes(uow: Callable[[], UnitOfWork], seconds: float) -> None:
    """As if ``seconds`` went by on the database's clock."""
    shift = dt.timedelta(seconds=seconds)
    with uow() as work:
        for found in work.session.scalars(sa.select(OutboxMessage)):
            for column in ("claimed_until", "retry_at", "sent_at"):
                if getattr(found, column) is not None:
                    setattr(found, column, getattr(found, column) - shift)
        work.commit()
