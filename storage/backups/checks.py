"""The last step of a restore, in the restored database before it replaces the old one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.domain import OutboxStatus, VaultError
from storage import register
from storage.models import OutboxMessage, VaultState
from storage.repositories import AuditRepository
from storage.vault import Vault


@dataclass(frozen=True)
class Checked:
    clients_read: int  # identities decrypted with the configured key
    waiting: int  # messages the backup's outbox had not sent yet


def check_and_record(
    session: Session, vault: Vault, *, now: dt.datetime, actor: str, detail: str
) -> Checked:
    """Open every client's details with the configured key (a data key that does not unwrap,
    or a record that fails its integrity check, stops the restore), make every process read
    the register again, and write the restore to the restored database's audit log."""
    # First: a transaction that changed the register reads it afresh and keeps no copy; and a
    # process still holding an older copy of the register sees a new version.
    register.bump(session)
    read = 0
    if session.get(VaultState, 1) is not None:
        vault.verify(session)
        try:
            read = vault.read_register(session, len)
        except VaultError as exc:
            raise VaultError(
                f"the master key does not open this backup's register ({exc.message}); "
                "nothing was changed"
            ) from None
    AuditRepository(session).add(at=now, actor=actor, action="database_restored", detail=detail)
    waiting = session.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.PENDING)
    )
    session.flush()
    return Checked(read, int(waiting or 0))
