"""Everything bound for Slack is de-identified here, against the identities of the clients in play.

Identities are decrypted only in memory, only for the engine; nothing decrypted leaves this module.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from bot.deidentify import KnownClient, Redaction, deidentify
from bot.domain import ClientStatus, NotFound
from bot.ports import Clock
from bot.services.directory import find_group
from bot.validation import clean_text
from storage.models import Agency, Client, GroupTerm, Member
from storage.uow import UnitOfWork


def known_clients(uow: UnitOfWork) -> list[KnownClient]:
    """Every client in the register whose details still exist, whatever their group: a worker in
    two groups may name the other group's client, and that name must not reach this channel."""
    clients = uow.session.scalars(select(Client).where(Client.purged_at.is_(None))).all()
    return [
        KnownClient(c.case_code, uow.vault.read_identity(uow.session, c))
        for c in clients
        if c.identity_blob is not None
    ]


def keep_terms(uow: UnitOfWork, group_id: int | None) -> list[str]:
    """What a channel may always show: agencies, the group's allow-list, the workers' names."""
    keep = list(uow.session.scalars(select(Agency.name)))
    if group_id is not None:
        keep += uow.session.scalars(select(GroupTerm.term).where(GroupTerm.group_id == group_id))
    for real, display in uow.session.execute(select(Member.real_name, Member.display_name)):
        keep += [name for name in (real, display) if name]
    return keep


def redact(uow: UnitOfWork, text: str, group_id: int | None = None) -> Redaction:
    """De-identify ``text`` for a channel; raises DeidentificationFailed (fail closed)."""
    return deidentify(text, known_clients(uow), keep=keep_terms(uow, group_id))


def replaced_kinds(redaction: Redaction) -> tuple[str, ...]:
    return tuple(sorted(k for k, n in redaction.replaced.items() if n))


def redact_texts(
    *,
    uow: UnitOfWork,
    clock: Clock,
    items: Sequence[tuple[str | None, str]],
    group: str | None,
    actor: str,
) -> list[Redaction]:
    """De-identify texts for use outside Casebot (case studies, training material).

    Each item names the client it is about (their identifiers are replaced with their case code)
    or None (every active client's). All texts are checked before any result is returned.
    """
    with uow:
        group_id = None
        if group:
            group_id = find_group(uow, group).id
        everyone = {k.case_code: k for k in known_clients(uow)}
        active = [
            everyone[code]
            for code in uow.session.scalars(
                select(Client.case_code).where(Client.status != ClientStatus.EXITED.value)
            )
            if code in everyone
        ]
        for code, _ in items:
            if code is not None and code not in everyone:
                raise NotFound(f"no client with case code {code} (or their details were purged)")
        keep = keep_terms(uow, group_id)
        results = [
            deidentify(clean_text(text), [everyone[code]] if code else active, keep=keep)
            for code, text in items
        ]
        uow.audit.add(
            at=clock.now(),
            actor=actor,
            action="redact",
            detail=f"{len(items)} text(s) de-identified for use outside Casebot",
        )
        uow.commit()
    return results
