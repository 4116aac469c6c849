"""What a probe of ``GET /readyz`` and ``GET /healthz`` costs: SQL statements and time.

One throwaway installation (``casebot init``, one group, the scheduler's tick claimed once),
served in this process by the WSGI application each gunicorn worker serves (``handlers.serving``:
the health checks on the database driver itself, the application not loaded), on SQLite and,
with ``--postgres``, on a fresh PostgreSQL database. The floor is ``GET /nope`` (404, the same
server and routing, no database): the three paths are asked in turn, round after round, so the
floor is measured interleaved with what it is compared to. Each probe's statements and
connections are counted by a wrapper around the connections ``storage.dbapi`` opens.

Run from the project root: ``.venv/bin/python bench/health.py [--rounds 500] [--postgres]
[--markdown]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from http_ack import (  # noqa: E402
    CHANNEL,
    GROUP,
    SECRET,
    BenchError,
    casebot,
    create_group,
    first_meeting,
    fresh_postgres,
)

from bot.config import load_settings  # noqa: E402
from bot.health import Probe  # noqa: E402
from devkit.fake_slack import FakeSlack  # noqa: E402
from handlers.http import wsgi_app  # noqa: E402
from handlers.serving import Worker  # noqa: E402
from storage import dbapi  # noqa: E402

PATHS = ("/nope", "/readyz", "/healthz")  # the first is the floor


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Threading(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Counted:
    """A DB-API connection whose statements are noted (``connect`` notes the connection)."""

    def __init__(self, conn: Any, seen: list[str]) -> None:
        self._conn, self._seen = conn, seen

    def execute(self, sql: str, *args: Any) -> Any:
        self._seen.append(sql)
        return self._conn.execute(sql, *args)

    def close(self) -> None:
        self._conn.close()


@contextmanager
def counting(seen: list[str]) -> Iterator[None]:
    real = dbapi.connect

    def connect(url: str) -> Any:
        seen.append("(connect)")
        return _Counted(real(url), seen)

    dbapi.connect = connect  # type: ignore[assignment]
    try:
        yield
    finally:
        dbapi.connect = real  # type: ignore[assignment]


@contextmanager
def served(url: str, workdir: Path, fake: FakeSlack) -> Iterator[tuple[str, list[str]]]:
    env = {"DATABASE_URL": url, "CASEBOT_DATA_DIR": str(workdir / "data"),
           "CASEBOT_KEY_FILE": str(workdir / "keys" / "master.key"), "CASEBOT_ENV_FILE": "",
           "CASEBOT_ACTOR": "bench", "SLACK_BOT_TOKEN": fake.bot_token,
           "SLACK_SIGNING_SECRET": SECRET, "CASEBOT_SLACK_API_URL": fake.base_url}
    casebot(env, "init")
    create_group(env, GROUP, CHANNEL, first_meeting())
    casebot(env, "tick")  # claims this minute's lease: /healthz has a tick to report
    settings = load_settings(env)
    app = wsgi_app(Worker(settings).bolt, Probe(settings), signing_secret=SECRET)
    server = make_server("127.0.0.1", 0, app, server_class=_Threading, handler_class=_Quiet)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    statements: list[str] = []
    try:
        with counting(statements):
            yield f"http://127.0.0.1:{server.server_port}", statements
    finally:
        server.shutdown()


def ask(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:
            reply.read()
            return reply.status
    except urllib.error.HTTPError as error:
        error.read()
        return error.code


def measure(base: str, statements: list[str], rounds: int) -> dict[str, dict[str, float]]:
    expected = {"/nope": 404, "/readyz": 200, "/healthz": 200}
    times: dict[str, list[float]] = {p: [] for p in PATHS}
    counts: dict[str, list[int]] = {p: [] for p in PATHS}
    connects: dict[str, list[int]] = {p: [] for p in PATHS}
    for path in PATHS:  # warm: the first imports
        ask(base + path)
    for _ in range(rounds):
        for path in PATHS:
            before = len(statements)
            start = time.perf_counter()
            status = ask(base + path)
            times[path].append((time.perf_counter() - start) * 1000)
            counts[path].append(sum(s != "(connect)" for s in statements[before:]))
            connects[path].append(statements[before:].count("(connect)"))
            if status != expected[path]:
                raise BenchError(f"{path} answered {status}, not {expected[path]}")
    floor = statistics.median(times["/nope"])
    return {
        path: {
            "statements": max(counts[path]),
            "connections": max(connects[path]),
            "median_ms": statistics.median(times[path]),
            "p95_ms": statistics.quantiles(times[path], n=20)[-1],
            "x_floor": statistics.median(times[path]) / floor,
        }
        for path in PATHS
    }


def report(results: dict[str, dict[str, dict[str, float]]], markdown: bool) -> None:
    header = ["database", "path", "statements", "connections", "median ms", "p95 ms",
              "× floor (median)"]
    rows = [
        [db, path + (" (floor)" if path == "/nope" else ""), f"{r['statements']:.0f}",
         f"{r['connections']:.0f}",
         f"{r['median_ms']:.2f}", f"{r['p95_ms']:.2f}", f"{r['x_floor']:.2f}"]
        for db, by_path in results.items() for path, r in by_path.items()
    ]
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    for row in [header, *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=500, help="probes of each path (500)")
    parser.add_argument("--postgres", action="store_true",
                        help="also on a fresh PostgreSQL database on 127.0.0.1:5432")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table")
    args = parser.parse_args()
    if args.rounds < 20:
        parser.error("--rounds must be 20 or more")
    results: dict[str, dict[str, dict[str, float]]] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="casebot-bench-") as tmp, \
                FakeSlack(open_channels=True) as fake:
            sqlite_dir = Path(tmp) / "sqlite"
            with served(f"sqlite:///{sqlite_dir / 'data' / 'casebot.db'}", sqlite_dir,
                        fake) as (base, statements):
                results["SQLite"] = measure(base, statements, args.rounds)
            if args.postgres:
                with ExitStack() as stack:
                    url = stack.enter_context(fresh_postgres())
                    base, statements = stack.enter_context(served(url, Path(tmp) / "pg", fake))
                    results["PostgreSQL"] = measure(base, statements, args.rounds)
    except BenchError as exc:
        print(f"health: {exc}", file=sys.stderr)
        return 1
    report(results, args.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
