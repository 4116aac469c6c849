"""The fault suite's machinery: a PostgreSQL database of its own per test, real ``casebot``
processes (``serve --http`` under gunicorn, ``tick``) against the fake Slack over HTTP, and the
tally every test ends with: messages expected, delivered, duplicated.

The processes run the system's clock (``CASEBOT_CLOCK_OFFSET`` moves it), so messages are
queued at the real time; the database's clock is moved with tests/outbox_time.py.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bot.bootstrap import Container, build
from bot.config import load_settings
from bot.domain import OutboxStatus
from bot.ports import FixedClock
from devkit.fake_slack import FakeSlack, dm_channel_id
from devkit.rate_limits import RateLimits
from devkit.slack_requests import SlackSender
from storage import db
from storage.models import OutboxMessage
from tests.conftest import Cli, Postgres, make_cli
from tests.identities import JANE, write_clients_json
from tests.slack.conftest import AGENCIES, CHANNEL, KATE, OMAR, SECRET, USERS

POST = "chat.postMessage"
EXE = Path(sys.executable).with_name("casebot")


def wait_for(predicate: Callable[[], Any], *, timeout: float, what: str) -> Any:
    """Poll until ``predicate()`` is truthy; fail saying ``what`` was awaited."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.05)


# --- the database ---------------------------------------------------------------------------


