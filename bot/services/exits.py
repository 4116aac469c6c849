"""Exits: a client leaves the group's list with an outcome from a fixed list (for reports), a
date and a short de-identified note. Their open actions close, they leave the agenda, and the
exit is in the minutes of the meeting it happened in (or the next one). A re-referral brings a
former client back under the same case code.
"""

from __future__ import annotations

import datetime as dt

from bot.domain import (
    ActionStatus,
    ClientStatus,
    Conflict,
    ExitOutcome,
    ExitView,
    InvalidInput,
    MeetingStatus,
    NotAuthorised,
    NotFound,
    Role,
)
from bot.ports import Clock
from bot.services import meetings, privacy, roster, running
from bot.services.directory import find_asker
from bot.validation import clean_text
from storage.models import Client, ClientExit, Group, Meeting, Referral
from storage.uow import UnitOfWork

MAX_NOTE = 500
CHOOSABLE = tuple(o for o in ExitOutcome if o is not ExitOutcome.REFERRAL_DECLINED)


def outcome_of(value: str | None) -> ExitOutcome:
    """An outcome a person may choose (a declined referral is the group's decision, not one)."""
    try:
        outcome = ExitOutcome((value or "").strip().lower().replace("-", "_"))
    except ValueError:
        outcome = None
    if outcome is None or outcome is ExitOutcome.REFERRAL_DECLINED:
        raise InvalidInput(
            "choose the outcome from: " + ", ".join(o.value for o in CHOOSABLE), field="outcome"
        )
    return outcome


def record_exit(
    uow: UnitOfWork, client: Client, group: Group | None, now: dt.datetime, *,
    outcome: ExitOutcome, exited_on: dt.date, note: str | None, actor: str,
    meeting: Meeting | None,
) -> int:
    """Inside the caller's unit of work: the exit, the status, and the client's open actions
    closed (cancelled: "client exited"). Returns how many actions it closed."""
    uow.exits.add(ClientExit(
        client_id=client.id, exited_on=exited_on, outcome=outcome.value, note=note,
        meeting_id=meeting.id if meeting else None, actor=actor[:64], recorded_at=now,
    ))
    client.status = ClientStatus.EXITED.value
    client.status_changed_at = now
    closed = 0
    for action, *_ in uow.actions.open_of_clients([client.id]):
        action.status = ActionStatus.CANCELLED.value
        action.completed_at = now
        closed += 1
    if meeting is not None and meeting.status == MeetingStatus.RUNNING.value:
        running.ensure_item(uow, meeting, client.id)
    return closed


def _client(uow: UnitOfWork, code: str) -> Client:
    client = uow.clients.by_code(code)
    if client is None:
        raise NotFound(f"There is no client {code}.", field="client")
    return client


def _facilitator(uow: UnitOfWork, user_id: str, client: Client) -> None:
    member = find_asker(uow, user_id)
    group = uow.groups.get(client.group_id) if client.group_id else None
    if group is None or Role.FACILITATOR not in uow.memberships.roles_in(member.id, group.id):
        name = group.name if group else "the client's group"
        raise NotAuthorised(f"Only {name}'s facilitators record exits from Slack; the "
                            "secretariat can use `casebot client exit`.")


def _exitable(uow: UnitOfWork, code: str) -> Client:
    client = _client(uow, code)
    if client.status == ClientStatus.EXITED.value:
        ended = uow.exits.open_of(client.id)
        when = f" on {ended.exited_on.isoformat()}" if ended else ""
        raise Conflict(f"{code} has exited already{when}.")
    return client


def check_exit(*, uow: UnitOfWork, user_id: str, case_code: str) -> None:
    """Refuse early (before the exit form opens) a facilitator's exit that cannot be."""
    with uow:
        _facilitator(uow, user_id, _exitable(uow, case_code))


