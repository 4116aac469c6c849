"""Agencies, members and groups: who takes part in case coordination, and when groups meet."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from bot import recurrence, validation
from bot.domain import Conflict, GroupView, InvalidInput, MemberView, NotFound, Role
from bot.ports import Clock, UserDirectory
from bot.services.meetings import schedule_of
from storage.models import Agency, Group, GroupMember, Member, MemberRole
from storage.uow import UnitOfWork


def _suggest(name: str, known: Sequence[str]) -> str:
    lowered = {k.lower(): k for k in known}
    match = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.5)
    return f"; did you mean {lowered[match[0]]!r}?" if match else ""


def find_agency(uow: UnitOfWork, name: str) -> Agency:
    agency = uow.agencies.by_name(name)
    if agency is None:
        raise NotFound(
            f"unknown agency {name.strip()!r}{_suggest(name, uow.agencies.names())} "
            "(add it first with: casebot agency add NAME)"
        )
    return agency


def find_group(uow: UnitOfWork, name: str) -> Group:
    group = uow.groups.by_name(name.strip())
    if group is None:
        names = [g.name for g in uow.groups.all()]
        raise NotFound(
            f"unknown group {name.strip()!r}{_suggest(name, names)} "
            "(list them with: casebot group list)"
        )
    return group


def find_member(uow: UnitOfWork, user_id: str) -> Member:
    member = uow.members.by_user(user_id)
    if member is None:
        raise NotFound(
            f"{user_id} is not a Casebot member yet "
            "(add them with: casebot member add --user U… --agency … --role worker)"
        )
    return member


def add_agency(*, uow: UnitOfWork, clock: Clock, name: str, actor: str) -> str:
    clean = " ".join(name.split())
    if not clean or len(clean) > 120:
        raise InvalidInput("an agency name must be 1 to 120 characters")
    with uow:
        existing = uow.agencies.by_name(clean)
        if existing is not None:
            raise Conflict(f"agency {existing.name!r} already exists")
        now = clock.now()
        uow.session.add(Agency(name=clean, name_key=clean.lower(), created_at=now))
        uow.audit.add(at=now, actor=actor, action="agency_added", detail=clean)
        uow.commit()
    return clean


def list_agencies(*, uow: UnitOfWork) -> list[str]:
    with uow:
        return uow.agencies.names()


@dataclass(frozen=True)
class MemberAdded:
    member: MemberView
    joined_by_default: bool


def add_member(
    *,
    uow: UnitOfWork,
    clock: Clock,
    user_id: str,
    agency: str,
    roles: Sequence[Role],
    groups: Sequence[str],
    actor: str,
) -> MemberAdded:
    """Add a member. With no group given and exactly one group defined, they join that one."""
    if not roles:
        raise InvalidInput(f"give at least one --role ({', '.join(r.value for r in Role)})")
    with uow:
        if uow.members.by_user(user_id) is not None:
            raise Conflict(f"{user_id} is already a member (see: casebot member list)")
        found_agency = find_agency(uow, agency)
        chosen = [find_group(uow, g) for g in groups]
        by_default = False
        if not chosen:
            all_groups = uow.groups.all()
            if len(all_groups) == 1:
                chosen, by_default = list(all_groups), True
        now = clock.now()
        member = Member(slack_user_id=user_id, agency_id=found_agency.id, created_at=now)
        member.roles = [MemberRole(role=r.value) for r in dict.fromkeys(roles)]
        uow.session.add(member)
        uow.session.flush()
        for group in chosen:
            uow.session.add(GroupMember(group_id=group.id, member_id=member.id))
        uow.audit.add(
            at=now,
            actor=actor,
            action="member_added",
            detail=f"{user_id} ({found_agency.name}; {', '.join(r.value for r in roles)})",
        )
        uow.commit()
        view = MemberView(
            slack_user_id=user_id,
            agency=found_agency.name,
            roles=tuple(dict.fromkeys(roles)),
            groups=tuple(g.name for g in chosen),
        )
    return MemberAdded(view, by_default)


def list_members(*, uow: UnitOfWork) -> list[MemberView]:
    with uow:
        groups = uow.members.group_names()
        return [
            MemberView(
                slack_user_id=m.slack_user_id,
                agency=m.agency.name,
                roles=tuple(Role(r.role) for r in m.roles),
                groups=tuple(groups.get(m.id, ())),
            )
            for m in uow.members.all()
        ]


@dataclass(frozen=True)
class GroupSettings:
    """A group's lead times; defaults follow the product brief."""

    prompt_lead_days: int = 3
    reminder_lead_days: int = 1
    agenda_lead_minutes: int = 120
    nudge_lead_days: tuple[int, ...] = (3, 1)
    send_time: str = "09:00"
    day_first: bool = True
    meeting_minutes: int = 90


