"""Moving or cancelling one meeting. Prompts, reminders, nudges and the agenda follow the new
time by themselves (they are worked out from the meeting's time at every tick). The people who
were already asked about it are told, and the channel whenever the change is near: someone was
asked, the agenda is out, or the old or new date is within the prompt window."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

from bot import recurrence
from bot.domain import InvalidInput, MeetingChange, MeetingStatus, NotAuthorised, NotFound
from bot.ports import Clock, Renderer
from bot.services import meeting_hours, meetings
from bot.services.directory import find_asker, find_group
from bot.timestamps import utc_and_local
from storage.models import Group, Meeting
from storage.uow import UnitOfWork


def _meeting_on(uow: UnitOfWork, group: Group, day: dt.date, now: dt.datetime) -> Meeting:
    """The group's (not yet started) meeting on ``day``, made from the schedule if need be."""
    zone = ZoneInfo(group.tz)
    start = recurrence.localize(dt.datetime.combine(day, dt.time()), zone)
    end = start + dt.timedelta(days=1)
    meetings.ensure_rows(uow, group, start, end, now)
    rows = uow.meetings.touching(group.id, start, end, live_only=True)
    found = next((m for m in rows if m.status == MeetingStatus.SCHEDULED.value), None)
    if found is None and rows:
        found = rows[0]  # running, perhaps started early
    if found is None:
        raise NotFound(f"{group.name} has no meeting on {day:%a %d %b %Y} to change")
    if found.status != MeetingStatus.SCHEDULED.value or found.scheduled_at <= now:
        raise InvalidInput("that meeting has already started; it can't be moved or cancelled")
    return found


def _group(uow: UnitOfWork, group: str) -> Group:
    """A group by name, or by its channel ID (from Slack, the channel the command came from)."""
    by_channel = uow.groups.by_channel(group)
    if by_channel is not None:
        return by_channel
    if group.startswith(("C", "G")) and group.upper() == group and " " not in group:
        raise InvalidInput("Use this in your case coordination group's channel.")
    return find_group(uow, group)


def _check_runner(uow: UnitOfWork, user_id: str | None, group: Group) -> None:
    """From Slack, only the group's facilitators and secretariat change meetings."""
    if user_id is None:
        return  # the command line: the operator
    member = find_asker(uow, user_id)
    if not uow.memberships.runs_meetings(member.id, group.id):
        raise NotAuthorised(
            f"Only {group.name}'s facilitators and secretariat can change its meetings."
        )


def _in_prompt_window(group: Group, at: dt.datetime, now: dt.datetime) -> bool:
    """Whether ``now`` is on or after the day (in the group's zone) a meeting at ``at`` has its
    prompts: from then on people may have planned around it, asked or not."""
    day_starts = recurrence.send_at(at, group_tz=group.tz, days_before=group.prompt_lead_days,
                                    at=dt.time(), member_tz=group.tz)
    return now >= day_starts


def _tell(
    uow: UnitOfWork,
    renderer: Renderer,
    group: Group,
    meeting: Meeting,
    change: MeetingChange,
    now: dt.datetime,
) -> tuple[MeetingChange, list[str]]:
    """Queue a note to everyone already asked about the meeting, and to the channel when the
    change is near; returns the change saying who is told, and the outbox keys."""
    asked = sorted(set(uow.outbox.channels_under(f"prompt:{meeting.id}:")))
    near = (
        bool(asked)
        or uow.outbox.has(f"agenda:{meeting.id}")
        or _in_prompt_window(group, change.was, now)
        or (not change.cancelled and _in_prompt_window(group, change.meeting.starts_at, now))
    )
    change = replace(change, asked=len(asked), channel_told=near)
    stamp = f"{change.meeting.starts_at:%Y%m%dT%H%M}" + ("c" if change.cancelled else "")
    payload = renderer.meeting_changed(change)
    keys = []
    for channel in asked + ([group.channel_id] if near else []):
        suffix = "channel" if channel == group.channel_id else channel
        key = f"changed:{meeting.id}:{stamp}:{suffix}"
        uow.outbox.enqueue(key=key, kind="meeting-change", channel=channel,
                           payload=payload, now=now)
        keys.append(key)
    return change, keys


