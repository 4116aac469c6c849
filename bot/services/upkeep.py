"""Keeping the register right: editing a client, where a client is, members leaving or changing
agency (their open actions offered for reassignment first), groups edited or archived.

Audit rows name the fields that changed, never what they changed to.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from bot import recurrence, validation
from bot.deidentify import forget_cached_identities
from bot.domain import (
    EXIT_OUTCOMES,
    IDENTITY_FIELDS,
    ActionRecorded,
    ActionStatus,
    ClientIdentity,
    ClientStatus,
    Conflict,
    ExitOutcome,
    InvalidInput,
    MeetingStatus,
    NotFound,
)
from bot.ports import ChannelDirectory, Clock, Renderer
from bot.services import consent, meetings, roster
from bot.services.agenda import action_view
from bot.services.directory import find_agency, find_group, find_member
from bot.services.register import code_names_client
from bot.timestamps import utc_and_local
from bot.wording import plural
from storage.models import Action, Client, Group, Meeting, Member
from storage.uow import UnitOfWork

# --- channels -------------------------------------------------------------------------------


def check_channel(channels: ChannelDirectory | None, channel_id: str) -> str | None:
    """Ask Slack (when a bot token is set) whether the channel exists and Casebot is in it.

    Refuses a channel Slack doesn't know or has archived; returns a warning to show when the
    bot is not in it yet or Slack could not be asked, else None. Without a token, only the ID's
    shape was checked (by ``validation.slack_channel_id``)."""
    if channels is None:
        return None
    info = channels.channel(channel_id)
    if info is None:
        return (f"Slack could not be asked about {channel_id} just now; make sure Casebot is in "
                "that channel (/invite @Casebot).")
    if not info.found:
        raise InvalidInput(
            f"Slack has no channel {channel_id} that Casebot can see. Check the ID (open the "
            "channel, click its name: the Channel ID is at the bottom of About); for a private "
            "channel, invite Casebot first (/invite @Casebot), then run this again.",
            field="channel",
        )
    if info.archived:
        raise InvalidInput(f"channel {channel_id} is archived in Slack; choose a live channel",
                           field="channel")
    if not info.is_member:
        return (f"Casebot is not in {channel_id} yet: invite it (/invite @Casebot in the "
                "channel) before the agenda is due, or nothing can be posted there.")
    return None


# --- groups -------------------------------------------------------------------------------------

# Outbox key prefixes that mean people were asked or told about a meeting (see prompts, agenda,
# nudges, holiday_meetings, reschedule).
_ASKED = ("prompt", "reminder", "agenda", "nudge", "holiday", "changed")


def _asked_prefixes(meeting_id: int) -> list[str]:
    return [f"{kind}:{meeting_id}:" for kind in _ASKED] + [f"agenda:{meeting_id}"]


def _was_asked(uow: UnitOfWork, meeting: Meeting) -> bool:
    return any(uow.outbox.keys_under(p) for p in _asked_prefixes(meeting.id))


@dataclass(frozen=True)
class GroupEdit:
    """What to change in a group (None: leave as it is)."""

    name: str | None = None
    channel_id: str | None = None
    rule: str | None = None
    tz: str | None = None
    first_local: dt.datetime | None = None
    client_minutes: int | None = None
    reset_client_minutes: bool = False  # back to the meeting's length ÷ its clients


@dataclass(frozen=True)
class KeptMeeting:
    at: str  # local time, with the zone
    why: str


@dataclass(frozen=True)
class GroupEdited:
    name: str
    changed: tuple[str, ...]
    replanned: int = 0  # future meetings nobody was asked about, re-planned on the new schedule
    kept: tuple[KeptMeeting, ...] = ()
    next_meeting_at: dt.datetime | None = None
    tz: str = "UTC"


def _clean_name(name: str) -> str:
    clean = " ".join(validation.clean_text(name).split())
    if not clean or len(clean) > 80:
        raise InvalidInput("a group name must be 1 to 80 characters")
    return clean


def edit_group(*, uow: UnitOfWork, clock: Clock, group: str, edit: GroupEdit,
               actor: str) -> GroupEdited:
    """Change a group's name, channel, schedule, zone or time box per client.

    A new schedule re-plans the future meetings nobody was asked or told about yet and that
    hold nothing (no update, answer or action); the others keep their time and are listed, to
    move or cancel one by one."""
    if edit.client_minutes is not None and edit.client_minutes <= 0:
        raise InvalidInput("--minutes-per-client must be more than 0 (or auto)")
    now = clock.now()
    with uow:
        found = find_group(uow, group)
        if found.archived_at is not None:
            raise Conflict(f"{found.name} is archived; it can't be changed")
        changed: list[str] = []
        if edit.name is not None:
            clean = _clean_name(edit.name)
            other = uow.groups.by_name(clean)
            if other is not None and other.id != found.id:
                raise Conflict(f"a group called {clean!r} already exists")
            if clean != found.name:
                found.name = clean
                changed.append("name")
        if edit.channel_id is not None and edit.channel_id != found.channel_id:
            taken = uow.groups.by_channel(edit.channel_id)
            if taken is not None:
                raise Conflict(f"channel {edit.channel_id} already belongs to group "
                               f"{taken.name!r}")
            if uow.meetings.live(found.id) is not None:
                raise Conflict("a meeting is running in the group's channel; change the channel "
                               "after it closes")
            found.channel_id = edit.channel_id
            changed.append("channel")
        if edit.reset_client_minutes and found.client_minutes is not None:
            found.client_minutes = None
            changed.append("minutes per client")
        elif edit.client_minutes is not None and edit.client_minutes != found.client_minutes:
            found.client_minutes = edit.client_minutes
            changed.append("minutes per client")
        replanned, kept = 0, []
        if edit.rule is not None or edit.tz is not None or edit.first_local is not None:
            replanned, kept = _replan(uow, found, edit, now)
            changed.append("schedule")
        if not changed:
            raise InvalidInput("nothing to change: that is how the group is already")
        uow.audit.add(at=now, actor=actor, action="group_edited",
                      detail=f"{found.name}: {', '.join(changed)}"
                      + (f"; {replanned} meeting(s) re-planned" if replanned else "")
                      + (f"; {len(kept)} kept" if kept else ""))
        uow.flush()
        upcoming = meetings.next_planned(uow, found, now)
        result = GroupEdited(found.name, tuple(changed), replanned, tuple(kept), upcoming,
                             found.tz)
        uow.commit()
    return result


def _replan(uow: UnitOfWork, group: Group, edit: GroupEdit,
            now: dt.datetime) -> tuple[int, list[KeptMeeting]]:
    tz = validation.timezone(edit.tz) if edit.tz is not None else group.tz
    rule = edit.rule if edit.rule is not None else group.rrule
    first = edit.first_local
    if first is None and edit.rule is None:
        # A new zone alone: the same wall-clock meetings, in the new zone.
        first = group.first_meeting_at.astimezone(ZoneInfo(group.tz)).replace(
            tzinfo=None)
    schedule = recurrence.make_schedule(rule, tz, first_local=first, now=now)
    if uow.meetings.live(group.id) is not None and edit.tz is not None:
        raise Conflict("a meeting is running; change the time zone after it closes")
    replanned, kept = 0, []
    for meeting in uow.meetings.future_scheduled(group.id, now):
        when = utc_and_local(meeting.scheduled_at, group.tz)
        if meeting.scheduled_at != meeting.occurrence_at:
            kept.append(KeptMeeting(when, "moved by hand"))
        elif _was_asked(uow, meeting):
            kept.append(KeptMeeting(when, "people were already asked or told about it"))
        elif uow.meetings.has_dependents(meeting.id):
            kept.append(KeptMeeting(when, "updates or answers were already given for it"))
        else:
            uow.meetings.delete(meeting)
            replanned += 1
    group.rrule, group.tz, group.first_meeting_at = schedule.rule, tz, schedule.first
    uow.flush()
    return replanned, kept


@dataclass(frozen=True)
class GroupArchived:
    name: str
    cancelled: int  # future meetings called off
    withdrawn: int  # messages not yet sent that will not be


def archive_group(*, uow: UnitOfWork, clock: Clock, group: str, actor: str) -> GroupArchived:
    """No more meetings, prompts, nudges or posts for the group; its history stays."""
    now = clock.now()
    with uow:
        found = find_group(uow, group)
        if found.archived_at is not None:
            raise Conflict(f"{found.name} was already archived on {found.archived_at:%Y-%m-%d}")
        if uow.meetings.live(found.id) is not None:
            raise Conflict(f"{found.name} has a meeting running; close it first "
                           "(/casebot end in the channel)")
        cancelled = 0
        prefixes: list[str] = []
        for meeting in uow.meetings.future_scheduled(found.id, now - dt.timedelta(days=1)):
            prefixes += _asked_prefixes(meeting.id)
            meeting.status = MeetingStatus.CANCELLED.value
            cancelled += 1
        withdrawn = uow.outbox.withdraw_pending(channel=found.channel_id, prefixes=prefixes,
                                                note="group archived")
        found.archived_at = now
        uow.audit.add(at=now, actor=actor, action="group_archived",
                      detail=f"{found.name}: {cancelled} meeting(s) cancelled, {withdrawn} "
                      "message(s) withdrawn")
        uow.commit()
    return GroupArchived(found.name, cancelled, withdrawn)


def archived_names(*, uow: UnitOfWork) -> set[str]:
    with uow:
        return {g.name for g in uow.groups.all() if g.archived_at is not None}


# --- members ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenWork:
    """An open action (or a client kept) that would be left without its person."""

    case_code: str
    what: str  # the action's de-identified text, or "key worker"
    due_on: dt.date | None = None


class HasOpenWork(Conflict):
    """The member has open actions (or clients as key worker): offer to reassign them."""

    def __init__(self, message: str, work: Sequence[OpenWork]) -> None:
        super().__init__(message)
        self.work = tuple(work)


@dataclass(frozen=True)
class MemberChanged:
    user: str
    groups: tuple[str, ...] = ()
    actions_moved: int = 0
    clients_moved: int = 0
    to: str | None = None
    agency: str | None = None
    outbox_keys: tuple[str, ...] = ()


def _covered(uow: UnitOfWork, client: Client, today: dt.date) -> set[int]:
    covered = uow.consents.covered([client.id], today).get(client.id, set())
    covered.add(client.lead_agency_id)
    return covered


def _today(client: Client, now: dt.datetime) -> dt.date:
    return roster.local_today(now, client.group.tz) if client.group else now.date()


def _open_actions(uow: UnitOfWork, member: Member,
                  group_ids: set[int] | None) -> list[tuple[Action, Client]]:
    """The member's open actions (of clients in these groups; None: anywhere)."""
    out = []
    for client_id in dict.fromkeys(uow.actions.clients_owned_by(member.id)):
        client = uow.clients.get(client_id)
        if client is None or (group_ids is not None and client.group_id not in group_ids):
            continue
        for action, _code, _owner, _creator in uow.actions.open_of_clients([client.id]):
            if action.owner_id == member.id and action.removed_at is None:
                out.append((action, client))
    return out


