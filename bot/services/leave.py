"""Time away: ``/casebot away`` pauses prompts and nudges and shows "on leave" on agendas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from bot.domain import InvalidInput, LeavePeriod
from bot.ports import Clock
from bot.services.directory import find_asker
from storage.uow import UnitOfWork

MAX_LEAVE = dt.timedelta(days=366)


def set_leave(
    *, uow: UnitOfWork, clock: Clock, user_id: str, starts_on: dt.date, ends_on: dt.date
) -> LeavePeriod:
    today = clock.now().date()
    if ends_on < starts_on:
        raise InvalidInput("the leave ends before it starts; give the first day, then the last")
    if ends_on < today - dt.timedelta(days=1):
        raise InvalidInput("that leave is already over; give dates from today on")
    if ends_on - starts_on > MAX_LEAVE:
        raise InvalidInput("leave can be set up to a year at a time")
    with uow:
        member = find_asker(uow, user_id)
        period = LeavePeriod(starts_on, ends_on)
        uow.leave.add(member.id, period, clock.now())
        uow.commit()
    return period


def clear_leave(*, uow: UnitOfWork, clock: Clock, user_id: str) -> int:
    """End any current or future leave; returns how many periods were removed."""
    today = clock.now().date()
    with uow:
        member = find_asker(uow, user_id)
        removed = uow.leave.clear_from(member.id, today)
        uow.commit()
        return removed


def is_away(leave: Collection[LeavePeriod], day: dt.date) -> bool:
    """Whether any of these periods covers ``day``."""
    return any(p.starts_on <= day <= p.ends_on for p in leave)
