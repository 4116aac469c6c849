"""The outbox: 1,000 queued DMs and a 21-part agenda sent by Casebot, against a raw WebClient.

A throwaway installation (``casebot init``) per backend; the messages are queued straight into
the outbox (not timed), then sent by ``bot.services.outbox.deliver`` (what the tick runs) with
the real Slack notifier, against the fake Slack Web API on localhost: once with Slack's rate
limits enforced (``RateLimits()``: a message a second per channel after a burst of 3, method
tiers) and once without. The floor: a plain ``slack_sdk.WebClient`` posting the same messages
one after another, no database, no pacing, no retries, against the same fake. Senders, fakes and
backends are interleaved round by round.

Per row: messages posted, msg/s (median over rounds) and its ratio to the raw client's in the
same run, SQL statements per message and commits (a ``before_cursor_execute`` listener and the
engine's ``commit`` event, Casebot only), and 429s.

    .venv/bin/python bench/outbox.py [--rounds N] [--backends sqlite,postgresql] [--markdown]

A benchmark, not a test: nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from slack_sdk import WebClient  # noqa: E402
from slack_sdk.errors import SlackApiError  # noqa: E402

from bench import throwaway  # noqa: E402
from bot.bootstrap import Container, build  # noqa: E402
from bot.cli import main as casebot_main  # noqa: E402
from bot.cli.console import Console  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.ports import SystemClock  # noqa: E402
from bot.services import outbox  # noqa: E402
from devkit.fake_slack import FakeSlack  # noqa: E402
from devkit.rate_limits import RateLimits  # noqa: E402
from handlers.notifier import LazyClient, SlackNotifier  # noqa: E402

DMS = 1000
PARTS = 21


class BenchError(Exception):
    """The benchmark could not run."""


def postgres_database() -> AbstractContextManager[str]:
    return throwaway.postgres_database("a_bench_outbox")


class Site:
    """An installation on one backend, with statement and commit counters on its engine."""

    def __init__(self, url: str, workdir: Path) -> None:
        env = {"HOME": str(workdir), "CASEBOT_DATA_DIR": str(workdir / "data"),
               "DATABASE_URL": url, "CASEBOT_KEY_FILE": str(workdir / "keys" / "master.key"),
               "CASEBOT_ACTOR": "bench", "CASEBOT_ENV_FILE": ""}
        err = io.StringIO()
        console = Console(out=io.StringIO(), err=err, stdin=io.StringIO(), environ=env,
                          interactive=False)
        if casebot_main(["init"], console=console) != 0:
            raise BenchError(f"casebot init failed: {err.getvalue().strip()}")
        self.container: Container = build(load_settings(env), clock=SystemClock())
        self.statements = self.commits = 0
        sa.event.listen(self.container.engine, "before_cursor_execute", self._statement)
        sa.event.listen(self.container.engine, "commit", self._commit)

    def _statement(self, *_args: Any) -> None:
        self.statements += 1

    def _commit(self, *_args: Any) -> None:
        self.commits += 1

    def queue(self, messages: list[tuple[str, str]]) -> None:
        now = self.container.clock.now()
        with self.container.uow() as uow:
            for key, channel in messages:
                uow.outbox.enqueue(key=key, kind="bench", channel=channel,
                                   payload={"text": key}, now=now)
            uow.commit()


@dataclass
class Sample:
    posted: int
    seconds: float
    statements: int = 0
    commits: int = 0
    limited: int = 0


@dataclass
class Row:
    backend: str
    limits: str
    sender: str
    workload: str
    samples: list[Sample] = field(default_factory=list)


def rate_limited(fake: FakeSlack, since: int) -> int:
    return sum(1 for c in fake.calls[since:] if c.status == 429)


def casebot(site: Site, fake: FakeSlack, messages: list[tuple[str, str]]) -> Sample:
    site.queue(messages)
    notifier = SlackNotifier(LazyClient(fake.bot_token, fake.base_url))
    calls, statements, commits = len(fake.calls), site.statements, site.commits
    start = time.perf_counter()
    posted = outbox.deliver(uow_factory=site.container.uow, notifier=notifier,
                            clock=site.container.clock)
    seconds = time.perf_counter() - start
    if posted != len(messages):
        raise BenchError(f"the outbox sent {posted} of {len(messages)} in one pass")
    return Sample(posted, seconds, site.statements - statements, site.commits - commits,
                  rate_limited(fake, calls))


def raw(fake: FakeSlack, messages: list[tuple[str, str]]) -> Sample:
    client = WebClient(token=fake.bot_token, base_url=fake.base_url, retry_handlers=[])
    calls, posted = len(fake.calls), 0
    start = time.perf_counter()
    for key, channel in messages:
        try:
            client.chat_postMessage(channel=channel, text=key)
            posted += 1
        except SlackApiError:
            pass
    return Sample(posted, time.perf_counter() - start, limited=rate_limited(fake, calls))


def workloads(tag: str) -> dict[str, list[tuple[str, str]]]:
    """A round's messages, under keys of their own: 1,000 DMs, and an agenda in 21 parts."""
    return {
        f"{DMS:,} DMs": [(f"{tag}:dm:{n}", f"U0BULK{n:04d}") for n in range(DMS)],
        f"{PARTS}-part agenda": [(f"{tag}:agenda:{n:02d}", "") for n in range(1, PARTS + 1)],
    }


