"""Between meetings: one DM per owner listing all their open actions, at each nudge stage.

Stages are days before the meeting (default 3 and 1) at the group's send time on the owner's
clock. If several stages are due at once (say, an action recorded the day before) only the
latest is sent. "Snooze until tomorrow" brings the nudge back the next morning.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain import ActionStatus, InvalidInput, Nudge
from bot.ports import Clock, Renderer
from bot.recurrence import (
    localize,
    next_working_day,
    parse_time_of_day,
    send_at,
    working_hours_started,
)
from bot.services import leave, meetings, outbox, roster
from bot.services.agenda import open_actions
from bot.services.directory import find_member
from storage.models import Action, Client, Group, Meeting, Member, OutboxMessage
from storage.uow import UnitOfWork


def _stages(group: Group) -> list[int]:
    return sorted({int(d) for d in group.nudge_lead_days.split(",") if d.strip()}, reverse=True)


def _owners(session: Session, group_id: int) -> dict[int, list[int]]:
    """owner id -> client ids with open actions in this group (one query)."""
    rows = session.execute(
        select(Action.owner_id, Action.client_id)
        .join(Client, Client.id == Action.client_id)
        .where(Client.group_id == group_id, Action.status == ActionStatus.OPEN.value)
        .distinct()
    )
    out: dict[int, list[int]] = {}
    for owner_id, client_id in rows:
        out.setdefault(owner_id, []).append(client_id)
    return out


def _sent(session: Session, meeting_id: int) -> set[str]:
    return set(
        session.scalars(
            select(OutboxMessage.idempotency_key).where(
                OutboxMessage.idempotency_key.like(f"nudge:{meeting_id}:%")
            )
        )
    )


def enqueue_due(*, uow: UnitOfWork, clock: Clock, renderer: Renderer) -> int:
    now = clock.now()
    queued = 0
    with uow:
        for group, meeting in meetings.upcoming_by_group(uow.session, uow.groups.all(), now):
            queued += _for_meeting(uow.session, group, meeting, now, renderer)
        uow.commit()
    return queued


def _for_meeting(
    session: Session, group: Group, meeting: Meeting, now: dt.datetime, renderer: Renderer
) -> int:
    at = parse_time_of_day(group.send_time)
    owners = _owners(session, group.id)
    if not owners:
        return 0
    people = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(owners)))}
    away = leave.periods_by_member(session, list(owners), now.date() - dt.timedelta(1))
    sent = _sent(session, meeting.id)
    all_clients = [c for ids in owners.values() for c in ids]
    queued = 0
    for owner_id, client_ids in owners.items():
        owner = people[owner_id]
        tz = roster.zone_of(owner, group)
        today = roster.local_today(now, tz)
        if leave.is_away(away.get(owner_id, []), today) or not working_hours_started(
            now, tz=tz, at=at
        ):
            continue
        if owner.snoozed_until is not None and owner.snoozed_until > now:
            continue
        due = [
            d
            for d in _stages(group)
            if now
            >= send_at(meeting.scheduled_at, group_tz=group.tz, days_before=d, at=at, member_tz=tz)
        ]
        key = None
        if due and f"nudge:{meeting.id}:{owner_id}:{min(due)}" not in sent:
            key = f"nudge:{meeting.id}:{owner_id}:{min(due)}"
        elif owner.snoozed_until is not None:
            key = f"nudge:{meeting.id}:{owner_id}:snooze:{owner.snoozed_until:%Y%m%dT%H%M}"
        owner.snoozed_until = None  # a due snooze is answered by this nudge
        if key is None:
            continue
        actions = open_actions(session, all_clients, today=today)
        mine = tuple(
            a for ids in client_ids for a in actions.get(ids, []) if a.owner == owner.slack_user_id
        )
        if not mine:
            continue
        nudge = Nudge(
            member=owner.slack_user_id,
            meeting=meetings.ref(group, meeting),
            actions=mine,
            today=today,
        )
        if outbox.enqueue(
            session,
            key=key,
            kind="nudge",
            channel=owner.slack_user_id,
            payload=renderer.nudge(nudge),
            now=now,
        ):
            queued += 1
    return queued


def snooze(*, uow: UnitOfWork, clock: Clock, user_id: str) -> dt.datetime:
    """Bring the nudge back on the next working day at the send time, on the member's clock."""
    now = clock.now()
    with uow:
        member = find_member(uow, user_id)
        groups = [g for g in uow.groups.all() if roster.is_member_of(uow.session, member.id, g.id)]
        if not groups:
            raise InvalidInput("You're not in any group, so there is nothing to snooze.")
        group = groups[0]
        tz = roster.zone_of(member, group)
        at = parse_time_of_day(group.send_time)
        next_day = next_working_day(roster.local_today(now, tz))
        until = localize(dt.datetime.combine(next_day, at), ZoneInfo(tz))
        member.snoozed_until = until
        uow.commit()
    return until
