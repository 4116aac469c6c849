"""Which meeting is next for a group: rows are made from the schedule as they are needed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain import MeetingRef, MeetingStatus
from bot.ports import Clock
from bot.recurrence import Schedule
from storage.models import Group, Meeting
from storage.uow import UnitOfWork
from storage.upsert import insert_ignore

LIVE = (MeetingStatus.SCHEDULED.value, MeetingStatus.RUNNING.value)


def schedule_of(group: Group) -> Schedule:
    return Schedule(group.rrule, group.tz, group.first_meeting_at)


def ref(group: Group, meeting: Meeting) -> MeetingRef:
    return MeetingRef(
        id=meeting.id,
        group=group.name,
        channel_id=group.channel_id,
        starts_at=meeting.scheduled_at,
        tz=group.tz,
        minutes=group.meeting_minutes,
    )


def ensure_row(session: Session, group: Group, occurrence: dt.datetime, now: dt.datetime) -> None:
    """Make sure the schedule's ``occurrence`` has a meeting row (two processes may race)."""
    insert_ignore(
        session,
        Meeting,
        {
            "group_id": group.id,
            "occurrence_at": occurrence,
            "scheduled_at": occurrence,
            "status": MeetingStatus.SCHEDULED.value,
            "created_at": now,
        },
        ["group_id", "occurrence_at"],
    )


def _materialise(session: Session, group: Group, now: dt.datetime) -> None:
    """Make sure the schedule's next occurrence after ``now`` that has not started has a row.

    Cancelled and closed ones are skipped, and so is one started early (running before its
    time): while it runs, the next meeting is the one after it."""
    schedule = schedule_of(group)
    occurrence = schedule.next_after(now)
    for _ in range(52):  # a year of weekly cancellations is more than enough
        if occurrence is None:
            return
        row = session.scalar(
            select(Meeting).where(Meeting.group_id == group.id, Meeting.occurrence_at == occurrence)
        )
        if row is None:
            ensure_row(session, group, occurrence, now)
            return
        if row.status == MeetingStatus.SCHEDULED.value and row.scheduled_at > now:
            return
        occurrence = schedule.next_after(occurrence)


def upcoming(session: Session, group: Group, now: dt.datetime) -> Meeting | None:
    """The group's next meeting that has not started yet (a running one, even before its
    time, has started: updates and "next meeting" go to the one after it)."""
    _materialise(session, group, now)
    return session.scalar(
        select(Meeting)
        .where(
            Meeting.group_id == group.id,
            Meeting.status == MeetingStatus.SCHEDULED.value,
            Meeting.scheduled_at > now,
        )
        .order_by(Meeting.scheduled_at)
        .limit(1)
    )


def current_or_upcoming(session: Session, group: Group, now: dt.datetime) -> Meeting | None:
    """A meeting under way (within its length), else the next one."""
    length = dt.timedelta(minutes=group.meeting_minutes)
    _materialise(session, group, now - length)  # a meeting that began before any tick saw it
    started = session.scalar(
        select(Meeting)
        .where(
            Meeting.group_id == group.id,
            Meeting.status.in_(LIVE),
            Meeting.scheduled_at <= now,
            Meeting.scheduled_at > now - length,
        )
        .order_by(Meeting.scheduled_at.desc())
        .limit(1)
    )
    return started or upcoming(session, group, now)


def for_each_upcoming(
    *, uow: UnitOfWork, clock: Clock, work: Callable[[Session, Group, Meeting, dt.datetime], int]
) -> int:
    """Run ``work`` for every group's next meeting in one transaction; returns the sum."""
    now = clock.now()
    total = 0
    with uow:
        for group, meeting in upcoming_by_group(uow.session, uow.groups.all(), now):
            total += work(uow.session, group, meeting, now)
        uow.commit()
    return total


def next_planned(session: Session, group: Group, now: dt.datetime) -> dt.datetime | None:
    """When the group next meets (moves, cancels and early starts included), making no rows."""
    planned = session.scalar(
        select(Meeting.scheduled_at)
        .where(
            Meeting.group_id == group.id,
            Meeting.status == MeetingStatus.SCHEDULED.value,
            Meeting.scheduled_at > now,
        )
        .order_by(Meeting.scheduled_at)
        .limit(1)
    )
    taken = set(
        session.scalars(
            select(Meeting.occurrence_at).where(
                Meeting.group_id == group.id, Meeting.occurrence_at > now
            )
        )
    )
    schedule = schedule_of(group)
    occurrence = schedule.next_after(now)
    for _ in range(52):
        if occurrence is None or (planned is not None and occurrence >= planned):
            break
        if occurrence not in taken:
            return occurrence
        occurrence = schedule.next_after(occurrence)
    return planned


def upcoming_by_group(
    session: Session, groups: Sequence[Group], now: dt.datetime
) -> list[tuple[Group, Meeting]]:
    out = []
    for group in groups:
        meeting = upcoming(session, group, now)
        if meeting is not None:
            out.append((group, meeting))
    return out
