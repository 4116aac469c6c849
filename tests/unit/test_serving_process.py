"""`casebot serve --http`'s own process (issue 15): an idle worker holds neither the database
library nor the application, and runs the minute's tick as a process of its own, one at a time,
stopped in order. Real processes; the commands the ticker starts are small scripts that say
when they ran."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from handlers.serving import MinuteTicks, OneOfUs
from tests.unit.test_startup import NEVER_IDLE, ROOT

# A stand-in for `casebot tick --scheduled`: notes its start, works ``sys.argv[2]`` seconds (or
# until SIGTERM, which it notes and then ends in order), notes its end.
TICK = """
import os, signal, sys, time
log = open(sys.argv[1], "a", buffering=1)
stop = []
signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
log.write(f"start {os.getpid()}\\n")
deadline = time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline and not stop:
    time.sleep(0.01)
log.write(f"{'stopped' if stop else 'end'} {os.getpid()}\\n")
"""


def events(log: Path) -> list[str]:
    return [line.split()[0] for line in log.read_text().splitlines()] if log.exists() else []


def wait_for(predicate, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_the_tick_starts_at_once_then_each_period(tmp_path):
    log = tmp_path / "ticks.log"
    housekeeping: list[float] = []
    ticks = MinuteTicks([sys.executable, "-c", TICK, str(log), "0"],
                        lambda: housekeeping.append(time.monotonic()), seconds=0.3)
    ticks.start()
    try:
        wait_for(lambda: events(log).count("end") >= 3 and len(housekeeping) >= 3)
    finally:
        ticks.stop(5)
    assert events(log)[:2] == ["start", "end"]  # the worker's own chores run after each tick


def test_a_slow_tick_is_never_joined_by_the_next_one(tmp_path):
    """A tick that takes longer than the period (a long send): the next waits for it."""
    log = tmp_path / "ticks.log"
    ticks = MinuteTicks([sys.executable, "-c", TICK, str(log), "1.0"], lambda: None,
                        seconds=0.2)
    ticks.start()
    try:
        wait_for(lambda: events(log).count("end") >= 2, timeout=15)
    finally:
        ticks.stop(5)
    seen = events(log)
    running = 0
    for event in seen:
        running += 1 if event == "start" else -1
        assert running <= 1, seen
    assert seen.count("start") <= seen.count("end") + 1


def test_stopping_tells_the_tick_and_waits_for_its_orderly_end(tmp_path):
    log = tmp_path / "ticks.log"
    ticks = MinuteTicks([sys.executable, "-c", TICK, str(log), "30"], lambda: None, seconds=60)
    ticks.start()
    wait_for(lambda: events(log) == ["start"])
    began = time.monotonic()
    ticks.stopping()  # what SIGTERM does to the worker
    ticks.stop(10)
    assert time.monotonic() - began < 5
    assert events(log) == ["start", "stopped"]  # told, and it finished in order
    time.sleep(0.3)
    assert events(log) == ["start", "stopped"]  # nothing started after


def test_a_tick_that_will_not_stop_is_ended(tmp_path):
    log = tmp_path / "ticks.log"
    stubborn = TICK.replace("lambda *_: stop.append(1)", "signal.SIG_IGN")
    ticks = MinuteTicks([sys.executable, "-c", stubborn, str(log), "30"], lambda: None)
    ticks.start()
    wait_for(lambda: events(log) == ["start"])
    began = time.monotonic()
    ticks.stop(0.5)
    assert time.monotonic() - began < 5 and events(log) == ["start"]


def test_one_worker_on_a_machine_starts_the_ticks_and_another_takes_over(tmp_path):
    lock = tmp_path / "minute-tick.lock"
    first, second, elsewhere = OneOfUs(lock), OneOfUs(lock), OneOfUs(tmp_path / "other.lock")
    assert first() and first()  # holds its turn
    assert not second()
    assert elsewhere()  # another data directory's workers are not ours
    first.release()  # the worker ended (the kernel does this for a worker killed outright)
    assert second()
    assert oct(lock.stat().st_mode & 0o777) == "0o600"


def test_the_turn_is_never_taken_through_a_symbolic_link(tmp_path):
    """Where the lock cannot be held safely, every worker starts the tick and the database's
    lease picks one: a planted link neither redirects the file nor stops the ticks."""
    target = tmp_path / "someone-elses-file"
    link = tmp_path / "minute-tick.lock"
    link.symlink_to(target)
    assert OneOfUs(link)() and OneOfUs(link)()
    assert not target.exists()
    assert OneOfUs(None)()  # no data directory: the same


LEAN_SERVER = """
import io, json, sys
from bot.config import load_settings
from bot.health import Probe
from handlers.http import wsgi_app
from handlers.serving import Worker

