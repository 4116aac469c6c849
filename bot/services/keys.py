"""The master key's life: first use, and rotation without touching the encrypted data."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from bot.domain import VaultError
from bot.ports import Clock
from storage.crypto import MasterKey
from storage.keyfile import FileKeySource, remove_quietly, write_new_key_file
from storage.uow import UnitOfWork


def initialise(*, uow: UnitOfWork, clock: Clock, actor: str) -> tuple[str, bool]:
    """Record (first run) or check the master key's fingerprint. Returns (key id, created)."""
    with uow:
        created = uow.vault.state(uow.session) is None
        key_id = uow.vault.initialise(uow.session, clock.now())
        if created:
            uow.audit.add(at=clock.now(), actor=actor, action="vault_created", detail=key_id)
        uow.commit()
    return key_id, created


@dataclass(frozen=True)
class Rotation:
    old_key_id: str
    new_key_id: str
    rewrapped: int
    new_key_file: Path


def rotate(
    *,
    uow: UnitOfWork,
    clock: Clock,
    actor: str,
    new_key_file: Path | None = None,
    keep_old_key: Path | None = None,
) -> Rotation:
    """Re-wrap every data key under a new master key.

    The new key is written to ``<key file>.new`` before the database changes and moved over the
    old key file after the commit; an interruption in between is finished on the next start
    (see ``FileKeySource.load``). Running services pick the new key up from the file by themselves.
    """
    source = uow.vault.source
    in_place = new_key_file is None
    if in_place:
        if not isinstance(source, FileKeySource):
            raise VaultError(
                "the master key comes from CASEBOT_MASTER_KEY; give --new-key-file PATH, then set "
                "CASEBOT_MASTER_KEY to its content (or CASEBOT_KEY_FILE to PATH) and restart"
            )
        target = source.pending_path
    else:
        target = new_key_file
    new_key = MasterKey.generate()
    with uow:
        old_key_id = uow.vault.verify(uow.session)
        if keep_old_key is not None:
            write_new_key_file(keep_old_key, uow.vault.key_for(old_key_id))
        write_new_key_file(target, new_key)
        try:
            count = uow.vault.rotate(uow.session, new_key, clock.now())
            uow.audit.add(
                at=clock.now(),
                actor=actor,
                action="key_rotated",
                detail=f"{old_key_id} -> {new_key.key_id}; {count} data keys re-wrapped",
            )
            uow.commit()
        except BaseException:
            remove_quietly(target)
            raise
    if in_place:
        assert isinstance(source, FileKeySource)
        os.replace(target, source.path)
        target = source.path
    return Rotation(old_key_id, new_key.key_id, count, target)
