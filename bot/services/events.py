"""Slack may deliver the same event more than once (retries, duplicates): handle each once.

Work that must not run twice claims its delivery with ``uow.events.claim`` in the same
transaction as the work: a delivery whose work fails leaves no claim behind, so Slack's retry
does the work; two deliveries at once cannot both win.
"""

from __future__ import annotations

import datetime as dt

from bot.ports import Clock
from storage.uow import UnitOfWork

KEEP = dt.timedelta(days=7)  # Slack retries for minutes; a week is plenty


def first_delivery(*, uow: UnitOfWork, clock: Clock, key: str) -> bool:
    """Remember ``key`` on its own; True only the first time it is seen (across processes)."""
    with uow:
        fresh = uow.events.claim(key, clock.now())
        uow.commit()
    return fresh


def forget_old(*, uow: UnitOfWork, clock: Clock) -> int:
    with uow:
        gone = uow.events.forget_before(clock.now() - KEEP)
        uow.commit()
        return gone
