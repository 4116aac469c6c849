"""Backups in the audit log (a restore records itself in the database it restores)."""

from __future__ import annotations

from bot.ports import Clock
from storage.uow import UnitOfWork


def record_backup(*, uow: UnitOfWork, clock: Clock, actor: str, detail: str) -> None:
    with uow:
        uow.audit.add(at=clock.now(), actor=actor, action="backup_made", detail=detail)
        uow.commit()