@dataclass
class FaultDatabase:
    """A database this test made from the session's migrated template (dropped afterwards)."""

    url: str
    name: str
    admin: sa.Engine  # on another database of the same server, AUTOCOMMIT

    def execute(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(sa.text(sql))

    def refuse_connections(self) -> None:
        """New connections are refused and the open ones cut, as when the server goes away."""
        self.execute(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS false')
        self.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     f"WHERE datname = '{self.name}' AND pid <> pg_backend_pid()")

    def accept_connections(self) -> None:
        self.execute(f'ALTER DATABASE "{self.name}" ALLOW_CONNECTIONS true')


@pytest.fixture(scope="session")
def fault_template(postgres: Postgres) -> Iterator[str]:
    """A migrated, empty database each test's own is copied from."""
    url = make_url(postgres.migrated)
    name = f"{url.database}_faults_tpl"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        conn.execute(sa.text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    engine = sa.create_engine(url.set(database=name))
    db.upgrade(engine)
    engine.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def fault_db(postgres: Postgres, fault_template: str) -> Iterator[FaultDatabase]:
    url = make_url(postgres.migrated)
    name = f"{url.database}_f{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{fault_template}"'))
    found = FaultDatabase(url.set(database=name).render_as_string(hide_password=False), name,
                          admin)
    yield found
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


# --- Slack and the CLI ------------------------------------------------------------------------


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    """The fake Slack, enforcing Slack's rate limits."""
    with FakeSlack(users=USERS, open_channels=True, rate_limits=RateLimits(),
                   wall_clock_ts=True) as server:
        yield server


def real_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@pytest.fixture
def cli(fault_db: FaultDatabase, slack: FakeSlack, tmp_path: Path) -> Cli:
    """The CLI on this test's database, set up (``init``), pointed at the fake; its clock is
    the real time, as the processes' is."""
    cli = make_cli(fault_db.url, FixedClock(real_now()), tmp_path)
    cli.env.update({"SLACK_BOT_TOKEN": slack.bot_token, "SLACK_SIGNING_SECRET": SECRET,
                    "CASEBOT_SLACK_API_URL": slack.base_url})
    cli.ok("init")
    return cli


@pytest.fixture
def app(cli: Cli) -> Iterator[Container]:
    """Casebot's services on this test's database, for queueing and reading what happened."""
    container = build(load_settings(cli.env), clock=cli.clock)
    yield container
    container.close()


def set_up_group(cli: Cli) -> None:
    """The Under 1 Roof group with Kate and Omar and their clients, meeting three weeks from
    now (so no prompt or agenda is due while a test runs)."""
    soon = (real_now() + dt.timedelta(days=21)).date()
    first = soon + dt.timedelta(days=(1 - soon.weekday()) % 7)  # a Tuesday
    cli.ok("agency", "add", AGENCIES[0])
    cli.ok("agency", "add", AGENCIES[1])
    cli.ok("group", "create", "--name", "Under 1 Roof", "--channel", CHANNEL,
           "--rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane",
           "--first", f"{first}T10:00")
    cli.ok("member", "add", "--user", KATE, "--agency", AGENCIES[0], "--role", "worker")
    cli.ok("member", "add", "--user", OMAR, "--agency", AGENCIES[1], "--role", "worker")
    consent = {"given_on": "2026-10-01", "agencies": AGENCIES}
    items = [{**JANE, "code": "U1R-014", "agency": AGENCIES[0], "key_worker": KATE,
              "consent": consent}]
    cli.ok("client", "add", "--from-json",
           str(write_clients_json(cli.tmp_path / "clients.json", items)))


# --- the outbox -------------------------------------------------------------------------------


def people(slack: FakeSlack, count: int) -> list[str]:
    users = [f"U0FLT{n:04d}" for n in range(count)]
    for user in users:
        slack.add_user(user, name=user.lower())
    return users


def queue(app: Container, messages: list[tuple[str, str]], *,
          due: dt.datetime | None = None) -> list[str]:
    """Queue (text, channel) messages under their text as key, due at ``due`` (now); returns
    the texts, which is how the tally knows them."""
    at = real_now()
    with app.uow() as uow:
        for text, channel in messages:
            uow.outbox.enqueue(key=text, kind="fault", channel=channel, payload={"text": text},
                               now=at, not_before=due or at)
        uow.commit()
    return [text for text, _ in messages]


def dms(slack: FakeSlack, count: int, label: str) -> list[tuple[str, str]]:
    return [(f"{label} {n:03d}", user) for n, user in enumerate(people(slack, count))]


def outbox_rows(app: Container) -> dict[str, OutboxMessage]:
    with app.uow() as uow:
        found = uow.session.scalars(sa.select(OutboxMessage)).all()
        uow.session.expunge_all()
    return {r.idempotency_key: r for r in found}


def pending(app: Container) -> list[str]:
    return sorted(k for k, r in outbox_rows(app).items()
                  if r.status == OutboxStatus.PENDING.value)


def posted_texts(slack: FakeSlack) -> Counter[str]:
    """How many times Slack took each text (posts it accepted)."""
    return Counter(str(c.args.get("text")) for c in slack.calls_to(POST) if c.ok)


# --- the tally --------------------------------------------------------------------------------


@dataclass
class Tally:
    """What a fault cost: each expected message delivered once, or lost, or more than once."""

    fault: str
    expected: list[str]
    seen: Counter[str]
    notes: dict[str, Any] = field(default_factory=dict)

    @property
    def delivered(self) -> int:
        return sum(1 for m in self.expected if self.seen[m] >= 1)

    @property
    def lost(self) -> list[str]:
        return [m for m in self.expected if self.seen[m] == 0]

    @property
    def duplicated(self) -> list[str]:
        return [m for m in self.expected if self.seen[m] > 1]

    def line(self) -> str:
        extra = "".join(f", {k} {v}" for k, v in self.notes.items())
        return (f"{self.fault}: expected {len(self.expected)}, delivered {self.delivered}, "
                f"duplicated {len(self.duplicated)}{extra}")


@pytest.fixture
def tally(request: pytest.FixtureRequest) -> Callable[..., Tally]:
    """Count and record (shown at the end of the run: see conftest's terminal summary)."""

    def count(fault: str, expected: list[str], seen: Counter[str], **notes: Any) -> Tally:
        found = Tally(fault, expected, seen, notes)
        request.node.user_properties.append(("fault", found.line()))
        print(found.line())
        return found

    return count


def pytest_terminal_summary(terminalreporter: Any) -> None:
    lines = [value for key in ("passed", "failed") for report in terminalreporter.stats.get(key, [])
             if getattr(report, "when", "") == "call"
             for name, value in getattr(report, "user_properties", []) if name == "fault"]
    if lines:
        terminalreporter.write_sep("-", "fault tally")
        for line in lines:
            terminalreporter.write_line(line)


# --- processes --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, dict[str, Any]]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=5) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


@dataclass
class Process:
    """A ``casebot`` process; its output goes to a file (a full pipe would stall it)."""

    popen: subprocess.Popen[bytes]
    log_path: Path
    base_url: str = ""

    @property
    def pid(self) -> int:
        return self.popen.pid

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def alive(self) -> bool:
        return self.popen.poll() is None

    def healthz(self) -> tuple[int, dict[str, Any]]:
        return get(self.base_url + "/healthz")

    def sender(self, timeout: float = 10.0) -> SlackSender:
        return SlackSender(self.base_url + "/slack/events", SECRET, timeout=timeout)

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        self.popen.wait(timeout=10)

    def stop(self) -> None:
        if self.alive():
            self.popen.terminate()
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def finish(self, timeout: float = 30) -> int:
        return self.popen.wait(timeout=timeout)


@pytest.fixture
def processes(cli: Cli, tmp_path: Path) -> Iterator[Callable[..., Process]]:
    """Start ``casebot`` processes on this test's database and fake Slack; all are stopped at
    the end. ``start("tick", "--force")``; ``start("serve", env={...})`` waits for /healthz."""
    started: list[Process] = []

    def start(command: str, *args: str, env: dict[str, str] | None = None,
              workers: int = 1) -> Process:
        environ = {**os.environ, **cli.env, **(env or {})}
        log_path = tmp_path / f"{command}-{len(started)}.log"
        argv = [str(EXE), command, *args]
        port = 0
        if command == "serve":
            port = free_port()
            argv += ["--http", "--host", "127.0.0.1", "--port", str(port),
                     "--workers", str(workers)]
        with log_path.open("wb") as out:
            popen = subprocess.Popen(argv, env=environ, cwd=tmp_path, stdout=out,
                                     stderr=subprocess.STDOUT)
        process = Process(popen, log_path, f"http://127.0.0.1:{port}" if port else "")
        started.append(process)
        if command == "serve":
            def up() -> bool:
                assert process.alive(), process.log()
                try:
                    return process.healthz()[0] == 200
                except OSError:
                    return False

            wait_for(up, timeout=30, what="casebot serve to answer /healthz")
        return process

    yield start
    for process in started:
        process.stop()


def replies_to(slack: FakeSlack, user: str, marker: str) -> int:
    """Messages in ``user``'s DM that mention ``marker``."""
    return sum(marker in json.dumps(m) for m in slack.messages(dm_channel_id(user)))
