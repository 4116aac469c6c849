"""Consent over time: renewal, narrowing, withdrawal and review dates; the key worker's review
reminder; and a secretariat's override for one meeting, for an urgent risk to life or safety.

Each change is a new consent record (the latest counts): the history stays for the audit.
Words: *expired* is past ``expires_on`` (the consent covers nobody); *review due* is on or past
``review_on`` (the consent still covers its agencies until it expires, but the client should be
asked again); *withdrawn* covers nobody, takes the client off future agendas and starts the
retention clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from bot.deidentify import DeidentificationFailed
from bot.domain import (
    ClientStatus,
    Conflict,
    ConsentChange,
    ConsentReview,
    InvalidInput,
    MeetingStatus,
    NotFound,
)
from bot.ports import Clock, Renderer
from bot.recurrence import parse_time_of_day, working_hours_started
from bot.services import meetings, privacy, roster
from bot.services.directory import find_agency
from bot.validation import clean_text
from storage.models import Agency, Client, ConsentOverride, ConsentRecord
from storage.repositories.consents import in_force, review_due
from storage.uow import UnitOfWork

REMIND_DAYS_BEFORE = 14
REASON_MIN, REASON_MAX = 10, 500


@dataclass(frozen=True)
class ConsentEntry:
    """One line of a client's consent history (no identifier: dates, agencies, how)."""

    given_on: dt.date
    change: ConsentChange
    method: str
    agencies: tuple[str, ...]
    expires_on: dt.date | None
    review_on: dt.date | None
    withdrawn_on: dt.date | None
    reminded: bool


@dataclass(frozen=True)
class ConsentState:
    case_code: str
    state: str  # "none", "current", "review due", "expired", "withdrawn"
    history: tuple[ConsentEntry, ...]


@dataclass(frozen=True)
class ConsentRequest:
    """What ``casebot client consent`` asks for. ``change`` None: a first/fresh consent (given)
    when ``on`` is set, else only a new review date for the current consent."""

    change: ConsentChange | None
    on: dt.date | None
    method: str = "written"
    agencies: tuple[str, ...] = ()
    expires_on: dt.date | None = None
    review_on: dt.date | None = None


def state_of(record: ConsentRecord | None, today: dt.date) -> str:
    if record is None:
        return "none"
    if record.withdrawn_on is not None:
        return "withdrawn"
    if not in_force(record, today):
        return "expired"
    return "review due" if review_due(record, today) else "current"


def _entry(record: ConsentRecord) -> ConsentEntry:
    return ConsentEntry(
        given_on=record.given_on,
        change=ConsentChange(record.change),
        method=record.method,
        agencies=tuple(a.name for a in record.agencies),
        expires_on=record.expires_on,
        review_on=record.review_on,
        withdrawn_on=record.withdrawn_on,
        reminded=record.review_reminded_at is not None,
    )


def _client(uow: UnitOfWork, code: str) -> Client:
    client = uow.clients.by_code(code)
    if client is None:
        raise NotFound(f"no client with case code {code} (see: casebot client list)")
    return client


def history(*, uow: UnitOfWork, clock: Clock, code: str) -> ConsentState:
    with uow:
        client = _client(uow, code)
        records = uow.consents.history(client.id)
        latest = records[-1] if records else None
        return ConsentState(
            code, state_of(latest, clock.now().date()), tuple(_entry(r) for r in records)
        )


def _check_dates(request: ConsentRequest, today: dt.date, latest: ConsentRecord | None) -> None:
    on = request.on
    if on is not None and on > today:
        raise InvalidInput(
            f"the consent date {on:%d %b %Y} is in the future; record it on or after the day "
            "the client gave (or withdrew) it"
        )
    start = on or (latest.given_on if latest else today)
    if request.expires_on and request.expires_on < start:
        raise InvalidInput("the consent expires before it was given; check --expires")
    if request.review_on and request.review_on < start:
        raise InvalidInput(
            f"the review date {request.review_on:%d %b %Y} is before the consent date "
            f"{start:%d %b %Y}; give a later --review"
        )
    if on is not None and latest is not None and on < latest.given_on:
        raise InvalidInput(
            f"the client's latest consent record is dated {latest.given_on:%d %b %Y}; a change "
            "must be dated on or after it"
        )


def change(
    *, uow: UnitOfWork, clock: Clock, code: str, request: ConsentRequest, actor: str
) -> ConsentState:
    """Record a consent change as a new record; refuses what would not make sense."""
    now = clock.now()
    today = now.date()
    with uow:
        client = _client(uow, code)
        if client.purged_at is not None:
            raise Conflict(f"{code}'s details were purged; no consent can be recorded")
        records = uow.consents.history(client.id)
        latest = records[-1] if records else None
        _check_dates(request, today, latest)
        kind = request.change
        if kind is None and request.on is None:
            if request.review_on is None:
                raise InvalidInput(
                    "say what to record: --date (a consent), --renew, --narrow, --withdraw or "
                    "--review"
                )
            record = _only_review(client, latest, request.review_on)
        else:
            record = _new_record(uow, client, kind, request, latest, today)
        record.recorded_at = now
        uow.clients.add_consent(record)
        uow.audit.add(
            at=now,
            actor=actor,
            action="consent_recorded" if record.change == "given" else f"consent_{record.change}",
            client=client,
            detail=_audit_detail(record),
        )
        uow.flush()
        records = uow.consents.history(client.id)
        state = ConsentState(code, state_of(records[-1], today), tuple(_entry(r) for r in records))
        uow.commit()
    return state


