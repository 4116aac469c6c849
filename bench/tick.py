"""The scheduler's idle tick: SQL statements and time, 60 against 3,000 open actions.

Two throwaway installations are set up with the ``casebot`` CLI (a fortnightly group, three
members, 60 clients); the open actions, spread over the clients and owners, are written straight
into the database. Each tick runs through ``bot.jobs.tick`` (what ``casebot serve`` runs once a
minute), with a fixed clock at a moment when nothing is due, a recording notifier (nothing is sent,
and nothing is queued to send), statements counted by a ``before_cursor_execute`` listener.

Two idle moments are measured:

* ``quiet week``: a week before the meeting, before any prompt or nudge is due;
* ``after the prompts``: the day after the prompts and the first nudges went out (a tick at prompt
  time ran first), when they are due but all queued already.

The two sizes are measured in turn, interleaved (60, 3,000, 60, …), beside a floor: one ``SELECT
1`` transaction on the same engine. Then, the lease: ``scheduled_tick`` called by four threads
(2 "workers" × 2 "instances", each its own engine) at once: how many ran the tick.

    .venv/bin/python bench/tick.py [--rounds N] [--postgres | --database-url URL]...

A benchmark, not a test: nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import platform
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench import throwaway  # noqa: E402
from bot.bootstrap import Container, build, renderer  # noqa: E402
from bot.cli import main as casebot_main  # noqa: E402
from bot.cli.console import Console  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.context import AppContext  # noqa: E402
from bot.jobs import scheduled_tick, tick  # noqa: E402
from bot.ports import FixedClock  # noqa: E402
from bot.services.dry_run import RecordingNotifier  # noqa: E402
from storage.models import Action, Client, Member  # noqa: E402

TZ = "Australia/Brisbane"
MEMBERS = ("U0KATE001", "U0OMAR001", "U0FAY0001")
CLIENTS = 60
SIZES = (60, 3000)
MEETING = dt.datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo(TZ))  # a Tuesday
QUIET = MEETING - dt.timedelta(days=7, hours=-2)  # Tue 24 Nov 12:00: nothing due for days
PROMPTS = MEETING - dt.timedelta(days=4, hours=1)  # Fri 27 Nov 09:00 (Saturday's prompts, early)
AFTER = MEETING - dt.timedelta(days=2, hours=-5)  # Sun 29 Nov 15:00: all queued, nothing new


class BenchError(Exception):
    """The benchmark could not run."""


def casebot(env: dict[str, str], *args: str) -> None:
    out, err = io.StringIO(), io.StringIO()
    console = Console(out=out, err=err, stdin=io.StringIO(), environ=env, interactive=False)
    if casebot_main(list(args), console=console, clock=FixedClock(QUIET)) != 0:
        raise BenchError(f"casebot {' '.join(args[:2])} failed: {err.getvalue().strip()}")


def set_up(url: str, workdir: Path, actions: int) -> dict[str, str]:
    """A group, three members, 60 clients (by the CLI) and ``actions`` open actions."""
    env = {
        "HOME": str(workdir), "CASEBOT_DATA_DIR": str(workdir / "data"), "DATABASE_URL": url,
        "CASEBOT_KEY_FILE": str(workdir / "keys" / "master.key"), "CASEBOT_ACTOR": "bench",
        "CASEBOT_ENV_FILE": "",
    }
    casebot(env, "init")
    casebot(env, "agency", "add", "Micah Projects")
    casebot(env, "group", "create", "--name", "Under 1 Roof", "--channel", "C0U1R0001",
            "--rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10", "--tz", TZ,
            "--first", MEETING.strftime("%Y-%m-%dT%H:%M"))
    for user in MEMBERS:
        casebot(env, "member", "add", "--user", user, "--agency", "Micah Projects",
                "--role", "worker")
    items = [{"code": f"U1R-{100 + n}", "agency": "Micah Projects",
              "key_worker": MEMBERS[n % 2]} for n in range(CLIENTS)]
    (workdir / "clients.json").write_text(json.dumps(items), encoding="utf-8")
    casebot(env, "client", "add", "--from-json", str(workdir / "clients.json"),
            "--group", "Under 1 Roof")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        clients = conn.scalars(sa.select(Client.id).order_by(Client.id)).all()
        owners = conn.scalars(sa.select(Member.id).order_by(Member.id)).all()
        conn.execute(sa.insert(Action), [
            {"client_id": clients[n % len(clients)], "owner_id": owners[n % len(owners)],
             "text": f"follow up {n}", "due_on": dt.date(2026, 12, 8), "status": "open",
             "carried_count": 0, "created_at": QUIET - dt.timedelta(days=7)}
            for n in range(actions)
        ])
    engine.dispose()
    return env


class Counted:
    """An installation's container with a statement counter on its engine."""

    def __init__(self, env: dict[str, str], actions: int) -> None:
        self.actions = actions
        self.container: Container = build(load_settings(env), clock=FixedClock(QUIET))
        self.notifier = RecordingNotifier()
        self.ctx = AppContext(self.container.uow, self.container.clock, renderer(), self.notifier)
        self.statements = 0
        sa.event.listen(self.container.engine, "before_cursor_execute", self._count)

    def _count(self, *_args: Any) -> None:
        self.statements += 1

    def at(self, moment: dt.datetime) -> None:
        self.container.clock.at = moment  # type: ignore[attr-defined]

    def run(self, work: Callable[[], object]) -> tuple[int, float]:
        before = self.statements
        start = time.perf_counter()
        work()
        return self.statements - before, (time.perf_counter() - start) * 1000

    def idle_tick(self) -> tuple[int, float]:
        sent = len(self.notifier.posts)
        result = self.run(lambda: tick(self.ctx))
        if len(self.notifier.posts) != sent:
            raise BenchError(f"the tick at {self.container.clock.now()} was not idle")
        return result

    def floor(self) -> tuple[int, float]:
        def select_one() -> None:
            with self.container.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        return self.run(select_one)


