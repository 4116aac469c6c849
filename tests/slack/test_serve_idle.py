"""`casebot serve --http --workers 2` idle, then used, as an operator would see it (issue 15): an
idle server answers its health checks and ticks every minute without any worker loading the
database library or the application; Slack's first signed request loads it in the worker that
takes it, and the answers are as before. Real processes, a fake Slack over HTTP."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from devkit.slack_requests import SlackSender
from tests.slack.conftest import CHANNEL, KATE, SECRET
from tests.slack.test_manifest_and_serve import free_port
from tests.slack.test_serve_limits import children

LOADED = "has loaded the application"


def get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def maps_sqlalchemy(pid: int) -> bool:
    """Whether the process has SQLAlchemy's compiled modules mapped (imported)."""
    return "/sqlalchemy/" in Path(f"/proc/{pid}/maps").read_text()


def test_an_idle_server_holds_no_application_until_slack_asks(group_setup, cli, fake, tmp_path):
    group_setup()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    exe = Path(sys.executable).with_name("casebot")
    log = tmp_path / "server.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [exe, "serve", "--http", "--host", "127.0.0.1", "--port", str(port), "--workers",
             "2"], env={**os.environ, **cli.env, "CASEBOT_LOG_LEVEL": "DEBUG"}, cwd=tmp_path,
            stdout=out,
            stderr=subprocess.STDOUT, text=True,
        )
    try:
        deadline = time.monotonic() + 30
        while True:  # up, and the minute's tick has run (in a process of its own)
            try:
                status, body = get(base + "/healthz")
                if status == 200 and body["scheduler"]["state"] == "ok":
                    break
            except OSError:
                pass
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        assert get(base + "/readyz") == (200, {"ready": True, "database": "ok", "schema": "ok",
                                               "config": "ok"})
        workers = children(server.pid)  # (a tick is a worker's child, not the master's)
        assert len(workers) == 2
        assert not any(maps_sqlalchemy(w) for w in workers)
        assert not maps_sqlalchemy(server.pid)
        assert LOADED not in log.read_text()

        sender = SlackSender(base + "/slack/events", SECRET)
        helped = sender.command("help", user_id=KATE, channel_id=CHANNEL)
        assert helped.status == 200 and "/casebot action" in helped.body
        assert log.read_text().count(LOADED) == 1
        assert sum(maps_sqlalchemy(w) for w in children(server.pid)) >= 1
        assert get(base + "/healthz")[0] == 200
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=40)
    output = log.read_text()
    assert server.returncode == 0, output
    # One worker took the turn, and started one tick for the minute.
    assert output.count("starts the minute's tick") == 1, output
    assert output.count("started the minute's tick") == 1, output
    assert "Traceback" not in output and "ERROR" not in output, output


def test_preload_loads_the_application_before_the_workers_start(group_setup, cli, fake,
                                                                 tmp_path):
    """`--preload`, for first answers as quick as the rest: the master loads Casebot before it
    forks, and each worker builds its app at start (an idle server holds all of it)."""
    group_setup()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "server.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [Path(sys.executable).with_name("casebot"), "serve", "--http", "--preload", "--host",
             "127.0.0.1", "--port", str(port), "--workers", "2"],
            env={**os.environ, **cli.env}, cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        deadline = time.monotonic() + 30
        while log.read_text().count(LOADED) < 2:  # both workers, without a request
            assert server.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        assert maps_sqlalchemy(server.pid) and all(map(maps_sqlalchemy, children(server.pid)))
        helped = SlackSender(base + "/slack/events", SECRET).command(
            "help", user_id=KATE, channel_id=CHANNEL)
        assert helped.status == 200 and "/casebot action" in helped.body
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=40)
    assert server.returncode == 0, log.read_text()
