"""Backups of the whole database, and restoring one: what both backends share.

A backup is the database as it was at one moment: a SQLite file (SQLite's online backup API) or
a PostgreSQL custom-format dump (``pg_dump -Fc``). It holds the client register encrypted and
never the master key; ``BackupInfo.key_id`` names the key its register needs.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from bot.domain import InvalidInput, VaultError
from storage import db
from storage.keyfile import FileKeySource, KeySource, MissingMasterKey

Kind = Literal["sqlite", "postgresql"]
T = TypeVar("T")

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"
EXTENSIONS: dict[Kind, str] = {"sqlite": "sqlite3", "postgresql": "pgdump"}


class BackupRefused(InvalidInput):
    """The backup or restore cannot go ahead; nothing was changed."""


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file holds, read without restoring it."""

    kind: Kind
    revision: str | None  # the schema (migration) revision; None: not a Casebot database
    key_id: str | None  # fingerprint of the master key its register needs; None: no register


def kind_of(path: Path) -> Kind:
    """Which backend made the backup at ``path``, from its first bytes."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise BackupRefused(f"there is no file at {path}") from None
    except IsADirectoryError:
        raise BackupRefused(f"{path} is a folder: give the backup file inside it") from None
    except OSError as exc:
        raise BackupRefused(f"{path} cannot be read ({exc.strerror})") from None
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PGDUMP_MAGIC):
        return "postgresql"
    raise BackupRefused(
        f"{path} is not a Casebot backup (neither a SQLite database nor a pg_dump custom-format "
        "file); give a file written by casebot backup"
    )


def private_dir(path: Path) -> bool:
    """Make ``path`` (0700 when made here). False when it exists and others may enter it."""
    if not path.exists():
        try:
            for folder in reversed([path, *path.parents]):
                if not folder.exists():
                    folder.mkdir(mode=0o700)  # parents too: they may hold the database
        except OSError as exc:
            raise BackupRefused(f"cannot make the folder {path} ({exc.strerror})") from None
        return True
    if not path.is_dir():
        raise BackupRefused(f"{path} is a file, not a folder; give a folder for the backups")
    return not path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO)


def new_private_file(path: Path) -> None:
    """Create ``path`` empty, readable and writable by its owner only; never over a file."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise BackupRefused(f"{path} already exists; Casebot never overwrites a file") from None
    except OSError as exc:
        raise BackupRefused(f"cannot write {path} ({exc.strerror})") from None
    os.close(fd)


def temporary_beside(path: Path, purpose: str) -> Path:
    """A hidden name in ``path``'s folder, so the final rename is atomic."""
    return path.with_name(f".{path.name}.{purpose}-{secrets.token_hex(4)}")


def publish(temporary: Path, final: Path) -> None:
    """Flush ``temporary`` to the disk and give it its final name (never over another file)."""
    with temporary.open("rb") as handle:
        os.fsync(handle.fileno())
    if final.exists():
        raise BackupRefused(f"{final} already exists; Casebot never overwrites a file")
    os.replace(temporary, final)
    sync_dir(final.parent)


def sync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (best effort: not every system can open a folder)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def removing_on_failure(path: Path, work: Callable[[], T]) -> T:
    """Run ``work``; if it fails, remove the half-made ``path`` before the error goes on."""
    try:
        return work()
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def known_revisions() -> dict[str, str | None]:
    """Every migration this code has, by revision, with the one it follows."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(db.MIGRATIONS_DIR))
    return {
        rev.revision: rev.down_revision if isinstance(rev.down_revision, str) else None
        for rev in script.walk_revisions()
    }


def check_revision(info: BackupInfo, path: Path) -> str:
    """The backup's schema revision, if this code can restore it (as is, or migrated forward)."""
    if info.revision is None:
        raise BackupRefused(
            f"{path} holds no Casebot database (it has no schema revision); give a file "
            "written by casebot backup"
        )
    if info.revision not in known_revisions():
        raise BackupRefused(
            f"{path} was made by a newer Casebot (schema {info.revision}); this one knows "
            f"schemas up to {db.head_revision()}. Upgrade Casebot first, then restore it. "
            "Nothing was changed"
        )
    return info.revision


def check_key(source: KeySource, info: BackupInfo) -> str | None:
    """The configured master key's fingerprint, if it is the one the backup's register needs."""
    if info.key_id is None:
        return None  # no register in the backup: any key will do
    try:
        key = source.load(info.key_id)
    except MissingMasterKey:
        where = source.path if isinstance(source, FileKeySource) else source.describe()
        raise VaultError(
            f"there is no master key at {where}, and this backup's register is encrypted with "
            f"key {info.key_id}. Put that key file there (or set CASEBOT_KEY_FILE to where it "
            "is), then run the restore again. Nothing was changed"
        ) from None
    if key.key_id != info.key_id:
        raise VaultError(
            f"the master key in {source.describe()} (key {key.key_id}) does not match this "
            f"backup: its register is encrypted with key {info.key_id}, the key in use when the "
            "backup was made. Set CASEBOT_KEY_FILE (or CASEBOT_MASTER_KEY) to that key, then "
            "run the restore again. Nothing was changed"
        )
    return key.key_id
