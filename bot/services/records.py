"""Decisions and notes taken in a running meeting, against the client on screen by default,
and taking back (or correcting) a wrong entry while the meeting runs. Every change is audited.

Any member of the group records; whoever recorded an entry, or a facilitator, changes it.
"""

from __future__ import annotations

from bot.domain import (
    ActionStatus,
    InvalidInput,
    MeetingStatus,
    NotAuthorised,
    NotFound,
    RecordView,
)
from bot.ports import Clock
from bot.services import onboarding, privacy, running
from bot.services.case_codes import named_in
from bot.services.directory import find_asker
from bot.services.running import Where, group_for_channel, running_meeting, shown_in
from bot.validation import clean_text
from storage.models import Client, Group, Meeting, Member, Record
from storage.uow import UnitOfWork

MAX_RECORD = 1000


def _check_member(uow: UnitOfWork, member: Member, group: Group) -> None:
    if not uow.memberships.is_member(member.id, group.id):
        raise NotAuthorised(f"Only members of {group.name} can record into its meetings.")


def check_member_here(*, uow: UnitOfWork, user_id: str, channel_id: str) -> None:
    """Refuse early (before a form opens) anyone outside the channel's group."""
    with uow:
        _check_member(uow, find_asker(uow, user_id), group_for_channel(uow, channel_id))


def record(
    *, uow: UnitOfWork, clock: Clock, user_id: str, channel_id: str, kind: str,
    case_code: str | None, text: str,
) -> tuple[RecordView, Where]:
    """Record a decision or note against a client (by default the one on screen)."""
    if kind not in ("decision", "note"):
        raise InvalidInput(f"unknown record {kind!r}")
    clean = clean_text(text or "").strip()
    if not clean:
        raise InvalidInput(f"Say what the {kind} is.", field="text")
    if len(clean) > MAX_RECORD:
        raise InvalidInput(f"Please keep a {kind} under {MAX_RECORD} characters.", field="text")
    now = clock.now()
    with uow:
        group = group_for_channel(uow, channel_id)
        member = find_asker(uow, user_id)
        _check_member(uow, member, group)
        meeting = running_meeting(uow, group, now=now)
        named = None if case_code else named_in(uow, clean, group_id=group.id,
                                                usage=f"/casebot {kind} {{code}} …")
        if case_code:
            case_code = case_code.strip().upper()
            client = uow.clients.by_code(case_code)
        elif named is not None:
            client, clean = named.client, named.text
        elif meeting.current_client_id is not None:
            client = uow.clients.get(meeting.current_client_id)
        else:
            client = None
        if client is None or client.group_id != group.id or client.purged_at is not None:
            raise NotFound(
                f"The case code {case_code} is not one of {group.name}'s clients." if case_code
                else "No client is on screen: give the case code first.",
                field="client",
            )
        running.ensure_item(uow, meeting, client.id)
        redaction = privacy.redact(uow, clean, group.id)
        row = Record(meeting_id=meeting.id, client_id=client.id, kind=kind, text=redaction.text,
                     author_id=member.id, created_at=now)
        uow.records.add(row)
        uow.flush()
        onboarding.presented(uow, member, client, now)  # a champion presenting a client
        view = RecordView(row.id, kind, client.case_code, row.text, member.slack_user_id)
        where = shown_in(meeting)
        uow.commit()
    return view, where


def _editable_in_meeting(uow: UnitOfWork, user_id: str, meeting_id: int,
                         author_id: int | None) -> Member:
    member = find_asker(uow, user_id)
    meeting = uow.meetings.get(meeting_id)
    assert meeting is not None
    # Roles are not per group: a facilitator elsewhere is nobody here.
    if not uow.memberships.is_member(member.id, meeting.group_id):
        raise NotAuthorised("Only members of the meeting's group can change its entries.")
    if meeting.status != MeetingStatus.RUNNING.value:
        raise InvalidInput("Only entries of a meeting still running can be changed.")
    runs = uow.memberships.runs_meetings(member.id, meeting.group_id)
    if member.id != author_id and not runs:
        raise NotAuthorised("Only whoever recorded it, or a facilitator, can change it.")
    return member


def _editable_record(uow: UnitOfWork, user_id: str,
                     record_id: int) -> tuple[Record, Meeting, Client, Member]:
    row = uow.records.get(record_id)
    if row is None or row.removed_at is not None:
        raise NotFound("That entry was already removed.")
    meeting = uow.meetings.get(row.meeting_id)
    client = uow.clients.get(row.client_id)
    assert meeting is not None and client is not None
    member = _editable_in_meeting(uow, user_id, meeting.id, row.author_id)
    return row, meeting, client, member


def _author(uow: UnitOfWork, row: Record) -> str:
    author = uow.members.get(row.author_id)
    return author.slack_user_id if author else ""


def record_for_editing(*, uow: UnitOfWork, user_id: str, record_id: int) -> RecordView:
    """A decision or note, for its author (or a facilitator) to correct during the meeting."""
    with uow:
        row, _, client, _ = _editable_record(uow, user_id, record_id)
        return RecordView(row.id, row.kind, client.case_code, row.text, _author(uow, row))


def change_record(
    *, uow: UnitOfWork, clock: Clock, user_id: str, record_id: int, text: str | None
) -> tuple[RecordView | None, Where]:
    """Edit (new ``text``) or remove (``text`` None) a decision or note during the meeting."""
    now = clock.now()
    with uow:
        row, meeting, client, _ = _editable_record(uow, user_id, record_id)
        view = None
        if text is None:
            row.removed_at = now
            uow.audit.add(at=now, actor=user_id, action=f"{row.kind}_removed", client=client)
        else:
            clean = clean_text(text or "").strip()
            if not clean or len(clean) > MAX_RECORD:
                raise InvalidInput(f"A {row.kind} needs 1 to {MAX_RECORD} characters.",
                                   field="text")
            row.text = privacy.redact(uow, clean, meeting.group_id).text
            row.edited_at = now
            uow.audit.add(at=now, actor=user_id, action=f"{row.kind}_edited", client=client)
            view = RecordView(row.id, row.kind, client.case_code, row.text, _author(uow, row))
        where = shown_in(meeting)
        uow.commit()
    return view, where


def remove_action(*, uow: UnitOfWork, clock: Clock, user_id: str,
                  action_id: int) -> Where:
    """Take back an action recorded by mistake in the running meeting (audited)."""
    now = clock.now()
    with uow:
        action = uow.actions.get(action_id)
        if action is None or action.removed_at is not None or action.meeting_id is None:
            raise NotFound("That action can't be removed here (it was not recorded in a meeting).")
        meeting = uow.meetings.get(action.meeting_id)
        client = uow.clients.get(action.client_id)
        assert meeting is not None and client is not None
        _editable_in_meeting(uow, user_id, meeting.id, action.created_by_id)
        action.removed_at = now
        action.status = ActionStatus.CANCELLED.value
        uow.audit.add(at=now, actor=user_id, action="action_removed", client=client)
        where = shown_in(meeting)
        uow.commit()
    return where
