"""Acknowledgement latency of Casebot's HTTP endpoint, through the production path.

Sets up a throwaway installation with the ``casebot`` CLI, starts ``casebot serve --http``
(gunicorn, gthread) as a subprocess against an in-process fake Slack Web API, then sends signed
requests one at a time and times each HTTP response (Slack's 3-second acknowledgement) with
``time.perf_counter``:

* ``action``: ``/casebot action U1R-014 <@KATE|kate> …`` by a group member (real work after the ack:
  a database write, a channel announcement, an owner DM, a response-URL reply);
* ``attend``: the "I'll be there" button on a meeting prompt (a write and a ``chat.update``);
* ``help``: ``/casebot help`` (answered in the ack itself: the baseline);
* ``next``: ``/casebot next`` and ``/casebot back``, alternately, by the facilitator in a second
  group's channel while its meeting runs (a write and a ``chat.update`` of the presenter message);
* ``decision``: ``/casebot decision refer to the outreach team`` by a worker in that meeting (a
  de-identified write, a ``chat.update`` of the presenter, the receipt through the response URL).

The running meeting is a second group's, whose first meeting began five minutes before the
benchmark (``casebot serve`` reads the system clock; ``/casebot start`` opens a meeting from an hour
before it until its end): an action in a group whose meeting runs goes onto its screen instead of
being announced, and answers to a meeting's prompt close when it starts, so ``action`` and
``attend`` keep the first group, whose meeting is a week away. ``/casebot start`` is sent once,
before the warm-up.

"completion" is the time from sending until the follow-up work reached the fake Slack: the channel
announcement for ``action``, the ``chat.update`` for ``attend`` and ``next``, the response-URL reply
for ``decision``. Each request's follow-up is awaited before the next request, so every figure is
for an otherwise idle server.

    .venv/bin/python bench/http_ack.py [--requests N] [--postgres | --database-url URL] [--markdown]

A benchmark, not a test: nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import itertools
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bot.cli import main as casebot_main  # noqa: E402
from bot.cli.console import Console  # noqa: E402
from devkit.fake_slack import Call, FakeSlack, dm_channel_id  # noqa: E402
from devkit.slack_requests import SlackSender  # noqa: E402

SECRET = "bench-signing-secret"
BOT_TOKEN = "xoxb-test-token"
GROUP = "Under 1 Roof"
CHANNEL = "C0U1R0001"
LIVE_GROUP = "Under 1 Roof South"  # its meeting is running while the benchmark runs
LIVE_CHANNEL = "C0U1S0001"
TZ = "Australia/Brisbane"
KATE = "U0KATE001"  # worker, Micah Projects: owns the actions, clicks "I'll be there", decides
OMAR = "U0OMAR001"  # worker and champion, Brisbane Housing Company
FAY = "U0FAY0001"  # facilitator and secretariat: runs /casebot action, start, next and back
USERS = {
    KATE: {"name": "kate", "real_name": "Kate Worker", "tz": "Australia/Sydney"},
    OMAR: {"name": "omar", "real_name": "Omar Worker", "tz": TZ},
    FAY: {"name": "fay", "real_name": "Fay Facilitator", "tz": TZ},
}
CLIENTS = 20
WARMUP = 20
ACK_DEADLINE_MS = 3000.0
FOLLOW_UP_TIMEOUT = 10.0
POSTGRES_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
ACTION_TEXT = f"action U1R-014 <@{KATE}|kate> call the housing provider by Friday"
DECISION_TEXT = "decision refer to the outreach team"


class BenchError(Exception):
    """The benchmark could not run (setup failed, the server did not start, a bad answer)."""


# --- the installation ------------------------------------------------------------------------


def casebot(env: dict[str, str], *args: str) -> str:
    """Run one ``casebot`` command in-process, as an operator would; its output, or BenchError."""
    out, err = io.StringIO(), io.StringIO()
    console = Console(out=out, err=err, stdin=io.StringIO(), environ=env, interactive=False)
    code = casebot_main(list(args), console=console)
    if code != 0:
        raise BenchError(f"casebot {' '.join(args[:2])} failed ({code}): {err.getvalue().strip()}")
    return out.getvalue()


def first_meeting() -> dt.datetime:
    """A week from today at 10:00 Brisbane time: in the future whenever the benchmark runs."""
    today = dt.datetime.now(ZoneInfo(TZ)).date()
    return dt.datetime.combine(today + dt.timedelta(days=7), dt.time(10), ZoneInfo(TZ))


def live_meeting() -> dt.datetime:
    """Five minutes ago (to the minute), Brisbane time: a meeting ``/casebot start`` opens now."""
    now = dt.datetime.now(ZoneInfo(TZ)).replace(second=0, microsecond=0)
    return now - dt.timedelta(minutes=5)


def client_items() -> list[dict[str, Any]]:
    """U1R-014 (Kate's) and U1R-015 (Omar's) plus more of Kate's, with invented details."""
    items: list[dict[str, Any]] = [
        {
            "code": "U1R-014",
            "agency": "Micah Projects",
            "key_worker": KATE,
            "full_name": "Bench Client Fourteen",
            "date_of_birth": "1988-04-03",
            "phone": "0400 000 014",
        },
        {
            "code": "U1R-015",
            "agency": "Brisbane Housing Company",
            "key_worker": OMAR,
            "full_name": "Bench Client Fifteen",
        },
    ]
    items += [
        {"code": f"U1R-{100 + n}", "agency": "Micah Projects", "key_worker": KATE}
        for n in range(CLIENTS - len(items))
    ]
    return items


