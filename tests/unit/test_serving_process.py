"""`casebot serve --http`'s own process (issue 15): an idle worker holds neither the database
library nor the application, and runs the minute's tick as a process of its own, one at a time,
stopped in order. Real processes; the commands the ticker starts are small scripts that say
when they ran."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import subprocess
import sys
import tempfile
import threading
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


# A stand-in for a worker: takes its turn on the server's turn file (fd given), says whether it
# got it, then holds it until its stdin closes, and asks again.
TURN = """
import sys
from handlers.serving import OneOfUs
turn = OneOfUs(int(sys.argv[1]))
print("mine" if turn() else "not mine", flush=True)
sys.stdin.read()
print("mine" if turn() else "not mine", flush=True)
"""


def worker_taking_turns(fd: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", TURN, str(fd)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, pass_fds=(fd,),
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_one_worker_of_a_server_starts_the_ticks_and_another_takes_over():
    with tempfile.TemporaryFile() as turn:  # what the server's master opens before it forks
        first = worker_taking_turns(turn.fileno())
        assert first.stdout.readline().strip() == "mine"
        second = worker_taking_turns(turn.fileno())
        assert second.stdout.readline().strip() == "not mine"
        first.kill()  # killed outright: the kernel lets its turn go
        first.wait()
        assert second.communicate("")[0].strip() == "mine"
    with tempfile.TemporaryFile() as another_server:
        third = worker_taking_turns(another_server.fileno())
        assert third.communicate("")[0].splitlines()[0] == "mine"
    assert OneOfUs(None)()  # no turn file: every worker starts one, the lease decides


# A tick (the inner script) started by a "worker" (the outer one) that is then killed outright:
# the tick is told with SIGTERM, as a real one is, and stops in order.
TOLD = """
import os, signal, sys, time
from bot.bootstrap import _stop_with_parent
told = []
signal.signal(signal.SIGTERM, lambda *_: told.append(1))
print("parent alive" if _stop_with_parent() else "parent gone", flush=True)
deadline = time.monotonic() + 20
while not told and time.monotonic() < deadline:
    time.sleep(0.01)
open(sys.argv[1], "w").write("told" if told else "never told")
"""
PARENT = """
import os, signal, subprocess, sys
child = subprocess.Popen([sys.executable, "-c", sys.argv[2], sys.argv[1]],
                         env={**os.environ, "CASEBOT_TICK_PARENT": str(os.getpid())})
print(child.pid, flush=True)
signal.pause()
"""


def test_a_tick_whose_worker_is_killed_is_told_to_stop(tmp_path):
    outcome = tmp_path / "outcome"
    worker = subprocess.Popen([sys.executable, "-c", PARENT, str(outcome), TOLD],
                              stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    int(worker.stdout.readline())
    assert worker.stdout.readline().strip() == "parent alive"
    worker.kill()
    worker.wait()
    wait_for(outcome.exists, timeout=15)
    assert outcome.read_text() == "told"


def test_a_tick_that_hangs_is_stopped_and_another_started(tmp_path, caplog):
    caplog.set_level(logging.ERROR, logger="handlers.serving")
    log = tmp_path / "ticks.log"
    ticks = MinuteTicks([sys.executable, "-c", TICK, str(log), "30"], lambda: None,
                        seconds=0.2, longest=0.6)
    ticks.start()
    try:
        wait_for(lambda: events(log).count("start") >= 2, timeout=15)
    finally:
        ticks.stop(5)
    assert events(log)[:3] == ["start", "stopped", "start"]  # told first, and it stopped in order
    assert any("has run for" in r.getMessage() for r in caplog.records)


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


@pytest.fixture
def hanging_database():
    """A PostgreSQL address that accepts connections and never answers (a database that hangs)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"postgresql://casebot:s3cret@127.0.0.1:{listener.getsockname()[1]}/casebot"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    listener.close()


def test_probes_on_a_hanging_database_answer_in_seconds_and_never_hold_every_thread(
        hanging_database, tmp_path):
    from bot.config import load_settings
    from bot.health import PROBE_TIMEOUT, PROBES_AT_ONCE, Probe

    probe = Probe(load_settings({"DATABASE_URL": hanging_database, "CASEBOT_ENV_FILE": "",
                                 "CASEBOT_DATA_DIR": str(tmp_path)}))
    answers: list[tuple[float, tuple[bool, dict]]] = []

    def ask() -> None:
        began = time.monotonic()
        answer = probe.live()
        answers.append((time.monotonic() - began, answer))

    threads = [threading.Thread(target=ask) for _ in range(PROBES_AT_ONCE + 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    busy = [a for took, a in answers if a == (False, {"status": "busy", "database": "unknown"})]
    waited = [took for took, a in answers if a[1].get("status") == "database unreachable"]
    assert len(busy) == 3 and len(waited) == PROBES_AT_ONCE
    assert max(waited) < PROBE_TIMEOUT + 2  # under a monitor's 5 s
    assert probe.ready()[1]["database"] == "unreachable"  # the slots came back


def test_a_server_up_ten_minutes_without_a_tick_says_the_scheduler_is_late(cli):
    from bot.config import load_settings
    from bot.health import Probe

    cli.ok("init")
    now = [1000.0]
    probe = Probe(load_settings(cli.env), clock=lambda: now[0])
    assert probe.live()[1]["scheduler"] == {"state": "no tick yet", "last_tick_seconds_ago": None}
    now[0] += 11 * 60
    status, body = probe.live()
    assert status and body["status"] == "scheduler late"
    assert body["scheduler"] == {"state": "late", "last_tick_seconds_ago": None}
