"""Which meeting is next for a group: rows are made from the schedule as they are needed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from bot.domain import MeetingRef, MeetingStatus
from bot.ports import Clock
from bot.recurrence import Schedule
from storage.models import Group, Meeting
from storage.uow import UnitOfWork


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


def _materialise(uow: UnitOfWork, group: Group, now: dt.datetime) -> None:
    """Make sure the schedule's next occurrence after ``now`` that has not started has a row.

    Cancelled and closed ones are skipped, and so is one started early (running before its
    time): while it runs, the next meeting is the one after it."""
    schedule = schedule_of(group)
    occurrence = schedule.next_after(now)
    for _ in range(52):  # a year of weekly cancellations is more than enough
        if occurrence is None:
            return
        row = uow.meetings.at_occurrence(group.id, occurrence)
        if row is None:
            uow.meetings.ensure_row(group.id, occurrence, now)
            return
        if row.status == MeetingStatus.SCHEDULED.value and row.scheduled_at > now:
            return
        occurrence = schedule.next_after(occurrence)


def ensure_rows(uow: UnitOfWork, group: Group, start: dt.datetime, end: dt.datetime,
                now: dt.datetime) -> None:
    """Make sure every occurrence of the schedule in ``[start, end)`` has a meeting row."""
    for occurrence in schedule_of(group).between(start, end):
        uow.meetings.ensure_row(group.id, occurrence, now)


def upcoming(uow: UnitOfWork, group: Group, now: dt.datetime) -> Meeting | None:
    """The group's next meeting that has not started yet (a running one, even before its
    time, has started: updates and "next meeting" go to the one after it). An archived group
    has none."""
    if group.archived_at is not None:
        return None
    _materialise(uow, group, now)
    return uow.meetings.next_scheduled(group.id, now)


def current_or_upcoming(uow: UnitOfWork, group: Group, now: dt.datetime) -> Meeting | None:
    """A meeting under way (within its length), else the next one."""
    if group.archived_at is not None:
        return None  # it meets no more
    length = dt.timedelta(minutes=group.meeting_minutes)
    _materialise(uow, group, now - length)  # a meeting that began before any tick saw it
    started = uow.meetings.begun(group.id, now - length, now)
    return started or upcoming(uow, group, now)


def for_each_upcoming(
    *, uow: UnitOfWork, clock: Clock, work: Callable[[UnitOfWork, Group, Meeting, dt.datetime], int]
) -> int:
    """Run ``work`` for every group's next meeting in one transaction; returns the sum."""
    now = clock.now()
    total = 0
    with uow:
        for group, meeting in upcoming_by_group(uow, uow.groups.active(), now):
            total += work(uow, group, meeting, now)
        uow.commit()
    return total


def next_planned(uow: UnitOfWork, group: Group, now: dt.datetime) -> dt.datetime | None:
    """When the group next meets (moves, cancels and early starts included), making no rows."""
    if group.archived_at is not None:
        return None
    planned = uow.meetings.next_scheduled_time(group.id, now)
    taken = uow.meetings.occurrences_after(group.id, now)
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
    uow: UnitOfWork, groups: Sequence[Group], now: dt.datetime
) -> list[tuple[Group, Meeting]]:
    out = []
    for group in groups:
        meeting = upcoming(uow, group, now)
        if meeting is not None:
            out.append((group, meeting))
    return out
