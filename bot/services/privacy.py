"""Everything bound for Slack is de-identified here, against the identities of the clients in play.

Identities are decrypted only in memory, only for the engine; nothing decrypted leaves this module.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.deidentify import KnownClient, Redaction, deidentify
from storage.models import Agency, Client
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


def redact(uow: UnitOfWork, text: str) -> Redaction:
    """De-identify ``text`` for a channel; raises DeidentificationFailed (fail closed)."""
    keep = list(uow.session.scalars(select(Agency.name)))
    return deidentify(text, known_clients(uow), keep=keep)


def replaced_kinds(redaction: Redaction) -> tuple[str, ...]:
    return tuple(sorted(k for k, n in redaction.replaced.items() if n))
