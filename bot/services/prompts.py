"""Before the meeting: ask each member whether they will attend, and for updates on their clients.

Prompts go out ``prompt_lead_days`` before the meeting at the group's send time on each member's
own clock; a reminder goes ``reminder_lead_days`` before to those who have not answered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from bot.domain import (
    ActionView,
    AttendanceResponse,
    ClientStatus,
    InvalidInput,
    LeavePeriod,
    PromptClient,
    Role,
    UpdatePrompt,
)
from bot.ports import Clock, Renderer
from bot.recurrence import parse_time_of_day, send_at, working_hours_started
from bot.services import leave, meetings, nudges, roster
from bot.services.directory import asker_and_meeting, find_group
from storage.models import Client, Group, Meeting, Member
from storage.uow import UnitOfWork

# A reminder needs the prompt to have had time to be seen.
REMINDER_GAP = dt.timedelta(hours=12)


def _clients_by_worker(uow: UnitOfWork, group_id: int) -> dict[int, list[Client]]:
    out: dict[int, list[Client]] = {}
    for client in uow.clients.on_agenda(group_id):  # referred before active
        out.setdefault(client.key_worker_id, []).append(client)
    return out


@dataclass(frozen=True)
class _MeetingFacts:
    """What every member's prompt for one meeting is built from, read once."""

    clients: dict[int, list[Client]]
    counts: dict[int, int]
    answers: dict[int, AttendanceResponse]
    owners: set[int]  # members with an open action on one of the group's clients
    roles: dict[int, set[Role]]
    full_roles: frozenset[Role]  # the group's roles prompted in full regardless

    @classmethod
    def read(cls, uow: UnitOfWork, group: Group, meeting: Meeting) -> _MeetingFacts:
        return cls(
            _clients_by_worker(uow, group.id),
            uow.updates.counts(meeting.id),
            uow.attendance.answers(meeting.id),
            uow.actions.open_owner_ids(group.id),
            uow.memberships.roles_by_member(group.id),
            parse_roles(group.full_prompt_roles),
        )

    def attendance_only(self, member_id: int) -> bool:
        return attendance_only(
            roles=self.roles.get(member_id, set()),
            full_roles=self.full_roles,
            has_clients=bool(self.clients.get(member_id)),
            has_actions=member_id in self.owners,
        )


def attendance_only(
    *, roles: Collection[Role], full_roles: Collection[Role], has_clients: bool, has_actions: bool
) -> bool:
    """Whether a member is asked only whether they will attend: nothing of theirs to update or
    act on, and none of their roles is one the group prompts in full."""
    if has_clients or has_actions:
        return False
    return not set(roles) & set(full_roles)


def parse_roles(value: str) -> frozenset[Role]:
    """Comma-separated roles as stored in ``Group.full_prompt_roles`` (unknown ones ignored:
    they are checked on the way in)."""
    known = {r.value for r in Role}
    return frozenset(Role(r) for r in (p.strip().lower() for p in value.split(",")) if r in known)


def roles_from_option(value: str, option: str) -> frozenset[Role]:
    """Roles named on the command line, e.g. ``mentor,champion``, or a kind error."""
    names = [p.strip().lower() for p in value.split(",") if p.strip()]
    unknown = [n for n in names if n not in {r.value for r in Role}]
    if unknown or not names:
        roles = ", ".join(r.value for r in Role)
        what = (f"{', '.join(repr(u) for u in unknown)} is not a role" if unknown
                else "no role given")
        raise InvalidInput(f"{option}: {what}; use any of {roles}, separated by commas")
    return frozenset(Role(n) for n in names)


def set_full_roles(
    *,
    uow: UnitOfWork,
    clock: Clock,
    group: str,
    full_for: frozenset[Role] = frozenset(),
    attendance_only_for: frozenset[Role] = frozenset(),
    actor: str,
) -> tuple[str, frozenset[Role]]:
    """Add roles whose members get every prompt, or take them off; returns the group's name and
    the roles prompted in full now."""
    both = full_for & attendance_only_for
    if both:
        raise InvalidInput(
            f"{', '.join(sorted(both))} can't be both in --full-for and --attendance-only-for"
        )
    with uow:
        found = find_group(uow, group)
        before = parse_roles(found.full_prompt_roles)
        after = (before | full_for) - attendance_only_for
        found.full_prompt_roles = ",".join(r.value for r in Role if r in after)
        if after != before:
            uow.audit.add(at=clock.now(), actor=actor, action="group_prompt_roles",
                          detail=f"{found.name}: {found.full_prompt_roles or 'none'}")
        uow.commit()
        return found.name, after


def build_prompt(
    uow: UnitOfWork,
    group: Group,
    meeting: Meeting,
    member: Member,
    *,
    reminder: bool = False,
    facts: _MeetingFacts | None = None,
    actions: tuple[ActionView, ...] = (),
    today: dt.date | None = None,
) -> UpdatePrompt:
    facts = facts or _MeetingFacts.read(uow, group, meeting)
    only = facts.attendance_only(member.id)
    return UpdatePrompt(
        meeting=meetings.ref(group, meeting),
        member=member.slack_user_id,
        attendance_only=only,
        clients=tuple(
            PromptClient(c.case_code, ClientStatus(c.status), facts.counts.get(c.id, 0))
            for c in facts.clients.get(member.id, [])
        ),
        attendance=facts.answers.get(member.id),
        reminder=reminder,
        actions=actions,
        today=today,
    )


@dataclass(frozen=True)
class Recipient:
    """A group member as the prompt timing sees them."""

    member_id: int
    tz: str  # their own zone, else the group's
    leave: Sequence[LeavePeriod] = ()
    attendance_only: bool = False  # asked once whether they will attend, never reminded


