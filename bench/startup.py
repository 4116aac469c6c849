"""Start-up time and idle memory of Casebot's processes, each measured beside its floor.

**Start-up.** Whole processes, timed from outside (from spawn to exit, ``time.perf_counter``), in
rounds that run these three one after the other, in an order that rotates from round to round:

* ``python -c pass``: the floor (the same interpreter and environment);
* ``casebot --help``;
* ``casebot tick`` with nothing due, on a small SQLite database (one group whose next meeting is a
  month away, five clients), sending through a fake Slack Web API served by this process. Each
  run claims its minute as cron's would (the claim is released, untimed, before each run).

Each command is run once before the rounds (not counted), with bytecode writing on, so every
figure is for compiled modules, as after ``pip install``. Reported: median and spread (min–max) in
ms, the median of each round's ratio to that round's floor, and each process's peak resident
memory (three more runs, untimed: ``VmHWM`` as the process ends).

**Idle memory.** ``casebot serve --http --workers 2`` (and with ``--preload``, which loads the
application before the workers start) against ``bench/bare_bolt.py`` (a Bolt app
whose only listener calls ``ack()``) under the same gunicorn settings and worker class, with 2
workers, alternately, a fresh server each time. Read once ``/healthz`` answers and the server has
been idle for ``--settle`` seconds (Casebot's first tick has run), and again after ``--requests``
rounds of ``/casebot help`` and ``/casebot action …`` (an action de-identifies its text and is
saved, announced and sent to its owner; the bare app acknowledges them) and as long idle again.
From ``/proc/<pid>/smaps_rollup`` of the master, its workers and their children (Casebot's minute
tick, a process of its own for the second or so it runs; the table says how many readings
caught one), summed:

* RSS: resident pages, each process's own count. Pages a worker shares with the master
  (copy-on-write, after the fork) count once per process, so the sum overstates the total;
* PSS: each page divided between the processes that share it. Summed, each page counts once:
  what the server costs the machine, near what a container's memory limit charges. **The
  target (≤ 1.5× the floor) is read on PSS**;
* USS: pages no other process maps (what stopping only that process would free).

Reported: the medians over ``--memory-rounds``, each sum's ratio to the floor's, and per process;
and how long a fresh server takes to answer a burst of ``/casebot help`` sent at once (Casebot's
workers load the application then) against the answers one at a time after it.

``--baseline DIR`` adds another checkout of Casebot (same migrations; e.g. ``git worktree add
/tmp/before <commit>``) to the same rounds: its ``--help``, ``tick`` and server, run from DIR.

    .venv/bin/python bench/startup.py [--rounds 15] [--memory-rounds 3] [--settle 5]
        [--requests 10] [--baseline DIR] [--skip-memory] [--markdown]

A benchmark, not a test: nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
import http_ack as base  # noqa: E402  (the throwaway installation's helpers)

from devkit.fake_slack import FakeSlack  # noqa: E402
from devkit.slack_requests import SlackSender  # noqa: E402

CLIENTS = 5
WORKERS = 2


class BenchError(Exception):
    pass


# --- the installation ------------------------------------------------------------------------


def install(workdir: Path, fake: FakeSlack) -> dict[str, str]:
    """A throwaway installation with one group, three members and five clients; its env."""
    env = {
        "HOME": str(workdir),
        "CASEBOT_DATA_DIR": str(workdir / "data"),
        "DATABASE_URL": f"sqlite:///{workdir / 'data' / 'casebot.db'}",
        "CASEBOT_KEY_FILE": str(workdir / "keys" / "master.key"),
        "CASEBOT_ENV_FILE": "",
        "CASEBOT_ACTOR": "bench@localhost",
        "SLACK_BOT_TOKEN": base.BOT_TOKEN,
        "SLACK_SIGNING_SECRET": base.SECRET,
        "CASEBOT_SLACK_API_URL": fake.base_url,
    }
    casebot = base.casebot
    casebot(env, "init")
    casebot(env, "agency", "add", "Micah Projects")
    casebot(env, "agency", "add", "Brisbane Housing Company")
    # A month away: no prompt, agenda or nudge is due while the benchmark runs.
    today = dt.datetime.now(ZoneInfo(base.TZ)).date()
    first = dt.datetime.combine(today + dt.timedelta(days=30), dt.time(10), ZoneInfo(base.TZ))
    base.create_group(env, base.GROUP, base.CHANNEL, first)
    group = ("--group", base.GROUP)
    casebot(env, "member", "add", "--user", base.KATE, "--agency", "Micah Projects",
            "--role", "worker", *group)
    casebot(env, "member", "add", "--user", base.OMAR, "--agency", "Brisbane Housing Company",
            "--role", "worker", "--role", "champion", *group)
    casebot(env, "member", "add", "--user", base.FAY, "--agency", "Brisbane Housing Company",
            "--role", "facilitator", "--role", "secretariat", *group)
    clients = [
        {"code": f"U1R-{100 + n}", "agency": "Micah Projects", "key_worker": base.KATE}
        for n in range(CLIENTS)
    ]
    base.add_clients(env, workdir, base.GROUP, clients)
    return env


def child_env(env: dict[str, str]) -> dict[str, str]:
    """The subprocesses' environment: this tree's code first, bytecode written (warm-up)."""
    out = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    out.pop("PYTHONDONTWRITEBYTECODE", None)
    return out


# --- start-up --------------------------------------------------------------------------------


@dataclass
class Command:
    name: str
    argv: list[str]
    expect: str = ""  # a check on its output: the tick must have had nothing to do
    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)  # the process's peak RSS, MiB
    before: Callable[[], None] | None = None  # untimed preparation before each run
    env: dict[str, str] = field(default_factory=dict)  # on top of the common environment


def run_once(command: Command, env: dict[str, str], cwd: Path) -> float:
    if command.before is not None:
        command.before()
    t0 = time.perf_counter()
    process = subprocess.Popen(
        command.argv, env={**env, **command.env}, cwd=cwd, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )
    stdout, stderr = process.communicate()
    elapsed = (time.perf_counter() - t0) * 1000
    if process.returncode != 0:
        raise BenchError(f"{command.name} failed ({process.returncode}): {stderr.strip()[:300]}")
    if command.expect not in stdout:
        raise BenchError(f"{command.name}: expected {command.expect!r}, got {stdout[:300]!r}")
    return elapsed


# Runs a command's Python script in this interpreter and writes, at exit, the peak of its own
# resident memory (VmHWM: the kernel counts it afresh from exec; wait4's figure starts from the
# parent's, this benchmark's, at the fork).
PEAK = (
    "import atexit, runpy, sys\n"
    "atexit.register(lambda: sys.stderr.write(next(line for line in open('/proc/self/status')"
    " if line.startswith('VmHWM'))))\n"
    "if sys.argv[1:]:\n"
    "    sys.argv = sys.argv[1:]\n"
    "    runpy.run_path(sys.argv[0], run_name='__main__')\n"
)


def peak_rss(command: Command, env: dict[str, str], cwd: Path) -> float:
    """The command's peak resident memory in MiB."""
    if command.before is not None:
        command.before()
    script = command.argv[1:] if command.argv[0] == sys.executable else command.argv
    argv = [sys.executable, "-c", PEAK, *([] if script[:1] == ["-c"] else script)]
    done = subprocess.run(argv, env={**env, **command.env}, cwd=cwd, capture_output=True,
                          text=True)
    if done.returncode != 0:
        raise BenchError(f"{command.name} failed ({done.returncode}): {done.stderr[-300:]}")
    return int(done.stderr.rsplit("VmHWM:", 1)[1].split()[0]) / 1024


