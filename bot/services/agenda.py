"""The agenda: every client on the group's books, with de-identified updates and open actions.

New referrals come first. Posted ``agenda_lead_minutes`` before the meeting, once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from bot.domain import (
    ActionStatus,
    ActionView,
    Agenda,
    AgendaItem,
    AttendanceResponse,
    ClientStatus,
    MeetingStatus,
    Role,
    UpdateView,
)
from bot.ports import Clock, Renderer
from bot.services import consent, meetings
from bot.services.referral_view import waiting_views
from storage.models import Action, Client, Group, Meeting
from storage.repositories.actions import ActionRow
from storage.uow import UnitOfWork


def open_actions(
    uow: UnitOfWork, client_ids: Sequence[int], *, today: dt.date
) -> dict[int, list[ActionView]]:
    """Open actions of these clients with their owners, oldest due first (one query)."""
    rows = uow.actions.open_of_clients(client_ids)
    out: dict[int, list[ActionView]] = {}
    for (action, *_), view in zip(rows, action_views(rows, today), strict=True):
        out.setdefault(action.client_id, []).append(view)
    return out


def action_views(rows: Iterable[ActionRow], today: dt.date) -> list[ActionView]:
    """Action rows from the repository (action, case code, owner, creator) as views."""
    return [action_view(a, code, owner, creator, today) for a, code, owner, creator in rows]


def action_view(
    action: Action, code: str, owner: str, creator: str | None, today: dt.date
) -> ActionView:
    return ActionView(
        id=action.id,
        case_code=code,
        text=action.text,
        owner=owner,
        due_on=action.due_on,
        status=ActionStatus(action.status),
        overdue=action.status == ActionStatus.OPEN.value and action.due_on < today,
        created_by=creator,
        carried=action.carried_count,
        as_of=today,
    )


def not_reached_last_time(uow: UnitOfWork, group: Group, meeting: Meeting) -> list[int]:
    """Clients the group's previous meeting did not get to: they go first this time."""
    last = uow.meetings.last_closed_before(group.id, meeting.scheduled_at)
    if last is None:
        return []
    return uow.meetings.not_reached(last.id)


def _clients(uow: UnitOfWork, group: Group, meeting: Meeting) -> list[Client]:
    """On the agenda, in order: new referrals (they wait for a decision), then those not reached
    last time, then everyone else."""
    clients = list(uow.clients.on_agenda(group.id))
    # A client brought to this one meeting by a consent override (e.g. consent withdrawn).
    on = {c.id for c in clients}
    clients += [
        c for c in uow.clients.by_ids([i for i in uow.overrides.for_meeting(meeting.id)
                                          if i not in on])
        if c.purged_at is None and c.group_id == group.id
    ]
    first = {cid: n for n, cid in enumerate(not_reached_last_time(uow, group, meeting))}
    return sorted(  # sorted() keeps the repository's order (by code) within each rank
        clients,
        key=lambda c: (c.status != ClientStatus.REFERRED.value, first.get(c.id, len(first))),
    )


def client_order(uow: UnitOfWork, group: Group, meeting: Meeting) -> list[int]:
    return [c.id for c in _clients(uow, group, meeting)]


def build(
    uow: UnitOfWork, group: Group, meeting: Meeting, *, only: list[int] | None = None
) -> Agenda:
    meeting_day = meeting.scheduled_at.astimezone(meetings.schedule_of(group).zone).date()
    clients = [c for c in _clients(uow, group, meeting) if only is None or c.id in only]
    ids = [c.id for c in clients]
    overrides = uow.overrides.for_meeting(meeting.id)  # this meeting only: then they expire
    visible = uow.consents.shareable(group.id, ids, meeting_day) | set(overrides)
    review = consent.review_flags(uow, ids, meeting_day)
    updates: dict[int, list[UpdateView]] = {}
    for row, author in uow.updates.of_meeting(meeting.id):
        updates.setdefault(row.client_id, []).append(
            UpdateView(row.id, "", row.text, author, row.updated_at)
        )
    actions = open_actions(uow, ids, today=meeting_day)
    people = uow.memberships.members_of(group.id)
    answers = uow.attendance.answers(meeting.id)
    away_ids = uow.leave.away_on([m.id for m in people], meeting_day)
    by_id = {m.id: m.slack_user_id for m in people}
    referrals = waiting_views(uow, clients)  # issue 13: what the facilitators decide on
    return Agenda(
        meeting=meetings.ref(group, meeting),
        facilitators=tuple(uow.memberships.with_role(group.id, Role.FACILITATOR)),
        attending=tuple(
            by_id[i] for i, a in answers.items() if a is AttendanceResponse.ATTENDING and i in by_id
        ),
        apologies=tuple(
            by_id[i]
            for i, a in answers.items()
            if a is AttendanceResponse.APOLOGIES and i in by_id and i not in away_ids
        ),
        on_leave=tuple(by_id[i] for i in sorted(away_ids)),
        items=tuple(
            AgendaItem(
                case_code=c.case_code,
                status=ClientStatus(c.status),
                key_worker=c.key_worker.slack_user_id,
                lead_agency=c.lead_agency.name,
                updates=tuple(
                    UpdateView(u.id, c.case_code, u.text, u.author, u.updated_at)
                    for u in updates.get(c.id, [])
                )
                if c.id in visible
                else (),
                actions=tuple(actions.get(c.id, [])) if c.id in visible else (),
                withheld=c.id not in visible,
                review_due=c.id in review,
                override=overrides.get(c.id),
                referral=referrals.get(c.id) if c.id in visible else None,
            )
            for c in clients
        ),
    )


def enqueue_due(*, uow: UnitOfWork, clock: Clock, renderer: Renderer) -> int:
    """Queue the agenda of every meeting whose agenda time has come; returns messages queued."""
    now = clock.now()
    queued = 0
    with uow:
        for group in uow.groups.active():
            meeting = meetings.current_or_upcoming(uow, group, now)
            if meeting is None or meeting.status != MeetingStatus.SCHEDULED.value:
                continue  # one started (perhaps early) has its screen; an agenda now is noise
            post_at = meeting.scheduled_at - dt.timedelta(minutes=group.agenda_lead_minutes)
            ends_at = meeting.scheduled_at + dt.timedelta(minutes=group.meeting_minutes)
            if not post_at <= now < ends_at:
                continue
            # Claim the agenda before rendering it: a second process waits on this row, then
            # finds it taken, so two renderings (which could split differently) never mix.
            if not uow.outbox.mark(
                key=f"agenda:{meeting.id}",
                kind="agenda",
                channel=group.channel_id,
                note="agenda queued",
                now=now,
            ):
                continue
            parts = renderer.agenda(build(uow, group, meeting))
            for number, payload in enumerate(parts, start=1):
                uow.outbox.enqueue(
                    key=f"agenda:{meeting.id}:{number:02d}",
                    kind="agenda",
                    channel=group.channel_id,
                    payload=payload,
                    now=now,
                )
            queued += len(parts)
        uow.commit()
    return queued
