"""SQL statements and time behind one ``/casebot action`` and one update sent by DM, as the
register grows: 20, 200 and 1,000 clients.

Each size is its own throwaway installation, set up with the ``casebot`` CLI (two agencies, one
group, clients with invented identities from ``corpus.py``, all with consent, 20 to each key
worker, so Kate and Omar have 10 each whatever the size; a facilitator),
served in this process by the same WSGI application gunicorn serves, against one fake Slack Web
API. A ``before_cursor_execute`` listener on each installation's engine counts every statement
the request causes: the acknowledgement and the work after it (until the background pool is
idle). Requests go round-robin across the sizes, so the small register is the large one's floor
in the same run; the first request of each installation (the register read and decrypted once)
is reported on its own, as *first*.

* ``action``: ``/casebot action U1R-001 <@KATE|kate> call the housing provider by Friday`` by the
  facilitator in the channel; done when the confirmation reaches the response URL (after the
  channel announcement and the owner's DM).
* ``dm``: ``U1R-001: moved into transitional housing, needs furniture`` in Kate's DM with the
  app; done when her preview is posted.

Run from the project root: ``.venv/bin/python bench/statements.py`` (``--postgres`` also runs it
on fresh PostgreSQL databases on 127.0.0.1:5432, dropped afterwards; ``--markdown`` for tables).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import corpus  # noqa: E402
from http_ack import (  # noqa: E402
    BOT_TOKEN,
    CHANNEL,
    FAY,
    GROUP,
    KATE,
    OMAR,
    SECRET,
    USERS,
    BenchError,
    casebot,
    create_group,
    first_meeting,
    fresh_postgres,
)
from sqlalchemy import event  # noqa: E402

from bot.bootstrap import build, health_probe, slack_runtime  # noqa: E402
from bot.config import load_settings  # noqa: E402
from devkit.fake_slack import FakeSlack, dm_channel_id  # noqa: E402
from devkit.slack_requests import SlackSender  # noqa: E402
from handlers import background  # noqa: E402

SIZES = (20, 200, 1000)
CODE = "U1R-001"  # Kate's client, named in every request
ACTION_TEXT = f"action {CODE} <@{KATE}|kate> call the housing provider by Friday"
DM_TEXT = f"{CODE}: moved into transitional housing, needs furniture"
AGENCIES = ("Micah Projects", "Brisbane Housing Company")
TIMEOUT = 20.0


# --- one installation ------------------------------------------------------------------------


CASELOAD = 20  # clients per key worker: Kate and Omar share the first 20


def worker(n: int) -> str:
    """The key worker of the ``n``-th client (from 0)."""
    return (KATE, OMAR)[n % 2] if n < CASELOAD else f"U0W{n // CASELOAD:06d}"


def client_items(count: int) -> list[dict[str, Any]]:
    """``count`` clients with invented identities (seeded, the same every run), all with
    consent, 20 to a key worker; ``U1R-001`` is Kate's."""
    items = []
    people = corpus.build(notes=0, clients=count).clients
    for n, known in enumerate(people):
        identity = {k: v for k, v in known.identity.to_dict().items() if v}
        items.append({
            **identity,
            "code": known.case_code,
            "agency": AGENCIES[n % 2],
            "key_worker": worker(n),
            "consent": {"given_on": "2026-10-01", "agencies": list(AGENCIES)},
        })
    return items