def create_group(
    *,
    uow: UnitOfWork,
    clock: Clock,
    name: str,
    channel_id: str,
    rule: str,
    tz: str,
    first_local: dt.datetime | None,
    settings: GroupSettings,
    actor: str,
) -> GroupView:
    clean = " ".join(name.split())
    if not clean or len(clean) > 80:
        raise InvalidInput("a group name must be 1 to 80 characters")
    tz = validation.timezone(tz)
    now = clock.now()
    schedule = recurrence.make_schedule(rule, tz, first_local=first_local, now=now)
    with uow:
        if uow.groups.by_name(clean) is not None:
            raise Conflict(f"a group called {clean!r} already exists")
        taken = uow.groups.by_channel(channel_id)
        if taken is not None:
            raise Conflict(f"channel {channel_id} already belongs to group {taken.name!r}")
        group = Group(
            name=clean,
            channel_id=channel_id,
            rrule=schedule.rule,
            tz=tz,
            first_meeting_at=schedule.first,
            prompt_lead_days=settings.prompt_lead_days,
            reminder_lead_days=settings.reminder_lead_days,
            agenda_lead_minutes=settings.agenda_lead_minutes,
            nudge_lead_days=",".join(str(d) for d in settings.nudge_lead_days),
            send_time=settings.send_time,
            day_first=settings.day_first,
            meeting_minutes=settings.meeting_minutes,
            created_at=now,
        )
        uow.session.add(group)
        uow.audit.add(
            at=now,
            actor=actor,
            action="group_created",
            detail=f"{clean} {channel_id} {schedule.rule}",
        )
        uow.commit()
        return _group_view(group, now)


def _group_view(group: Group, now: dt.datetime) -> GroupView:
    schedule = schedule_of(group)
    return GroupView(
        id=group.id,
        name=group.name,
        channel_id=group.channel_id,
        rrule=group.rrule,
        tz=group.tz,
        first_meeting_at=group.first_meeting_at,
        next_meeting_at=schedule.next_after(now, inclusive=True),
    )


def list_groups(*, uow: UnitOfWork, clock: Clock) -> list[GroupView]:
    now = clock.now()
    with uow:
        return [_group_view(g, now) for g in uow.groups.all()]


TZ_FRESH = dt.timedelta(days=7)


def refresh_timezones(
    *, uow: UnitOfWork, clock: Clock, directory: UserDirectory, limit: int = 50
) -> int:
    """Read members' time zones from Slack when unknown or a week old; returns how many changed.

    Prompts and nudges go out at 09:00 on each member's own clock, so the zone must be current
    (people travel, and Slack follows their device).
    """
    now = clock.now()
    with uow:
        stale = uow.session.scalars(
            select(Member)
            .where((Member.tz_checked_at.is_(None)) | (Member.tz_checked_at < now - TZ_FRESH))
            .order_by(Member.tz_checked_at.is_not(None), Member.tz_checked_at)
            .limit(limit)
        ).all()
        changed = 0
        for member in stale:
            tz = directory.timezone(member.slack_user_id)
            member.tz_checked_at = now
            if tz and tz != member.tz:
                try:
                    member.tz = validation.timezone(tz)
                    changed += 1
                except InvalidInput:
                    pass  # Slack sent a zone this machine's tzdata lacks: keep the group's
        uow.commit()
    return changed