def live_client_items() -> list[dict[str, Any]]:
    """The running meeting's clients, U1S-100 to U1S-119, with no identifiable details."""
    return [
        {"code": f"U1S-{100 + n}", "agency": "Micah Projects", "key_worker": KATE}
        for n in range(CLIENTS)
    ]


def add_clients(env: dict[str, str], workdir: Path, group: str, items: list[Any]) -> None:
    clients = workdir / "clients.json"
    clients.write_text(json.dumps(items), encoding="utf-8")
    casebot(env, "client", "add", "--from-json", str(clients), "--group", group)
    clients.unlink()


def create_group(env: dict[str, str], name: str, channel: str, first: dt.datetime) -> None:
    """A fortnightly group whose meetings fall on ``first``'s weekday and time of day."""
    byday = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[first.weekday()]
    rule = f"FREQ=WEEKLY;INTERVAL=2;BYDAY={byday};BYHOUR={first.hour};BYMINUTE={first.minute}"
    casebot(env, "group", "create", "--name", name, "--channel", channel, "--rrule", rule,
            "--tz", TZ, "--first", first.strftime("%Y-%m-%dT%H:%M"))


def set_up(env: dict[str, str], workdir: Path, meeting: dt.datetime, live: dt.datetime) -> None:
    """init, two agencies, two groups, three members in both, 20 clients in each (like tests'
    group_setup); ``meeting`` is the first group's next meeting, ``live`` the second's."""
    casebot(env, "init")
    casebot(env, "agency", "add", "Micah Projects")
    casebot(env, "agency", "add", "Brisbane Housing Company")
    create_group(env, GROUP, CHANNEL, meeting)
    create_group(env, LIVE_GROUP, LIVE_CHANNEL, live)
    both = ("--group", GROUP, "--group", LIVE_GROUP)
    casebot(env, "member", "add", "--user", KATE, "--agency", "Micah Projects", "--role", "worker",
            *both)
    casebot(env, "member", "add", "--user", OMAR, "--agency", "Brisbane Housing Company",
            "--role", "worker", "--role", "champion", *both)
    casebot(env, "member", "add", "--user", FAY, "--agency", "Brisbane Housing Company",
            "--role", "facilitator", "--role", "secretariat", *both)
    add_clients(env, workdir, GROUP, client_items())
    add_clients(env, workdir, LIVE_GROUP, live_client_items())
    prompts_at = (meeting - dt.timedelta(days=3)).replace(hour=9, minute=0)
    while prompts_at.weekday() >= 5:  # due on a weekend, they go out the Friday before
        prompts_at -= dt.timedelta(days=1)
    casebot(env, "tick", "--now", prompts_at.isoformat(), "--force")  # a throwaway database
    casebot(env, "tick")  # now: whatever the running meeting has due goes out before measuring