def _new_owner(uow: UnitOfWork, user_id: str, member: Member, groups: Sequence[Group]) -> Member:
    if user_id == member.slack_user_id:
        raise InvalidInput("--reassign-to must be someone else")
    owner = find_member(uow, user_id)
    for group in groups:
        if not uow.memberships.is_member(owner.id, group.id):
            raise InvalidInput(f"{user_id} is not in {group.name}; add them first (casebot "
                               f'member add --user {user_id} --group "{group.name}" --role '
                               "worker) or choose someone who is")
    return owner


def _move_actions(
    uow: UnitOfWork, renderer: Renderer, items: Sequence[tuple[Action, Client]], owner: Member,
    now: dt.datetime,
) -> list[str]:
    """Give the actions to ``owner`` (consent checked by the caller) and DM them each."""
    keys = []
    for action, client in items:
        action.owner_id = owner.id
        action.overdue_streak = 0
        action.escalated_at = None  # a new owner: a new chance
        group = client.group
        assert group is not None  # an action is recorded in a group
        view = action_view(action, client.case_code, owner.slack_user_id, None, _today(client, now))
        upcoming = meetings.upcoming(uow, group, now)
        recorded = ActionRecorded(view, meetings.ref(group, upcoming) if upcoming else None,
                                  group.channel_id)
        key = f"reassigned:{action.id}:{now:%Y%m%dT%H%M%S%f}"
        uow.outbox.enqueue(key=key, kind="action", channel=owner.slack_user_id,
                           payload=renderer.action_assignment(recorded), now=now)
        keys.append(key)
    return keys