def set_up(env: dict[str, str], workdir: Path, clients: int) -> None:
    casebot(env, "init")
    for agency in AGENCIES:
        casebot(env, "agency", "add", agency)
    create_group(env, GROUP, CHANNEL, first_meeting())
    casebot(env, "member", "add", "--user", KATE, "--agency", AGENCIES[0], "--role", "worker")
    casebot(env, "member", "add", "--user", OMAR, "--agency", AGENCIES[1], "--role", "worker",
            "--role", "champion")
    casebot(env, "member", "add", "--user", FAY, "--agency", AGENCIES[1], "--role",
            "facilitator", "--role", "secretariat")
    for n in range(CASELOAD, clients, CASELOAD):  # the other key workers
        casebot(env, "member", "add", "--user", worker(n), "--agency", AGENCIES[n % 2],
                "--role", "worker")
    path = workdir / "clients.json"
    path.write_text(json.dumps(client_items(clients)), encoding="utf-8")
    casebot(env, "client", "add", "--from-json", str(path), "--group", GROUP)
    path.unlink()


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Threading(ThreadingMixIn, WSGIServer):
    daemon_threads = True


@dataclass
class Site:
    """One installation, served here: its sender and its statement counter."""

    clients: int
    sender: SlackSender
    statements: list[str] = field(default_factory=list)


