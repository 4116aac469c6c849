"""The client register: case codes in the open, identifiable details only through the vault."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from bot.deidentify import forget_cached_identities
from bot.domain import (
    ClientIdentity,
    ClientStatus,
    ClientSummary,
    Conflict,
    Consent,
    InvalidInput,
    NotFound,
)
from bot.ports import Clock
from bot.services import keys, privacy
from bot.services.directory import find_agency, find_group, find_member
from bot.services.keys import Rotation
from bot.validation import clean_text
from storage.keyfile import FileKeySource
from storage.models import Agency, Client, ConsentRecord, Group, Member
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class NewClient:
    code: str
    agency: str
    key_worker: str
    identity: ClientIdentity
    group: str | None = None
    status: ClientStatus = ClientStatus.ACTIVE
    consent: Consent | None = None
    label: str = ""  # where it came from, for error messages ("item 3")


def _where(item: NewClient) -> str:
    return f"{item.label} ({item.code}): " if item.label else f"{item.code}: "


_LETTERS = re.compile(r"[^\W\d_]+")


def code_names_client(code: str, identity: ClientIdentity) -> bool:
    """Whether the case code spells part of the client's name or an alias (``JONES-001`` for Sam
    Jones): the code is posted in Slack with every update, so it must say nothing of the person."""
    runs = {run.casefold() for run in _LETTERS.findall(code)}
    for value in (identity.full_name or "", *identity.aliases):
        for word in _LETTERS.findall(value.casefold()):
            if word in runs or (len(word) >= 3 and any(word in run for run in runs)):
                return True
    return False


def add_clients(
    *, uow: UnitOfWork, clock: Clock, clients: Sequence[NewClient], actor: str
) -> list[str]:
    """Register clients all together, or none of them if any is wrong."""
    with uow:
        added = add_in(uow, now=clock.now(), clients=clients, actor=actor)
        uow.commit()
    return added


K = TypeVar("K")


def _memo(found: dict[str, K], name: str, find: Callable[[str], K]) -> K:
    if name not in found:
        found[name] = find(name)
    return found[name]


def add_in(
    uow: UnitOfWork,
    *,
    now: dt.datetime,
    clients: Sequence[NewClient],
    actor: str,
    on_added: Callable[[], None] | None = None,
) -> list[str]:
    """Register clients inside the caller's open unit of work (it commits, or nothing is
    kept); ``on_added`` is called after each one (a progress bar)."""
    if not clients:
        raise InvalidInput("no clients to add")
    seen: set[str] = set()
    for item in clients:
        if item.code in seen:
            raise Conflict(f"{_where(item)}case code appears twice in the input")
        if code_names_client(item.code, item.identity):
            # Which part is not said: this message may end up in a terminal log.
            raise InvalidInput(
                f"{_where(item)}the case code contains part of the client's name or an alias; "
                "case codes are shown in Slack with every update, so choose one that says "
                "nothing about the person (like U1R-015)"
            )
        seen.add(item.code)
    uow.secrets.verify()
    taken = uow.clients.existing_codes([c.code for c in clients])
    groups = uow.groups.active()  # an archived group takes no one new
    # A spreadsheet names the same few agencies, workers and groups hundreds of times.
    agencies: dict[str, Agency] = {}
    workers: dict[str, Member] = {}
    named: dict[str, Group] = {}
    added: list[str] = []
    for item in clients:
        if item.code in taken:
            raise Conflict(f"case code {item.code} is already in the register")
        try:
            agency = _memo(agencies, item.agency, lambda n: find_agency(uow, n))
            worker = _memo(workers, item.key_worker, lambda u: find_member(uow, u))
            if item.group:
                group = _memo(named, item.group, lambda n: find_group(uow, n))
                if group.archived_at is not None:
                    raise InvalidInput(f"{group.name} is archived; it takes no new clients")
            elif len(groups) == 1:
                group = groups[0]
            elif groups:
                raise InvalidInput(
                    f'there are {len(groups)} groups; choose one with --group (or "group")'
                )
            else:
                group = None
            consent_agencies = [
                _memo(agencies, a, lambda n: find_agency(uow, n))
                for a in (item.consent.agencies if item.consent else ())
            ]
        except (NotFound, InvalidInput) as exc:
            raise type(exc)(_where(item) + exc.message) from None
        client = Client(
            case_code=item.code,
            group_id=group.id if group else None,
            status=item.status.value,
            lead_agency_id=agency.id,
            key_worker_id=worker.id,
            created_at=now,
            status_changed_at=now,
        )
        uow.clients.add(client)
        uow.flush()
        uow.secrets.store_identity(client, item.identity)
        if item.consent:
            if agency not in consent_agencies:
                consent_agencies.insert(0, agency)
            uow.clients.add_consent(
                ConsentRecord(
                    client_id=client.id,
                    given_on=item.consent.given_on,
                    method=item.consent.method,
                    expires_on=item.consent.expires_on,
                    recorded_at=now,
                    agencies=consent_agencies,
                )
            )
        present = [k for k, v in item.identity.to_dict().items() if v]
        uow.audit.add(
            at=now,
            actor=actor,
            action="client_added",
            client=client,
            detail="fields: " + (", ".join(present) or "none"),
        )
        added.append(item.code)
        if on_added is not None:
            on_added()
    return added


def _summary(client: Client, consent: ConsentRecord | None) -> ClientSummary:
    return ClientSummary(
        case_code=client.case_code,
        status=ClientStatus(client.status),
        lead_agency=client.lead_agency.name,
        key_worker=client.key_worker.slack_user_id,
        group=client.group.name if client.group else None,
        consent=Consent(
            given_on=consent.given_on,
            method=consent.method,
            agencies=tuple(a.name for a in consent.agencies),
            expires_on=consent.expires_on,
        )
        if consent
        else None,
        purged=client.purged_at is not None,
    )


def _get(uow: UnitOfWork, code: str) -> Client:
    client = uow.clients.by_code(code)
    if client is None:
        raise NotFound(f"no client with case code {code} (see: casebot client list)")
    return client


def list_clients(
    *, uow: UnitOfWork, status: ClientStatus | None = None, group: str | None = None
) -> list[ClientSummary]:
    with uow:
        group_id = find_group(uow, group).id if group else None
        clients = uow.clients.listing(status=status.value if status else None, group_id=group_id)
        consents = uow.clients.latest_consents([c.id for c in clients])
        return [_summary(c, consents.get(c.id)) for c in clients]


def show_client(*, uow: UnitOfWork, code: str) -> ClientSummary:
    with uow:
        client = _get(uow, code)
        return _summary(client, uow.clients.latest_consents([client.id]).get(client.id))


REASON_MIN = 5  # characters: enough to rule out "x" or "test", not to judge the reason


def check_reason(reason: str | None, what: str) -> str:
    clean = " ".join(clean_text(reason or "").split())
    if not clean:
        raise InvalidInput(f"say why with --reason (e.g. --reason 'housing application'); {what}")
    if len(clean) < REASON_MIN:
        # Not echoed: a reason may name someone, and this line may end up in a log.
        raise InvalidInput(
            f"that --reason is too short: a reason needs at least {REASON_MIN} characters, a few "
            "words saying why, e.g. --reason 'housing application for the client'; "
            f"{what}"
        )
    if len(clean) > 500:
        raise InvalidInput("--reason is longer than 500 characters")
    return clean


@dataclass(frozen=True)
class Revealed:
    summary: ClientSummary
    identity: ClientIdentity


def reveal_client(
    *, uow: UnitOfWork, clock: Clock, code: str, actor: str, reason: str | None
) -> Revealed:
    """Decrypt a client's details; the audit entry is committed before anything is returned."""
    clean = check_reason(reason, "every reveal is audited")
    with uow:
        client = _get(uow, code)
        identity = uow.secrets.read_identity(client)
        privacy.refuse_identifying(uow, clean)  # the audit log is not encrypted
        uow.audit.add(at=clock.now(), actor=actor, action="reveal", client=client, reason=clean)
        summary = _summary(client, uow.clients.latest_consents([client.id]).get(client.id))
        uow.commit()
    return Revealed(summary, identity)


