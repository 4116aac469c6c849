"""A backup and a restore, step by step, on either backend: every check before any change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from storage import db
from storage.backups import (
    EXTENSIONS,
    BackupInfo,
    BackupRefused,
    Kind,
    check_key,
    check_revision,
    kind_of,
    postgres,
    private_dir,
    sqlite,
    target,
)
from storage.backups.checks import Checked, check_and_record
from storage.vault import Vault

NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@dataclass(frozen=True)
class Made:
    path: Path
    size: int
    info: BackupInfo
    private_folder: bool  # False: others may open the folder it is in


@dataclass(frozen=True)
class Restored:
    info: BackupInfo
    revision: str  # the schema it is at now (this code's)
    checked: Checked
    replaced: str | None = None  # what the database held before, when it held anything
    saved_first: Made | None = None  # the backup of that, taken before it was replaced


def kind_of_engine(engine: Engine) -> Kind:
    return "sqlite" if engine.dialect.name == "sqlite" else "postgresql"


def where(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def check_file_backed(engine: Engine) -> None:
    if kind_of_engine(engine) == "sqlite" and db.sqlite_path(engine) is None:
        raise BackupRefused("DATABASE_URL names an in-memory SQLite database, which has nothing "
                            "to back up or restore; point it at a file")


def check_backup_source(engine: Engine) -> None:
    """There is a Casebot database here to back up (at any schema: before an upgrade too)."""
    check_file_backed(engine)
    db_file = db.sqlite_path(engine)
    if (db_file is not None and not db_file.exists()) or not db.is_initialised(engine):
        raise BackupRefused(
            f"there is no Casebot database at {where(engine)} to back up yet (run casebot init "
            "to set one up)"
        )


def make(engine: Engine, folder: Path, now: dt.datetime, environ: Mapping[str, str]) -> Made:
    """A new backup file in ``folder`` (made 0700 if new), named for ``now``."""
    private = private_dir(folder)
    kind = kind_of_engine(engine)
    dest = free_name(folder, now, kind)
    if kind == "sqlite":
        source = db.sqlite_path(engine)
        assert source is not None
        info = sqlite.backup(source, dest)
    else:
        info = postgres.backup(engine, dest, postgres.Tools(engine.url, environ))
    return Made(dest, dest.stat().st_size, info, private)


def free_name(folder: Path, now: dt.datetime, kind: Kind) -> Path:
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%d-%H%M%SZ")
    for n in range(1, 1000):
        path = folder / f"casebot-{stamp}{'' if n == 1 else f'-{n}'}.{EXTENSIONS[kind]}"
        if not path.exists():
            return path
    raise BackupRefused(f"{folder} already has 999 backups made at {stamp}")


def restore(
    path: Path,
    *,
    engine: Engine,
    vault: Vault,
    now: dt.datetime,
    actor: str,
    environ: Mapping[str, str],
    force: bool,
    safety_folder: Path,
) -> Restored:
    """Check the backup (kind, schema, key) and the database it would replace (in use? holding
    data?), save that database first when ``force`` lets a restore replace it, then restore."""
    check_file_backed(engine)
    kind, mine = kind_of(path), kind_of_engine(engine)
    if kind != mine:
        raise BackupRefused(
            f"{path} is a {NAMES[kind]} backup, and this Casebot's database ({where(engine)}) "
            f"is {NAMES[mine]}: restore it where DATABASE_URL points at {NAMES[kind]}. "
            "Nothing was changed"
        )
    tools = postgres.Tools(engine.url, environ) if kind == "postgresql" else None
    info = sqlite.read_info(path) if tools is None else postgres.read_info(path, tools)
    revision = check_revision(info, path)
    check_key(vault.source, info)
    found = _check_target(engine)
    saved = None
    if found:
        if not force:
            raise BackupRefused(
                f"the database at {where(engine)} already holds {target.describe(found)}. A "
                "restore replaces all of it with the backup. If that is what you want, run the "
                "same command with --force (the database is backed up first). Nothing was changed"
            )
        saved = make(engine, safety_folder, now, environ)
    head = db.head_revision()
    upgraded = f", upgraded to {head}" if revision != head else ""
    detail = f"from {path} (schema {revision}{upgraded})"
    if saved:
        detail += f"; replaced {target.describe(found)}, saved first to {saved.path}"

    def finish(session: Session) -> Checked:
        return check_and_record(session, vault, now=now, actor=actor, detail=detail)

    if tools is not None:
        checked = postgres.restore(path, engine, tools, finish)
    else:
        db_file = db.sqlite_path(engine)
        assert db_file is not None
        engine.dispose()  # no connection of ours stays on the file being replaced
        checked = sqlite.restore(path, db_file, lambda restored: _finish_file(restored, finish))
    return Restored(info, head or revision, checked, target.describe(found) if found else None,
                    saved)


def _finish_file(engine: Engine, finish: Callable[[Session], Checked]) -> Checked:
    with Session(engine) as session:
        checked = finish(session)
        session.commit()
    return checked


def _check_target(engine: Engine) -> dict[str, int]:
    """What the database holds; refused while something is using it."""
    db_file = db.sqlite_path(engine)
    if db_file is not None and not db_file.exists():
        return {}  # nothing there yet (a new machine): opening it would make an empty file
    if db_file is not None:
        sqlite.check_target(db_file)
    if target.ticked_recently(engine):
        raise BackupRefused(
            "Casebot's scheduler ticked against this database within the last minute or two, so "
            "casebot serve (or a cron tick) is probably running. Stop it, wait a minute, and "
            "restore again; start it once the restore is done. Nothing was changed"
        )
    others = target.other_sessions(engine)
    if others:
        raise BackupRefused(
            f"{others} other connection{'s are' if others != 1 else ' is'} open to the database "
            f"at {where(engine)} (casebot serve, a cron tick, or an SQL tool): close "
            f"{'them' if others != 1 else 'it'} and restore again. Nothing was changed"
        )
    return target.contents(engine)