def postgres_database() -> AbstractContextManager[str]:
    return throwaway.postgres_database("casebot_bench")


def measure(rows: list[list[str]], label: str, sites: Sequence[Counted], rounds: int) -> None:
    samples: dict[int, list[tuple[int, float]]] = {s.actions: [] for s in sites}
    floors: list[float] = []
    for site in sites:  # warm-up: connections, caches, compiled statements
        site.idle_tick()
    for _ in range(rounds):
        for site in sites:
            samples[site.actions].append(site.idle_tick())
            floors.append(site.floor()[1])
    for site in sites:
        counts = sorted({c for c, _ in samples[site.actions]})
        times = [t for _, t in samples[site.actions]]
        rows.append([label, f"{site.actions:,}", "/".join(map(str, counts)),
                     f"{statistics.median(times):.1f}", f"{_p90(times):.1f}",
                     f"{statistics.median(floors):.2f}"])


def _p90(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]


def lease(url: str, env: dict[str, str]) -> str:
    """Four contexts (2 workers × 2 instances), each its own engine, at the same moment."""
    containers = [build(load_settings(env)) for _ in range(4)]
    try:
        ran: list[bool] = []
        gate = threading.Barrier(4)

        def one(container: Container) -> None:
            ctx = AppContext(container.uow, container.clock, renderer(), RecordingNotifier())
            gate.wait()
            ran.append(scheduled_tick(ctx) is not None)

        threads = [threading.Thread(target=one, args=(c,)) for c in containers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return f"{sum(ran)} of {len(ran)} ran the tick"
    finally:
        for container in containers:
            container.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="ticks per size and moment")
    parser.add_argument("--postgres", action="store_true",
                        help="a throwaway database on the local PostgreSQL server")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table")
    args = parser.parse_args(argv)
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        sites, envs = [], []
        for size in SIZES:
            workdir = Path(tmp) / str(size)
            workdir.mkdir()
            url = (stack.enter_context(postgres_database()) if args.postgres
                   else f"sqlite:///{workdir / 'data' / 'casebot.db'}")
            env = set_up(url, workdir, size)
            envs.append((url, env))
            site = Counted(env, size)
            stack.callback(site.container.close)
            sites.append(site)
        rows: list[list[str]] = []
        for site in sites:
            site.at(QUIET)
        measure(rows, "quiet week", sites, args.rounds)
        for site in sites:
            site.at(PROMPTS)
            tick(site.ctx)  # the prompts and the first nudges go out
            site.at(AFTER)
        measure(rows, "after the prompts", sites, args.rounds)
        held = lease(*envs[0])
    backend = "PostgreSQL" if args.postgres else "SQLite"
    head = ["idle tick", "open actions", "statements", "p50 ms", "p90 ms", "floor SELECT 1 ms"]
    print(f"{backend}, {CLIENTS} clients, {args.rounds} ticks per row, interleaved; "
          f"Python {platform.python_version()}")
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
        for row in [head, *rows]:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    print(f"lease: 2 workers x 2 instances calling scheduled_tick at once: {held}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