def release_tick(workdir: Path) -> Callable[[], None]:
    """Forget this minute's claim on the tick, so each timed `casebot tick` claims it and runs
    the whole idle tick, as cron's once a minute does (not "this minute's tick has run")."""

    def release() -> None:
        with contextlib.closing(sqlite3.connect(workdir / "data" / "casebot.db")) as conn:
            conn.execute("DELETE FROM leases WHERE name = 'tick'")
            conn.commit()

    return release


def startup(
    env: dict[str, str], workdir: Path, rounds: int, baseline: Path | None
) -> list[Command]:
    casebot = base.casebot_executable()
    trees = [("", {})]
    if baseline is not None:
        trees.append((" (baseline)", {"PYTHONPATH": str(baseline)}))
    commands = [Command("python -c pass", [sys.executable, "-c", "pass"])]
    for label, tree in trees:
        commands += [
            Command(f"casebot --help{label}", [casebot, "--help"], "usage: casebot", env=tree),
            Command(f"casebot tick{label}", [casebot, "tick"],
                    "queued 0 prompt(s)/reminder(s), 0 agenda", before=release_tick(workdir),
                    env=tree),
        ]
    for command in commands:  # warm-up: compiles to bytecode, fills the OS's file cache
        run_once(command, env, workdir)
    for n in range(rounds):
        shift = n % len(commands)
        for command in commands[shift:] + commands[:shift]:
            command.times.append(run_once(command, env, workdir))
    for command in commands:  # untimed: what each process holds at its peak
        command.peaks += [peak_rss(command, env, workdir) for _ in range(3)]
    return commands