settings = load_settings()
worker = Worker(settings)
app = wsgi_app(worker.bolt, Probe(settings), signing_secret="s3cret")
answers = {}
for path in ("/healthz", "/readyz"):
    got = []
    body = b"".join(app({"PATH_INFO": path, "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO()},
                        lambda status, headers: got.append(status)))
    answers[path] = [got[0], json.loads(body)]
unsigned = []
app({"PATH_INFO": "/slack/events", "REQUEST_METHOD": "POST", "CONTENT_LENGTH": "4",
     "wsgi.input": io.BytesIO(b"a=b1")}, lambda status, headers: unsigned.append(status))
print(json.dumps({"answers": answers, "unsigned": unsigned, "modules": sorted(sys.modules)}))
"""


def test_an_idle_server_process_answers_its_health_checks_without_the_application(cli):
    """What a gunicorn worker holds until Slack's first signed request: the health checks read
    the database with its own driver, and an unsigned request is refused, without SQLAlchemy,
    the models, the services, Slack's Web API client or the cipher."""
    cli.ok("init")
    env = {**os.environ, **cli.env, "PYTHONPATH": str(ROOT), "SLACK_BOT_TOKEN": "xoxb-1",
           "SLACK_SIGNING_SECRET": "s3cret"}
    done = subprocess.run([sys.executable, "-c", LEAN_SERVER], env=env, cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    probe = json.loads(done.stdout.splitlines()[-1])
    assert probe["answers"]["/healthz"][0].startswith("200")
    assert probe["answers"]["/healthz"][1]["database"] == "ok"
    assert probe["answers"]["/readyz"] == ["200 OK", {"ready": True, "database": "ok",
                                                      "schema": "ok", "config": "ok"}]
    assert probe["unsigned"] and probe["unsigned"][0].startswith("401")
    loaded = {m.split(".")[0] for m in probe["modules"]} | set(probe["modules"])
    heavy = {"sqlalchemy", "storage.models", "storage.uow", "bot.domain", "bot.services",
             "bot.jobs", "handlers.app", "handlers.commands", "handlers.notifier"}
    never = NEVER_IDLE - {"slack_bolt", "gunicorn", "slack_sdk"}  # the front door's own
    if cli.env["DATABASE_URL"].startswith("postgresql"):
        never -= {"psycopg"}  # the health checks' driver there
    assert loaded & (heavy | never) == set()


@pytest.mark.parametrize("migrated_url", ["sqlite"], indirect=True)
def test_a_health_check_never_creates_a_missing_database_file(cli, tmp_path):
    from bot.config import load_settings
    from bot.health import Probe

    gone = tmp_path / "elsewhere" / "casebot.db"
    gone.parent.mkdir()
    settings = load_settings({**cli.env, "DATABASE_URL": f"sqlite:///{gone}"})
    probe = Probe(settings)
    assert probe.live() == (False, {"status": "database unreachable",
                                    "database": "unreachable"})
    assert probe.ready()[1]["database"] == "unreachable"
    assert not gone.exists()


def test_a_failed_tick_is_logged_for_the_alert_on_tick_failed(tmp_path, caplog):
    caplog.set_level(logging.ERROR, logger="handlers.serving")
    ticks = MinuteTicks([sys.executable, "-c", "import sys; sys.exit(1)"], lambda: None,
                        seconds=60)
    ticks.start()
    wait_for(lambda: any("tick failed" in r.getMessage() for r in caplog.records))
    ticks.stop(5)
    assert "ended with exit code 1" in caplog.records[0].getMessage()


def test_a_killed_tick_is_logged_as_killed(tmp_path, caplog):
    caplog.set_level(logging.ERROR, logger="handlers.serving")
    ticks = MinuteTicks([sys.executable, "-c", "import os; os.kill(os.getpid(), 9)"],
                        lambda: None, seconds=60)
    ticks.start()
    wait_for(lambda: any("tick failed" in r.getMessage() for r in caplog.records))
    ticks.stop(5)
    assert "was killed by signal 9" in caplog.records[0].getMessage()
