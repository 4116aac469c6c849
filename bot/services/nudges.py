"""Between meetings: one DM per owner listing all their open actions, at each nudge stage.

Stages are days before the meeting (default 3 and 1) at the group's send time on the owner's
clock. If several stages are due at once (say, an action recorded the day before) only the
latest is sent. "Snooze until tomorrow" brings the nudge back the next morning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from zoneinfo import ZoneInfo

from bot.domain import ActionView, InvalidInput, Nudge
from bot.ports import Clock, Renderer
from bot.recurrence import (
    localize,
    next_working_day,
    parse_time_of_day,
    send_at,
    working_hours_started,
)
from bot.services import leave, meetings, roster
from bot.services.agenda import open_actions
from bot.services.directory import asker_and_meeting
from storage.models import Group, Meeting, Member
from storage.uow import UnitOfWork


def _stages(group: Group) -> list[int]:
    return sorted({int(d) for d in group.nudge_lead_days.split(",") if d.strip()}, reverse=True)


def owner_actions(uow: UnitOfWork, group: Group, today: dt.date) -> dict[int, list[ActionView]]:
    """owner id -> their open actions on this group's clients (three queries in all)."""
    client_ids = uow.actions.clients_with_open(group.id)
    by_user = {m.slack_user_id: m.id for m in uow.actions.owners(client_ids)}
    out: dict[int, list[ActionView]] = {}
    for views in open_actions(uow, client_ids, today=today).values():
        for view in views:
            out.setdefault(by_user[view.owner], []).append(view)
    for views in out.values():
        views.sort(key=lambda a: (a.due_on, a.id))
    return out


def due_key(
    group: Group, meeting: Meeting, owner: Member, now: dt.datetime, sent: set[str]
) -> str | None:
    """The nudge owed to ``owner`` now (a stage, or a snooze coming back), if any.

    Assumes the caller has checked leave and working hours. Of several stages due at once only
    the latest counts, so an action recorded the day before gets one nudge, not two.
    """
    if owner.snoozed_until is not None and owner.snoozed_until > now:
        return None
    at = parse_time_of_day(group.send_time)
    tz = roster.zone_of(owner, group)

    def time_of(days: int) -> dt.datetime:
        return send_at(meeting.scheduled_at, group_tz=group.tz, days_before=days, at=at,
                       member_tz=tz)

    due = [d for d in _stages(group) if now >= time_of(d)]
    if due and f"nudge:{meeting.id}:{owner.id}:{min(due)}" not in sent:
        return f"nudge:{meeting.id}:{owner.id}:{min(due)}"
    if owner.snoozed_until is not None:
        return f"nudge:{meeting.id}:{owner.id}:snooze:{owner.snoozed_until:%Y%m%dT%H%M}"
    return None


def enqueue_due(*, uow: UnitOfWork, clock: Clock, renderer: Renderer) -> int:
    """Queue every nudge that is due now; returns how many were queued."""
    return meetings.for_each_upcoming(
        uow=uow,
        clock=clock,
        work=lambda uow, group, meeting, now: _for_meeting(uow, group, meeting, now, renderer),
    )


def _for_meeting(
    uow: UnitOfWork, group: Group, meeting: Meeting, now: dt.datetime, renderer: Renderer
) -> int:
    """Queue the meeting's due nudges. Who is owed one is settled from the owners, their leave
    and the keys already queued (a few queries, however many actions); the open actions are read
    only when someone is."""
    at = parse_time_of_day(group.send_time)
    owner_ids = sorted(uow.actions.open_owner_ids(group.id))
    if not owner_ids:
        return 0
    people = {m.id: m for m in uow.members.by_ids(owner_ids)}
    away = uow.leave.by_member(owner_ids, now.date() - dt.timedelta(1))
    sent = uow.outbox.keys_under(f"nudge:{meeting.id}:")
    due: list[tuple[Member, str, dt.date]] = []
    for owner_id in owner_ids:
        owner = people[owner_id]
        tz = roster.zone_of(owner, group)
        today = roster.local_today(now, tz)
        if leave.is_away(away.get(owner_id, []), today):
            continue
        if not working_hours_started(now, tz=tz, at=at):
            continue
        key = due_key(group, meeting, owner, now, sent)
        if key is not None:
            due.append((owner, key, today))
    if not due:
        return 0
    owned = owner_actions(uow, group, roster.local_today(now, group.tz))
    queued = 0
    for owner, key, today in due:
        views = owned.get(owner.id)
        if not views:
            continue
        owner.snoozed_until = None  # a due snooze is answered by this nudge
        nudge = Nudge(
            member=owner.slack_user_id,
            meeting=meetings.ref(group, meeting),
            actions=as_of(views, today),
            today=today,
        )
        if uow.outbox.enqueue(key=key,
            kind="nudge",
            channel=owner.slack_user_id,
            payload=renderer.nudge(nudge),
            now=now,
        ):
            queued += 1
    return queued


def as_of(views: list[ActionView], today: dt.date) -> tuple[ActionView, ...]:
    """The owner's actions with "overdue" judged on the owner's own date."""
    return tuple(replace(a, overdue=a.due_on < today, as_of=today) for a in views)


def snooze(*, uow: UnitOfWork, clock: Clock, user_id: str, meeting_id: int) -> dt.datetime:
    """Bring the nudge back on the next working day at the send time, on the member's clock."""
    now = clock.now()
    with uow:
        member, _, group = asker_and_meeting(
            uow, user_id, meeting_id,
            refusal=InvalidInput("That reminder is not about one of your groups' meetings."),
        )
        tz = roster.zone_of(member, group)
        at = parse_time_of_day(group.send_time)
        next_day = next_working_day(roster.local_today(now, tz))
        until = localize(dt.datetime.combine(next_day, at), ZoneInfo(tz))
        member.snoozed_until = until
        uow.commit()
    return until
