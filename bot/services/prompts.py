"""Before the meeting: ask each member whether they will attend, and for updates on their clients.

Prompts go out ``prompt_lead_days`` before the meeting at the group's send time on each member's
own clock; a reminder goes ``reminder_lead_days`` before to those who have not answered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.domain import (
    ActionView,
    AttendanceResponse,
    ClientStatus,
    InvalidInput,
    NotFound,
    PromptClient,
    UpdatePrompt,
)
from bot.ports import Clock, Renderer
from bot.recurrence import parse_time_of_day, send_at, working_hours_started
from bot.services import leave, meetings, nudges, roster
from bot.services.directory import find_asker
from storage.models import Attendance, Client, Group, Meeting, Member, OutboxMessage, Update
from storage.repositories import MembershipRepository
from storage.repositories.attendance import AttendanceRepository
from storage.repositories.outbox import OutboxRepository
from storage.uow import UnitOfWork

# A reminder needs the prompt to have had time to be seen.
REMINDER_GAP = dt.timedelta(hours=12)


def _clients_by_worker(session: Session, group_id: int) -> dict[int, list[Client]]:
    rows = session.scalars(
        select(Client)
        .where(
            Client.group_id == group_id,
            Client.status.in_(roster.ON_AGENDA),
            Client.purged_at.is_(None),
        )
        .order_by(Client.status.desc(), Client.case_code)  # referred before active
    ).all()
    out: dict[int, list[Client]] = {}
    for client in rows:
        out.setdefault(client.key_worker_id, []).append(client)
    return out


def _update_counts(session: Session, meeting_id: int) -> dict[int, int]:
    return dict(
        session.execute(
            select(Update.client_id, func.count())
            .where(Update.meeting_id == meeting_id)
            .group_by(Update.client_id)
        ).all()
    )


@dataclass(frozen=True)
class _MeetingFacts:
    """What every member's prompt for one meeting is built from, read once."""

    clients: dict[int, list[Client]]
    counts: dict[int, int]
    answers: dict[int, AttendanceResponse]

    @classmethod
    def read(cls, session: Session, group: Group, meeting: Meeting) -> _MeetingFacts:
        return cls(
            _clients_by_worker(session, group.id),
            _update_counts(session, meeting.id),
            AttendanceRepository(session).answers_for(meeting.id),
        )


def build_prompt(
    session: Session,
    group: Group,
    meeting: Meeting,
    member: Member,
    *,
    reminder: bool = False,
    facts: _MeetingFacts | None = None,
    actions: tuple[ActionView, ...] = (),
    today: dt.date | None = None,
) -> UpdatePrompt:
    facts = facts or _MeetingFacts.read(session, group, meeting)
    return UpdatePrompt(
        meeting=meetings.ref(group, meeting),
        member=member.slack_user_id,
        clients=tuple(
            PromptClient(c.case_code, ClientStatus(c.status), facts.counts.get(c.id, 0))
            for c in facts.clients.get(member.id, [])
        ),
        attendance=facts.answers.get(member.id),
        reminder=reminder,
        actions=actions,
        today=today,
    )


def _sent_keys(session: Session, meeting_id: int) -> dict[str, dt.datetime]:
    rows = session.execute(
        select(OutboxMessage.idempotency_key, OutboxMessage.created_at).where(
            OutboxMessage.idempotency_key.like(f"prompt:{meeting_id}:%")
            | OutboxMessage.idempotency_key.like(f"reminder:{meeting_id}:%")
        )
    )
    return dict(rows.all())


def enqueue_due(*, uow: UnitOfWork, clock: Clock, renderer: Renderer) -> int:
    """Queue every prompt and reminder that is due now; returns how many were queued."""
    return meetings.for_each_upcoming(
        uow=uow,
        clock=clock,
        work=lambda session, group, meeting, now: _enqueue_for_meeting(
            session, group, meeting, now, renderer
        ),
    )


def _enqueue_for_meeting(
    session: Session, group: Group, meeting: Meeting, now: dt.datetime, renderer: Renderer
) -> int:
    at = parse_time_of_day(group.send_time)
    people: Sequence[Member] = MembershipRepository(session).members_of(group.id)
    away = leave.periods_by_member(session, [m.id for m in people], now.date() - dt.timedelta(1))
    facts = _MeetingFacts.read(session, group, meeting)
    sent = _sent_keys(session, meeting.id)
    owned = nudges.owner_actions(session, group, roster.local_today(now, group.tz))
    nudged = nudges.sent_keys(session, meeting.id)
    queued = 0
    for member in people:
        tz = roster.zone_of(member, group)
        if leave.is_away(away.get(member.id, []), roster.local_today(now, tz)):
            continue
        if not working_hours_started(now, tz=tz, at=at):
            continue
        prompt_key = f"prompt:{meeting.id}:{member.id}"
        reminder_key = f"reminder:{meeting.id}:{member.id}"

        def due(days: int, tz: str = tz) -> bool:
            moment = send_at(
                meeting.scheduled_at, group_tz=group.tz, days_before=days, at=at, member_tz=tz
            )
            return now >= moment

        if prompt_key not in sent and due(group.prompt_lead_days):
            key, reminder = prompt_key, False
        elif (
            prompt_key in sent
            and reminder_key not in sent
            and member.id not in facts.answers
            and due(group.reminder_lead_days)
            and now - sent[prompt_key] >= REMINDER_GAP
        ):
            key, reminder = reminder_key, True
        else:
            continue
        nudge_key = (
            nudges.due_key(group, meeting, member, now, nudged) if owned.get(member.id) else None
        )
        today = roster.local_today(now, tz)
        prompt = build_prompt(
            session,
            group,
            meeting,
            member,
            reminder=reminder,
            facts=facts,
            today=today,
            actions=nudges.as_of(owned[member.id], today) if nudge_key else (),
        )
        if OutboxRepository(session).enqueue(
            key=key,
            kind=key.split(":", 1)[0],
            channel=member.slack_user_id,
            payload=renderer.prompt(prompt),
            now=now,
        ):
            queued += 1
            if nudge_key:
                OutboxRepository(session).mark(
                    key=nudge_key,
                    kind="nudge",
                    channel=member.slack_user_id,
                    note=f"sent inside {key}",
                    now=now,
                )
                member.snoozed_until = None
    return queued


def respond(
    *, uow: UnitOfWork, clock: Clock, user_id: str, meeting_id: int, response: AttendanceResponse
) -> UpdatePrompt:
    """Record attending/apologies; returns the prompt as it should now look."""
    now = clock.now()
    with uow:
        member = find_asker(uow, user_id)
        meeting = uow.session.get(Meeting, meeting_id)
        if meeting is None or not uow.memberships.is_member(member.id, meeting.group_id):
            raise NotFound("That meeting is not one of your groups' meetings.")
        group = uow.session.get(Group, meeting.group_id)
        assert group is not None
        if meeting.scheduled_at <= now:
            raise InvalidInput("That meeting has already started, so answers are closed.")
        row = uow.session.get(Attendance, (meeting.id, member.id))
        if row is None:
            uow.session.add(
                Attendance(
                    meeting_id=meeting.id,
                    member_id=member.id,
                    response=response.value,
                    responded_at=now,
                )
            )
        else:
            row.response, row.responded_at = response.value, now
        uow.session.flush()
        prompt = build_prompt(uow.session, group, meeting, member)
        uow.commit()
    return prompt