def startup_rows(commands: list[Command]) -> list[list[str]]:
    floor = commands[0].times
    rows = []
    for command in commands:
        ratios = [t / f for t, f in zip(command.times, floor, strict=True)]
        rows.append([
            command.name,
            f"{statistics.median(command.times):.0f}",
            f"{min(command.times):.0f}–{max(command.times):.0f}",
            f"{statistics.median(ratios):.1f}×",
            f"{statistics.median(command.peaks):.0f}",
        ])
    return rows


# --- idle memory -----------------------------------------------------------------------------


def descendants(pid: int) -> list[int]:
    """Every process under ``pid`` (a worker's minute tick, while one runs)."""
    found = []
    for child in children(pid):
        found += [child, *descendants(child)]
    return found


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


@dataclass
class Usage:
    """One process's memory in MiB, from /proc/<pid>/smaps_rollup."""

    rss: float
    pss: float
    uss: float

    @classmethod
    def of(cls, pid: int) -> Usage:
        kib: dict[str, int] = {}
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            key, _, value = line.partition(":")
            kib[key] = int(value.split()[0])
        private = kib["Private_Clean"] + kib["Private_Dirty"]
        return cls(kib["Rss"] / 1024, kib["Pss"] / 1024, private / 1024)


@dataclass
class Reading:
    master: Usage
    workers: list[Usage]
    ticks: list[Usage]  # the workers' own children (Casebot's minute tick), counted in the sums

    def total(self, what: str) -> float:
        return sum(getattr(u, what) for u in [self.master, *self.workers, *self.ticks])


@dataclass
class Server:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    readings: dict[str, list[Reading]] = field(default_factory=dict)
    first: list[float] = field(default_factory=list)  # ms to the first answer of a fresh server
    later: list[float] = field(default_factory=list)  # ms to each answer after it


def reading(server: Server, master: int) -> Reading:
    workers = children(master)
    if len(workers) != WORKERS:
        raise BenchError(f"{server.name}: {len(workers)} children, expected {WORKERS}")
    ticks = []
    for pid in (t for w in workers for t in descendants(w)):
        with contextlib.suppress(OSError):  # it ended meanwhile
            ticks.append(Usage.of(pid))
    return Reading(Usage.of(master), [Usage.of(w) for w in workers], ticks)


BURST = 20  # requests sent at once into a fresh server, before the rounds (--burst)


