"""The app in HTTP mode on localhost, a fake Slack Web API, and signed Slack-shaped requests.

``slack_app`` runs the same WSGI application gunicorn serves (handlers.http.wsgi_app) in a
thread; the Web API client points at the fake through CASEBOT_SLACK_API_URL, as in production
with a proxy. Nothing of the project is mocked.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
import sqlalchemy as sa

from bot.bootstrap import build, health_probe, slack_runtime
from bot.config import load_settings
from devkit.fake_slack import Call, FakeSlack, dm_channel_id
from devkit.slack_requests import SlackSender
from tests.identities import JANE, TOM, write_clients_json
from tests.leak_forms import leaks_in

SECRET = "test-signing-secret"
CHANNEL = "C0U1R0001"
KATE = "U0KATE001"  # key worker, Micah Projects, in Sydney
OMAR = "U0OMAR001"  # key worker, Brisbane Housing Company, in Brisbane
FAY = "U0FAY0001"  # facilitator and secretariat
USERS = {
    KATE: {"name": "kate", "real_name": "Kate Worker", "tz": "Australia/Sydney"},
    OMAR: {"name": "omar", "real_name": "Omar Worker", "tz": "Australia/Brisbane"},
    FAY: {"name": "fay", "real_name": "Fay Facilitator", "tz": "Australia/Brisbane"},
}
BNE = dt.timezone(dt.timedelta(hours=10))
AGENCIES = ["Micah Projects", "Brisbane Housing Company"]


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


@dataclass
class Harness:
    fake: FakeSlack
    sender: SlackSender
    cli: Any
    base_url: str
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def clock(self):
        return self.cli.clock

    def at(self, iso: str) -> None:
        self.clock.at = dt.datetime.fromisoformat(iso)

    def tick(self, iso: str) -> str:
        """``casebot tick --now ISO``, with the shared clock moved there too."""
        self.at(iso)
        return self.cli.ok("tick", "--now", iso)

    def posts(self, channel: str | None = None) -> list[Call]:
        calls = self.fake.calls_to("chat.postMessage")
        return [c for c in calls if channel is None or c.args.get("channel") == channel]

    def dms_to(self, user: str) -> list[Call]:
        return self.posts(user) + self.posts(dm_channel_id(user))

    def texts(self) -> str:
        """Everything the app sent Slack, as one string (for leak checks)."""
        return "\n".join(repr(c.args) for c in self.fake.calls)

    def settle(self, method: str, count: int) -> list[Call]:
        # An upper bound, not a target: a loaded two-core CI machine once took over 10 s.
        return self.fake.wait_for(method, count, timeout=30)

    def submit_form(self, callback_id: str, values: dict[str, Any], *, user_id: str,
                    view_id: str) -> dict[str, Any]:
        """Submit the modal ``view_id`` whose answer is worked out after the ack (the form shows
        "Checking…"): the screen it then shows."""
        shown = len(self.fake.calls_to("views.update"))
        answer = self.sender.view_submission(callback_id, values, user_id=user_id,
                                             view=self.fake.view(view_id))
        assert answer.json()["response_action"] == "update", answer.body
        assert "Checking" in json.dumps(answer.json()["view"])
        wait_until(lambda: [c for c in self.fake.calls_to("views.update")[shown:]
                            if c.args.get("view_id") == view_id])
        return self.fake.view(view_id)

    def query(self, sql: str) -> list[Any]:
        """Rows of ``sql`` on the app's database, read as an auditor would."""
        engine = sa.create_engine(self.cli.env["DATABASE_URL"])
        try:
            with engine.connect() as conn:
                return list(conn.execute(sa.text(sql)).all())
        finally:
            engine.dispose()

    def count(self, table: str) -> int:
        return int(self.query(f"SELECT count(*) FROM {table}")[0][0])


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack(users=USERS, open_channels=True) as server:
        yield server
    # Every Slack test: nothing the app sent may hold the test clients' registered details, in
    # any of the forms a person writes them (tests/leak_forms.py).
    sent = "\n".join(json.dumps(c.args, ensure_ascii=False) for c in server.calls)
    leaks = leaks_in(sent, {"U1R-014": JANE, "U1R-015": TOM})
    assert not leaks, f"identifiers reached Slack: {leaks}"