@contextmanager
def serving(env: dict[str, str], clients: int) -> Iterator[Site]:
    container = build(load_settings(env))
    app = slack_runtime(container).wsgi(health_probe(container))
    server = make_server("127.0.0.1", 0, app, server_class=_Threading, handler_class=_Quiet)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    site = Site(clients, SlackSender(f"http://127.0.0.1:{server.server_port}/slack/events",
                                     SECRET))

    def count(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        site.statements.append(statement)

    event.listen(container.engine, "before_cursor_execute", count)
    try:
        yield site
    finally:
        server.shutdown()
        container.close()


# --- requests ----------------------------------------------------------------------------------


@dataclass
class Sample:
    statements: int
    ms: float  # until the person's answer arrived
    idle_ms: float  # until all the work was done (App Home refreshes too)


@dataclass
class Series:
    kind: str
    clients: int
    samples: list[Sample] = field(default_factory=list)


def _finish(site: Site, t0: float, done: float) -> Sample:
    if not background.wait_idle(TIMEOUT):
        raise BenchError("the work after the ack did not finish")
    idle = time.monotonic()
    return Sample(len(site.statements), (done - t0) * 1000, (idle - t0) * 1000)


def action(fake: FakeSlack, site: Site) -> Sample:
    hook = fake.response_url()
    replies = len(fake.calls_to("response_url"))
    site.statements.clear()
    t0 = time.monotonic()
    answer = site.sender.command(ACTION_TEXT, user_id=FAY, channel_id=CHANNEL, response_url=hook)
    if answer.status != 200:
        raise BenchError(f"action: HTTP {answer.status}")
    reply = fake.wait_for("response_url", replies + 1, timeout=TIMEOUT)[replies]
    if "call the housing provider" not in json.dumps(reply.args):
        raise BenchError(f"action: not recorded: {str(reply.args.get('text'))[:200]!r}")
    return _finish(site, t0, reply.at)


def dm(fake: FakeSlack, site: Site) -> Sample:
    to_kate = (KATE, dm_channel_id(KATE))  # a DM is posted to the user's id or the IM's

    def posts() -> list[Any]:
        return [c for c in fake.calls_to("chat.postMessage") if c.args.get("channel") in to_kate]

    before = len(posts())
    site.statements.clear()
    t0 = time.monotonic()
    answer = site.sender.dm(DM_TEXT, user_id=KATE)
    if answer.status != 200:
        raise BenchError(f"dm: HTTP {answer.status}")
    deadline = time.monotonic() + TIMEOUT
    while len(posts()) <= before:
        if time.monotonic() > deadline:
            raise BenchError("dm: no preview posted")
        time.sleep(0.0005)
    preview = posts()[before]
    if "transitional housing" not in json.dumps(preview.args):
        raise BenchError(f"dm: no preview: {str(preview.args.get('text'))[:200]!r}")
    return _finish(site, t0, preview.at)


KINDS: dict[str, Callable[[FakeSlack, Site], Sample]] = {"action": action, "dm": dm}


def run(
    fake: FakeSlack, sites: Sequence[Site], rounds: int
) -> tuple[list[Series], list[Series]]:
    """Round-robin: each round sends each kind to each size in turn; the first requests, then
    the rest."""
    first = {(k, s.clients): Series(k, s.clients) for k in KINDS for s in sites}
    warm = {(k, s.clients): Series(k, s.clients) for k in KINDS for s in sites}
    for n in range(rounds + 1):
        for kind, send in KINDS.items():
            for site in sites:
                (first if n == 0 else warm)[kind, site.clients].samples.append(send(fake, site))
    return list(first.values()), list(warm.values())


def table(firsts: list[Series], warms: list[Series]) -> list[list[str]]:
    out = [["request", "clients", "first: statements", "first: ms",
            "statements (min–max)", "ms p50", "ms p90", "ms max", "all work done ms p50"]]
    for one, many in zip(firsts, warms, strict=True):
        counts = [s.statements for s in many.samples]
        times = sorted(s.ms for s in many.samples)
        spread = f"{min(counts)}" if min(counts) == max(counts) else f"{min(counts)}–{max(counts)}"
        out.append([
            f"`{one.kind}`", f"{one.clients:,}", str(one.samples[0].statements),
            f"{one.samples[0].ms:.0f}", spread,
            f"{statistics.median(times):.1f}", f"{times[int(0.9 * (len(times) - 1))]:.1f}",
            f"{times[-1]:.1f}", f"{statistics.median(s.idle_ms for s in many.samples):.1f}",
        ])
    return out


def markdown(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |",
             "|---|" + "---:|" * (len(rows[0]) - 1)]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def plain(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def bench(
    urls: Sequence[str], workdirs: Sequence[Path], args: argparse.Namespace
) -> tuple[list[Series], list[Series]]:
    with FakeSlack(users=USERS, open_channels=True) as fake, ExitStack() as stack:
        sites = []
        for size, url, workdir in zip(args.sizes, urls, workdirs, strict=True):
            env = {
                "HOME": str(workdir), "CASEBOT_DATA_DIR": str(workdir / "data"),
                "DATABASE_URL": url, "CASEBOT_KEY_FILE": str(workdir / "keys" / "master.key"),
                "CASEBOT_ACTOR": "bench", "CASEBOT_ENV_FILE": "", "SLACK_BOT_TOKEN": BOT_TOKEN,
                "SLACK_SIGNING_SECRET": SECRET, "CASEBOT_SLACK_API_URL": fake.base_url,
            }
            set_up(env, workdir, size)
            sites.append(stack.enter_context(serving(env, size)))
        return run(fake, sites, args.rounds)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", action="store_true",
                        help="also on fresh PostgreSQL databases on 127.0.0.1:5432")
    parser.add_argument("--rounds", type=int, default=30,
                        help="requests of each kind per size after the first (default 30)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES),
                        help="register sizes (default 20 200 1000)")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    backends = ["sqlite"] + (["postgresql"] if args.postgres else [])
    for backend in backends:
        started = time.perf_counter()
        workdirs = [Path(tempfile.mkdtemp(prefix="casebot-statements-")) for _ in args.sizes]
        try:
            with ExitStack() as stack:
                if backend == "sqlite":
                    urls = [f"sqlite:///{w / 'data' / 'casebot.db'}" for w in workdirs]
                else:
                    urls = [stack.enter_context(fresh_postgres()) for _ in args.sizes]
                firsts, warms = bench(urls, workdirs, args)
        except BenchError as exc:
            print(f"statements: {exc}", file=sys.stderr)
            return 1
        finally:
            for w in workdirs:
                shutil.rmtree(w, ignore_errors=True)
        rows = table(firsts, warms)
        print(f"Statements and time per request: {backend}, {args.rounds} requests of each kind "
              f"per size after the first, round-robin, {os.cpu_count()} CPU, Python "
              f"{platform.python_version()}, {time.perf_counter() - started:.0f} s "
              f"({dt.date.today().isoformat()})")
        print(markdown(rows) if args.markdown else plain(rows))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
