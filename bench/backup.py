"""`casebot backup` and `casebot restore` beside the bare tools they are built on, interleaved.

A throwaway installation (two agencies, one group, three members, ``--clients`` clients with
invented identities, so the register is real ciphertext) is backed up and restored in rounds.
Each round runs these, in an order that rotates from round to round:

* backup floor: SQLite's backup API copying the file (SQLite), or ``pg_dump -Fc`` (PostgreSQL);
* ``casebot backup --to DIR`` (in-process, as ``casebot`` runs it: settings, checks, the copy,
  reading the copy back, the audit entry);
* restore floor: copying the backup over the database file (SQLite), or ``pg_restore
  --single-transaction --no-owner -d`` into the emptied database (PostgreSQL);
* ``casebot restore FILE`` into the emptied database (checks, the copy or the script in one
  transaction, migrations, every client's details decrypted, the audit entry).

The database is emptied before each restore, outside the timing. Reported: median and spread
(min–max) in ms, and the median of each round's ratio to its floor.

    .venv/bin/python bench/backup.py [--clients 1000] [--rounds 7] [--postgres] [--markdown]

A benchmark, not a test: nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import http_ack as base  # noqa: E402  (the throwaway installation's helpers)

from storage.backups.postgres import Tools  # noqa: E402

FLOORS = {"backup": "backup floor", "restore": "restore floor"}


@dataclass
class Step:
    name: str
    run: Callable[[], None]
    prepare: Callable[[], None] = lambda: None
    times: list[float] = field(default_factory=list)


def install(workdir: Path, url: str | None, clients: int) -> dict[str, str]:
    env = {
        **os.environ,
        "HOME": str(workdir),
        "CASEBOT_DATA_DIR": str(workdir / "data"),
        "DATABASE_URL": url or f"sqlite:///{workdir / 'data' / 'casebot.db'}",
        "CASEBOT_KEY_FILE": str(workdir / "keys" / "master.key"),
        "CASEBOT_ENV_FILE": "",
        "CASEBOT_ACTOR": "bench@localhost",
    }
    base.casebot(env, "init")
    base.casebot(env, "agency", "add", "Micah Projects")
    base.casebot(env, "agency", "add", "Brisbane Housing Company")
    base.create_group(env, base.GROUP, base.CHANNEL, base.first_meeting())
    for user, agency, roles in (
        (base.KATE, "Micah Projects", ("worker",)),
        (base.OMAR, "Brisbane Housing Company", ("worker",)),
        (base.FAY, "Brisbane Housing Company", ("facilitator", "secretariat")),
    ):
        flags = [part for role in roles for part in ("--role", role)]
        base.casebot(env, "member", "add", "--user", user, "--agency", agency, *flags)
    items = [
        {
            "code": f"U1R-{1000 + n}", "agency": "Micah Projects", "key_worker": base.KATE,
            "full_name": f"Benchperson Number{n} Quollby", "aliases": [f"Benchy{n}"],
            "date_of_birth": f"19{60 + n % 40}-0{1 + n % 9}-1{n % 10}",
            "address": f"{n} Wattle Street, Zillmere QLD 4034", "phone": f"0400 {n:06d}"[:12],
            "consent": {"given_on": "2026-01-01", "agencies": ["Brisbane Housing Company"]},
        }
        for n in range(clients)
    ]
    path = workdir / "clients.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    base.casebot(env, "client", "add", "--from-json", str(path))
    path.unlink()
    return env


def steps(env: dict[str, str], workdir: Path) -> tuple[list[Step], Path]:
    url = env["DATABASE_URL"]
    out = workdir / "out"
    out.mkdir()
    made = Path(base.casebot(env, "backup", "--to", str(workdir / "kept"))
                .split("Backup written: ")[1].split()[0])
    engine_url = sa.engine.make_url(url.replace("postgresql://", "postgresql+psycopg://", 1))

    def fresh(name: str) -> Path:
        path = out / name
        path.unlink(missing_ok=True)
        return path

    if url.startswith("sqlite"):
        db_file = Path(url.split(":///", 1)[1])

        def floor_backup() -> None:
            source, dest = sqlite3.connect(db_file), sqlite3.connect(fresh("floor.sqlite3"))
            source.backup(dest)
            dest.close()
            source.close()

        def empty() -> None:
            db_file.unlink(missing_ok=True)

        def floor_restore() -> None:
            shutil.copyfile(made, db_file)
    else:
        tools = Tools(engine_url, env)

        def floor_backup() -> None:
            with fresh("floor.pgdump").open("wb") as handle:
                subprocess.run([tools.find("pg_dump"), "-Fc", "-w", "-d", tools.conninfo],
                               stdout=handle, env=tools.env, check=True)

        def empty() -> None:
            engine = sa.create_engine(engine_url, isolation_level="AUTOCOMMIT")
            with engine.connect() as conn:
                conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            engine.dispose()

        def floor_restore() -> None:
            subprocess.run([tools.find("pg_restore"), "--single-transaction", "--no-owner",
                            "-w", "-d", tools.conninfo, str(made)],
                           env=tools.env, check=True)

    def casebot_backup() -> None:
        shutil.rmtree(out / "casebot", ignore_errors=True)
        base.casebot(env, "backup", "--to", str(out / "casebot"))

    def casebot_restore() -> None:
        base.casebot(env, "restore", str(made))

    return [
        Step("backup floor", floor_backup),
        Step("casebot backup", casebot_backup),
        Step("restore floor", floor_restore, empty),
        Step("casebot restore", casebot_restore, empty),
    ], made


def measure(all_steps: list[Step], rounds: int) -> None:
    for step in all_steps:  # once each first, not counted
        step.prepare()
        step.run()
    for n in range(rounds):
        order = all_steps[n % len(all_steps):] + all_steps[: n % len(all_steps)]
        for step in order:
            step.prepare()
            t0 = time.perf_counter()
            step.run()
            step.times.append((time.perf_counter() - t0) * 1000)


def table(all_steps: list[Step]) -> list[list[str]]:
    by_name = {s.name: s for s in all_steps}
    rows = []
    for step in all_steps:
        floor_name = FLOORS["backup" if "backup" in step.name else "restore"]
        ratio = "1.00" if step.name == floor_name else "{:.2f}".format(statistics.median(
            t / f for t, f in zip(step.times, by_name[floor_name].times, strict=True)))
        rows.append([step.name, f"{statistics.median(step.times):.0f}",
                     f"{min(step.times):.0f}–{max(step.times):.0f}", ratio])
    return rows


HEADERS = ["step", "median ms", "min–max ms", "× floor (median of rounds)"]


def render(rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(HEADERS)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True))
                     for r in [HEADERS, *rows])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--postgres", action="store_true",
                        help="a fresh database on postgresql://postgres@127.0.0.1 (dropped after)")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)

    def run(url: str | None) -> str:
        with tempfile.TemporaryDirectory(prefix="casebot-bench-backup-") as tmp:
            workdir = Path(tmp)
            env = install(workdir, url, args.clients)
            all_steps, made = steps(env, workdir)
            measure(all_steps, args.rounds)
            size = made.stat().st_size / 1024
            backend = "PostgreSQL" if url else "SQLite"
            return (f"{backend}, {args.clients} clients (backup file {size:.0f} KB), "
                    f"{args.rounds} rounds, {dt.date.today()}, {platform.python_version()}, "
                    f"{os.cpu_count()} CPUs\n\n" + render(table(all_steps), args.markdown))

    try:
        if args.postgres:
            with base.fresh_postgres() as url:
                print(run(url))
        else:
            print(run(None))
    except base.BenchError as exc:
        print(f"bench/backup.py: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
