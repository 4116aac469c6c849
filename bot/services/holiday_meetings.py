"""Meetings that fall on a public holiday of the group's calendar.

A week ahead, each facilitator of the group is asked by DM (once, at the send time on their own
clock, on a working day) whether to move the meeting to a suggested day or cancel it. The first
answer is carried out by the move/cancel service and counts for everyone; a later press is told
what was done. A meeting already moved off the holiday, or cancelled, is not asked about.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot import public_holidays
from bot.domain import (
    Conflict,
    HolidayAnswer,
    HolidayQuestion,
    InvalidInput,
    MeetingStatus,
    NotAuthorised,
    Role,
)
from bot.ports import Clock, Renderer
from bot.recurrence import localize, parse_time_of_day, send_at, working_hours_started
from bot.services import meetings, reschedule, roster
from bot.services.directory import asker_and_meeting
from storage.models import Group, Meeting
from storage.uow import UnitOfWork

ASK_DAYS = 7
# How far ahead to look: a week, plus a weekend (a Saturday's question goes on the Friday).
LOOKAHEAD = dt.timedelta(days=ASK_DAYS + 3)
# An answer claimed but not carried out this long ago was cut short (the process stopped).
STALE_CLAIM = dt.timedelta(minutes=2)
TAKEN_WINDOW = dt.timedelta(days=31)


def _on(day: dt.date) -> str:
    return f"{day:%Y%m%d}"


def question_key(meeting_id: int, day: dt.date, user_id: str) -> str:
    return f"holiday:{meeting_id}:{_on(day)}:{user_id}"


def _answer_key(meeting_id: int, day: dt.date) -> str:
    return f"holiday-answer:{meeting_id}:{_on(day)}"


def _local(group: Group, at: dt.datetime) -> dt.datetime:
    return at.astimezone(ZoneInfo(group.tz))


def suggestion(uow: UnitOfWork, group: Group, meeting: Meeting) -> dt.datetime:
    """The meeting's time on the next working day that is no public holiday and has no meeting
    of the group (moved ones where they are now, cancelled ones not)."""
    start = meeting.scheduled_at
    end = start + TAKEN_WINDOW
    rows = uow.meetings.touching(group.id, start, end)
    known = {row.occurrence_at for row in rows}
    taken = {_local(group, row.scheduled_at).date() for row in rows
             if row.status != MeetingStatus.CANCELLED.value}
    taken |= {_local(group, at).date() for at in meetings.schedule_of(group).between(start, end)
              if at not in known}
    local = _local(group, start)
    day = public_holidays.next_free_day(group.holidays, local.date(), taken)
    return localize(dt.datetime.combine(day, local.time()), ZoneInfo(group.tz))


def enqueue_due(*, uow: UnitOfWork, clock: Clock, renderer: Renderer) -> int:
    """Queue every question that is due now; returns how many were queued."""
    now = clock.now()
    queued = 0
    with uow:
        for group in uow.groups.active():
            if group.holidays is not None:
                queued += _ask(uow, group, now, renderer)
        uow.commit()
    return queued


def _ask(uow: UnitOfWork, group: Group, now: dt.datetime, renderer: Renderer) -> int:
    meetings.ensure_rows(uow, group, now, now + LOOKAHEAD, now)
    ahead = uow.meetings.scheduled_between(group.id, now, now + LOOKAHEAD)
    at = parse_time_of_day(group.send_time)
    queued = 0
    for meeting in ahead:
        day = _local(group, meeting.scheduled_at).date()
        holiday = public_holidays.name_on(group.holidays, day)
        if holiday is None:
            continue
        asked = {key for key, _user in _questions(uow, meeting.id, day)}
        suggested: dt.datetime | None = None
        for member in uow.memberships.members_with_role(group.id, Role.FACILITATOR):
            key = question_key(meeting.id, day, member.slack_user_id)
            tz = roster.zone_of(member, group)
            due = send_at(meeting.scheduled_at, group_tz=group.tz, days_before=ASK_DAYS, at=at,
                          member_tz=tz)
            if key in asked or now < due or not working_hours_started(now, tz=tz, at=at):
                continue
            suggested = suggested or suggestion(uow, group, meeting)
            question = HolidayQuestion(meetings.ref(group, meeting), holiday,
                                       member.slack_user_id, suggested)
            if uow.outbox.enqueue(key=key, kind="holiday-question",
                              channel=member.slack_user_id,
                              payload=renderer.holiday_question(question), now=now):
                queued += 1
    return queued


def _questions(uow: UnitOfWork, meeting_id: int, day: dt.date) -> tuple[tuple[str, str], ...]:
    """(outbox key, facilitator) of every copy of the question about this meeting and day."""
    return tuple(uow.outbox.keys_and_channels_under(f"holiday:{meeting_id}:{_on(day)}:"))


@dataclass(frozen=True)
class Answered:
    answer: HolidayAnswer
    questions: tuple[tuple[str, str], ...]  # every facilitator's copy: (outbox key, user)
    outbox_keys: tuple[str, ...] = ()  # notices of the change: send these now


def _handled(
    uow: UnitOfWork, group: Group, meeting: Meeting, day: dt.date, now: dt.datetime
) -> HolidayAnswer | None:
    """What was done already about the meeting on ``day``, or None if it is still open."""
    claim = uow.outbox.by_key(_answer_key(meeting.id, day))
    status = MeetingStatus(meeting.status)
    moved = _local(group, meeting.scheduled_at).date() != day
    if status is MeetingStatus.SCHEDULED and not moved:
        if claim is None:
            return None
        if now - claim.created_at < STALE_CLAIM:
            raise Conflict("Another facilitator is answering this right now; look again soon.")
        uow.outbox.delete(claim)  # cut short before it was carried out: this answer takes over
        uow.flush()
        return None
    if status not in (MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED):
        raise InvalidInput("That meeting has already started, so it can't be moved or cancelled.")
    cancelled = status is MeetingStatus.CANCELLED
    following = meetings.upcoming(uow, group, now) if cancelled else None
    # Who answered, if their answer is what the meeting shows (not a command's change since).
    by = None
    if claim is not None and ("cancelled" in claim.payload) == cancelled:
        by = claim.channel
    return HolidayAnswer(
        meeting=meetings.ref(group, meeting), on=day,
        holiday=public_holidays.name_on(group.holidays, day), cancelled=cancelled,
        by=by, already=True,
        next=meetings.ref(group, following) if following else None,
    )


def answer(
    *, uow: UnitOfWork, clock: Clock, renderer: Renderer, user_id: str, meeting_id: int,
    day: dt.date, move_to: dt.date | None,
) -> Answered:
    """A facilitator's (or the secretariat's) answer: move the meeting to ``move_to`` (the day
    suggested to them) or, without one, cancel it."""
    now = clock.now()
    with uow:
        member, meeting, group = asker_and_meeting(uow, user_id, meeting_id)
        if not uow.memberships.runs_meetings(member.id, group.id):
            raise NotAuthorised(
                f"Only {group.name}'s facilitators and secretariat can move or cancel its meetings."
            )
        copies = _questions(uow, meeting.id, day)
        done = _handled(uow, group, meeting, day, now)
        if done is not None:
            return Answered(done, copies)
        holiday = public_holidays.name_on(group.holidays, day)
        if holiday is None:
            raise InvalidInput(
                f"{day:%a %d %b} is not a public holiday in {group.name}'s calendar any more, so "
                "nothing was changed."
            )
        local = _local(group, meeting.scheduled_at)
        if move_to is not None and suggestion(uow, group, meeting).date() != move_to:
            raise InvalidInput(
                f"{move_to:%a %d %b} is no longer free. Choose another time with: /casebot "
                f"meeting move {day.isoformat()} YYYY-MM-DDTHH:MM"
            )
        claimed = uow.outbox.mark(key=_answer_key(meeting.id, day),
                                  kind="holiday-answer", channel=user_id,
                                  note=f"{'moved' if move_to else 'cancelled'} by {user_id}",
                                  now=now)
        if not claimed:
            raise Conflict("Another facilitator is answering this right now; look again soon.")
        channel = group.channel_id
        uow.commit()
    try:
        common = {"uow": uow, "clock": clock, "renderer": renderer, "group": channel,
                  "day": day, "actor": user_id, "user_id": user_id}
        if move_to is not None:
            to = dt.datetime.combine(move_to, local.time())
            change, keys = reschedule.move(to_local=to, **common)
        else:
            change, keys = reschedule.cancel(**common)
    except Exception:
        _release(uow, meeting_id, day)  # nothing was changed: the question stays open
        raise
    done = HolidayAnswer(meeting=change.meeting, on=day, holiday=holiday,
                         cancelled=change.cancelled, by=user_id, next=change.next)
    return Answered(done, copies, tuple(keys))


def _release(uow: UnitOfWork, meeting_id: int, day: dt.date) -> None:
    with uow:
        claim = uow.outbox.by_key(_answer_key(meeting_id, day))
        if claim is not None:
            uow.outbox.delete(claim)
        uow.commit()
