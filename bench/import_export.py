"""`casebot client import` and `casebot export`: time for a group's whole spreadsheet.

Each measurement is a fresh throwaway installation (one agency, one group, one key worker) set
up with the ``casebot`` CLI, then one command timed in this process:

* ``json``: ``client add --from-json`` of the rows (the way in before issue 17): the floor;
* ``csv`` / ``xlsx``: ``client import`` of the same rows as a CSV (with a byte-order mark) and
  as a workbook (``devkit/client_sheets.py``: Faker en_AU, dates of birth as typed or as date
  cells);
* ``export csv`` / ``export xlsx`` / ``export identifiable``: ``export clients`` of that register
  (the last with every detail decrypted, audited), against ``client list`` as their floor.

The variants are interleaved round by round (one warm-up round not counted), so a busy machine
slows them alike; the ratios to the floor are the figures to compare between machines.

Run from the project root: ``.venv/bin/python bench/import_export.py [--rows 500] [--rounds 3]``
(``--postgres`` runs on fresh databases on 127.0.0.1:5432, dropped afterwards; ``--markdown``).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from bench import throwaway  # noqa: E402
from bot.cli import main  # noqa: E402
from bot.cli.console import Console  # noqa: E402
from devkit import client_sheets  # noqa: E402

IMPORTS = ("json", "csv", "xlsx")
EXPORTS = ("client list", "export csv", "export xlsx", "export identifiable")


def casebot(env: dict[str, str], *args: str) -> None:
    err = io.StringIO()
    console = Console(out=io.StringIO(), err=err, stdin=io.StringIO(), environ=env,
                      interactive=False)
    if main(list(args), console=console) != 0:
        raise SystemExit(f"import_export: casebot {' '.join(args[:2])} failed: "
                         f"{err.getvalue().strip()}")


@contextmanager
def database(folder: Path, postgres: bool) -> Iterator[str]:
    if not postgres:
        yield f"sqlite:///{folder / 'data' / 'casebot.db'}"
        return
    with throwaway.postgres_database("f_bench") as url:
        yield url


@contextmanager
def installation(postgres: bool) -> Iterator[tuple[dict[str, str], Path]]:
    folder = Path(tempfile.mkdtemp(prefix="casebot-bench-"))
    try:
        with database(folder, postgres) as url:
            env = {**os.environ, "CASEBOT_DATA_DIR": str(folder / "data"), "DATABASE_URL": url,
                   "CASEBOT_KEY_FILE": str(folder / "keys" / "master.key"),
                   "CASEBOT_ENV_FILE": "", "CASEBOT_ACTOR": "bench"}
            env.pop("SLACK_BOT_TOKEN", None)  # names stay IDs: no network in the figures
            casebot(env, "init")
            casebot(env, "agency", "add", "Micah Projects")
            casebot(env, "group", "create", "--name", "Bench", "--channel", "C0BENCH01",
                    "--rrule", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane")
            casebot(env, "member", "add", "--user", "U0KW00001", "--agency", "Micah Projects",
                    "--role", "worker", "--role", "secretariat")
            yield env, folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def as_json(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{"code": r["Case code"], "full_name": f"{r['Given name']} {r['Surname']}",
             "date_of_birth": str(r["DOB"]), "phone": r["Mobile"], "address": r["Address"],
             "email": r["Email"], "medicare": r["Medicare"], "aliases": r["Aliases"] or None,
             "agency": r["Agency"], "key_worker": r["Key worker"]} for r in rows]


def timed(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def import_once(kind: str, rows: list[dict[str, object]], postgres: bool) -> float:
    with installation(postgres) as (env, folder):
        if kind == "json":
            path = folder / "clients.json"
            path.write_text(json.dumps(as_json(rows)), encoding="utf-8")
            return timed(lambda: casebot(env, "client", "add", "--from-json", str(path)))
        writer = client_sheets.write_csv if kind == "csv" else client_sheets.write_xlsx
        sheet = writer(folder / f"clients.{kind}", rows)
        return timed(lambda: casebot(env, "client", "import", str(sheet)))


def exports_once(rows: list[dict[str, object]], postgres: bool) -> dict[str, float]:
    with installation(postgres) as (env, folder):
        casebot(env, "client", "import", str(client_sheets.write_csv(folder / "c.csv", rows)))
        commands = {
            "client list": ["client", "list"],
            "export csv": ["export", "clients", "--output", str(folder / "e.csv")],
            "export xlsx": ["export", "clients", "--format", "xlsx", "--output",
                            str(folder / "e.xlsx")],
            "export identifiable": ["export", "clients", "--identifiable", "--as", "U0KW00001",
                                    "--reason", "bench of the export", "--output",
                                    str(folder / "i.csv")],
        }
        return {name: timed(lambda a=line: casebot(env, *a)) for name, line in commands.items()}


def measure(rows: int, rounds: int, postgres: bool) -> dict[str, list[float]]:
    data = client_sheets.clients(rows)
    times: dict[str, list[float]] = {k: [] for k in (*IMPORTS, *EXPORTS)}
    for number in range(rounds + 1):  # round 0 warms up (imports, caches): not counted
        for kind in IMPORTS:
            spent = import_once(kind, data, postgres)
            if number:
                times[kind].append(spent)
        for name, spent in exports_once(data, postgres).items():
            if number:
                times[name].append(spent)
        print(f"round {number}/{rounds} done", file=sys.stderr)
    return times


def report(times: dict[str, list[float]], rows: int, backend: str, markdown: bool) -> str:
    lines = []
    if markdown:
        lines += [f"| {backend}, {rows} rows | median s | ms/row | × floor |",
                  "|---|---:|---:|---:|"]
    for group, floor in ((IMPORTS, "json"), (EXPORTS, "client list")):
        base = statistics.median(times[floor])
        for name in group:
            median = statistics.median(times[name])
            label = f"import {name}" if name in IMPORTS else name
            ratio = median / base
            if markdown:
                lines.append(f"| {label} | {median:.2f} | {1000 * median / rows:.1f} | "
                             f"{ratio:.2f} |")
            else:
                lines.append(f"{backend:<10} {label:<22} {median:7.2f} s  "
                             f"{1000 * median / rows:6.1f} ms/row  {ratio:5.2f}× floor")
    return "\n".join(lines)


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=500, help="rows in the spreadsheet")
    parser.add_argument("--rounds", type=int, default=3, help="rounds counted (default 3)")
    parser.add_argument("--postgres", action="store_true",
                        help="also on PostgreSQL at 127.0.0.1:5432 (throwaway databases)")
    parser.add_argument("--markdown", action="store_true", help="tables for BENCHMARKS.md")
    args = parser.parse_args()
    backends = [("SQLite", False)] + ([("PostgreSQL", True)] if args.postgres else [])
    for name, postgres in backends:
        print(report(measure(args.rows, args.rounds, postgres), args.rows, name,
                     args.markdown))
        if args.markdown:
            print()


if __name__ == "__main__":
    cli()