@dataclass(frozen=True)
class Purged:
    code: str
    # The rotation that made the purge final, or None when the master key comes from
    # CASEBOT_MASTER_KEY: Casebot cannot replace that, so the purge waits for `keys rotate`.
    rotation: Rotation | None


def purge_client(
    *, uow: UnitOfWork, clock: Clock, code: str, actor: str, reason: str | None
) -> Purged:
    """Crypto-shred a client: destroy their data key so their details can never be decrypted.

    Copies of the wrapped data key outlive the delete (backups, PostgreSQL's dead rows), so with
    a key file the master key is rotated in the same transaction and the old key file destroyed.
    """
    clean = check_reason(reason, "every purge is audited")

    def shred(uow: UnitOfWork) -> str:
        client = _get(uow, code)
        if client.purged_at is not None:
            raise Conflict(f"{code} was already purged on {client.purged_at:%Y-%m-%d}")
        privacy.refuse_identifying(uow, clean)  # read before the details are shredded
        now = uow.secrets.shred(client, clock.now())
        if client.status != ClientStatus.EXITED.value:
            client.status = ClientStatus.EXITED.value
            client.status_changed_at = now
        uow.audit.add(at=now, actor=actor, action="purge", client=client, reason=clean)
        return f"; purge of {code}"

    if isinstance(uow.vault.source, FileKeySource):
        rotation: Rotation | None = keys.rotate(uow=uow, clock=clock, actor=actor, together=shred)
    else:
        rotation = None
        with uow:
            uow.secrets.verify()
            shred(uow)
            uow.commit()
    forget_cached_identities()
    return Purged(code, rotation)


def record_consent(
    *, uow: UnitOfWork, clock: Clock, code: str, consent: Consent, actor: str
) -> ClientSummary:
    """Record a (new) written consent; the latest one is the one that counts."""
    if consent.expires_on and consent.expires_on < consent.given_on:
        raise InvalidInput("the consent expires before it was given")
    if consent.given_on > clock.now().date():
        raise InvalidInput("the consent date is in the future")
    now = clock.now()
    with uow:
        client = _get(uow, code)
        agencies = [find_agency(uow, name) for name in consent.agencies]
        if client.lead_agency not in agencies:
            agencies.insert(0, client.lead_agency)
        uow.clients.add_consent(
            ConsentRecord(
                client_id=client.id,
                given_on=consent.given_on,
                method=consent.method,
                expires_on=consent.expires_on,
                recorded_at=now,
                agencies=agencies,
            )
        )
        uow.audit.add(
            at=now, actor=actor, action="consent_recorded", client=client,
            detail=f"{consent.method} {consent.given_on.isoformat()}; "
            + ", ".join(a.name for a in agencies),
        )
        uow.flush()
        summary = _summary(client, uow.clients.latest_consents([client.id]).get(client.id))
        uow.commit()
    return summary