def use(server: Server, port: int, fake: FakeSlack, requests: int, burst_size: int = BURST
        ) -> None:
    """A burst of `/casebot help` at once into the fresh server (each answer timed: its workers
    load the application then), then ``requests`` rounds of `/casebot help` and `/casebot action
    …`, one at a time, answered and done."""
    sender = SlackSender(f"http://127.0.0.1:{port}/slack/events", base.SECRET)

    def helped() -> tuple[float, Any]:
        t0 = time.perf_counter()
        answer = sender.command("help", user_id=base.FAY, channel_id=base.CHANNEL)
        return (time.perf_counter() - t0) * 1000, answer

    with ThreadPoolExecutor(burst_size) as pool:
        burst = list(pool.map(lambda _n: helped(), range(burst_size)))
    server.first += [ms for ms, _ in burst]
    for n in range(requests):
        client = f"U1R-{100 + n % CLIENTS}"
        text = f"action {client} <@{base.KATE}|kate> ring the housing provider by Friday"
        ms, help_answer = helped()
        server.later.append(ms)
        for answer in (
            *(a for _, a in burst if n == 0),
            help_answer,
            sender.command(text, user_id=base.FAY, channel_id=base.CHANNEL,
                           response_url=fake.response_url()),
        ):
            if answer.status != 200:
                raise BenchError(f"{server.name}: HTTP {answer.status}: {answer.body[:200]}")


def measure(
    server: Server, env: dict[str, str], workdir: Path, fake: FakeSlack, settle: float,
    requests: int, burst: int = BURST,
) -> None:
    port = base.free_port()
    log = workdir / f"{server.name.split()[0]}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*server.argv, "--host", "127.0.0.1", "--port", str(port), "--workers", str(WORKERS)],
            env={**env, **server.env}, cwd=workdir, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base.wait_healthy(f"http://127.0.0.1:{port}", process, log)
        deadline = time.monotonic() + 30
        while len(children(process.pid)) < WORKERS:
            if time.monotonic() > deadline:
                raise BenchError(f"{server.name}: fewer than {WORKERS} workers:\n{base.tail(log)}")
            time.sleep(0.2)
        time.sleep(settle)
        server.readings.setdefault("idle", []).append(reading(server, process.pid))
        if requests:
            use(server, port, fake, requests, burst)
            time.sleep(settle)  # the work after each acknowledgement, then idle again
            server.readings.setdefault("used", []).append(reading(server, process.pid))
    finally:
        base.stop_server(process)


def memory(
    env: dict[str, str], workdir: Path, fake: FakeSlack, args: argparse.Namespace
) -> list[Server]:
    serve = [base.casebot_executable(), "serve", "--http"]
    servers = [
        Server("bare Bolt (floor)", [sys.executable, str(ROOT / "bench" / "bare_bolt.py")]),
        Server("casebot serve --http", serve),
        Server("casebot serve --http --preload", [*serve, "--preload"]),
    ]
    if args.baseline is not None:
        servers.append(Server("casebot (baseline)", serve, {"PYTHONPATH": str(args.baseline)}))
    for n in range(args.memory_rounds):
        order = servers[n % len(servers):] + servers[:n % len(servers)]
        for server in order:
            measure(server, env, workdir, fake, args.settle, args.requests, args.burst)
    return servers


def memory_rows(servers: list[Server]) -> list[list[str]]:
    rows = []
    for phase in servers[0].readings:
        floor = servers[0].readings[phase]
        for server in servers:
            got = server.readings[phase]
            cells = [server.name, phase]
            for what in ("rss", "pss", "uss"):
                mine = statistics.median(r.total(what) for r in got)
                ratio = mine / statistics.median(r.total(what) for r in floor)
                cells += [f"{mine:.0f}", f"{ratio:.2f}×"]
            master = [r.master for r in got]
            each = [w for r in got for w in r.workers]
            cells += [
                f"{statistics.median(u.rss for u in master):.0f} / "
                f"{statistics.median(u.pss for u in master):.0f}",
                f"{statistics.median(u.rss for u in each):.0f} / "
                f"{statistics.median(u.pss for u in each):.0f}",
                f"{sum(bool(r.ticks) for r in got)} of {len(got)}" + "".join(
                    f" ({r.total('pss'):.0f} MiB PSS then)" for r in got if r.ticks),
            ]
            rows.append(cells)
    return rows