def run(backends: Sequence[str], rounds: int) -> list[Row]:
    rows: dict[tuple[str, str, str, str], Row] = {}
    users = {f"U0BULK{n:04d}": {"name": f"bulk{n}"} for n in range(DMS)}
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        fakes = {
            "enforced": stack.enter_context(FakeSlack(users=users, open_channels=True,
                                                      rate_limits=RateLimits())),
            "none": stack.enter_context(FakeSlack(users=users, open_channels=True)),
        }
        sites = {}
        for backend in backends:
            workdir = Path(tmp) / backend
            workdir.mkdir()
            url = (stack.enter_context(postgres_database()) if backend == "postgresql"
                   else f"sqlite:///{workdir / 'data' / 'casebot.db'}")
            sites[backend] = Site(url, workdir)
            stack.callback(sites[backend].container.close)
        for n in range(rounds + 1):  # round 0 warms up (connections, compiled statements)
            for backend, site in sites.items():
                for limits, fake in fakes.items():
                    tag = f"r{n}{backend[0]}{limits[0]}"
                    for workload, messages in workloads(tag).items():
                        # Each sender its own agenda channel: the raw one floods it.
                        mine = [(k, c or "C0OUTBOX1") for k, c in messages]
                        floor = [(k, c or "C0RAWPOST") for k, c in messages]
                        results = {"Casebot outbox": casebot(site, fake, mine),
                                   "raw WebClient": raw(fake, floor)}
                        for sender, result in results.items():
                            if n:
                                key = (backend, limits, workload, sender)
                                rows.setdefault(key, Row(backend, limits, sender, workload))
                                rows[key].samples.append(result)
    return list(rows.values())


def table(rows: list[Row]) -> tuple[list[str], list[list[str]]]:
    head = ["backend", "Slack's limits", "workload", "sender", "posted", "msg/s p50",
            "÷ raw", "statements/msg", "commits", "429s"]
    speed = {(r.backend, r.limits, r.workload, r.sender):
             statistics.median(x.posted / x.seconds for x in r.samples) for r in rows}
    body = []
    for row in rows:
        s = row.samples
        per_second = speed[(row.backend, row.limits, row.workload, row.sender)]
        floor = speed[(row.backend, row.limits, row.workload, "raw WebClient")]
        casebot_row = row.sender.startswith("Casebot")
        body.append([
            "PostgreSQL" if row.backend == "postgresql" else "SQLite",
            row.limits, row.workload, row.sender,
            "/".join(sorted({f"{x.posted}" for x in s})),
            f"{per_second:.1f}",
            f"{per_second / floor:.2f}",
            f"{statistics.median(x.statements / x.posted for x in s):.3f}" if casebot_row
            else "-",
            "/".join(sorted({str(x.commits) for x in s})) if casebot_row else "-",
            "/".join(sorted({str(x.limited) for x in s})),
        ])
    return head, body


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3,
                        help="measured rounds after one warm-up (default 3)")
    parser.add_argument("--backends", default="sqlite,postgresql",
                        help="comma-separated: sqlite, postgresql (a throwaway database on "
                             "the local server)")
    parser.add_argument("--markdown", action="store_true", help="a Markdown table")
    args = parser.parse_args(argv)
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    if not backends or set(backends) - {"sqlite", "postgresql"}:
        parser.error("--backends takes sqlite and/or postgresql")
    try:
        rows = run(backends, args.rounds)
    except BenchError as exc:
        print(f"bench/outbox.py: {exc}", file=sys.stderr)
        return 1
    head, body = table(rows)
    print(f"{args.rounds} rounds, interleaved; {dt.date.today()}; Python "
          f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}")
    if args.markdown:
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for line in body:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
        for line in [head, *body]:
            print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
