"""What a member sees on Casebot's App Home, by role: everyone's meetings, clients and open
actions; the coming agendas' readiness for those who run meetings; a champion's checklist; a
mentor's mentees. Case codes and de-identified text only."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from bot.domain import (
    AttendanceResponse,
    ClientStatus,
    HomeClient,
    HomeView,
    Readiness,
    Role,
)
from bot.ports import Clock
from bot.services import meetings, onboarding, roster
from bot.services.agenda import open_actions
from storage.models import Client, Group, Meeting
from storage.uow import UnitOfWork

RUN_MEETINGS = frozenset({Role.FACILITATOR, Role.SECRETARIAT})


def home_for(*, uow: UnitOfWork, clock: Clock, user_id: str) -> HomeView:
    now = clock.now()
    with uow:
        member = uow.members.by_user(user_id)
        if member is None:
            return HomeView(user=user_id, is_member=False)
        places = uow.memberships.of_member(member.id)  # group id -> roles there
        groups = [g for g in uow.groups.active() if g.id in places]
        tz = roster.zone_of(member, groups[0]) if groups else (member.tz or "UTC")
        today = roster.local_today(now, tz)
        pairs = meetings.upcoming_by_group(uow, groups, now)
        answers = {}
        for _, meeting in pairs:
            row = uow.attendance.get(meeting.id, member.id)
            if row is not None:
                answers[meeting.id] = AttendanceResponse(row.response)
        roles_by_group = {g.id: {Role(r) for r in places[g.id]} for g in groups}
        runs = [(g, m) for g, m in pairs if roles_by_group[g.id] & RUN_MEETINGS]
        client_ids = uow.actions.clients_owned_by(member.id)
        actions = open_actions(uow, client_ids, today=today)
        mine = tuple(
            a for views in actions.values() for a in views if a.owner == member.slack_user_id
        )
        view = HomeView(
            user=user_id,
            is_member=True,
            # Shown on the member's own clock, whatever the group's zone.
            meetings=tuple(sorted((replace(meetings.ref(g, m), tz=tz) for g, m in pairs),
                                  key=lambda m: m.starts_at)),
            clients=_clients(uow, uow.clients.on_agenda_of_worker(member.id), today),
            actions=tuple(sorted(mine, key=lambda a: (a.due_on, a.id))),
            leave=uow.leave.periods(member.id, today),
            today=today,
            answers=answers,
            roles=frozenset(r for roles in roles_by_group.values() for r in roles),
            readiness=tuple(_readiness(uow, g, m, now) for g, m in runs),
            checklist=tuple(onboarding.champion_progress(uow, member.id)),
            mentees=tuple(onboarding.mentees_of(uow, member.id)),
        )
        uow.commit()  # meeting rows made from the schedule are kept
        return view


def _clients(uow: UnitOfWork, rows: Sequence[Client], today: dt.date) -> tuple[HomeClient, ...]:
    """The key worker's clients with the first line of their latest update; details only
    where current consent covers the group, as on the agenda."""
    ids = [c.id for c in rows]
    latest = uow.updates.latest_of_clients(ids)
    by_group: dict[int, list[int]] = {}
    for c in rows:
        if c.group_id is not None:
            by_group.setdefault(c.group_id, []).append(c.id)
    shown: set[int] = set()
    for group_id, members in by_group.items():
        shown |= uow.consents.shareable(group_id, members, today)
    out = []
    for c in rows:
        update = latest.get(c.id)
        if c.id not in shown:
            out.append(HomeClient(c.case_code, ClientStatus(c.status), withheld=True))
        elif update is None:
            out.append(HomeClient(c.case_code, ClientStatus(c.status),
                                  since=c.created_at.date()))
        else:
            first = next((line.strip() for line in update.text.splitlines() if line.strip()), "")
            out.append(HomeClient(c.case_code, ClientStatus(c.status), latest=first,
                                  latest_on=update.created_at.date()))
    return tuple(out)


def _readiness(uow: UnitOfWork, group: Group, meeting: Meeting, now: dt.datetime) -> Readiness:
    """The coming agenda as its facilitators see it, in a fixed number of queries."""
    clients = uow.clients.on_agenda_brief(group.id)
    counts = uow.updates.counts(meeting.id)
    answers = uow.attendance.answers(meeting.id)
    today = roster.local_today(now, group.tz)
    overdue = Counter(
        owner.agency.name
        for action, _, owner in uow.actions.open_in_group(group.id)
        if action.due_on < today
    )
    return Readiness(
        group=group.name,
        meeting=meetings.ref(group, meeting),
        clients=len(clients),
        updated=sum(1 for c in clients if counts.get(c.id)),
        apologies=sum(1 for a in answers.values() if a is AttendanceResponse.APOLOGIES),
        nothing_new=tuple(c.case_code for c in clients if not counts.get(c.id)),
        referrals=tuple(
            c.case_code for c in clients if c.status == ClientStatus.REFERRED.value
        ),
        overdue=tuple(sorted(overdue.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def channel_member(*, uow: UnitOfWork, channel_id: str, user_id: str) -> bool | None:
    """None if the channel is no group's; else whether the user is in that group."""
    with uow:
        group = uow.groups.by_channel(channel_id)
        if group is None:
            return None
        member = uow.members.by_user(user_id)
        return member is not None and uow.memberships.is_member(member.id, group.id)


def roles_of(*, uow: UnitOfWork, user_id: str) -> frozenset[Role]:
    """The user's roles in any of their active groups (none: not a member), for help."""
    with uow:
        member = uow.members.by_user(user_id)
        if member is None:
            return frozenset()
        places = uow.memberships.of_member(member.id)
        active = {g.id for g in uow.groups.active()}
        return frozenset(Role(r) for g, roles in places.items() if g in active for r in roles)