def _refuse_uncovered(uow: UnitOfWork, items: Sequence[tuple[Action | None, Client]],
                      agency_id: int, now: dt.datetime, who: str) -> None:
    refused = sorted({c.case_code for _a, c in items
                      if agency_id not in _covered(uow, c, _today(c, now))})
    if refused:
        raise InvalidInput(f"the consent of {', '.join(refused)} does not cover {who}'s agency; "
                           "choose someone whose agency it covers. Nothing was changed.")


def _work_list(items: Sequence[tuple[Action, Client]], clients: Sequence[Client] = ()
               ) -> list[OpenWork]:
    out = [OpenWork(c.case_code, a.text, a.due_on) for a, c in items]
    out += [OpenWork(c.case_code, "key worker") for c in clients]
    return out


def remove_member(*, uow: UnitOfWork, clock: Clock, renderer: Renderer, user_id: str,
                  group: str | None, reassign_to: str | None, actor: str) -> MemberChanged:
    """Take a member out of one group (or all of theirs). Their open actions there, and the
    clients they are key worker for, go to ``reassign_to`` first: with some and nobody named,
    nothing is done (HasOpenWork lists them). The member's record stays, for the history."""
    now = clock.now()
    with uow:
        member = find_member(uow, user_id)
        places = uow.memberships.of_member(member.id)
        if group is not None:
            chosen = [find_group(uow, group)]
            if chosen[0].id not in places:
                raise NotFound(f"{user_id} is not in {chosen[0].name}")
        else:
            chosen = [g for g in uow.groups.all() if g.id in places]
            if not chosen:
                raise NotFound(f"{user_id} is in no group")
        ids = {g.id for g in chosen}
        items = _open_actions(uow, member, ids)
        kept = [c for c in uow.clients.listing() if c.key_worker_id == member.id
                and c.group_id in ids and c.status != ClientStatus.EXITED.value
                and c.purged_at is None]
        if (items or kept) and reassign_to is None:
            raise HasOpenWork(
                f"{user_id} has {plural(len(items), 'open action')} and is key worker for "
                f"{plural(len(kept), 'client')} in {', '.join(g.name for g in chosen)}: reassign "
                "them first with --reassign-to U… (someone in the group whose agency the clients' "
                "consent covers). Nothing was changed.",
                _work_list(items, kept),
            )
        owner = None
        keys: list[str] = []
        if items or kept:
            assert reassign_to is not None
            owner = _new_owner(uow, reassign_to, member, chosen)
            # The new owner sees these clients' details: their consent must cover that agency,
            # for the clients whose key worker they become as for the actions they take over.
            _refuse_uncovered(uow, [*items, *((None, c) for c in kept)], owner.agency_id, now,
                              reassign_to)
            keys = _move_actions(uow, renderer, items, owner, now)
            for client in kept:
                client.key_worker_id = owner.id
        for g in chosen:
            membership = uow.memberships.get(g.id, member.id)
            if membership is not None:
                uow.memberships.remove(membership)
        detail = f"{user_id} from {', '.join(g.name for g in chosen)}"
        if owner is not None:
            detail += (f"; {len(items)} action(s) and {len(kept)} client(s) to "
                       f"{owner.slack_user_id}")
        uow.audit.add(at=now, actor=actor, action="member_removed", detail=detail)
        uow.commit()
    return MemberChanged(user_id, tuple(g.name for g in chosen), len(items), len(kept),
                         owner.slack_user_id if owner else None, outbox_keys=tuple(keys))


