"""Members' time away."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.domain import LeavePeriod
from storage.models import MemberLeave


class LeaveRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, member_id: int, period: LeavePeriod, now: dt.datetime) -> None:
        self.session.add(
            MemberLeave(
                member_id=member_id, starts_on=period.starts_on, ends_on=period.ends_on,
                created_at=now,
            )
        )

    def clear_from(self, member_id: int, today: dt.date) -> int:
        """Remove the member's leave that is not over by ``today``; returns how many periods."""
        result = self.session.execute(
            delete(MemberLeave).where(
                MemberLeave.member_id == member_id, MemberLeave.ends_on >= today
            )
        )
        return result.rowcount or 0

    def away_on(self, member_ids: Collection[int], day: dt.date) -> set[int]:
        """Which of these members are on leave on ``day`` (one query)."""
        if not member_ids:
            return set()
        return set(
            self.session.scalars(
                select(MemberLeave.member_id).where(
                    MemberLeave.member_id.in_(member_ids),
                    MemberLeave.starts_on <= day,
                    MemberLeave.ends_on >= day,
                )
            )
        )

    def periods(self, member_id: int, today: dt.date) -> tuple[LeavePeriod, ...]:
        """The member's current and future leave, soonest first."""
        rows = self.session.execute(
            select(MemberLeave.starts_on, MemberLeave.ends_on)
            .where(MemberLeave.member_id == member_id, MemberLeave.ends_on >= today)
            .order_by(MemberLeave.starts_on)
        ).all()
        return tuple(LeavePeriod(s, e) for s, e in rows)

    def by_member(
        self, member_ids: Collection[int], since: dt.date
    ) -> dict[int, list[LeavePeriod]]:
        """Leave not over by ``since`` for these members (one query), for checks on local dates."""
        out: dict[int, list[LeavePeriod]] = {}
        if not member_ids:
            return out
        rows = self.session.execute(
            select(MemberLeave.member_id, MemberLeave.starts_on, MemberLeave.ends_on).where(
                MemberLeave.member_id.in_(member_ids), MemberLeave.ends_on >= since
            )
        )
        for member_id, start, end in rows:
            out.setdefault(member_id, []).append(LeavePeriod(start, end))
        return out