@contextmanager
def fresh_postgres(prefix: str = "casebot_bench") -> Iterator[str]:
    """A new database ``<prefix>_<random>`` on the local server, dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(POSTGRES_SERVER, isolation_level="AUTOCOMMIT")
    try:
        try:
            with admin.connect() as conn:
                conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        except sa.exc.SQLAlchemyError as exc:
            raise BenchError(f"cannot create a database on 127.0.0.1:5432: {exc.orig}") from None
        try:
            yield POSTGRES_SERVER.rsplit("/", 1)[0].replace("+psycopg", "") + "/" + name
        finally:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


# --- the server --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def casebot_executable() -> str:
    beside = Path(sys.executable).parent / "casebot"
    return str(beside if beside.exists() else ROOT / ".venv" / "bin" / "casebot")


def start_server(env: dict[str, str], port: int, log: Path) -> subprocess.Popen[bytes]:
    """``casebot serve --http`` in its own process group, output to ``log``."""
    command = [casebot_executable(), "serve", "--http", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", "1"]
    with log.open("wb") as out:
        return subprocess.Popen(
            command,
            env={**os.environ, **env},
            cwd=log.parent,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_healthy(base_url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"the server exited ({server.returncode}):\n{tail(log)}")
        try:
            with opener.open(base_url + "/healthz", timeout=2) as reply:
                if reply.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    raise BenchError(f"no 200 from /healthz within 30 s:\n{tail(log)}")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    """SIGTERM to gunicorn's master (graceful), SIGKILL to its group if it lingers."""
    if server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


def tail(log: Path, lines: int = 30) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


# --- the requests ------------------------------------------------------------------------------


@dataclass
class Sample:
    ack_ms: float
    done_ms: float | None  # follow-up work seen at the fake; None when the kind has none


@dataclass
class Kind:
    name: str
    description: str
    send: Callable[[], Sample]
    samples: list[Sample] = field(default_factory=list)


def _new_calls(fake: FakeSlack, start: int) -> list[Call]:
    return list(fake.calls[start:])


def _check(name: str, status: int, body: str) -> None:
    if status != 200:
        raise BenchError(f"{name}: HTTP {status}: {body[:200]}")


def _replies_since(fake: FakeSlack, start: int) -> str:
    texts = [str(c.args.get("text", "")) for c in _new_calls(fake, start)]
    return "; ".join(t[:200] for t in texts if t) or "(none)"


def _await_update(fake: FakeSlack, name: str, start: int, ts: str) -> Call:
    """The first ``chat.update`` of the message ``ts`` since call number ``start``."""
    deadline = time.monotonic() + FOLLOW_UP_TIMEOUT
    while True:
        for call in _new_calls(fake, start):
            if call.method == "chat.update" and call.args.get("ts") == ts:
                if not call.ok:
                    raise BenchError(f"{name}: chat.update failed: {call.error}")
                return call
        seen = len(fake.calls_to("chat.update"))
        try:
            fake.wait_for("chat.update", seen + 1, timeout=max(0.0, deadline - time.monotonic()))
        except AssertionError:
            raise BenchError(
                f"{name}: no chat.update within {FOLLOW_UP_TIMEOUT:.0f} s; Slack was sent: "
                + _replies_since(fake, start)
            ) from None


def start_meeting(fake: FakeSlack, sender: SlackSender) -> str:
    """``/casebot start`` by the facilitator in the live group's channel; the presenter's ts."""
    hook = fake.response_url()
    start, replies = len(fake.calls), len(fake.calls_to("response_url"))
    answer = sender.command("start", user_id=FAY, channel_id=LIVE_CHANNEL, response_url=hook)
    _check("start", answer.status, answer.body)
    # The reply comes after the presenter message is posted and its ts saved.
    reply = fake.wait_for("response_url", replies + 1, timeout=FOLLOW_UP_TIMEOUT)[replies]
    posts = [
        c
        for c in _new_calls(fake, start)
        if c.method == "chat.postMessage" and c.args.get("channel") == LIVE_CHANNEL and c.ok
    ]
    if not posts or not str(reply.args.get("text", "")).startswith("The meeting is open"):
        raise BenchError(f"start: the meeting did not open: {reply.args.get('text')!r}")
    return str(posts[0].response["ts"])


