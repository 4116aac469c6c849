"""Workers' updates on their clients, from a DM or the update modal, for the next meeting.

Only the de-identified text is stored in the clear; the worker's own wording is sealed with the
client's data key. Updates can be edited, and late ones added, until the meeting starts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.domain import (
    ClientStatus,
    InvalidInput,
    MeetingRef,
    MeetingStatus,
    NotAuthorised,
    NotFound,
    UpdateReceipt,
    UpdateView,
)
from bot.ports import Clock, Renderer
from bot.services import meetings, onboarding, privacy
from bot.services.directory import find_asker
from bot.validation import clean_text
from storage.models import Client, Group, Meeting, Member, Update
from storage.uow import UnitOfWork

MAX_UPDATE = 2500
# "U1R-014: moved into transitional housing" (also "-", "–" or "—" after the code).
DM_UPDATE = re.compile(r"\s*([A-Za-z][A-Za-z0-9]{0,7}-\d{1,6})\s*[:\-–—]\s*(\S.*)", re.S)


def parse_dm(text: str) -> tuple[str, str] | None:
    """Split a DM into (case code, update text), or None if it is not shaped like an update."""
    match = DM_UPDATE.fullmatch(text or "")
    if match is None:
        return None
    return match.group(1).upper(), match.group(2).strip()


def may_update(member: Member, client: Client) -> bool:
    """A member of the client's group updates the clients they are key worker for, or that their
    agency leads. (Being in the lead agency without being in the group is not enough: the update
    goes to that group's channel; the caller checks membership.)"""
    return client.key_worker_id == member.id or client.lead_agency_id == member.agency_id


def _client_for(uow: UnitOfWork, member: Member, code: str) -> Client:
    client = uow.clients.by_code(code)
    # Not in the caller's groups reads the same as unknown: a code's existence is not shared.
    if (
        client is None
        or client.purged_at is not None
        or client.group_id is None
        or not uow.memberships.is_member(member.id, client.group_id)
    ):
        raise NotFound(
            f"I don't know the case code {code} in your groups. Check it in your prompt message."
        )
    if not may_update(member, client):
        raise NotAuthorised(
            f"You can only send updates for clients you are key worker for, or that your agency "
            f"leads. {code} is with another agency: please pass your news to its key worker."
        )
    if client.status == ClientStatus.EXITED.value:
        raise InvalidInput(f"{code} is not on any group's agenda, so there is nowhere to add this.")
    return client


def check_text(text: str) -> str:
    """The update's text, cleaned; a kind refusal if it is empty or too long."""
    clean = clean_text(text or "").strip()
    if not clean:
        raise InvalidInput("The update is empty. Write what has happened since the last meeting.")
    if len(clean) > MAX_UPDATE:
        raise InvalidInput(
            f"That update is {len(clean)} characters; please keep it under {MAX_UPDATE}."
        )
    return clean


def _open_meeting(meeting: Meeting | None, group: Group, now: dt.datetime) -> Meeting:
    if meeting is not None and meeting.status == MeetingStatus.CANCELLED.value:
        raise InvalidInput("That meeting was cancelled. Send the update again for the next one.")
    if meeting is None:
        raise InvalidInput(
            f"{group.name} has no upcoming meeting, so there is nowhere to add this."
        )
    if meeting.status != MeetingStatus.SCHEDULED.value or meeting.scheduled_at <= now:
        # started, perhaps early (running or closed before its time)
        raise InvalidInput(
            "That meeting has started, so its updates are closed. "
            "Send a new update for the next one."
        )
    return meeting


@dataclass(frozen=True)
class Plan:
    """A checked update, ready to store: who, about whom, for which meeting."""

    member: Member
    client: Client
    group: Group
    meeting: Meeting
    row: Update | None  # the update being edited, if any
    text: str


def plan(
    uow: UnitOfWork,
    now: dt.datetime,
    *,
    user_id: str,
    case_code: str,
    text: str,
    update_id: int | None = None,
) -> Plan:
    """Every check an update must pass; raises a domain error with a kind message."""
    clean = check_text(text)
    member = find_asker(uow, user_id)
    client = _client_for(uow, member, case_code)
    assert client.group_id is not None
    group = uow.groups.get(client.group_id)
    assert group is not None
    if update_id is not None:
        row = uow.updates.get(update_id)
        if row is None or row.author_id != member.id or row.client_id != client.id:
            raise NotFound("I can't find that update among yours.")
        meeting = uow.meetings.get(row.meeting_id)
    else:
        row, meeting = None, meetings.upcoming(uow, group, now)
    return Plan(member, client, group, _open_meeting(meeting, group, now), row, clean)


def store(
    uow: UnitOfWork, renderer: Renderer, p: Plan, *, source: str, now: dt.datetime,
    keep: Sequence[str] = (),
) -> UpdateReceipt:
    """De-identify and save a planned update (the words sealed); a late note once the agenda
    is out. ``keep``: words its author marked "not identifying" in the preview."""
    redaction = privacy.redact(uow, p.text, p.group.id, keep=keep)
    row = p.row
    if row is None:
        row = Update(
            meeting_id=p.meeting.id,
            client_id=p.client.id,
            author_id=p.member.id,
            text=redaction.text,
            source=source,
            created_at=now,
            updated_at=now,
        )
        uow.updates.add(row)
    else:
        row.text, row.updated_at, row.source = redaction.text, now, source
    row.sealed_raw = uow.secrets.seal_text(p.client, p.text, purpose="update")
    uow.flush()
    onboarding.presented(uow, p.member, p.client, now)  # a champion presenting a client
    ref = meetings.ref(p.group, p.meeting)
    receipt = UpdateReceipt(
        update=UpdateView(row.id, p.client.case_code, row.text, p.member.slack_user_id, now),
        meeting=ref,
        replaced=privacy.replaced_kinds(redaction),
        edited=p.row is not None,
    )
    if uow.outbox.has(f"agenda:{p.meeting.id}") and uow.consents.shareable(
        p.group.id, [p.client.id], ref.local_start.date()
    ):
        key = f"late-update:{row.id}:{now:%Y%m%dT%H%M%S%f}"
        uow.outbox.enqueue(key=key, kind="late-update", channel=p.group.channel_id,
                           payload=renderer.late_update(receipt), now=now)
        receipt = replace(receipt, outbox_keys=(key,))
    return receipt


def submit(
    *,
    uow: UnitOfWork,
    clock: Clock,
    user_id: str,
    case_code: str,
    text: str,
    source: str,
    renderer: Renderer,
    update_id: int | None = None,
) -> UpdateReceipt:
    """Add (or, with ``update_id``, edit) an update for the client's next meeting at once.

    Once the agenda is out, the channel also gets a note with the late (or corrected) update.
    """
    now = clock.now()
    with uow:
        checked = plan(uow, now, user_id=user_id, case_code=case_code, text=text,
                       update_id=update_id)
        receipt = store(uow, renderer, checked, source=source, now=now)
        uow.commit()
    return receipt


def own_update(*, uow: UnitOfWork, user_id: str, update_id: int) -> UpdateView:
    """An update of the caller's, as stored (de-identified), for editing."""
    with uow:
        member = find_asker(uow, user_id)
        row = uow.updates.get(update_id)
        if row is None or row.author_id != member.id:
            raise NotFound("I can't find that update among yours.")
        client = uow.clients.get(row.client_id)
        assert client is not None
        return UpdateView(row.id, client.case_code, row.text, member.slack_user_id, row.updated_at)


def next_meeting_for(*, uow: UnitOfWork, clock: Clock, user_id: str, case_code: str) -> MeetingRef:
    """The meeting an update on ``case_code`` by this person would go to (checks they may)."""
    now = clock.now()
    with uow:
        member = find_asker(uow, user_id)
        client = _client_for(uow, member, case_code)
        assert client.group_id is not None
        group = uow.groups.get(client.group_id)
        assert group is not None
        meeting = meetings.upcoming(uow, group, now)
        if meeting is None:
            raise InvalidInput(
                f"{group.name} has no upcoming meeting, so there is nowhere to add this."
            )
        ref = meetings.ref(group, meeting)
        uow.commit()
    return ref