def exit_client(
    *, uow: UnitOfWork, clock: Clock, case_code: str, outcome: ExitOutcome,
    exited_on: dt.date | None, note: str | None, actor: str, user_id: str | None = None,
) -> ExitView:
    """Record a client's exit. From Slack ``user_id`` is the facilitator asking; from the
    command line it is None (the secretariat's own right)."""
    if outcome is ExitOutcome.REFERRAL_DECLINED:
        raise InvalidInput("A declined referral is the group's decision on the referral.",
                           field="outcome")
    clean = " ".join(clean_text(note or "").split()) or None
    if clean and len(clean) > MAX_NOTE:
        raise InvalidInput(f"Please keep the note under {MAX_NOTE} characters.", field="note")
    if exited_on is None:
        raise InvalidInput("Give the date the client exited.", field="date")
    now = clock.now()
    with uow:
        client = _exitable(uow, case_code)
        if user_id is not None:
            _facilitator(uow, user_id, client)
        group = uow.groups.get(client.group_id) if client.group_id else None
        today = roster.local_today(now, group.tz if group else "UTC")
        if exited_on > today:
            raise InvalidInput("The exit date is in the future: record the exit on the day.",
                               field="date")
        if clean:
            clean = privacy.redact(uow, clean, group.id if group else None).text
        meeting = _meeting_for(uow, group, now)
        closed = record_exit(uow, client, group, now, outcome=outcome, exited_on=exited_on,
                             note=clean, actor=user_id or actor, meeting=meeting)
        uow.audit.add(at=now, actor=user_id or actor, action="client_exited", client=client,
                      detail=f"{outcome.value}; {closed} open action(s) closed")
        shown = ExitView(client.case_code, outcome, exited_on, clean, closed,
                         meetings.ref(group, meeting) if group and meeting else None)
        uow.commit()
    return shown


def meeting_for_record(uow: UnitOfWork, group: Group, now: dt.datetime) -> Meeting | None:
    """The meeting a decision or exit belongs in: the running one, else the next one (its
    minutes carry it)."""
    live = uow.meetings.live(group.id)
    if live is not None:
        return live
    found = meetings.current_or_upcoming(uow, group, now)
    if found is not None and found.status != MeetingStatus.SCHEDULED.value:
        found = meetings.upcoming(uow, group, now)
    return found


def _meeting_for(uow: UnitOfWork, group: Group | None, now: dt.datetime) -> Meeting | None:
    return meeting_for_record(uow, group, now) if group else None


def reopen(uow: UnitOfWork, code: str, now: dt.datetime) -> Client:
    """Inside the caller's unit of work: an exited client back as ``referred``, their exit
    ended (a purged client cannot come back: their details are gone)."""
    client = uow.clients.by_code(code)
    if client is None:
        raise NotFound(f"no client with case code {code} (see: casebot client list)")
    if client.status != ClientStatus.EXITED.value:
        raise Conflict(f"{code} has not exited (it is {client.status}): nothing to re-refer")
    if client.purged_at is not None:
        raise Conflict(
            f"{code}'s details were purged: the same person cannot be confirmed; refer them as "
            "a new client"
        )
    ended = uow.exits.open_of(client.id)
    if ended is not None:
        ended.ended_at = now
    client.status = ClientStatus.REFERRED.value
    client.status_changed_at = now
    return client


def re_refer(*, uow: UnitOfWork, clock: Clock, code: str, actor: str) -> str:
    """Bring a former client back as referred under the same case code, with a new referral
    (by their key worker, for their lead agency) for the group to decide on again."""
    now = clock.now()
    with uow:
        client = reopen(uow, code, now)
        if client.group_id is None:
            raise InvalidInput(f"{code} belongs to no group: nothing to re-refer it to")
        before = uow.referrals.latest_for_client(client.id)
        uow.referrals.add(Referral(
            client_id=client.id, group_id=client.group_id, referrer_id=client.key_worker_id,
            agency_id=client.lead_agency_id, criteria=before.criteria if before else "",
            summary="Re-referred by the secretariat (a former client).",
            consent_obtained=bool(uow.clients.latest_consents([client.id])),
            created_at=now, details_added_at=now if client.identity_blob is not None else None,
        ))
        uow.audit.add(at=now, actor=actor, action="client_re_referred", client=client)
        uow.commit()
    return code