# --- the report ------------------------------------------------------------------------------

STARTUP_HEADERS = ["process", "median ms", "spread ms", "÷ floor (per round, median)",
                   "peak RSS MiB"]
MEMORY_HEADERS = [
    "server, 2 workers", "when", "RSS MiB", "÷ floor", "PSS MiB", "÷ floor", "USS MiB",
    "÷ floor", "master RSS / PSS", "each worker RSS / PSS", "ticks running at the readings",
]
FIRST_HEADERS = ["server, 2 workers", "a burst into a fresh server: p50 ms", "max ms",
                 "over 3 s", "then one at a time: p50 ms", "max ms"]


def first_rows(servers: list[Server]) -> list[list[str]]:
    return [[s.name, f"{statistics.median(s.first):.0f}", f"{max(s.first):.0f}",
             f"{sum(t > 3000 for t in s.first)} of {len(s.first)}",
             f"{statistics.median(s.later):.0f}", f"{max(s.later):.0f}"]
            for s in servers if s.first and s.later]


def table(headers: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|---" + "|---:" * (len(headers) - 1) + "|"]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    lines = [headers, ["-" * w for w in widths], *rows]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in lines)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15, help="start-up rounds (default 15)")
    parser.add_argument("--memory-rounds", type=int, default=3, help="servers of each kind")
    parser.add_argument("--settle", type=float, default=5.0, help="idle seconds before reading")
    parser.add_argument("--requests", type=int, default=10,
                        help="rounds of help + action before the second reading (0: none)")
    parser.add_argument("--burst", type=int, default=BURST,
                        help=f"requests sent at once into each fresh server (default {BURST})")
    parser.add_argument("--baseline", type=Path, metavar="DIR",
                        help="another checkout of Casebot, measured in the same rounds")
    parser.add_argument("--skip-memory", action="store_true", help="start-up figures only")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.memory_rounds < 1 or args.settle < 0 or args.requests < 0:
        parser.error("--rounds and --memory-rounds must be 1 or more, --settle and --requests "
                     "0 or more")
    if args.baseline is not None and not (args.baseline / "bot" / "cli").is_dir():
        parser.error(f"--baseline {args.baseline}: not a checkout of Casebot")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="casebot-startup-"))
    fake = FakeSlack(bot_token=base.BOT_TOKEN, users=base.USERS, open_channels=True)
    try:
        fake.start()
        env = child_env(install(workdir, fake))
        commands = startup(env, workdir, args.rounds, args.baseline)
        servers = [] if args.skip_memory else memory(env, workdir, fake, args)
        if invalid := fake.invalid_calls():
            raise BenchError(f"{len(invalid)} Slack call(s) broke a Slack limit")
    except (BenchError, base.BenchError) as exc:
        print(f"startup: {exc}", file=sys.stderr)
        return 1
    finally:
        fake.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    load = os.getloadavg()[0]
    print(
        f"Start-up: {args.rounds} interleaved rounds; {os.cpu_count()} CPU, Python "
        f"{platform.python_version()}, SQLite, {time.perf_counter() - started:.0f} s in all, "
        f"load average {load:.1f} at the end"
    )
    print(table(STARTUP_HEADERS, startup_rows(commands), args.markdown))
    if servers:
        print()
        print(
            f"Memory: {args.memory_rounds} servers of each kind in turn; idle: {args.settle:g} s "
            f"after /healthz answered; used: after {args.requests} rounds of help + action and "
            f"{args.settle:g} s idle. Sums over the master and its {WORKERS} workers, MiB "
            "(medians); the target reads PSS"
        )
        print(table(MEMORY_HEADERS, memory_rows(servers), args.markdown))
        if rows := first_rows(servers):
            print()
            print(f"Answers to `/casebot help` (its ack), from sending to the answer: {args.burst} "
                  "sent at once into each fresh server (Casebot's workers load the application "
                  "then), then one at a time")
            print(table(FIRST_HEADERS, rows, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
