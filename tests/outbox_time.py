"""The database's clock in outbox tests: read it, and make time pass on it (leases, holds and
post times moved into the past, the tick's minute), since tests cannot move the database's clock
itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import sqlalchemy as sa

from bot.jobs import TICK_LEASE
from storage.db_clock import db_now
from storage.models import Lease, OutboxMessage
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


def tick_minute_passes(uow: Callable[[], UnitOfWork]) -> None:
    """As if the tick last claimed had been claimed a minute earlier: another process may claim
    the tick now, as at the next minute on the database's clock (bot.jobs.claim_tick)."""
    with uow() as work:
        work.session.execute(
            sa.update(Lease).where(Lease.name == TICK_LEASE).values(slot=Lease.slot - 1)
        )
        work.commit()
