"""``casebot export``: clients, actions, meetings or minutes as a table for a spreadsheet.

De-identified by default: case codes, agencies, statuses, people by their Slack names, and text
that was de-identified before it was stored. Clients' identifiable details are added only for
the secretariat, with a reason that goes to the audit log before anything is returned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot import validation
from bot.domain import ClientIdentity, InvalidInput, NotAuthorised, NotFound, Role
from bot.ports import Clock, UserDirectory
from bot.services import consent, minutes, people, privacy, register
from bot.services.directory import find_group
from bot.services.minutes import export as minutes_export
from bot.services.minutes import snapshot
from bot.sheets.writing import Table
from storage.models import Group
from storage.uow import UnitOfWork

KINDS = ("clients", "actions", "meetings", "minutes")
IDENTIFIABLE_KINDS = ("clients", "actions")  # the others hold no client's row to add them to
DETAILS = ("full_name", "aliases", "date_of_birth", "address", "phone", "email", "medicare",
           "crn", "notes")


@dataclass(frozen=True)
class Request:
    what: str
    group: str | None = None
    identifiable: bool = False
    reason: str | None = None
    as_user: str | None = None  # who runs it, by Slack ID: checked against the secretariat role


@dataclass(frozen=True)
class _Built:
    table: Table
    person_columns: tuple[int, ...]  # cells holding a Slack ID, to show by name


def _local_day(at: dt.datetime | None, tz: str | None) -> str:
    if at is None:
        return ""
    return at.astimezone(ZoneInfo(tz) if tz else dt.UTC).date().isoformat()


def _groups(uow: UnitOfWork, name: str | None) -> list[Group]:
    return [find_group(uow, name)] if name else list(uow.groups.all())


def _clients(uow: UnitOfWork, group: str | None, today: dt.date, identifiable: bool) -> _Built:
    group_id = find_group(uow, group).id if group else None
    clients = uow.clients.listing(group_id=group_id)
    consents = uow.clients.latest_consents([c.id for c in clients])
    identities: dict[str, ClientIdentity] = {}
    if identifiable:
        identities = {c.case_code: c.identity for c in privacy.known_clients(uow)}
    headers = ["case_code", "status", "group", "lead_agency", "key_worker", "consent",
               "consent_given_on", "consent_expires_on", "consent_review_on", "shared_with",
               "registered_on"]
    if identifiable:
        headers += DETAILS
    rows = []
    for client in clients:
        record = consents.get(client.id)
        tz = client.group.tz if client.group else None
        row = [
            client.case_code,
            client.status + (" (details purged)" if client.purged_at else ""),
            client.group.name if client.group else "",
            client.lead_agency.name,
            client.key_worker.slack_user_id,
            consent.state_of(record, today),
            record.given_on.isoformat() if record else "",
            record.expires_on.isoformat() if record and record.expires_on else "",
            record.review_on.isoformat() if record and record.review_on else "",
            "; ".join(a.name for a in record.agencies) if record else "",
            _local_day(client.created_at, tz),
        ]
        if identifiable:
            details = identities.get(client.case_code, ClientIdentity()).to_dict()
            row += [", ".join(v) if isinstance(v := details.get(n), list) else v or ""
                    for n in DETAILS]
        rows.append(tuple(row))
    return _Built(Table("clients", tuple(headers), rows), (headers.index("key_worker"),))


def _actions(uow: UnitOfWork, group: str | None, identifiable: bool) -> _Built:
    groups = {g.id: g for g in uow.groups.all()}
    group_id = find_group(uow, group).id if group else None
    names: dict[str, str] = {}
    if identifiable:
        names = {c.case_code: c.identity.full_name or "" for c in privacy.known_clients(uow)}
    headers = ["case_code", *(["client_name"] if identifiable else []), "group", "action",
               "owner", "due", "status", "carried", "recorded_at_meeting", "created_on",
               "completed_on"]
    rows = []
    for action, code, owner, gid, meeting_at in uow.actions.for_export(group_id):
        found = groups.get(gid) if gid else None
        tz = found.tz if found else None
        rows.append((
            code, *([names.get(code, "")] if identifiable else []),
            found.name if found else "", action.text, owner, action.due_on.isoformat(),
            action.status, str(action.carried_count), _local_day(meeting_at, tz),
            _local_day(action.created_at, tz), _local_day(action.completed_at, tz),
        ))
    return _Built(Table("actions", tuple(headers), rows), (headers.index("owner"),))


def _meetings(uow: UnitOfWork, group: str | None) -> _Built:
    groups = {g.id: g for g in uow.groups.all()}
    group_id = find_group(uow, group).id if group else None
    headers = ("group", "date", "time", "time_zone", "status", "moved_from", "facilitator",
               "started", "ended", "clients", "discussed", "decisions", "actions", "notes",
               "not_reached")
    rows = []
    for meeting, facilitator in uow.meetings.for_export(group_id):
        found = groups[meeting.group_id]
        zone = ZoneInfo(found.tz)
        at = meeting.scheduled_at.astimezone(zone)
        moved = meeting.scheduled_at != meeting.occurrence_at
        counts: dict[str, int] = {}
        not_reached = ""
        if meeting.minutes:
            kept = snapshot.loads(meeting.minutes)
            counts = kept.counts()
            not_reached = str(len(kept.not_reached))
        rows.append((
            found.name, at.date().isoformat(), at.strftime("%H:%M"), found.tz, meeting.status,
            meeting.occurrence_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if moved else "",
            facilitator or "",
            meeting.started_at.astimezone(zone).strftime("%H:%M") if meeting.started_at else "",
            meeting.ended_at.astimezone(zone).strftime("%H:%M") if meeting.ended_at else "",
            *(str(counts[k]) if counts else "" for k in
              ("clients", "discussed", "decisions", "actions", "notes")),
            not_reached,
        ))
    return _Built(Table("meetings", headers, rows), (headers.index("facilitator"),))


def _minutes(uow: UnitOfWork, group: str | None) -> _Built:
    headers = ("group", *minutes_export.CSV_HEADERS)
    rows = []
    for found in _groups(uow, group):
        held = sorted((m for m in uow.meetings.closed(found.id) if m.started_at is not None),
                      key=lambda m: m.scheduled_at)
        for meeting in held:
            rows += [(found.name, *row) for row in
                     minutes_export.rows(minutes.stored(uow, found, meeting))]
    return _Built(Table("minutes", headers, rows), (1 + minutes_export.PERSON,))


def _authorised(uow: UnitOfWork, request: Request) -> str:
    """The secretariat member asking for identifiable details, by Slack ID; refused kindly
    for anyone else, naming what they may do instead."""
    if request.what not in IDENTIFIABLE_KINDS:
        raise InvalidInput(
            f"{request.what} hold no client's details: leave out --identifiable (for clients' "
            "details: casebot export clients --identifiable …)"
        )
    if not request.as_user:
        raise InvalidInput(
            "--identifiable needs --as U… (your Slack member ID): only the secretariat may "
            "export clients' details, and the audit log records who did"
        )
    user = validation.slack_user_id(request.as_user)
    member = uow.members.by_user(user)
    if member is None:
        raise NotAuthorised(
            f"{user} is not a Casebot member, so it cannot export clients' details (only the "
            "secretariat can). Without --identifiable the export is de-identified."
        )
    covered = _groups(uow, request.group)
    outside = [g.name for g in covered
               if Role.SECRETARIAT not in uow.memberships.roles_in(member.id, g.id)]
    if outside or not covered:
        where = ", ".join(outside) or "any group"
        raise NotAuthorised(
            f"{user} is not in the secretariat of {where}: only the secretariat may export "
            "clients' details. Without --identifiable the export is de-identified."
        )
    return user


_BUILDERS: dict[str, Callable[[UnitOfWork, Request, dt.date], _Built]] = {
    "clients": lambda uow, r, today: _clients(uow, r.group, today, r.identifiable),
    "actions": lambda uow, r, _today: _actions(uow, r.group, r.identifiable),
    "meetings": lambda uow, r, _today: _meetings(uow, r.group),
    "minutes": lambda uow, r, _today: _minutes(uow, r.group),
}


def _named(built: _Built, names: dict[str, str]) -> Table:
    columns = set(built.person_columns)
    rows = [tuple(names.get(c, c) if n in columns else c for n, c in enumerate(row))
            for row in built.table.rows]
    return Table(built.table.title, built.table.headers, rows)


def _people(built: _Built) -> set[str]:
    return {row[n] for row in built.table.rows for n in built.person_columns if row[n]}


def export(
    *, uow: UnitOfWork, clock: Clock, directory: UserDirectory | None, request: Request,
    actor: str, fmt: str,
) -> Table:
    """The table asked for, people shown by name. An identifiable one is audited (who, why,
    what) and committed before it is returned."""
    if request.what not in KINDS:
        raise NotFound(f"nothing called {request.what!r} to export; choose {', '.join(KINDS)}")
    now = clock.now()
    reason = None
    if request.identifiable:
        reason = register.check_reason(request.reason, "every export of clients' details is "
                                                       "audited")
    elif request.reason or request.as_user:
        raise InvalidInput("--reason and --as go with --identifiable")
    with uow:
        user = _authorised(uow, request) if request.identifiable else None
        if reason is not None:
            privacy.refuse_identifying(uow, reason)  # the audit log is not encrypted
        built = _BUILDERS[request.what](uow, request, now.date())
    names = people.names_for(uow=uow, clock=clock, directory=directory,
                             user_ids=_people(built))
    table = _named(built, names)
    if user is not None:
        with uow:
            uow.audit.add(
                at=now, actor=user, action="export_identifiable", reason=reason,
                detail=f"{request.what}{' of ' + request.group if request.group else ''}: "
                       f"{len(table.rows)} rows as {fmt}, by {actor}",
            )
            uow.commit()
    return table

