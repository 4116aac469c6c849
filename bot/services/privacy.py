"""Everything bound for Slack is de-identified here, against the identities of the clients in play.

Identities are decrypted only in memory, only for the engine; nothing decrypted leaves this module.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.deidentify import KnownClient, Redaction, deidentify
from storage.models import Agency, Client
from storage.uow import UnitOfWork


def known_clients(uow: UnitOfWork, group_id: int | None) -> list[KnownClient]:
    """Every client of the group whose details still exist (all clients if no group)."""
    query = select(Client).where(Client.purged_at.is_(None))
    if group_id is not None:
        query = query.where(Client.group_id == group_id)
    clients = uow.session.scalars(query).all()
    return [
        KnownClient(c.case_code, uow.vault.read_identity(uow.session, c))
        for c in clients
        if c.identity_blob is not None
    ]


def redact(uow: UnitOfWork, group_id: int | None, text: str) -> Redaction:
    """De-identify ``text`` for the group's channel; raises DeidentificationFailed (fail closed)."""
    keep = list(uow.session.scalars(select(Agency.name)))
    return deidentify(text, known_clients(uow, group_id), keep=keep)


def replaced_kinds(redaction: Redaction) -> tuple[str, ...]:
    return tuple(sorted(k for k, n in redaction.replaced.items() if n))
