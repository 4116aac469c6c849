"""Retention: after a client's exit or consent withdrawal, their identifiable details are kept
``details_retention_days`` (default 2 years), then crypto-shredded; their case record (updates,
meeting decisions and notes, drafts) ``record_retention_days`` (default 7 years), then deleted.
Actions and exit outcomes stay, de-identified, for reports.

The clock starts at the earlier of the exit date (an exit not ended by a re-referral) and the
withdrawal date (while the latest consent is a withdrawal), on the group's calendar.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.deidentify import forget_cached_identities
from bot.domain import InvalidInput
from bot.ports import Clock
from bot.services import keys
from bot.services.directory import find_group
from bot.services.keys import Rotation
from bot.services.minutes import snapshot
from storage.keyfile import FileKeySource
from storage.models import Client
from storage.uow import UnitOfWork

DEFAULT_DETAILS_DAYS, DEFAULT_RECORD_DAYS = 730, 2555
MIN_DAYS, MAX_DAYS = 30, 36500  # a month; a hundred years
SYSTEM = "casebot (retention)"


@dataclass(frozen=True)
class Periods:
    group: str
    details_days: int
    record_days: int


def set_periods(
    *,
    uow: UnitOfWork,
    clock: Clock,
    group: str,
    details_days: int | None,
    record_days: int | None,
    actor: str,
) -> Periods:
    """Change (or, with neither given, show) a group's retention periods."""
    for value, option in ((details_days, "--details-days"), (record_days, "--record-days")):
        if value is not None and not MIN_DAYS <= value <= MAX_DAYS:
            raise InvalidInput(
                f"{option} must be between {MIN_DAYS} and {MAX_DAYS} days (2 years is 730, "
                "7 years 2555)"
            )
    with uow:
        found = find_group(uow, group)
        details = found.details_retention_days if details_days is None else details_days
        record = found.record_retention_days if record_days is None else record_days
        if record < details:
            raise InvalidInput(
                f"the case record ({record} days) cannot be destroyed before the identifiable "
                f"details ({details} days): give a --record-days of at least {details}"
            )
        if details_days is not None or record_days is not None:
            found.details_retention_days, found.record_retention_days = details, record
            uow.audit.add(
                at=clock.now(), actor=actor, action="retention_set",
                detail=f"{found.name}: details {details} days, case record {record} days",
            )
        periods = Periods(found.name, details, record)
        uow.commit()
    return periods


def stages_due(
    started_on: dt.date,
    today: dt.date,
    *,
    details_days: int,
    record_days: int,
    details_gone: bool,
    record_gone: bool,
) -> tuple[bool, bool]:
    """(shred the details, destroy the case record) at ``today``, for a clock started on
    ``started_on``; a period ends at the end of its last day."""
    details = not details_gone and today > started_on + dt.timedelta(days=details_days)
    record = not record_gone and today > started_on + dt.timedelta(days=record_days)
    return details, record


@dataclass(frozen=True)
class DuePurge:
    case_code: str
    started_on: dt.date
    cause: str  # "exit" or "consent withdrawal"
    details: bool
    record: bool


@dataclass(frozen=True)
class PurgeReport:
    due: tuple[DuePurge, ...]
    dry_run: bool
    rotation: Rotation | None = None  # a key-file rotation that made the details' purge final

    @property
    def details(self) -> list[str]:
        return [d.case_code for d in self.due if d.details]

    @property
    def records(self) -> list[str]:
        return [d.case_code for d in self.due if d.record]


def _due(uow: UnitOfWork, now: dt.datetime) -> list[tuple[Client, DuePurge]]:
    clocks = uow.retention.clocks()
    out = []
    for client in uow.clients.by_ids(list(clocks)):
        exited, withdrawn = clocks[client.id]
        starts = [(d, cause) for d, cause in ((exited, "exit"), (withdrawn, "consent withdrawal"))
                  if d is not None]
        started_on, cause = min(starts)
        group = client.group
        today = now.astimezone(ZoneInfo(group.tz)).date() if group else now.date()
        details, record = stages_due(
            started_on,
            today,
            details_days=group.details_retention_days if group else DEFAULT_DETAILS_DAYS,
            record_days=group.record_retention_days if group else DEFAULT_RECORD_DAYS,
            details_gone=client.purged_at is not None,
            record_gone=client.record_purged_at is not None,
        )
        if details or record:
            out.append((client, DuePurge(client.case_code, started_on, cause, details, record)))
    return out


def _apply(uow: UnitOfWork, due: Sequence[tuple[Client, DuePurge]], now: dt.datetime,
           actor: str) -> str:
    """Shred and destroy what is due, each with an audit entry naming no identifier."""
    for client, item in due:
        why = f"retention period ended after {item.cause} on {item.started_on.isoformat()}"
        if item.details:
            at = uow.secrets.shred(client, now)
            uow.audit.add(at=at, actor=actor, action="retention_purge_details", client=client,
                          reason=why, detail="identifiable details crypto-shredded")
        if item.record:
            _scrub_minutes(uow, client.case_code)
            uow.retention.destroy_record(client, now)
            uow.audit.add(at=now, actor=actor, action="retention_purge_record", client=client,
                          reason=why, detail="updates, decisions, notes and drafts deleted; "
                          "actions and outcomes kept")
    shredded = sum(1 for _, d in due if d.details)
    return f"; retention purge of {shredded} client(s)" if shredded else ""


def _scrub_minutes(uow: UnitOfWork, code: str) -> None:
    """Take the client's decisions and notes out of the minutes kept with each meeting."""
    for meeting in uow.retention.minutes_naming(code):
        assert meeting.minutes is not None
        kept = snapshot.loads(meeting.minutes)
        clients = tuple(
            dataclasses.replace(c, decisions=(), notes=()) if c.case_code == code else c
            for c in kept.clients
        )
        meeting.minutes = snapshot.dumps(dataclasses.replace(kept, clients=clients))


def purge_due(
    *, uow: UnitOfWork, clock: Clock, actor: str = SYSTEM, dry_run: bool = False,
    rotate: bool = False,
) -> PurgeReport:
    """Crypto-shred the details and destroy the case records past their retention periods.

    ``rotate`` (``casebot purge --due`` with a key file): replace the master key in the same
    transaction, so the purge is final at once. The tick never rotates (its dry run rolls the
    database back, which a replaced key file would not survive): its purges are final after
    ``casebot keys rotate``, and ``casebot status`` lists them until then.
    """
    now = clock.now()
    if dry_run:
        with uow:
            return PurgeReport(tuple(d for _, d in _due(uow, now)), dry_run=True)
    found: list[DuePurge] = []

    def work(uow: UnitOfWork) -> str:
        due = _due(uow, now)
        found.extend(d for _, d in due)
        return _apply(uow, due, now, actor)

    rotation = None
    if rotate and isinstance(uow.vault.source, FileKeySource):
        with uow:
            anything = any(d.details for _, d in _due(uow, now))
        if anything:
            rotation = keys.rotate(uow=uow, clock=clock, actor=actor, together=work)
    if rotation is None:
        with uow:
            due = _due(uow, now)
            if due:
                uow.secrets.verify()
                found.extend(d for _, d in due)
                _apply(uow, due, now, actor)
                uow.commit()
    if any(d.details for d in found):
        forget_cached_identities()
    return PurgeReport(tuple(found), dry_run=False, rotation=rotation)