def make_kinds(
    fake: FakeSlack, sender: SlackSender, meeting_id: str, presenter_ts: str
) -> list[Kind]:
    """The five request kinds, each sending one request and waiting for its follow-up."""
    prompt = fake.messages(dm_channel_id(KATE))[0]
    steps = itertools.cycle(("next", "back"))  # on and back again: the clients never run out

    def action() -> Sample:
        hook = fake.response_url()  # a response URL takes 5 posts: one per request
        start, replies = len(fake.calls), len(fake.calls_to("response_url"))
        t0 = time.perf_counter()
        answer = sender.command(ACTION_TEXT, user_id=FAY, channel_id=CHANNEL, response_url=hook)
        ack = time.perf_counter() - t0
        _check("action", answer.status, answer.body)
        # The confirmation goes to the response URL after the announcement: once it is in,
        # the announcement is too, and the request's work is over.
        fake.wait_for("response_url", replies + 1, timeout=FOLLOW_UP_TIMEOUT)
        posts = [
            c
            for c in _new_calls(fake, start)
            if c.method == "chat.postMessage" and c.args.get("channel") == CHANNEL and c.ok
        ]
        if not posts:
            raise BenchError("action: no channel announcement before the confirmation")
        return Sample(ack * 1000, (posts[0].at - t0) * 1000)

    def attend() -> Sample:
        start = len(fake.calls)
        t0 = time.perf_counter()
        answer = sender.block_action("attend", user_id=KATE, message=prompt, value=meeting_id)
        ack = time.perf_counter() - t0
        _check("attend", answer.status, answer.body)
        done = _await_update(fake, "attend", start, prompt["ts"])
        return Sample(ack * 1000, (done.at - t0) * 1000)

    def help_() -> Sample:
        t0 = time.perf_counter()
        answer = sender.command("help", user_id=FAY, channel_id=CHANNEL)
        ack = time.perf_counter() - t0
        _check("help", answer.status, answer.body)
        return Sample(ack * 1000, None)

    def step() -> Sample:
        how = next(steps)
        hook = fake.response_url()  # only an error would be posted to it
        start = len(fake.calls)
        t0 = time.perf_counter()
        answer = sender.command(how, user_id=FAY, channel_id=LIVE_CHANNEL, response_url=hook)
        ack = time.perf_counter() - t0
        _check(how, answer.status, answer.body)
        done = _await_update(fake, how, start, presenter_ts)
        return Sample(ack * 1000, (done.at - t0) * 1000)

    def decision() -> Sample:
        hook = fake.response_url()
        replies = len(fake.calls_to("response_url"))
        t0 = time.perf_counter()
        answer = sender.command(DECISION_TEXT, user_id=KATE, channel_id=LIVE_CHANNEL,
                                response_url=hook)
        ack = time.perf_counter() - t0
        _check("decision", answer.status, answer.body)
        # The receipt is posted after the write and the presenter's chat.update: the work is over.
        reply = fake.wait_for("response_url", replies + 1, timeout=FOLLOW_UP_TIMEOUT)[replies]
        if not str(reply.args.get("text", "")).startswith("Decision recorded"):
            raise BenchError(f"decision: not recorded: {reply.args.get('text')!r}")
        return Sample(ack * 1000, (reply.at - t0) * 1000)

    return [
        Kind("action", "/casebot action (slash command, work after ack)", action),
        Kind("attend", "button attend (interactivity, work after ack)", attend),
        Kind("help", "/casebot help (answered in the ack)", help_),
        Kind("next", "/casebot next and back, alternately, in a running meeting", step),
        Kind("decision", "/casebot decision in a running meeting (a receipt after)", decision),
    ]


def run(kinds: Sequence[Kind], requests: int, warmup: int) -> None:
    """Warm up, then send ``requests`` of each kind, round-robin, one at a time."""
    for _ in range(warmup):
        for kind in kinds:
            kind.send()
    for _ in range(requests):
        for kind in kinds:
            kind.samples.append(kind.send())


# --- the report --------------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of non-empty ``values``."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))  # ceil(n * p / 100)
    return ordered[int(rank) - 1]


def rows(kinds: Sequence[Kind]) -> list[list[str]]:
    out = []
    for kind in kinds:
        acks = [s.ack_ms for s in kind.samples]
        done = [s.done_ms for s in kind.samples if s.done_ms is not None]
        under = sum(a < ACK_DEADLINE_MS for a in acks) / len(acks)
        out.append(
            [
                kind.name,
                str(len(acks)),
                *(f"{percentile(acks, p):.1f}" for p in (50, 90, 99)),
                f"{max(acks):.1f}",
                f"{under:.1%}",
                f"{percentile(done, 50):.1f}" if done else "-",
                f"{percentile(done, 99):.1f}" if done else "-",
            ]
        )
    return out


HEADERS = [
    "request",
    "count",
    "ack p50 ms",
    "ack p90 ms",
    "ack p99 ms",
    "ack max ms",
    "ack < 3 s",
    "completion p50 ms",
    "completion p99 ms",
]