def change_agency(*, uow: UnitOfWork, clock: Clock, renderer: Renderer, user_id: str,
                  agency: str, reassign_to: str | None, actor: str) -> MemberChanged:
    """Move a member to another agency. Open actions of clients whose consent doesn't cover
    the new agency go to ``reassign_to`` first (with some and nobody named, nothing is done)."""
    now = clock.now()
    with uow:
        member = find_member(uow, user_id)
        new = find_agency(uow, agency)
        if new.id == member.agency_id:
            raise Conflict(f"{user_id} is already with {new.name}")
        items = [(a, c) for a, c in _open_actions(uow, member, None)
                 if new.id not in _covered(uow, c, _today(c, now))]
        if items and reassign_to is None:
            raise HasOpenWork(
                f"{plural(len(items), 'open action')} of {user_id}'s are for clients whose consent "
                f"doesn't cover {new.name}: reassign them first with --reassign-to U…. "
                "Nothing was changed.",
                _work_list(items),
            )
        keys: list[str] = []
        owner = None
        if items:
            assert reassign_to is not None
            affected = list({c.group_id: c.group for _a, c in items if c.group}.values())
            owner = _new_owner(uow, reassign_to, member, affected)
            _refuse_uncovered(uow, items, owner.agency_id, now, reassign_to)
            keys = _move_actions(uow, renderer, items, owner, now)
        before = member.agency.name
        member.agency_id = new.id
        uow.audit.add(at=now, actor=actor, action="member_agency_changed",
                      detail=f"{user_id}: {before} -> {new.name}"
                      + (f"; {len(items)} action(s) to {owner.slack_user_id}" if owner else ""))
        uow.commit()
    return MemberChanged(user_id, (), len(items), 0, owner.slack_user_id if owner else None,
                         agency=new.name, outbox_keys=tuple(keys))