@dataclass(frozen=True)
class PromptTimes:
    """A group's settings for when its prompts go, and the meeting they are for."""

    meeting_id: int
    meeting_at: dt.datetime
    group_tz: str
    send_time: dt.time
    prompt_lead_days: int
    reminder_lead_days: int


@dataclass(frozen=True)
class DuePrompt:
    """One prompt or reminder to queue now."""

    member_id: int
    key: str  # the outbox key: "prompt:<meeting>:<member>" or "reminder:…"
    reminder: bool
    today: dt.date  # on the member's own clock


def due_prompts(
    times: PromptTimes,
    members: Sequence[Recipient],
    *,
    answered: Collection[int],
    sent: Mapping[str, dt.datetime],
    now: dt.datetime,
) -> list[DuePrompt]:
    """Who is due a prompt or a reminder at ``now``, in the order of ``members``.

    Nobody on leave (on their own date), nobody outside their working hours. The prompt goes
    ``prompt_lead_days`` before the meeting at the send time on the member's clock; a reminder
    ``reminder_lead_days`` before, to those who have not answered (and are not asked about
    attendance only), and only ``REMINDER_GAP`` after their prompt. ``sent``: the keys already
    queued for the meeting, with when."""
    out = []
    for member in members:
        tz = member.tz
        today = roster.local_today(now, tz)
        if leave.is_away(member.leave, today):
            continue
        if not working_hours_started(now, tz=tz, at=times.send_time):
            continue
        prompt_key = f"prompt:{times.meeting_id}:{member.member_id}"
        reminder_key = f"reminder:{times.meeting_id}:{member.member_id}"

        def due(days: int, tz: str = tz) -> bool:
            moment = send_at(times.meeting_at, group_tz=times.group_tz, days_before=days,
                             at=times.send_time, member_tz=tz)
            return now >= moment

        if prompt_key not in sent and due(times.prompt_lead_days):
            out.append(DuePrompt(member.member_id, prompt_key, False, today))
        elif (
            not member.attendance_only
            and prompt_key in sent
            and reminder_key not in sent
            and member.member_id not in answered
            and due(times.reminder_lead_days)
            and now - sent[prompt_key] >= REMINDER_GAP
        ):
            out.append(DuePrompt(member.member_id, reminder_key, True, today))
    return out


def enqueue_due(*, uow: UnitOfWork, clock: Clock, renderer: Renderer) -> int:
    """Queue every prompt and reminder that is due now; returns how many were queued."""
    return meetings.for_each_upcoming(
        uow=uow,
        clock=clock,
        work=lambda uow, group, meeting, now: _enqueue_for_meeting(
            uow, group, meeting, now, renderer
        ),
    )


def _enqueue_for_meeting(
    uow: UnitOfWork, group: Group, meeting: Meeting, now: dt.datetime, renderer: Renderer
) -> int:
    """Queue the meeting's due prompts and reminders, a nudge that is due folded into each.

    Most minutes nothing is due: that is settled from the members, their leave, their answers
    and the keys already queued (a few queries, however many clients and actions), before the
    clients and the open actions are read."""
    people: Sequence[Member] = uow.memberships.members_of(group.id)
    by_id = {m.id: m for m in people}
    away = uow.leave.by_member(list(by_id), now.date() - dt.timedelta(1))
    times = PromptTimes(
        meeting_id=meeting.id,
        meeting_at=meeting.scheduled_at,
        group_tz=group.tz,
        send_time=parse_time_of_day(group.send_time),
        prompt_lead_days=group.prompt_lead_days,
        reminder_lead_days=group.reminder_lead_days,
    )
    sent = uow.outbox.created_under(f"prompt:{meeting.id}:", f"reminder:{meeting.id}:")
    answered = set(uow.attendance.answers(meeting.id))

    def due_now(only: Callable[[int], bool]) -> list[DuePrompt]:
        recipients = [Recipient(m.id, roster.zone_of(m, group), away.get(m.id, []), only(m.id))
                      for m in people]
        return due_prompts(times, recipients, answered=answered, sent=sent, now=now)

    # Taking nobody as "attendance only" can only add reminders: none due then, none at all.
    if not due_now(lambda _member: False):
        return 0
    facts = _MeetingFacts.read(uow, group, meeting)
    due = due_now(facts.attendance_only)
    if not due:
        return 0
    owned = nudges.owner_actions(uow, group, roster.local_today(now, group.tz))
    nudged = uow.outbox.keys_under(f"nudge:{meeting.id}:")
    queued = 0
    for one in due:
        member, key, today = by_id[one.member_id], one.key, one.today
        nudge_key = (
            nudges.due_key(group, meeting, member, now, nudged) if owned.get(member.id) else None
        )
        prompt = build_prompt(
            uow,
            group,
            meeting,
            member,
            reminder=one.reminder,
            facts=facts,
            today=today,
            actions=nudges.as_of(owned[member.id], today) if nudge_key else (),
        )
        if uow.outbox.enqueue(key=key,
            kind=key.split(":", 1)[0],
            channel=member.slack_user_id,
            payload=renderer.prompt(prompt),
            now=now,
        ):
            queued += 1
            if nudge_key:
                uow.outbox.mark(key=nudge_key,
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
        member, meeting, group = asker_and_meeting(uow, user_id, meeting_id)
        if meeting.scheduled_at <= now:
            raise InvalidInput("That meeting has already started, so answers are closed.")
        row = uow.attendance.get(meeting.id, member.id)
        if row is None:
            uow.attendance.add(meeting.id, member.id, response, now)
        else:
            row.response, row.responded_at = response.value, now
        uow.flush()
        prompt = build_prompt(uow, group, meeting, member)
        uow.commit()
    return prompt
