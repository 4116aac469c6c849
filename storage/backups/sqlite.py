"""SQLite: backups through the online backup API, restores by copying into a new file that
replaces the database in one rename."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine

from storage import db
from storage.backups import (
    BackupInfo,
    BackupRefused,
    new_private_file,
    private_dir,
    publish,
    removing_on_failure,
    sync_dir,
    temporary_beside,
)

T = TypeVar("T")
BUSY_SECONDS = 15  # as the app's engine waits for a writer


def backup(source: Path, dest: Path) -> BackupInfo:
    """Copy the live database at ``source`` to ``dest`` (0600), consistent even while
    ``casebot serve`` writes to it: the copy is one read transaction."""
    temporary = temporary_beside(dest, "writing")
    new_private_file(temporary)

    def work() -> BackupInfo:
        _copy(sqlite3.connect(source, timeout=BUSY_SECONDS), temporary)
        info = read_info(temporary)
        publish(temporary, dest)
        return info

    return removing_on_failure(temporary, work)


def read_info(path: Path) -> BackupInfo:
    """The schema revision and key fingerprint in a SQLite backup (checked for damage first)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise BackupRefused(f"{path} cannot be opened ({exc}). Nothing was changed") from None
    try:
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise BackupRefused(
                f"{path} is damaged (SQLite reports: {str(verdict)[:100]}); use another "
                "backup. Nothing was changed"
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = key_id = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        if "vault_state" in tables:
            row = conn.execute("SELECT master_key_id FROM vault_state WHERE id = 1").fetchone()
            key_id = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise BackupRefused(
            f"{path} cannot be read as a SQLite database ({exc}); use another backup. Nothing "
            "was changed"
        ) from None
    finally:
        conn.close()
    return BackupInfo("sqlite", revision, key_id)


def check_target(target: Path) -> None:
    """Refuse while a journal beside the database says a write is under way or was cut off."""
    for suffix in ("-journal", "-wal"):
        side = Path(f"{target}{suffix}")
        if side.exists() and side.stat().st_size:
            raise BackupRefused(
                f"{side} is beside the database: something is writing to it, or a write was cut "
                "off. Stop casebot serve (and any cron tick), run casebot status once, then "
                "restore again. Nothing was changed"
            )


def restore(backup_path: Path, target: Path, finish: Callable[[Engine], T]) -> T:
    """Copy the backup into a new file beside ``target``, migrate it to this code's schema, run
    ``finish`` on it, and only then rename it over ``target``: a failure at any step leaves the
    database as it was."""
    private_dir(target.parent)
    check_target(target)
    temporary = temporary_beside(target, "restoring")
    new_private_file(temporary)

    def work() -> T:
        source = f"{backup_path.resolve().as_uri()}?mode=ro"
        _copy(sqlite3.connect(source, uri=True), temporary)
        engine = db.make_engine(f"sqlite:///{temporary}")
        try:
            db.upgrade(engine)
            result = finish(engine)
        finally:
            engine.dispose()
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        sync_dir(target.parent)
        return result

    return removing_on_failure(temporary, work)


def _copy(source: sqlite3.Connection, dest: Path) -> None:
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()