def plain_table(table: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [HEADERS, *table]) for i in range(len(HEADERS))]
    lines = [HEADERS, ["-" * w for w in widths], *table]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)) for r in lines)


def markdown_table(table: list[list[str]]) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|---" + "|---:" * (len(HEADERS) - 1) + "|"]
    lines += ["| " + " | ".join([f"`{r[0]}`", *r[1:]]) + " |" for r in table]
    return "\n".join(lines)


def health_notes(fake: FakeSlack, log: Path) -> list[str]:
    """Anything that went wrong on the way: failed or invalid Slack calls, server errors."""
    notes = []
    failed = [c for c in fake.calls if not c.ok]
    if failed:
        errors = sorted({f"{c.method}: {c.error}" for c in failed})
        notes.append(f"{len(failed)} Slack call(s) failed: {', '.join(errors)}")
    if invalid := fake.invalid_calls():
        notes.append(f"{len(invalid)} Slack call(s) broke a Slack limit")
    text = log.read_text(errors="replace") if log.exists() else ""
    bad = [line for line in text.splitlines() if " ERROR " in line or "Traceback" in line]
    if bad:
        notes.append(f"{len(bad)} error line(s) in the server log, e.g. {bad[0][:200]}")
    return notes


# --- main --------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="per kind (default 300)")
    parser.add_argument("--warmup", type=int, default=WARMUP, help="per kind, not counted")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--database-url", help="an empty database to use (default: SQLite file)")
    where.add_argument(
        "--postgres",
        action="store_true",
        help="create (and drop afterwards) a fresh database on postgresql://postgres@127.0.0.1",
    )
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.warmup < 0:
        parser.error("--requests must be 1 or more and --warmup 0 or more")
    return args


def bench(database_url: str | None, args: argparse.Namespace) -> tuple[str, list[Kind], list[str]]:
    """Set up, serve, measure; returns the database kind, the results and any problems seen."""
    workdir = Path(tempfile.mkdtemp(prefix="casebot-bench-"))
    server: subprocess.Popen[bytes] | None = None
    fake = FakeSlack(bot_token=BOT_TOKEN, users=USERS, clock=time.perf_counter,
                     open_channels=True)
    log = workdir / "server.log"
    try:
        fake.start()
        url = database_url or f"sqlite:///{workdir / 'data' / 'casebot.db'}"
        env = {
            "HOME": str(workdir),
            "CASEBOT_DATA_DIR": str(workdir / "data"),
            "DATABASE_URL": url,
            "CASEBOT_KEY_FILE": str(workdir / "keys" / "master.key"),
            "CASEBOT_ENV_FILE": "",
            "CASEBOT_ACTOR": "bench@localhost",
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "CASEBOT_SLACK_API_URL": fake.base_url,
        }
        set_up(env, workdir, first_meeting(), live_meeting())
        prompt = next(iter(fake.messages(dm_channel_id(KATE))), None)
        if prompt is None:
            raise BenchError("the tick sent Kate no meeting prompt")
        meeting_id = next(
            e["value"]
            for b in prompt["blocks"]
            for e in b.get("elements", [])
            if e.get("action_id") == "attend"
        )
        port = free_port()
        server = start_server(env, port, log)
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, server, log)
        sender = SlackSender(base + "/slack/events", SECRET)
        presenter_ts = start_meeting(fake, sender)
        kinds = make_kinds(fake, sender, meeting_id, presenter_ts)
        run(kinds, args.requests, args.warmup)
        return url.split(":", 1)[0], kinds, health_notes(fake, log)
    finally:
        if server is not None:
            stop_server(server)
        fake.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    try:
        if args.postgres:
            with fresh_postgres() as url:
                backend, kinds, notes = bench(url, args)
        else:
            backend, kinds, notes = bench(args.database_url, args)
    except BenchError as exc:
        print(f"http_ack: {exc}", file=sys.stderr)
        return 1
    table = rows(kinds)
    elapsed = time.perf_counter() - started
    print(
        f"HTTP ack latency: {backend}, {args.requests} requests per kind after {args.warmup} "
        f"warm-up, gunicorn gthread 1 worker, {os.cpu_count()} CPU, Python "
        f"{platform.python_version()}, {elapsed:.0f} s"
    )
    print(markdown_table(table) if args.markdown else plain_table(table))
    for note in notes:
        print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