def point_at(cli: Any, fake: FakeSlack) -> dict[str, str]:
    """Give the CLI's environment the Slack settings of ``fake``."""
    cli.env.update(
        {
            "SLACK_BOT_TOKEN": fake.bot_token,
            "SLACK_SIGNING_SECRET": SECRET,
            "CASEBOT_SLACK_API_URL": fake.base_url,
        }
    )
    return cli.env


@pytest.fixture
def slack_env(cli, fake) -> dict[str, str]:
    return point_at(cli, fake)


@pytest.fixture
def group_setup(cli, slack_env, tmp_path):
    """The Under 1 Roof group: fortnightly Tuesdays 10:00 Brisbane from 1 Dec 2026."""

    def run(*, clients: int = 0) -> None:
        cli.ok("init")
        cli.ok("agency", "add", "Micah Projects")
        cli.ok("agency", "add", "Brisbane Housing Company")
        cli.ok(
            "group", "create", "--name", "Under 1 Roof", "--channel", CHANNEL,
            "--rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10",
            "--tz", "Australia/Brisbane", "--first", "2026-12-01T10:00",
        )
        cli.ok("member", "add", "--user", KATE, "--agency", "Micah Projects", "--role", "worker")
        cli.ok("member", "add", "--user", OMAR, "--agency", "Brisbane Housing Company",
               "--role", "worker", "--role", "champion")
        cli.ok("member", "add", "--user", FAY, "--agency", "Brisbane Housing Company",
               "--role", "facilitator", "--role", "secretariat")
        consent = {"given_on": "2026-10-01", "agencies": AGENCIES}
        items = [
            {**JANE, "code": "U1R-014", "agency": "Micah Projects", "key_worker": KATE},
            {**TOM, "code": "U1R-015", "agency": "Brisbane Housing Company", "key_worker": OMAR},
        ]
        items += [
            {"code": f"U1R-{100 + n}", "agency": "Micah Projects", "key_worker": KATE}
            for n in range(clients)
        ]
        for item in items:
            item["consent"] = consent
        cli.ok("client", "add", "--from-json", str(write_clients_json(tmp_path / "c.json", items)))

    return run


@contextmanager
def serving(cli: Any, fake: FakeSlack) -> Iterator[Callable[[], Harness]]:
    """``start()`` serves the app over HTTP on localhost; stopped on leaving."""
    servers: list[Any] = []

    def start() -> Harness:
        container = build(load_settings(cli.env), clock=cli.clock)
        app = slack_runtime(container).wsgi(health_probe(container))
        server = make_server(
            "127.0.0.1", 0, app,
            server_class=_ThreadingServer, handler_class=_QuietHandler,
        )
        # shutdown() waits for the loop to look up: poll often (the default 0.5 s per test adds up).
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append((server, container))
        url = f"http://127.0.0.1:{server.server_port}"
        return Harness(fake, SlackSender(url + "/slack/events", SECRET), cli, url)

    try:
        yield start
    finally:
        for server, container in servers:
            server.shutdown()
            container.close()


@pytest.fixture
def slack_app(cli, slack_env, fake) -> Iterator[Callable[[], Harness]]:
    """Serve the app over HTTP on localhost (call after the database is set up)."""
    with serving(cli, fake) as start:
        yield start


@pytest.fixture
def h(group_setup, slack_app) -> Harness:
    """The usual group served over HTTP, on Thu 26 Nov 2026 10:00 in Brisbane."""
    group_setup()
    harness = slack_app()
    harness.at("2026-11-26T10:00+10:00")
    return harness


def wait_until(predicate, timeout: float = 10.0):
    """Poll until ``predicate()`` is truthy (the app acks Slack, then works in the background)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError("timed out waiting")
