"""Agency champions, their mentors, and their onboarding checklists and ticks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, func, select

from storage.models import Champion, Group, Member, OnboardingStep, OnboardingTick
from storage.repositories.base import Repository


class ChampionRepository(Repository[Champion]):
    model = Champion

    def current(self, group_id: int, agency_id: int) -> Champion | None:
        """The agency's current champion in the group (one at most)."""
        return self.session.scalar(
            select(Champion).where(
                Champion.group_id == group_id,
                Champion.agency_id == agency_id,
                Champion.ended_at.is_(None),
            )
        )

    def current_of(self, member_id: int, group_id: int | None = None) -> Sequence[Champion]:
        """Where the member is a current champion (one group, or all theirs)."""
        query = select(Champion).where(
            Champion.member_id == member_id, Champion.ended_at.is_(None)
        )
        if group_id is not None:
            query = query.where(Champion.group_id == group_id)
        return self.session.scalars(query.order_by(Champion.group_id)).all()

    def listed(self, group_id: int | None = None, *, history: bool = False) -> Sequence[Champion]:
        """Current champions (and with ``history`` the ended ones), by group then start."""
        query = select(Champion)
        if group_id is not None:
            query = query.where(Champion.group_id == group_id)
        if not history:
            query = query.where(Champion.ended_at.is_(None))
        return self.session.scalars(
            query.order_by(Champion.group_id, Champion.agency_id, Champion.started_at,
                           Champion.id)
        ).all()

    def active_current(self) -> Sequence[Champion]:
        """Every current champion of a group that is not archived."""
        return self.session.scalars(
            select(Champion)
            .join(Group, Group.id == Champion.group_id)
            .where(Champion.ended_at.is_(None), Group.archived_at.is_(None))
            .order_by(Champion.id)
        ).all()

    def mentees(self, mentor_id: int) -> Sequence[Champion]:
        """The current champions this member mentors (nobody else's)."""
        return self.session.scalars(
            select(Champion)
            .where(Champion.mentor_id == mentor_id, Champion.ended_at.is_(None))
            .order_by(Champion.started_at, Champion.id)
        ).all()

    def mentee_counts(self, mentor_ids: Sequence[int]) -> dict[int, int]:
        """mentor id -> how many current mentees they have (absent: none)."""
        if not mentor_ids:
            return {}
        rows = self.session.execute(
            select(Champion.mentor_id, func.count())
            .where(Champion.mentor_id.in_(mentor_ids), Champion.ended_at.is_(None))
            .group_by(Champion.mentor_id)
        )
        return {mentor: count for mentor, count in rows if mentor is not None}

    def members(self, member_ids: Sequence[int]) -> dict[int, Member]:
        if not member_ids:
            return {}
        rows = self.session.scalars(select(Member).where(Member.id.in_(set(member_ids))))
        return {m.id: m for m in rows}

    # --- the group's checklist ----------------------------------------------------------------

    def steps(self, group_id: int) -> Sequence[OnboardingStep]:
        return self.session.scalars(
            select(OnboardingStep)
            .where(OnboardingStep.group_id == group_id)
            .order_by(OnboardingStep.position)
        ).all()

    def steps_of(self, group_ids: Sequence[int]) -> dict[int, list[OnboardingStep]]:
        """group id -> its own steps, in order (absent: the default checklist)."""
        out: dict[int, list[OnboardingStep]] = {}
        if not group_ids:
            return out
        rows = self.session.scalars(
            select(OnboardingStep)
            .where(OnboardingStep.group_id.in_(set(group_ids)))
            .order_by(OnboardingStep.group_id, OnboardingStep.position)
        )
        for step in rows:
            out.setdefault(step.group_id, []).append(step)
        return out

    def replace_steps(self, group_id: int, steps: Sequence[OnboardingStep]) -> None:
        """The group's checklist becomes ``steps`` (none: back to the default)."""
        self.session.execute(delete(OnboardingStep).where(OnboardingStep.group_id == group_id))
        self.session.flush()
        for step in steps:
            self.session.add(step)

    # --- ticks --------------------------------------------------------------------------------

    def ticks(self, champion_ids: Sequence[int]) -> dict[int, dict[str, OnboardingTick]]:
        """champion id -> item key -> its tick."""
        out: dict[int, dict[str, OnboardingTick]] = {}
        if not champion_ids:
            return out
        rows = self.session.scalars(
            select(OnboardingTick).where(OnboardingTick.champion_id.in_(set(champion_ids)))
        )
        for tick in rows:
            out.setdefault(tick.champion_id, {})[tick.key] = tick
        return out

    def add_tick(self, champion_id: int, key: str, now: dt.datetime, how: str) -> None:
        self.session.add(OnboardingTick(champion_id=champion_id, key=key, ticked_at=now, how=how))