def who_is_told(change: MeetingChange) -> str:
    """The sentence telling whoever changed a meeting who hears of it (Slack and command line
    say the same)."""
    then = (
        "nothing will be sent for it" if change.cancelled
        else "prompts will go out for the new date"
    )
    if not change.channel_told:
        return f"Nobody has been asked about it yet, so no one else is told; {then}."
    if change.asked:
        people = "person" if change.asked == 1 else "people"
        return f"The channel and the {change.asked} {people} already asked about it are told."
    if change.cancelled:
        return "The channel is told; nobody had been asked about it yet."
    return f"The channel is told; nobody had been asked about it yet, so {then}."


def move(
    *, uow: UnitOfWork, clock: Clock, renderer: Renderer, group: str, day: dt.date,
    to_local: dt.datetime, actor: str, user_id: str | None = None, force: bool = False,
) -> tuple[MeetingChange, list[str]]:
    """Move the meeting on ``day`` to ``to_local`` (wall-clock time in the group's zone); a time
    outside the group's days or hours only with ``force``."""
    now = clock.now()
    with uow:
        found = _group(uow, group)
        _check_runner(uow, user_id, found)
        meeting = _meeting_on(uow, found, day, now)
        target = recurrence.localize(to_local.replace(tzinfo=None), ZoneInfo(found.tz))
        if target <= now:
            raise InvalidInput("the new time has passed; give a time from now on")
        meeting_hours.check(group=found.name, rule=found.rrule, tz=found.tz, at=target,
                            force=force)
        if uow.meetings.clash(found.id, target, besides=meeting.id):
            raise InvalidInput("another meeting of the group is already at that time")
        was, meeting.scheduled_at = meeting.scheduled_at, target
        uow.flush()
        change = MeetingChange(meetings.ref(found, meeting), was)
        change, keys = _tell(uow, renderer, found, meeting, change, now)
        uow.audit.add(
            at=now,
            actor=actor,
            action="meeting_moved",
            detail=f"{found.name}: {utc_and_local(was, found.tz)} -> "
            f"{utc_and_local(target, found.tz)}",
        )
        uow.commit()
    return change, keys


def cancel(
    *, uow: UnitOfWork, clock: Clock, renderer: Renderer, group: str, day: dt.date,
    actor: str, user_id: str | None = None,
) -> tuple[MeetingChange, list[str]]:
    """Cancel the meeting on ``day``: nothing more is sent for it; its updates go to the next."""
    now = clock.now()
    with uow:
        found = _group(uow, group)
        _check_runner(uow, user_id, found)
        meeting = _meeting_on(uow, found, day, now)
        meeting.status = MeetingStatus.CANCELLED.value
        uow.flush()
        following = meetings.upcoming(uow, found, now)
        if following is not None:
            uow.updates.move_to(meeting.id, following.id)
        change = MeetingChange(
            meetings.ref(found, meeting), meeting.scheduled_at, cancelled=True,
            next=meetings.ref(found, following) if following else None,
        )
        change, keys = _tell(uow, renderer, found, meeting, change, now)
        uow.audit.add(
            at=now,
            actor=actor,
            action="meeting_cancelled",
            detail=f"{found.name}: {utc_and_local(meeting.scheduled_at, found.tz)}",
        )
        uow.commit()
    return change, keys


def upcoming_list(*, uow: UnitOfWork, clock: Clock, group: str, count: int = 6) -> list[Meeting]:
    """The next meetings (moved ones where they now are), for `casebot meeting list`."""
    now = clock.now()
    with uow:
        found = find_group(uow, group)
        meetings.ensure_rows(uow, found, now, now + dt.timedelta(days=120), now)
        rows = uow.meetings.after(found.id, now, count)
        uow.commit()
        uow.meetings.detach(rows)
        return rows
