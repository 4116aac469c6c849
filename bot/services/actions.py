"""Actions: recorded against a client with an owner and a due date, then done or progressed.

The channel is told (de-identified) and the owner gets a DM, both through the outbox.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot import dates
from bot.domain import (
    ActionRecorded,
    ActionStatus,
    ActionView,
    InvalidInput,
    MeetingStatus,
    NotAuthorised,
    NotFound,
)
from bot.ports import Clock, Renderer
from bot.services import meetings, privacy, roster
from bot.services.agenda import action_view
from bot.services.case_codes import CODE_IN_TEXT, named_in
from bot.services.directory import find_asker
from bot.services.running import ensure_item
from bot.validation import clean_text
from storage.models import Action, ActionProgress, Client, Group, Meeting, Member
from storage.uow import UnitOfWork

MAX_ACTION = 1000
MAX_PROGRESS = 1500


@dataclass(frozen=True)
class Recorded:
    result: ActionRecorded
    outbox_keys: tuple[str, ...]  # send these now


def _group_of(uow: UnitOfWork, client: Client) -> Group:
    group = uow.groups.get(client.group_id) if client.group_id else None
    if group is None:
        raise InvalidInput(f"{client.case_code} is not reviewed by any group yet.")
    return group


@dataclass(frozen=True)
class Plan:
    """A checked action, ready to store (who, for whom, what, when)."""

    recorder: Member
    client: Client
    group: Group
    owner: Member
    today: dt.date
    upcoming: Meeting | None
    text: str
    due_on: dt.date


def _on_screen(uow: UnitOfWork, channel_id: str | None) -> str:
    """With no case code given: the client on the screen of the meeting running here."""
    group = uow.groups.by_channel(channel_id) if channel_id else None
    meeting = uow.meetings.live(group.id) if group else None
    client = (
        uow.clients.get(meeting.current_client_id)
        if meeting and meeting.current_client_id
        else None
    )
    if client is None:
        raise InvalidInput(
            "Which client is it for? Start with the case code, e.g. `U1R-014`. (In a running "
            "meeting, the client on screen is used when you leave it out.)", field="client",
        )
    return client.case_code


def plan(
    uow: UnitOfWork,
    now: dt.datetime,
    *,
    user_id: str,
    case_code: str,
    owner_id: str,
    text: str,
    due_on: dt.date | None,
    parse_due: bool,
    channel_id: str | None = None,
) -> Plan:
    """Every check an action must pass; raises a domain error with a kind message."""
    recorder = find_asker(uow, user_id)
    if not case_code:
        here = uow.groups.by_channel(channel_id) if channel_id else None
        named = named_in(uow, text or "", group_id=here.id if here else None,
                         usage="/casebot action {code} @owner …")
        if named is not None:
            case_code, text = named.client.case_code, named.text
        else:
            case_code = _on_screen(uow, channel_id)
    client = uow.clients.by_code(case_code)
    if client is None or client.purged_at is not None:
        raise NotFound(f"I don't know the case code {case_code}.", field="client")
    group = _group_of(uow, client)
    if not uow.memberships.is_member(recorder.id, group.id):
        raise NotAuthorised(f"Only members of {group.name} can record actions for its clients.")
    owner = uow.members.by_user(owner_id)
    if owner is None:
        raise NotFound(
            "The person you named as owner is not set up in Casebot yet, so they can't own "
            "an action. Ask your secretariat to add them.", field="owner",
        )
    if not uow.memberships.is_member(owner.id, group.id):
        raise NotAuthorised(
            f"The owner must be a member of {group.name}, so they get its DMs and nudges. "
            "Ask your secretariat to add them to the group.", field="owner",
        )
    today = roster.local_today(now, group.tz)
    consented = uow.consents.covered([client.id], today).get(client.id, set())
    if owner.agency_id != client.lead_agency_id and owner.agency_id not in consented:
        raise NotAuthorised(
            f"{case_code}'s consent does not cover the owner's agency, so they can't be given "
            "its details. Choose someone from the lead agency or an agency the consent names.",
            field="owner",
        )
    upcoming = meetings.upcoming(uow, group, now)
    next_day = upcoming.scheduled_at.astimezone(ZoneInfo(group.tz)).date() if upcoming else None
    body = clean_text(text or "").strip()
    if parse_due:
        split = dates.split_due(body, today=today, next_meeting=next_day, day_first=group.day_first)
        body, due_on = split.text, split.due
    if not body:
        raise InvalidInput("Say what needs doing, e.g. `call the housing provider by Friday`.",
                           field="text")
    if len(body) > MAX_ACTION:
        raise InvalidInput(f"Please keep an action under {MAX_ACTION} characters.", field="text")
    if due_on is None:
        if next_day is None:
            raise InvalidInput(
                "There is no next meeting to be due at; add a date, e.g. `by Friday`.",
                field="due",
            )
        due_on = next_day
    if due_on < today:
        raise InvalidInput(f"{due_on:%a %d %b %Y} is in the past; give a date from today on.",
                           field="due")
    return Plan(recorder, client, group, owner, today, upcoming, body, due_on)


def store(
    uow: UnitOfWork, renderer: Renderer, p: Plan, now: dt.datetime, *, keep: Sequence[str] = ()
) -> Recorded:
    """De-identify and save a planned action, and queue the channel note and the owner's DM.
    ``keep``: words its author marked "not identifying" in the preview."""
    redaction = privacy.redact(uow, p.text, p.group.id, keep=keep)
    running = uow.meetings.live(p.group.id) or meetings.current_or_upcoming(uow, p.group, now)
    live = running is not None and running.status == MeetingStatus.RUNNING.value
    action = Action(
        client_id=p.client.id,
        meeting_id=running.id if running and (live or running.scheduled_at <= now) else None,
        owner_id=p.owner.id,
        created_by_id=p.recorder.id,
        text=redaction.text,
        due_on=p.due_on,
        status=ActionStatus.OPEN.value,
        carried_count=0,
        created_at=now,
    )
    uow.actions.add(action)
    uow.flush()
    if live and running is not None:
        ensure_item(uow, running, p.client.id)
    shareable = uow.consents.shareable(p.group.id, [p.client.id], p.today)
    result = ActionRecorded(
        action=action_view(action, p.client.case_code, p.owner.slack_user_id,
                           p.recorder.slack_user_id, p.today),
        meeting=meetings.ref(p.group, p.upcoming) if p.upcoming else None,
        channel_id=p.group.channel_id,
        replaced=privacy.replaced_kinds(redaction),
        withheld=p.client.id not in shareable,
        live=live,
    )
    if live:  # the meeting's screen shows it now; the owner gets one DM when the meeting ends
        return Recorded(result, ())
    keys = (f"action:{action.id}:announce", f"action:{action.id}:assign")
    for key, channel, payload in (
        (keys[0], p.group.channel_id, renderer.action_announcement(result)),
        (keys[1], p.owner.slack_user_id, renderer.action_assignment(result)),
    ):
        uow.outbox.enqueue(key=key, kind="action", channel=channel, payload=payload, now=now)
    return Recorded(result, keys)


def record(
    *,
    uow: UnitOfWork,
    clock: Clock,
    renderer: Renderer,
    user_id: str,
    case_code: str,
    owner_id: str,
    text: str,
    due_on: dt.date | None = None,
    parse_due: bool = True,
    channel_id: str | None = None,
) -> Recorded:
    """Record an action. With ``parse_due`` a trailing phrase ("by Friday") sets the due date;
    with no date it is due at the next meeting."""
    now = clock.now()
    with uow:
        checked = plan(uow, now, user_id=user_id, case_code=case_code, owner_id=owner_id,
                       text=text, due_on=due_on, parse_due=parse_due,
                       channel_id=channel_id)
        recorded = store(uow, renderer, checked, now)
        uow.commit()
    return recorded


def _editable(uow: UnitOfWork, member: Member, action_id: int) -> tuple[Action, Client, Group]:
    action = uow.actions.get(action_id)
    if action is None:
        raise NotFound("I can't find that action; it may have been removed.")
    client = uow.clients.get(action.client_id)
    assert client is not None
    group = _group_of(uow, client)
    if action.owner_id != member.id and not uow.memberships.runs_meetings(member.id, group.id):
        raise NotAuthorised("Only the action's owner (or the group's facilitator) can change it.")
    return action, client, group


def _view(
    uow: UnitOfWork, action: Action, client: Client, group: Group, now: dt.datetime
) -> ActionView:
    owner = uow.members.get(action.owner_id)
    creator = uow.members.get(action.created_by_id) if action.created_by_id else None
    assert owner is not None
    return action_view(
        action,
        client.case_code,
        owner.slack_user_id,
        creator.slack_user_id if creator else None,
        roster.local_today(now, group.tz),
    )


def complete(*, uow: UnitOfWork, clock: Clock, user_id: str, action_id: int) -> ActionView:
    now = clock.now()
    with uow:
        member = find_asker(uow, user_id)
        action, client, group = _editable(uow, member, action_id)
        if action.status == ActionStatus.OPEN.value:
            action.status = ActionStatus.DONE.value
            action.completed_at = now
        view = _view(uow, action, client, group, now)
        uow.commit()
    return view


def add_progress(
    *, uow: UnitOfWork, clock: Clock, user_id: str, action_id: int, text: str
) -> tuple[ActionView, str]:
    """Add a (de-identified) progress note; returns the action and the note as stored."""
    clean = clean_text(text or "").strip()
    if not clean:
        raise InvalidInput("The progress note is empty.")
    if len(clean) > MAX_PROGRESS:
        raise InvalidInput(f"Please keep a progress note under {MAX_PROGRESS} characters.")
    now = clock.now()
    with uow:
        member = find_asker(uow, user_id)
        action, client, group = _editable(uow, member, action_id)
        redaction = privacy.redact(uow, clean, group.id)
        uow.actions.add_progress(
            ActionProgress(
                action_id=action.id, author_id=member.id, text=redaction.text, created_at=now
            )
        )
        view = _view(uow, action, client, group, now)
        uow.commit()
    return view, redaction.text


def get(*, uow: UnitOfWork, clock: Clock, user_id: str, action_id: int) -> ActionView:
    with uow:
        member = find_asker(uow, user_id)
        action, client, group = _editable(uow, member, action_id)
        return _view(uow, action, client, group, clock.now())


def progress_notes(*, uow: UnitOfWork, action_id: int) -> list[str]:
    with uow:
        return uow.actions.progress_notes(action_id)


def check_member_of_channel(*, uow: UnitOfWork, user_id: str, channel_id: str | None) -> None:
    """Refuse early (before the action form opens) anyone outside the channel's group. Elsewhere
    the form opens, and the case code typed in it decides the group."""
    with uow:
        member = find_asker(uow, user_id)
        group = uow.groups.by_channel(channel_id) if channel_id else None
        if group is not None and not uow.memberships.is_member(member.id, group.id):
            raise NotAuthorised(f"Only members of {group.name} can record actions for it.")


@dataclass(frozen=True)
class Draft:
    case_code: str | None
    text: str


def draft_from_message(
    *, uow: UnitOfWork, clock: Clock, user_id: str, channel_id: str, text: str
) -> Draft:
    """A de-identified starting point for an action made from a channel message."""
    with uow:
        member = find_asker(uow, user_id)
        group = uow.groups.by_channel(channel_id)
        codes = [c.upper() for c in CODE_IN_TEXT.findall(text or "")]
        if group is None and codes:
            client = uow.clients.by_code(codes[0])
            group = _group_of(uow, client) if client else None
        if group is None:
            raise InvalidInput("Use this on a message in your case coordination group's channel.")
        if not uow.memberships.is_member(member.id, group.id):
            raise NotAuthorised(f"Only members of {group.name} can record actions for it.")
        redaction = privacy.redact(uow, clean_text(text or "").strip()[:MAX_ACTION], group.id)
        code = codes[0] if codes else None
        meeting = uow.meetings.live(group.id) if code is None else None
        if meeting is not None and meeting.current_client_id is not None:
            on_screen = uow.clients.get(meeting.current_client_id)
            code = on_screen.case_code if on_screen else None
    return Draft(code, redaction.text)
