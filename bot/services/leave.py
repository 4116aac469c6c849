"""Time away: ``/casebot away`` pauses prompts and nudges and shows "on leave" on agendas."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.domain import InvalidInput, LeavePeriod
from bot.ports import Clock
from bot.services.directory import find_asker
from storage.models import MemberLeave
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
        uow.session.add(
            MemberLeave(
                member_id=member.id, starts_on=starts_on, ends_on=ends_on, created_at=clock.now()
            )
        )
        uow.commit()
    return LeavePeriod(starts_on, ends_on)


def clear_leave(*, uow: UnitOfWork, clock: Clock, user_id: str) -> int:
    """End any current or future leave; returns how many periods were removed."""
    today = clock.now().date()
    with uow:
        member = find_asker(uow, user_id)
        result = uow.session.execute(
            delete(MemberLeave).where(
                MemberLeave.member_id == member.id, MemberLeave.ends_on >= today
            )
        )
        uow.commit()
        return result.rowcount or 0


def away_on(session: Session, member_ids: Collection[int], day: dt.date) -> set[int]:
    """Which of these members are on leave on ``day`` (one query)."""
    if not member_ids:
        return set()
    return set(
        session.scalars(
            select(MemberLeave.member_id).where(
                MemberLeave.member_id.in_(member_ids),
                MemberLeave.starts_on <= day,
                MemberLeave.ends_on >= day,
            )
        )
    )


def periods(session: Session, member_id: int, today: dt.date) -> tuple[LeavePeriod, ...]:
    rows = session.execute(
        select(MemberLeave.starts_on, MemberLeave.ends_on)
        .where(MemberLeave.member_id == member_id, MemberLeave.ends_on >= today)
        .order_by(MemberLeave.starts_on)
    ).all()
    return tuple(LeavePeriod(s, e) for s, e in rows)


def periods_by_member(
    session: Session, member_ids: Collection[int], since: dt.date
) -> dict[int, list[LeavePeriod]]:
    """Current and future leave for these members (one query), for checks on local dates."""
    out: dict[int, list[LeavePeriod]] = {}
    if not member_ids:
        return out
    rows = session.execute(
        select(MemberLeave.member_id, MemberLeave.starts_on, MemberLeave.ends_on).where(
            MemberLeave.member_id.in_(member_ids), MemberLeave.ends_on >= since
        )
    )
    for member_id, start, end in rows:
        out.setdefault(member_id, []).append(LeavePeriod(start, end))
    return out


def is_away(leave: Collection[LeavePeriod], day: dt.date) -> bool:
    return any(p.starts_on <= day <= p.ends_on for p in leave)
