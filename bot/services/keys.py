"""The master key's life: first use, and rotation without touching the encrypted data (which is
also what makes a purge final: the key that wrapped the purged data key is destroyed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
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
        created = uow.secrets.state() is None
        key_id = uow.secrets.initialise(clock.now())
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
    # The old key file was overwritten and replaced. False when the old key lives on elsewhere
    # (CASEBOT_MASTER_KEY, the old file beside --new-key-file) or could not be overwritten.
    old_key_destroyed: bool
    # Purges that were not final before this rotation (final now if the old key is destroyed).
    finalised: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnfinishedPurge:
    code: str
    purged_at: dt.datetime


def unfinished_purges(*, uow: UnitOfWork) -> list[UnfinishedPurge]:
    """Purges not final yet: the master key that wrapped the purged data key may still exist."""
    with uow:
        return [
            UnfinishedPurge(c.case_code, c.purged_at)
            for c in uow.secrets.unfinished_purges()
            if c.purged_at is not None
        ]


def rotate(
    *,
    uow: UnitOfWork,
    clock: Clock,
    actor: str,
    new_key_file: Path | None = None,
    keep_old_key: Path | None = None,
    together: Callable[[UnitOfWork], str] | None = None,
) -> Rotation:
    """Re-wrap every data key under a new master key.

    The new key is written to ``<key file>.new`` before the database changes and moved over the
    old key file (whose bytes are then overwritten) after the commit; an interruption in between
    is finished on the next start (see ``FileKeySource.load``). Running services pick the new key
    up from the file by themselves. ``together`` runs first in the same transaction (a purge), so
    both commit or neither does; it returns a note for the rotation's audit entry.
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
        assert new_key_file is not None
        target = new_key_file
    new_key = MasterKey.generate()
    with uow:
        old_key_id = uow.secrets.verify()
        note = together(uow) if together else ""
        finalised = tuple(c.case_code for c in uow.secrets.unfinished_purges())
        written: list[Path] = []
        try:
            if keep_old_key is not None:
                write_new_key_file(keep_old_key, uow.vault.key_for(old_key_id))
                written.append(keep_old_key)
            if in_place and target.exists():
                # load() would have finished it if the database needed it: not ours to touch.
                raise VaultError(
                    f"{target} already exists: another key rotation (or purge) is running, or one "
                    f"stopped before changing anything; if none is running, delete {target} and "
                    "try again"
                )
            write_new_key_file(target, new_key)
            written.append(target)
            count = uow.secrets.rotate(new_key, clock.now())
            uow.audit.add(
                at=clock.now(),
                actor=actor,
                action="key_rotated",
                detail=f"{old_key_id} -> {new_key.key_id}; {count} data keys re-wrapped{note}",
            )
            uow.commit()
        except BaseException:
            for path in written:
                remove_quietly(path)
            raise
    if not in_place:
        return Rotation(old_key_id, new_key.key_id, count, target, False, finalised)
    assert isinstance(source, FileKeySource)
    try:
        destroyed = source.promote_pending(new_key.key_id)
    except OSError as exc:
        raise VaultError(
            f"the database now needs the new key {new_key.key_id} in {target}, but moving it over "
            f"{source.path} failed ({exc.strerror}); Casebot finishes the move at its next start"
        ) from None
    return Rotation(old_key_id, new_key.key_id, count, source.path, destroyed, finalised)
