"""Agencies, members and groups: who takes part in case coordination, and when groups meet."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from bot import public_holidays, recurrence, validation
from bot.domain import (
    CasebotError,
    Conflict,
    GroupView,
    InvalidInput,
    MemberView,
    NotFound,
    Role,
)
from bot.ports import Clock, Profile, UserDirectory
from bot.services import meetings
from storage.models import (
    Agency,
    Group,
    GroupMember,
    Meeting,
    Member,
    MembershipRole,
)
from storage.uow import UnitOfWork


def _unknown(what: str, name: str, known: Sequence[str], hint: str) -> NotFound:
    """``unknown agency 'Forensics'; did you mean 'Forensic'? (hint)``: the closest known name."""
    import difflib  # a mistake's suggestion only: not on the tick's path

    lowered = {k.lower(): k for k in known}
    match = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.5)
    suggestion = f"; did you mean {lowered[match[0]]!r}?" if match else ""
    return NotFound(f"unknown {what} {name.strip()!r}{suggestion} ({hint})")


def find_agency(uow: UnitOfWork, name: str) -> Agency:
    agency = uow.agencies.by_name(name)
    if agency is None:
        hint = "add it first with: casebot agency add NAME"
        raise _unknown("agency", name, uow.agencies.names(), hint)
    return agency


def find_group(uow: UnitOfWork, name: str) -> Group:
    group = uow.groups.by_name(name.strip())
    if group is None:
        names = [g.name for g in uow.groups.all()]
        raise _unknown("group", name, names, hint="list them with: casebot group list")
    return group


def find_member(uow: UnitOfWork, user_id: str) -> Member:
    member = uow.members.by_user(user_id)
    if member is None:
        raise NotFound(
            f"{user_id} is not a Casebot member yet "
            "(add them with: casebot member add --user U… --agency … --role worker)"
        )
    return member


def find_asker(uow: UnitOfWork, user_id: str) -> Member:
    """The person asking, from Slack: if they are not set up, they are told whom to ask."""
    member = uow.members.by_user(user_id)
    if member is None:
        raise NotFound(
            "You're not set up in Casebot yet, so I can't do that. Ask your group's "
            "secretariat to add you."
        )
    return member


def asker_and_meeting(
    uow: UnitOfWork, user_id: str, meeting_id: int, *, refusal: CasebotError | None = None
) -> tuple[Member, Meeting, Group]:
    """The person asking, and the meeting with its group if it is one of their groups' meetings;
    otherwise ``refusal`` is raised (by default: not found)."""
    member = find_asker(uow, user_id)
    meeting = uow.meetings.get(meeting_id)
    group = uow.groups.get(meeting.group_id) if meeting is not None else None
    if meeting is None or group is None or not uow.memberships.is_member(member.id, group.id):
        raise refusal or NotFound("That meeting is not one of your groups' meetings.")
    return member, meeting, group


def add_agency(*, uow: UnitOfWork, clock: Clock, name: str, actor: str) -> str:
    clean = " ".join(validation.clean_text(name).split())
    if not clean or len(clean) > 120:
        raise InvalidInput("an agency name must be 1 to 120 characters")
    with uow:
        existing = uow.agencies.by_name(clean)
        if existing is not None:
            raise Conflict(f"agency {existing.name!r} already exists")
        now = clock.now()
        uow.agencies.add(Agency(name=clean, name_key=clean.lower(), created_at=now))
        uow.audit.add(at=now, actor=actor, action="agency_added", detail=clean)
        uow.commit()
    return clean


def list_agencies(*, uow: UnitOfWork) -> list[str]:
    with uow:
        return uow.agencies.names()


@dataclass(frozen=True)
class MemberAdded:
    member: MemberView
    joined: tuple[str, ...]  # the groups joined by this call
    joined_by_default: bool  # no --group given: the only group there is
    new: bool  # a new member (else an existing one joined more groups)


def _groups_to_join(uow: UnitOfWork, groups: Sequence[str]) -> tuple[list[Group], bool]:
    if groups:
        found = list(dict.fromkeys(find_group(uow, g) for g in groups))
        for group in found:
            if group.archived_at is not None:
                raise InvalidInput(f"{group.name} is archived; it takes no new members")
        return found, False
    every = uow.groups.active()
    if len(every) == 1:
        return [every[0]], True
    if not every:
        raise InvalidInput(
            "create the group first (casebot group create …): a member's roles belong to their "
            "place in a group"
        )
    raise InvalidInput(
        "say which group they join with --group NAME (repeatable), one of: "
        + ", ".join(repr(g.name) for g in every)
    )


def _clean_roles(roles: Sequence[Role]) -> list[Role]:
    if not roles:
        raise InvalidInput(f"give at least one --role ({', '.join(r.value for r in Role)})")
    return list(dict.fromkeys(roles))


def add_member(
    *,
    uow: UnitOfWork,
    clock: Clock,
    user_id: str,
    agency: str | None,
    roles: Sequence[Role],
    groups: Sequence[str],
    actor: str,
) -> MemberAdded:
    """Add a member to groups with these roles (in each of them). With no group given and
    exactly one group defined, they join that one. An existing member joins more groups; their
    roles elsewhere are untouched."""
    wanted = _clean_roles(roles)
    with uow:
        member = uow.members.by_user(user_id)
        if member is None and not agency:
            raise InvalidInput(f"{user_id} is new: give their agency with --agency NAME")
        chosen, by_default = _groups_to_join(uow, groups)
        now = clock.now()
        if member is None:
            assert agency is not None
            found_agency = find_agency(uow, agency)
            member = Member(slack_user_id=user_id, agency_id=found_agency.id, created_at=now)
            uow.members.add(member)
            uow.flush()
        elif agency and find_agency(uow, agency).id != member.agency_id:
            raise Conflict(
                f"{user_id} is already a member with {member.agency.name}; leave out --agency "
                "to add them to another group"
            )
        current = uow.memberships.of_member(member.id)
        for group in chosen:
            if group.id in current:
                roles_there = ", ".join(current[group.id]) or "no role"
                raise Conflict(
                    f"{user_id} is already in {group.name} ({roles_there}); change their roles "
                    f"there with: casebot member roles --user {user_id} --group "
                    f'"{group.name}" --role …'
                )
        for group in chosen:
            membership = GroupMember(group_id=group.id, member_id=member.id)
            membership.roles = [MembershipRole(role=r.value) for r in wanted]
            uow.memberships.add(membership)
        uow.audit.add(
            at=now,
            actor=actor,
            action="member_added",
            detail=f"{user_id} ({member.agency.name}) to {', '.join(g.name for g in chosen)} as "
            f"{', '.join(r.value for r in wanted)}",
        )
        uow.flush()
        view = _member_view(uow, member)
        added = MemberAdded(view, tuple(g.name for g in chosen), by_default,
                            new=not current)
        uow.commit()
    return added


def set_roles(
    *, uow: UnitOfWork, clock: Clock, user_id: str, group: str, roles: Sequence[Role], actor: str
) -> MemberView:
    """Replace a member's roles in one group; their roles in other groups stay as they are."""
    wanted = _clean_roles(roles)
    with uow:
        member = find_member(uow, user_id)
        found = find_group(uow, group)
        membership = uow.memberships.get(found.id, member.id)
        if membership is None:
            raise NotFound(
                f"{user_id} is not in {found.name}; add them with: casebot member add --user "
                f'{user_id} --group "{found.name}" --role …'
            )
        before = [r.role for r in membership.roles]
        membership.roles = [MembershipRole(role=r.value) for r in wanted]
        uow.audit.add(
            at=clock.now(),
            actor=actor,
            action="member_roles_changed",
            detail=f"{user_id} in {found.name}: {', '.join(before) or '-'} -> "
            f"{', '.join(r.value for r in wanted)}",
        )
        uow.flush()
        view = _member_view(uow, member)
        uow.commit()
    return view


