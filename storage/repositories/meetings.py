"""Meetings and their agenda lists (meeting items): the rows the schedule makes and the steps
a running meeting takes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TypeVar

from sqlalchemy import Select, func, select

from bot.domain import MeetingStatus
from storage.models import (
    Action,
    Attendance,
    Client,
    ClientExit,
    ConsentOverride,
    Group,
    Meeting,
    MeetingItem,
    Member,
    Record,
    Referral,
    Update,
)
from storage.repositories.base import Repository
from storage.upsert import insert_ignore

T = TypeVar("T")

LIVE = (MeetingStatus.SCHEDULED.value, MeetingStatus.RUNNING.value)  # not yet over


class MeetingRepository(Repository[Meeting]):
    model = Meeting

    def ensure_row(self, group_id: int, occurrence: dt.datetime, now: dt.datetime) -> None:
        """Make sure the schedule's ``occurrence`` has a meeting row (two processes may race)."""
        insert_ignore(
            self.session,
            Meeting,
            {
                "group_id": group_id,
                "occurrence_at": occurrence,
                "scheduled_at": occurrence,
                "status": MeetingStatus.SCHEDULED.value,
                "created_at": now,
            },
            ["group_id", "occurrence_at"],
        )

    def at_occurrence(self, group_id: int, occurrence: dt.datetime) -> Meeting | None:
        return self.session.scalar(
            select(Meeting).where(Meeting.group_id == group_id, Meeting.occurrence_at == occurrence)
        )

    def next_scheduled(self, group_id: int, after: dt.datetime) -> Meeting | None:
        """The soonest meeting still to start after ``after``."""
        return self.session.scalar(self._soonest(select(Meeting), group_id, after))

    def next_scheduled_time(self, group_id: int, after: dt.datetime) -> dt.datetime | None:
        """When the soonest meeting still to start after ``after`` is (loads no row)."""
        return self.session.scalar(self._soonest(select(Meeting.scheduled_at), group_id, after))

    @staticmethod
    def _soonest(query: Select[tuple[T]], group_id: int, after: dt.datetime) -> Select[tuple[T]]:
        return (
            query.where(
                Meeting.group_id == group_id,
                Meeting.status == MeetingStatus.SCHEDULED.value,
                Meeting.scheduled_at > after,
            )
            .order_by(Meeting.scheduled_at)
            .limit(1)
        )

    def occurrences_after(self, group_id: int, after: dt.datetime) -> set[dt.datetime]:
        """The schedule's occurrences after ``after`` that have rows (moved or not)."""
        return set(
            self.session.scalars(
                select(Meeting.occurrence_at).where(
                    Meeting.group_id == group_id, Meeting.occurrence_at > after
                )
            )
        )

    def begun(self, group_id: int, since: dt.datetime, now: dt.datetime) -> Meeting | None:
        """The latest scheduled or running meeting planned after ``since`` and by ``now``."""
        return self.session.scalar(
            select(Meeting)
            .where(
                Meeting.group_id == group_id,
                Meeting.status.in_(LIVE),
                Meeting.scheduled_at <= now,
                Meeting.scheduled_at > since,
            )
            .order_by(Meeting.scheduled_at.desc())
            .limit(1)
        )

    def live(self, group_id: int, *, lock: bool = False) -> Meeting | None:
        """The group's running meeting, if any (``lock``: held until commit, so steps queue up)."""
        query = select(Meeting).where(
            Meeting.group_id == group_id, Meeting.status == MeetingStatus.RUNNING.value
        )
        return self.session.scalar(query.with_for_update() if lock else query)

    def all_live(self) -> list[tuple[Meeting, Group]]:
        """Every running meeting, with its group."""
        rows = self.session.execute(
            select(Meeting, Group)
            .join(Group, Group.id == Meeting.group_id)
            .where(Meeting.status == MeetingStatus.RUNNING.value)
        )
        return [(meeting, group) for meeting, group in rows]

    def last_ended_at(self, group_id: int) -> dt.datetime | None:
        """When the group's most recently closed meeting ended."""
        return self.session.scalar(
            select(Meeting.ended_at)
            .where(Meeting.group_id == group_id, Meeting.status == MeetingStatus.CLOSED.value)
            .order_by(Meeting.ended_at.desc())
            .limit(1)
        )

    def last_closed_before(self, group_id: int, before: dt.datetime) -> Meeting | None:
        return self.session.scalar(
            select(Meeting)
            .where(
                Meeting.group_id == group_id,
                Meeting.status == MeetingStatus.CLOSED.value,
                Meeting.scheduled_at < before,
            )
            .order_by(Meeting.scheduled_at.desc())
            .limit(1)
        )

    def closed(self, group_id: int) -> Sequence[Meeting]:
        return self.session.scalars(
            select(Meeting).where(
                Meeting.group_id == group_id, Meeting.status == MeetingStatus.CLOSED.value
            )
        ).all()

    def touching(
        self, group_id: int, start: dt.datetime, end: dt.datetime, *, live_only: bool = False
    ) -> Sequence[Meeting]:
        """Meetings now, or first planned, in ``[start, end)`` (``live_only``: not yet over)."""
        query = select(Meeting).where(
            Meeting.group_id == group_id,
            ((Meeting.scheduled_at >= start) & (Meeting.scheduled_at < end))
            | ((Meeting.occurrence_at >= start) & (Meeting.occurrence_at < end)),
        )
        if live_only:
            query = query.where(Meeting.status.in_(LIVE))
        return self.session.scalars(query).all()

    def scheduled_between(
        self, group_id: int, after: dt.datetime, until: dt.datetime
    ) -> Sequence[Meeting]:
        """Meetings still to start, planned in ``(after, until]``."""
        return self.session.scalars(
            select(Meeting).where(
                Meeting.group_id == group_id,
                Meeting.status == MeetingStatus.SCHEDULED.value,
                Meeting.scheduled_at > after,
                Meeting.scheduled_at <= until,
            )
        ).all()

    def unstarted_between(self, after: dt.datetime, before: dt.datetime) -> Sequence[Meeting]:
        """Every group's meetings planned in ``(after, before)`` that nobody started."""
        return self.session.scalars(
            select(Meeting).where(
                Meeting.status == MeetingStatus.SCHEDULED.value,
                Meeting.scheduled_at > after,
                Meeting.scheduled_at < before,
            )
        ).all()

    def clash(self, group_id: int, at: dt.datetime, *, besides: int) -> bool:
        """Whether another of the group's meetings still to start is planned at ``at``."""
        found = self.session.scalar(
            select(Meeting.id).where(
                Meeting.group_id == group_id,
                Meeting.id != besides,
                Meeting.scheduled_at == at,
                Meeting.status == MeetingStatus.SCHEDULED.value,
            )
        )
        return found is not None

    def after(self, group_id: int, now: dt.datetime, count: int) -> list[Meeting]:
        """The group's next ``count`` meetings (any status), soonest first."""
        return list(
            self.session.scalars(
                select(Meeting)
                .where(Meeting.group_id == group_id, Meeting.scheduled_at > now)
                .order_by(Meeting.scheduled_at)
                .limit(count)
            ).all()
        )

    def for_export(self, group_id: int | None) -> list[tuple[Meeting, str | None]]:
        """The group's meetings (or all groups'), each with its facilitator's Slack ID, by
        group and time (one query)."""
        query = (
            select(Meeting, Member.slack_user_id)
            .outerjoin(Member, Member.id == Meeting.facilitator_id)
            .order_by(Meeting.group_id, Meeting.scheduled_at)
        )
        if group_id is not None:
            query = query.where(Meeting.group_id == group_id)
        return [(meeting, who) for meeting, who in self.session.execute(query)]

    def detach(self, meetings: Sequence[Meeting]) -> None:
        """Keep these rows readable after the unit of work ends."""
        for meeting in meetings:
            self.session.expunge(meeting)

    # The meeting's agenda list: one row per client, in order, with how far it got.

    def items(self, meeting_id: int) -> Sequence[MeetingItem]:
        return self.session.scalars(
            select(MeetingItem)
            .where(MeetingItem.meeting_id == meeting_id)
            .order_by(MeetingItem.position)
        ).all()

    def items_with_codes(self, meeting_id: int) -> list[tuple[MeetingItem, str]]:
        rows = self.session.execute(
            select(MeetingItem, Client.case_code)
            .join(Client, Client.id == MeetingItem.client_id)
            .where(MeetingItem.meeting_id == meeting_id)
            .order_by(MeetingItem.position)
        ).all()
        return [(item, code) for item, code in rows]

    def item(self, meeting_id: int, client_id: int) -> MeetingItem | None:
        return self.session.get(MeetingItem, (meeting_id, client_id))

    def add_item(self, meeting_id: int, client_id: int, *, position: int, state: str) -> None:
        self.session.add(
            MeetingItem(meeting_id=meeting_id, client_id=client_id, position=position, state=state)
        )

    def last_position(self, meeting_id: int) -> int:
        last = self.session.scalar(
            select(func.max(MeetingItem.position)).where(MeetingItem.meeting_id == meeting_id)
        )
        return last or 0

    def not_reached(self, meeting_id: int) -> list[int]:
        """Clients on the meeting's list it did not get to, in list order."""
        return list(
            self.session.scalars(
                select(MeetingItem.client_id)
                .where(MeetingItem.meeting_id == meeting_id, MeetingItem.state != "discussed")
                .order_by(MeetingItem.position)
            )
        )

    # Re-planning after a group's schedule changes.

    def future_scheduled(self, group_id: int, after: dt.datetime) -> Sequence[Meeting]:
        """The group's meetings still to start after ``after``, soonest first."""
        return self.session.scalars(
            select(Meeting)
            .where(
                Meeting.group_id == group_id,
                Meeting.status == MeetingStatus.SCHEDULED.value,
                Meeting.scheduled_at > after,
            )
            .order_by(Meeting.scheduled_at)
        ).all()

    def has_dependents(self, meeting_id: int) -> bool:
        """Whether anything was recorded against the meeting (updates, answers, actions…)."""
        for model in (Update, Attendance, MeetingItem, Record, Action, ConsentOverride,
                      Referral, ClientExit):
            column = model.meeting_id  # type: ignore[attr-defined]
            if self.session.scalar(select(column).where(column == meeting_id).limit(1)):
                return True
        return False

    def delete(self, meeting: Meeting) -> None:
        self.session.delete(meeting)