# --- clients ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClientEdit:
    """Changes to a client. ``identity``: checked values by field name (None clears it)."""

    identity: Mapping[str, Any] = field(default_factory=dict)
    add_aliases: tuple[str, ...] = ()
    remove_aliases: tuple[str, ...] = ()
    agency: str | None = None
    key_worker: str | None = None
    group: str | None = None

    def is_empty(self) -> bool:
        return not (self.identity or self.add_aliases or self.remove_aliases or self.agency
                    or self.key_worker or self.group)


@dataclass(frozen=True)
class ClientEdited:
    code: str
    changed: tuple[str, ...]
    consent_misses_lead: bool = False  # the latest consent doesn't name the new lead agency


def _new_identity(old: ClientIdentity, edit: ClientEdit) -> ClientIdentity:
    unknown = set(edit.identity) - set(IDENTITY_FIELDS)
    if unknown:
        raise InvalidInput(f"unknown field(s): {', '.join(sorted(unknown))}")
    values = dict(edit.identity)
    aliases = list(values.pop("aliases", old.aliases) or ())
    removing = {a.casefold() for a in edit.remove_aliases}
    missing = removing - {a.casefold() for a in aliases}
    if missing:
        raise InvalidInput(f"{len(missing)} alias(es) to remove are not registered for this "
                           "client (see: casebot client show CODE --reveal)")
    aliases = [a for a in aliases if a.casefold() not in removing]
    for alias in edit.add_aliases:
        if alias.casefold() not in {a.casefold() for a in aliases}:
            aliases.append(alias)
    return dataclasses.replace(old, aliases=tuple(aliases), **values)


