"""What a member sees on Casebot's App Home: meetings, clients, open actions, leave."""

from __future__ import annotations

from bot.domain import HomeView
from bot.ports import Clock
from bot.services import meetings, roster
from bot.services.agenda import open_actions
from storage.uow import UnitOfWork


def home_for(*, uow: UnitOfWork, clock: Clock, user_id: str) -> HomeView:
    now = clock.now()
    with uow:
        member = uow.members.by_user(user_id)
        if member is None:
            return HomeView(user=user_id, is_member=False)
        groups = [g for g in uow.groups.active() if uow.memberships.is_member(member.id, g.id)]
        tz = roster.zone_of(member, groups[0]) if groups else "UTC"
        today = roster.local_today(now, tz)
        upcoming = [meetings.ref(g, m) for g, m in meetings.upcoming_by_group(uow, groups, now)]
        clients = uow.clients.codes_on_agenda_of_worker(member.id)
        client_ids = uow.actions.clients_owned_by(member.id)
        actions = open_actions(uow, client_ids, today=today)
        mine = tuple(
            a for views in actions.values() for a in views if a.owner == member.slack_user_id
        )
        uow.commit()  # meeting rows made from the schedule are kept
        return HomeView(
            user=user_id,
            is_member=True,
            meetings=tuple(sorted(upcoming, key=lambda m: m.starts_at)),
            clients=tuple(clients),
            actions=tuple(sorted(mine, key=lambda a: (a.due_on, a.id))),
            leave=uow.leave.periods(member.id, today),
            today=today,
        )


def channel_member(*, uow: UnitOfWork, channel_id: str, user_id: str) -> bool | None:
    """None if the channel is no group's; else whether the user is in that group."""
    with uow:
        group = uow.groups.by_channel(channel_id)
        if group is None:
            return None
        member = uow.members.by_user(user_id)
        return member is not None and uow.memberships.is_member(member.id, group.id)
