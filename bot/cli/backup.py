"""``casebot backup`` and ``casebot restore``: the whole database to a file and back.

The master key is never in a backup; each command says which key the backup needs and where
the configured one is, because a backup without its key can never be read.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.bootstrap import Container
from bot.cli.console import Console
from bot.domain import InvalidInput, VaultError
from bot.services import backups
from storage.backups import run
from storage.crypto import MasterKey
from storage.keyfile import FileKeySource, KeySource, write_new_key_file


def backup_folder(app: Container, given: str | None) -> Path:
    return Path(given).expanduser() if given else app.settings.data_dir / "backups"


def cmd_backup(app: Container, args: argparse.Namespace, console: Console) -> int:
    run.check_backup_source(app.engine)
    folder = backup_folder(app, args.to)
    key_copy = _key_copy_target(args.with_key_to, folder) if args.with_key_to else None
    key = _opening_key(app) if key_copy else None  # checked before anything is written
    made = run.make(app.engine, folder, app.clock.now(), console.environ)
    backups.record_backup(
        uow=app.uow(), clock=app.clock, actor=console.actor(),
        detail=f"to {made.path} ({size(made.size)}, schema {made.info.revision})",
    )
    console.print(
        f"Backup written: {made.path}",
        f"  size    {size(made.size)}",
        f"  schema  {made.info.revision}",
    )
    if made.info.key_id:
        console.print(f"  key     needs master key {made.info.key_id}")
    if not made.private_folder:
        console.print(f"Note: others can open {folder}; make it yours alone with: chmod 700 "
                      f"{folder}")
    if key_copy is not None and key is not None:
        write_new_key_file(key_copy, key)
    console.print(*_key_advice(app.vault.source, made.info.key_id, key_copy))
    return 0


def _key_copy_target(given: str, folder: Path) -> Path:
    """Where --with-key-to may write: a new file, not among the backups."""
    path = Path(given).expanduser()
    if path.exists():
        raise InvalidInput(f"--with-key-to: {path} already exists; Casebot never overwrites a "
                           "key file. Give a new file name")
    if folder.resolve() in path.resolve().parents:
        raise InvalidInput(
            f"--with-key-to must be outside the backup folder {folder}: a key kept beside its "
            "backups protects nothing. Give a path on another disk or a USB stick"
        )
    return path


def _opening_key(app: Container) -> MasterKey:
    """The configured key, if it opens the register (the only key worth copying)."""
    with app.uow() as uow:
        key_id = uow.vault.verify(uow.session)
    return app.vault.key_for(key_id)


def _key_advice(source: KeySource, needs: str | None, copy: Path | None) -> list[str]:
    if needs is None:
        return ["This database has no client register yet, so the backup needs no key."]
    try:
        have: str | None = source.load(needs).key_id
    except VaultError:
        have = None
    if have != needs:
        found = f"holds key {have}" if have else "cannot be read"
        return [
            f"Warning: the master key in {source.describe()} {found}, but this backup needs key "
            f"{needs}. Find that key and keep it safe: without it, the client details in this "
            "backup can never be read."
        ]
    lines = ["The master key is NOT in the backup. Without it, the client register in the "
             "backup cannot be read."]
    if copy is not None:
        lines.append(f"A copy of the key is at {copy} (readable by you only). Keep it apart from "
                     "the backup: the two together open every client's details.")
    elif isinstance(source, FileKeySource):
        lines.append(f"Keep a copy of the key file {source.path} somewhere separate from the "
                     "backups (another disk, or a USB stick in a safe).")
    else:
        lines.append(f"The key comes from {source.describe()}: keep its value in your secrets "
                     "manager, apart from the backups.")
    return lines


def cmd_restore(app: Container, args: argparse.Namespace, console: Console) -> int:
    path = Path(args.backup).expanduser().absolute()
    done = run.restore(
        path, engine=app.engine, vault=app.vault, now=app.clock.now(), actor=console.actor(),
        environ=console.environ, force=args.force, safety_folder=backup_folder(app, None),
    )
    schema = done.info.revision
    if schema != done.revision:
        schema = f"{schema}, upgraded to {done.revision}"
    console.print(f"Restored {path} into {run.where(app.engine)} (schema {schema}).")
    read = done.checked.clients_read
    if done.info.key_id and read:
        console.print(f"Master key {done.info.key_id} opens the register: {_clients(read)} "
                      "read back.")
    elif done.info.key_id:
        console.print(f"Master key {done.info.key_id} opens the register (it holds no client "
                      "details yet).")
    if done.saved_first is not None:
        console.print(f"What the database held before ({done.replaced}) was saved first to "
                      f"{done.saved_first.path}.")
    if done.checked.waiting:
        count = done.checked.waiting
        console.print(f"{count} message{'s were' if count != 1 else ' was'} waiting to be sent "
                      "when the backup was made; the next tick sends them, so someone may get "
                      "one they already had.")
    console.print("Start Casebot again when you are ready: casebot serve (or make start).")
    return 0


def _clients(count: int) -> str:
    return f"{count} client's details" if count == 1 else f"{count} clients' details"


def size(count: int) -> str:
    """1536 -> '1.5 KB'."""
    if count < 1024:
        return f"{count} bytes"
    value, unit = count / 1024, "KB"
    for bigger in ("MB", "GB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{value:.1f} {unit}"