def edit_client(*, uow: UnitOfWork, clock: Clock, code: str, edit: ClientEdit,
                actor: str) -> ClientEdited:
    """Change a client's identifiable details, lead agency, key worker or group, all at once or
    not at all. The case code may not then contain part of the name."""
    if edit.is_empty():
        raise InvalidInput("nothing to change: give a field to edit (see: casebot client edit "
                           "--help)")
    now = clock.now()
    with uow:
        client = uow.clients.by_code(code)
        if client is None:
            raise NotFound(f"no client with case code {code} (see: casebot client list)")
        changed: list[str] = []
        touches_identity = bool(edit.identity or edit.add_aliases or edit.remove_aliases)
        if touches_identity:
            if client.purged_at is not None:
                raise Conflict(f"{code}'s details were purged; they can't be edited")
            old = uow.secrets.read_identity(client)
            new = _new_identity(old, edit)
            if code_names_client(code, new):
                raise InvalidInput(
                    f"{code}: the case code would contain part of the client's name or an alias; "
                    "case codes are shown in Slack with every update. Nothing was changed"
                )
            old_values, new_values = old.to_dict(), new.to_dict()
            changed += [f for f in IDENTITY_FIELDS if old_values[f] != new_values[f]]
            if changed:
                uow.secrets.store_identity(client, new)
        group = client.group
        if edit.group is not None:
            group = find_group(uow, edit.group)
            if group.archived_at is not None:
                raise InvalidInput(f"{group.name} is archived; choose a group that meets")
            if group.id != client.group_id:
                client.group_id = group.id
                client.group = group
                changed.append("group")
        worker = client.key_worker
        if edit.key_worker is not None:
            worker = find_member(uow, edit.key_worker)
            if worker.id != client.key_worker_id:
                client.key_worker_id = worker.id
                client.key_worker = worker
                changed.append("key worker")
        if group is not None and ("group" in changed or "key worker" in changed) and \
                not uow.memberships.is_member(worker.id, group.id):
            raise InvalidInput(
                f"the key worker {worker.slack_user_id} is not in {group.name}; add them there "
                "first or give another --key-worker. Nothing was changed"
            )
        misses = False
        if edit.agency is not None:
            agency = find_agency(uow, edit.agency)
            if agency.id != client.lead_agency_id:
                client.lead_agency_id = agency.id
                client.lead_agency = agency
                changed.append("lead agency")
                latest = uow.clients.latest_consents([client.id]).get(client.id)
                misses = latest is not None and agency not in latest.agencies
        if not changed:
            raise InvalidInput("nothing to change: the client's record already says that")
        uow.audit.add(at=now, actor=actor, action="client_edited", client=client,
                      detail="fields: " + ", ".join(changed))
        uow.commit()
    if touches_identity:
        forget_cached_identities()  # compiled patterns hold the old details
    return ClientEdited(code, tuple(changed), misses)


@dataclass(frozen=True)
class ClientWhere:
    """Where a client is, with no identifiable detail."""

    code: str
    status: str
    group: str | None
    group_archived: bool
    key_worker: str
    lead_agency: str
    consent: str
    open_actions: int
    last_update: dt.date | None
    purged: bool
    exited: str | None = None  # "Housed – social on 2026-12-01" (the outcome, no note)


def _consent_state(uow: UnitOfWork, client: Client, today: dt.date) -> str:
    record = uow.clients.latest_consents([client.id]).get(client.id)
    state = consent.state_of(record, today)  # one reading of a consent, as `client show` has
    if record is None:
        return "none recorded: shown by case code only"
    if state == "withdrawn":
        return f"withdrawn {(record.withdrawn_on or record.given_on).isoformat()}"
    if state == "expired" and record.expires_on is not None:
        return f"expired {record.expires_on.isoformat()}: consent review due"
    text = f"current ({record.method} {record.given_on.isoformat()}"
    if record.expires_on is not None:
        text += f", expires {record.expires_on.isoformat()}"
    if record.review_on is not None:
        text += f", review {record.review_on.isoformat()}"
    count = len(record.agencies)
    return text + f"; covers {count} agenc{'y' if count == 1 else 'ies'})"


def client_status(*, uow: UnitOfWork, clock: Clock, code: str) -> ClientWhere:
    now = clock.now()
    with uow:
        client = uow.clients.by_code(code)
        if client is None:
            raise NotFound(f"no client with case code {code} (see: casebot client list)")
        group = client.group
        today = roster.local_today(now, group.tz) if group else now.date()
        actions = [a for a, *_ in uow.actions.open_of_clients([client.id])
                   if a.status == ActionStatus.OPEN.value and a.removed_at is None]
        last = uow.updates.last_at(client.id)
        left = uow.exits.open_of(client.id)
        return ClientWhere(
            code=client.case_code,
            status=client.status,
            group=group.name if group else None,
            group_archived=bool(group and group.archived_at),
            key_worker=client.key_worker.slack_user_id,
            lead_agency=client.lead_agency.name,
            consent=_consent_state(uow, client, today),
            open_actions=len(actions),
            last_update=last.astimezone(ZoneInfo(group.tz)).date()
            if last and group else (last.date() if last else None),
            purged=client.purged_at is not None,
            exited=(f"{EXIT_OUTCOMES[ExitOutcome(left.outcome)]} on {left.exited_on.isoformat()}"
                    if left else None),
        )