def _member_view(uow: UnitOfWork, member: Member) -> MemberView:
    return MemberView(
        slack_user_id=member.slack_user_id,
        agency=member.agency.name,
        memberships=tuple(uow.memberships.views(member.id).get(member.id, ())),
    )


def list_members(*, uow: UnitOfWork) -> list[MemberView]:
    with uow:
        places = uow.memberships.views()
        return [
            MemberView(
                slack_user_id=m.slack_user_id,
                agency=m.agency.name,
                memberships=tuple(places.get(m.id, ())),
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
    client_minutes: int | None = None  # None: the meeting's length ÷ its clients
    holidays: str | None = None  # a public-holiday calendar such as "AU-QLD"; None: not checked


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
    clean = " ".join(validation.clean_text(name).split())
    if not clean or len(clean) > 80:
        raise InvalidInput("a group name must be 1 to 80 characters")
    tz = validation.timezone(tz)
    calendar = public_holidays.normalise(settings.holidays or "")
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
            client_minutes=settings.client_minutes,
            holidays=calendar,
            created_at=now,
        )
        uow.groups.add(group)
        uow.flush()
        from bot.deidentify import COMMON_SERVICES  # the seed of every group's allow-list

        for term in dict.fromkeys(COMMON_SERVICES):
            uow.groups.allow_term(group.id, term)
        uow.audit.add(
            at=now,
            actor=actor,
            action="group_created",
            detail=f"{clean} {channel_id} {schedule.rule}",
        )
        uow.commit()
        return _group_view(uow, group, now)


def _group_view(uow: UnitOfWork, group: Group, now: dt.datetime) -> GroupView:
    # The meetings table, not the bare rule, so a move, a cancel or a meeting started early shows.
    upcoming = meetings.next_planned(uow, group, now)
    return GroupView(
        id=group.id,
        name=group.name,
        channel_id=group.channel_id,
        rrule=group.rrule,
        tz=group.tz,
        first_meeting_at=group.first_meeting_at,
        next_meeting_at=upcoming,
        holidays=group.holidays,
    )


def group_view(*, uow: UnitOfWork, clock: Clock, name: str) -> GroupView:
    with uow:
        return _group_view(uow, find_group(uow, name), clock.now())


def set_holidays(*, uow: UnitOfWork, clock: Clock, group: str, code: str,
                 actor: str) -> GroupView:
    """Check the group's meetings against this public-holiday calendar (``none``: stop)."""
    calendar = public_holidays.normalise(code)
    now = clock.now()
    with uow:
        found = find_group(uow, group)
        before, found.holidays = found.holidays, calendar
        change = f"{found.name}: {before or 'none'} -> {calendar or 'none'}"
        uow.audit.add(at=now, actor=actor, action="group_holidays", detail=change)
        uow.commit()
        return _group_view(uow, found, now)


def list_groups(*, uow: UnitOfWork, clock: Clock) -> list[GroupView]:
    now = clock.now()
    with uow:
        return [_group_view(uow, g, now) for g in uow.groups.all()]


TZ_FRESH = dt.timedelta(days=7)


def refresh_profiles(
    *, uow: UnitOfWork, clock: Clock, directory: UserDirectory, limit: int = 50
) -> int:
    """Read members' zones and names from Slack when unknown or a week old; returns how many
    were read.

    Prompts and nudges go out at 09:00 on each member's own clock, so the zone must be current
    (people travel, and Slack follows their device); names keep workers out of redaction.
    """
    now = clock.now()
    with uow:
        stale = uow.members.stale_profiles(now - TZ_FRESH, limit)
        for member in stale:
            profile = directory.profile(member.slack_user_id)
            member.tz_checked_at = now
            if profile is not None:
                apply_profile(member, profile)
        uow.commit()
    return len(stale)


def apply_profile(member: Member, profile: Profile) -> None:
    """Take the names and zone Slack gives; an empty name keeps the one known."""
    member.real_name = (profile.real_name or "")[:120] or member.real_name
    member.display_name = (profile.display_name or "")[:120] or member.display_name
    if profile.tz:
        # A zone this machine's tzdata lacks keeps the group's.
        with contextlib.suppress(InvalidInput):
            member.tz = validation.timezone(profile.tz)


def allowed_terms(*, uow: UnitOfWork, group: str) -> list[str]:
    with uow:
        found = find_group(uow, group)
        return sorted(uow.groups.terms(found.id), key=str.lower)


def allow_terms(
    *, uow: UnitOfWork, clock: Clock, group: str, terms: Sequence[str], allow: bool, actor: str
) -> list[str]:
    """Add (or remove) words the group's channel may always show; returns those changed.

    Only service and agency names belong here: a client's name added by mistake would be shown.
    """
    clean = [c for t in terms if (c := " ".join(validation.clean_text(t).split()))]
    if not clean or any(len(t) > 120 for t in clean):
        raise InvalidInput("give one or more terms of at most 120 characters")
    with uow:
        found = find_group(uow, group)
        if allow:
            _refuse_client_details(uow, clean)
        existing = set(uow.groups.terms(found.id))
        changed = []
        for term in dict.fromkeys(clean):
            if allow and term not in existing:
                uow.groups.allow_term(found.id, term)
                changed.append(term)
            elif not allow and term in existing:
                uow.groups.disallow_term(found.id, term)
                changed.append(term)
        if changed:
            uow.audit.add(at=clock.now(), actor=actor,
                          action="terms_allowed" if allow else "terms_disallowed",
                          detail=f"{found.name}: " + "; ".join(changed))
        uow.commit()
    return changed


def _refuse_client_details(uow: UnitOfWork, terms: Sequence[str]) -> None:
    """An allow-listed word is shown as typed: never let a client's own details in."""
    for client in uow.clients.unpurged():
        identity = uow.secrets.read_identity(client)
        if any(identity.mentioned_in(term, names_only=True) for term in terms):
            raise InvalidInput(
                f"a term matches {client.case_code}'s registered details; the allow-list is for "
                "services and agencies only"
            )