def _only_review(
    client: Client, latest: ConsentRecord | None, review_on: dt.date
) -> ConsentRecord:
    """A new review date for the current consent: the same consent, asked again later."""
    if latest is None or latest.withdrawn_on is not None:
        raise InvalidInput(
            "there is no current consent to set a review date on; record one with --date … "
            "--agency … --review …"
        )
    return _record(
        client, ConsentChange(latest.change), latest.given_on, latest.method,
        list(latest.agencies), latest.expires_on, review_on,
    )


def _new_record(
    uow: UnitOfWork,
    client: Client,
    kind: ConsentChange | None,
    request: ConsentRequest,
    latest: ConsentRecord | None,
    today: dt.date,
) -> ConsentRecord:
    named = [find_agency(uow, name) for name in request.agencies]
    if kind is None:  # a fresh consent: given
        return _record(
            client, ConsentChange.GIVEN, request.on or today, request.method,
            _with_lead(client, named), request.expires_on, request.review_on,
        )
    if kind is ConsentChange.WITHDRAWN:
        if latest is None or latest.withdrawn_on is not None:
            raise InvalidInput("there is no current consent to withdraw")
        if named or request.expires_on or request.review_on:
            raise InvalidInput("--withdraw takes only --date (and --method)")
        on = request.on or today
        record = _record(client, kind, on, request.method, [], None, None)
        record.withdrawn_on = on
        return record
    if latest is None or latest.withdrawn_on is not None:
        what = "renew" if kind is ConsentChange.RENEWED else "narrow"
        raise InvalidInput(
            f"there is no current consent to {what}; record a new one with --date … --agency …"
        )
    current = list(latest.agencies)
    if kind is ConsentChange.NARROWED:
        if not named:
            raise InvalidInput("--narrow needs the agencies the consent still covers (--agency)")
        kept = _with_lead(client, named)
        added = [a.name for a in kept if a not in current]
        if added:
            raise InvalidInput(
                "narrowing only takes agencies away; the current consent does not cover "
                + ", ".join(added)
                + " (to add an agency, record a new consent with --date … --agency …)"
            )
        if len(kept) == len(current):
            raise InvalidInput(
                "that is every agency the consent already covers; name fewer to narrow it"
            )
        agencies = kept
    else:  # renewed: the same agencies unless others are named
        agencies = _with_lead(client, named) if named else current
    return _record(
        client, kind, request.on or today, request.method, agencies,
        request.expires_on if request.expires_on else (
            latest.expires_on if kind is ConsentChange.NARROWED else None
        ),
        request.review_on if request.review_on else (
            latest.review_on if kind is ConsentChange.NARROWED else None
        ),
    )


def _with_lead(client: Client, agencies: list[Agency]) -> list[Agency]:
    out: list[Agency] = []
    for agency in [client.lead_agency, *agencies]:  # the lead agency always holds the details
        if agency not in out:
            out.append(agency)
    return out


def _record(
    client: Client, kind: ConsentChange, on: dt.date, method: str, agencies: list[Agency],
    expires_on: dt.date | None, review_on: dt.date | None,
) -> ConsentRecord:
    return ConsentRecord(
        client_id=client.id,
        given_on=on,
        method=(clean_text(method).strip() or "written")[:40],
        expires_on=expires_on,
        review_on=review_on,
        change=kind.value,
        agencies=agencies,
    )


def _audit_detail(record: ConsentRecord) -> str:
    parts = [f"{record.method} {record.given_on.isoformat()}"]
    if record.agencies:
        parts.append(", ".join(a.name for a in record.agencies))
    if record.expires_on:
        parts.append(f"expires {record.expires_on.isoformat()}")
    if record.review_on:
        parts.append(f"review {record.review_on.isoformat()}")
    return "; ".join(parts)


# The key worker's review reminder --------------------------------------------------------------


def reminder_due(review_on: dt.date, *, now: dt.datetime, send_time: dt.time, tz: str) -> bool:
    """Whether a review reminder is due at ``now`` for a worker in ``tz``: from
    ``REMIND_DAYS_BEFORE`` days before the review date on their own calendar (or late, if it
    was missed), in their working hours only, like every other DM."""
    if roster.local_today(now, tz) < review_on - dt.timedelta(days=REMIND_DAYS_BEFORE):
        return False
    return working_hours_started(now, tz=tz, at=send_time)


