"""GET /healthz (monitoring) and GET /readyz (load balancers), over HTTP like a proxy asks."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import sqlalchemy as sa

from storage import db
from tests.slack.conftest import CHANNEL, KATE, SECRET, serving


def get(url: str, method: str = "GET") -> tuple[int, dict, str]:
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            raw = reply.read().decode()
            return reply.status, json.loads(raw) if raw else {}, raw
    except urllib.error.HTTPError as error:
        raw = error.read().decode()
        return error.code, json.loads(raw) if raw else {}, raw


def execute(h, sql: str, **params) -> None:
    engine = sa.create_engine(h.cli.env["DATABASE_URL"])
    with engine.begin() as conn:
        conn.execute(sa.text(sql), params)
    engine.dispose()


def test_healthz_before_any_tick(h):
    status, body, _ = get(h.base_url + "/healthz")
    assert status == 200
    assert body == {"status": "ok", "database": "ok",
                    "scheduler": {"state": "no tick yet", "last_tick_seconds_ago": None}}


def test_healthz_reports_the_last_ticks_age(h):
    h.cli.ok("tick")  # on the clock: claims this minute, as serve's scheduler does
    status, body, _ = get(h.base_url + "/healthz")
    assert status == 200 and body["status"] == "ok"
    assert body["scheduler"]["state"] == "ok"
    assert 0 <= body["scheduler"]["last_tick_seconds_ago"] < 180


def test_healthz_says_the_scheduler_is_late_after_ten_minutes(h):
    h.cli.ok("tick")
    execute(h, "UPDATE leases SET slot = slot - 11 WHERE name = 'tick'")
    status, body, _ = get(h.base_url + "/healthz")
    # Still 200: the database answers and Slack's requests are served; a monitor reads "status".
    assert status == 200 and body["status"] == "scheduler late"
    assert body["scheduler"]["state"] == "late"
    assert body["scheduler"]["last_tick_seconds_ago"] >= 11 * 60


def test_readyz_when_all_is_well(h):
    status, body, _ = get(h.base_url + "/readyz")
    assert status == 200
    assert body == {"ready": True, "database": "ok", "schema": "ok", "config": "ok"}
    head_status, _, raw = get(h.base_url + "/readyz", method="HEAD")
    assert head_status == 200 and raw == ""


def test_readyz_is_not_ready_with_the_schema_behind(h):
    older = sorted(db.known_revisions() - {db.head_revision()})[-1]
    execute(h, "UPDATE alembic_version SET version_num = :r", r=older)
    status, body, _ = get(h.base_url + "/readyz")
    assert status == 503
    assert body == {"ready": False, "database": "ok", "schema": "not at this version",
                    "config": "ok"}
    assert get(h.base_url + "/healthz")[0] == 200  # alive, just not to be sent traffic


def test_readyz_is_not_ready_on_a_database_never_set_up(h):
    execute(h, "DROP TABLE alembic_version")
    status, body, _ = get(h.base_url + "/readyz")
    assert status == 503 and body["schema"] == "not set up" and body["database"] == "ok"


def test_readyz_is_not_ready_with_a_key_file_others_can_open(h):
    h.cli.key_file.chmod(0o644)
    status, body, _ = get(h.base_url + "/readyz")
    assert status == 503 and body["ready"] is False and body["config"] == "incomplete"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_both_say_so_when_the_database_is_unreachable(group_setup, cli, fake):
    group_setup()
    cli.env["DATABASE_URL"] = f"postgresql://casebot:s3cret@127.0.0.1:{free_port()}/casebot"
    with serving(cli, fake) as start:
        h = start()
        live, live_body, live_raw = get(h.base_url + "/healthz")
        ready, ready_body, ready_raw = get(h.base_url + "/readyz")
    assert live == 503 and live_body == {"status": "database unreachable",
                                         "database": "unreachable"}
    assert ready == 503 and ready_body["ready"] is False
    assert ready_body["database"] == "unreachable"
    for raw in (live_raw, ready_raw):
        assert "s3cret" not in raw and "127.0.0.1" not in raw


def test_the_bodies_hold_no_secrets_or_paths(h):
    h.cli.ok("tick")
    secrets = [SECRET, h.cli.env["SLACK_BOT_TOKEN"], h.cli.env["DATABASE_URL"],
               str(h.cli.key_file), h.cli.key_file.read_text().strip(), socket.gethostname()]
    for path in ("/healthz", "/readyz"):
        raw = get(h.base_url + path)[2]
        assert not [s for s in secrets if s and s in raw], path


def test_serve_logs_what_doctor_would_flag_and_starts_anyway(group_setup, cli, fake, tmp_path):
    """A problem Casebot can run with (Casebot not yet invited to a group's channel) is logged
    at start, with its fix; serve still comes up."""
    group_setup()
    fake.set_channel_members(CHANNEL, [KATE])
    port = free_port()
    exe = Path(sys.executable).with_name("casebot")
    server = subprocess.Popen(
        [exe, "serve", "--http", "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, **cli.env}, cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if get(f"http://127.0.0.1:{port}/readyz")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, server.stdout.read()
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert f"channel of Under 1 Roof: Casebot is not in {CHANNEL}" in output
    assert "/invite @Casebot" in output