def enqueue_due(*, uow: UnitOfWork, clock: Clock, renderer: Renderer) -> int:
    """Queue each key worker's consent review reminder that is due now, once per consent."""
    now = clock.now()
    queued = 0
    with uow:
        horizon = now.date() + dt.timedelta(days=REMIND_DAYS_BEFORE + 1)  # any zone's today
        for record, client in uow.consents.reviews_to_remind(horizon):
            worker = client.key_worker
            group = client.group
            tz = worker.tz or (group.tz if group else "UTC")
            if group is not None and group.archived_at is not None:
                continue
            send_time = parse_time_of_day(group.send_time if group else "09:00")
            assert record.review_on is not None
            if not reminder_due(record.review_on, now=now, send_time=send_time, tz=tz):
                continue
            today = roster.local_today(now, tz)
            review = ConsentReview(worker.slack_user_id, client.case_code, record.review_on, today)
            if uow.outbox.enqueue(
                key=f"consent-review:{record.id}",
                kind="consent-review",
                channel=worker.slack_user_id,
                payload=renderer.consent_review(review),
                now=now,
            ):
                queued += 1
            record.review_reminded_at = now
        uow.commit()
    return queued


# Override for one meeting ---------------------------------------------------------------------


@dataclass(frozen=True)
class Override:
    case_code: str
    group: str
    meeting_at: dt.datetime  # local to the group
    reason: str  # as stored: de-identified


def _override_reason(uow: UnitOfWork, reason: str | None, group_id: int | None) -> str:
    clean = " ".join(clean_text(reason or "").split())
    if not clean:
        raise InvalidInput(
            "say why with --reason: the urgent risk to life or safety, without identifying "
            "anyone (e.g. --reason 'risk of harm from an ex-partner; needs a safe place tonight')"
        )
    if len(clean) < REASON_MIN:
        raise InvalidInput(
            f"that --reason is too short: at least {REASON_MIN} characters saying what the "
            "urgent risk to life or safety is"
        )
    if len(clean) > REASON_MAX:
        raise InvalidInput(f"--reason is longer than {REASON_MAX} characters")
    privacy.refuse_identifying(uow, clean, what="reason")  # not echoed: it may be logged
    try:
        return privacy.redact(uow, clean, group_id).text
    except DeidentificationFailed:
        raise InvalidInput(
            "the reason could not be checked for identifying details; nothing was recorded, "
            "try again"
        ) from None


def override(
    *,
    uow: UnitOfWork,
    clock: Clock,
    code: str,
    meeting: str,
    reason: str | None,
    actor: str,
    member_id: int | None = None,
) -> Override:
    """Let a client without current consent be discussed in detail at the group's next meeting
    only (an urgent risk to life or safety). Audited; shown in that meeting's minutes."""
    if meeting.strip().lower() != "next":
        raise InvalidInput("--meeting takes 'next': an override is for the next meeting only")
    now = clock.now()
    with uow:
        client = _client(uow, code)
        if client.purged_at is not None:
            raise Conflict(f"{code}'s details were purged; there is nothing to discuss")
        if client.status == ClientStatus.EXITED.value:
            raise Conflict(f"{code} has left the group's list; re-refer them first")
        group = client.group
        if group is None:
            raise InvalidInput(f"{code} is in no group, so has no meeting to discuss them at")
        found = meetings.current_or_upcoming(uow, group, now)
        if found is None or found.status == MeetingStatus.CLOSED.value:
            raise NotFound(f"{group.name} has no upcoming meeting")
        day = found.scheduled_at.astimezone(meetings.schedule_of(group).zone).date()
        latest = uow.clients.latest_consents([client.id]).get(client.id)
        if latest is not None and latest.withdrawn_on is None and (
            client.id in uow.consents.shareable(group.id, [client.id], day)
        ):
            raise Conflict(
                f"{code}'s consent covers every agency in {group.name} on that day: no override "
                "is needed"
            )
        text = _override_reason(uow, reason, group.id)
        uow.overrides.add(
            ConsentOverride(
                client_id=client.id,
                meeting_id=found.id,
                member_id=member_id,
                actor=actor,
                reason=text,
                created_at=now,
            )
        )
        local = found.scheduled_at.astimezone(meetings.schedule_of(group).zone)
        uow.audit.add(
            at=now,
            actor=actor,
            action="consent_override",
            client=client,
            reason=text,
            detail=f"for {group.name}'s meeting on {local:%Y-%m-%d %H:%M} only",
        )
        uow.commit()
    return Override(code, group.name, local, text)


def overridden(uow: UnitOfWork, meeting_id: int) -> dict[int, str]:
    """Clients under a consent override at this meeting, with the reason."""
    return uow.overrides.for_meeting(meeting_id)


def review_flags(
    uow: UnitOfWork, client_ids: Sequence[int], today: dt.date
) -> set[int]:
    """Which of these clients' consent is due to be asked again (expired, withdrawn, review)."""
    latest = uow.clients.latest_consents(client_ids)
    return {cid for cid, record in latest.items() if review_due(record, today)}
