"""Acknowledgements under concurrent load: Casebot beside a bare Bolt floor (issue 15).

Sets up a throwaway installation with the ``casebot`` CLI (one fortnightly group, a facilitator
and five workers, 60 clients, 180 open actions written straight into the database, the meeting
prompts sent by ``casebot tick``), then runs two servers side by side under the same gunicorn
settings (``handlers.http.serve``: Casebot's guarded threaded worker, 2 workers):

* ``casebot serve --http --workers 2`` against an in-process fake Slack Web API;
* ``bench/bare_bolt.py --workers 2``: a Bolt app whose listeners only call ``ack()`` (the floor).

A separate process sends signed requests at a fixed rate, open-loop: every send time is fixed
before the round starts and each latency is measured from its *scheduled* time, so a sender held
up by a slow server does not hide the delay (no coordinated omission). One connection per request.
Three kinds, each sent to Casebot and, with fresh signatures, to the floor:

* ``action``: ``/casebot action U1R-1xx <@worker> call the housing provider by Friday`` by the
  facilitator; the work after the ack records it, announces it in the channel, DMs the owner and
  confirms through the response URL (one per request: the follow-up awaited).
* ``attend``: "I'll be there" on a worker's meeting prompt; the work records the answer and
  edits the prompt (``chat.update``, the follow-up awaited).
* ``update``: the update form submitted (``/casebot update`` opened it once per worker at set-up):
  the update is checked, de-identified and kept as a draft, and the form shows its preview (the
  follow-up awaited: ``views.update`` of the form, or the preview in the ack itself).

Rates (10, 50, 100 req/s) and kinds are run in rounds that interleave Casebot and the floor
(floor first in even rounds, Casebot first in odd ones). After each Casebot round the script
waits for the work to drain and counts it: every acknowledged request must have its follow-up at
the fake Slack, and every action and draft must be in the database (``lost`` counts the missing).
Then an overload phase pushes one rate (default 100 req/s for 30 s) at Casebot per kind, beside
a floor round of the same length, and reports how the queue drained.

    PYTHONPATH=$PWD .venv/bin/python bench/ack_load.py [--quick] [--sqlite] [--markdown]

PostgreSQL by default: a fresh database ``b_ackload_<random>`` on 127.0.0.1:5432, dropped
afterwards. A benchmark, not a test: nothing here asserts on timings.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import datetime as dt
import itertools
import multiprocessing
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "bench"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import http_ack as base  # noqa: E402
import sqlalchemy as sa  # noqa: E402

from devkit.fake_slack import FakeSlack, dm_channel_id  # noqa: E402
from devkit.slack_requests import Response, SlackSender, signature  # noqa: E402

SECRET = base.SECRET
CHANNEL = base.CHANNEL
GROUP = base.GROUP
TZ = base.TZ
FAY = base.FAY  # facilitator and secretariat: sends /casebot action
WORKERS = {  # user id -> Slack name; each is key worker of 12 clients
    "U0KATE001": "kate", "U0OMAR001": "omar", "U0ANA0001": "ana", "U0BEN0001": "ben",
    "U0CAT0001": "cat",
}
USERS = {
    FAY: {"name": "fay", "real_name": "Fay Facilitator", "tz": TZ},
    **{u: {"name": n, "real_name": f"{n.title()} Worker", "tz": TZ} for u, n in WORKERS.items()},
}
AGENCIES = ("Micah Projects", "Brisbane Housing Company")
CLIENTS = 60
OPEN_ACTIONS = 180
SERVER_WORKERS = 2
SLACK_DEADLINE = 3.0
SEND_TIMEOUT = 10.0  # an answer later than this counts as none (inf)
UPDATE_TEXT = ("spoke with the housing provider today, inspection booked for Friday at 2pm; "
               "still waiting on the Centrelink review, will follow up with her sister")


class BenchError(Exception):
    """The benchmark could not run."""


# --- requests, prepared ahead and sent from another process -------------------------------------


@dataclass
class Prepared:
    """One signed request, ready to send; ``tag`` names the follow-up that shows its work."""

    body: bytes
    headers: dict[str, str]
    tag: str = ""


class Capture(SlackSender):
    """Builds and signs requests exactly as ``SlackSender`` does, but keeps them to send later."""

    def __init__(self, secret: str) -> None:
        super().__init__("http://unused/slack/events", secret)
        self._secret_key = secret
        self.kept: list[Prepared] = []

    def raw(
        self,
        body: bytes,
        *,
        content_type: str,
        timestamp: int | None = None,
        signature: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Response:
        ts = int(time.time()) if timestamp is None else timestamp
        self.kept.append(Prepared(body, {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": str(ts),
            "X-Slack-Signature": signature or _sign(self._secret_key, ts, body),
            "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
            **(extra_headers or {}),
        }))
        return Response(0, {}, "")

    def take(self, tag: str) -> Prepared:
        prepared = self.kept.pop()
        prepared.tag = tag
        return prepared


_sign = signature


@dataclass
class Shot:
    """One request as sent: its scheduled time (``time.monotonic``, shared by processes on
    Linux), its acknowledgement latency in seconds (inf: none within SEND_TIMEOUT)."""

    at: float
    ack: float
    status: int
    body: str


async def _send(port: int, request: Prepared) -> tuple[int, str]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        head = ["POST /slack/events HTTP/1.1", "Host: 127.0.0.1", "Connection: close",
                f"Content-Length: {len(request.body)}"]
        head += [f"{k}: {v}" for k, v in request.headers.items()]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + request.body)
        await writer.drain()
        answer = await reader.read()  # Connection: close, so to the end
    finally:
        writer.close()
    status_line, _, rest = answer.partition(b"\r\n")
    _, _, body = rest.partition(b"\r\n\r\n")
    parts = status_line.split()
    return (int(parts[1]) if len(parts) > 1 else 0), body.decode("utf-8", "replace")


async def _fire(port: int, rate: float, requests: list[Prepared], lead: float) -> list[Shot]:
    start = time.monotonic() + lead
    shots: list[Shot] = []

    async def one(at: float, request: Prepared) -> None:
        await asyncio.sleep(max(0.0, at - time.monotonic()))
        try:
            status, body = await asyncio.wait_for(_send(port, request), SEND_TIMEOUT)
            took = time.monotonic() - at
        except (OSError, TimeoutError, ValueError):
            status, body, took = 0, "", float("inf")
        shots.append(Shot(at, took, status, body))

    await asyncio.gather(*(one(start + i / rate, r) for i, r in enumerate(requests)))
    shots.sort(key=lambda s: s.at)
    return shots


def _sender_main(conn: Connection) -> None:
    """The sender process: a job is (port, rate, requests); the answer, the shots in order."""
    while True:
        job = conn.recv()
        if job is None:
            return
        port, rate, requests = job
        conn.send(asyncio.run(_fire(port, rate, requests, lead=0.3)))


class Sender:
    """The separate sending process (spawned, so none of this process's threads come along)."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_sender_main, args=(child,), daemon=True)

    def __enter__(self) -> Sender:
        self._process.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._conn.send(None)
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.kill()

    def fire(self, port: int, rate: float, requests: list[Prepared]) -> list[Shot]:
        self._conn.send((port, rate, requests))
        shots: list[Shot] = self._conn.recv()
        return shots


# --- the installation and the servers ----------------------------------------------------------


def set_up(env: dict[str, str], workdir: Path, url: str) -> None:
    """init, a group, a facilitator and five workers, 60 clients (12 each), 180 open actions,
    and the meeting prompts (sent by ``casebot tick``)."""
    from storage.models import Action, Client, Member

    meeting = base.first_meeting()
    base.casebot(env, "init")
    for agency in AGENCIES:
        base.casebot(env, "agency", "add", agency)
    base.create_group(env, GROUP, CHANNEL, meeting)
    base.casebot(env, "member", "add", "--user", FAY, "--agency", AGENCIES[1],
                 "--role", "facilitator", "--role", "secretariat")
    for n, user in enumerate(WORKERS):
        base.casebot(env, "member", "add", "--user", user, "--agency", AGENCIES[n % 2],
                     "--role", "worker")
    workers = list(WORKERS)
    items = [{"code": f"U1R-{100 + n}", "agency": AGENCIES[(n % 5) % 2],
              "key_worker": workers[n % 5]} for n in range(CLIENTS)]
    base.add_clients(env, workdir, GROUP, items)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            clients = conn.scalars(sa.select(Client.id).order_by(Client.id)).all()
            owners = conn.scalars(sa.select(Member.id).where(Member.slack_user_id.in_(workers))
                                  .order_by(Member.id)).all()
            conn.execute(sa.insert(Action), [
                {"client_id": clients[n % len(clients)], "owner_id": owners[n % len(owners)],
                 "text": f"follow up with the housing provider ({n})",
                 "due_on": meeting.date(), "status": "open", "carried_count": 0,
                 "created_at": dt.datetime.now(dt.UTC) - dt.timedelta(days=3)}
                for n in range(OPEN_ACTIONS)
            ])
    finally:
        engine.dispose()
    prompts_at = (meeting - dt.timedelta(days=3)).replace(hour=9, minute=0)
    while prompts_at.weekday() >= 5:  # due on a weekend, they go out the Friday before
        prompts_at -= dt.timedelta(days=1)
    base.casebot(env, "tick", "--now", prompts_at.isoformat(), "--force")
    base.casebot(env, "tick")


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(command, env={**os.environ, **env}, cwd=log.parent, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)


# ``background.NAME=VALUE`` in a --variant: the work pool's sizing constants (handlers.background
# and handlers.work_pool), set in the server process (``handlers.serving``, which `casebot serve
# --http` becomes after its checks) before gunicorn forks its workers (to compare pool sizes in
# one run).
LAUNCH = """
import os, sys
from handlers import background, work_pool
for pair in filter(None, os.environ["ACK_LOAD_SET"].split(";")):
    name, value = pair.split("=", 1)
    where = work_pool if hasattr(work_pool, name) else background
    setattr(where, name, type(getattr(where, name))(value))
from handlers.serving import main
sys.exit(main([a for a in sys.argv[1:] if a not in ("serve", "--http")]))
"""


def casebot_server(env: dict[str, str], port: int, log: Path,
                   settings: Mapping[str, str] | None = None) -> subprocess.Popen[bytes]:
    """``casebot serve --http``; ``settings``: a --variant's environment and constants."""
    serve = ["serve", "--http", "--host", "127.0.0.1", "--port", str(port),
             "--workers", str(SERVER_WORKERS)]
    settings = dict(settings or {})
    sets = ";".join(f"{k.removeprefix('background.')}={v}" for k, v in settings.items()
                    if k.startswith("background."))
    env = {**env, **{k: v for k, v in settings.items() if not k.startswith("background.")}}
    if not sets:
        return start([base.casebot_executable(), *serve], env, log)
    return start([sys.executable, "-c", LAUNCH, *serve], {**env, "ACK_LOAD_SET": sets}, log)


def floor_server(env: dict[str, str], port: int, log: Path, *, direct: bool = False
                 ) -> subprocess.Popen[bytes]:
    command = [sys.executable, str(ROOT / "bench" / "bare_bolt.py"), "--port", str(port),
               "--workers", str(SERVER_WORKERS)]
    return start(command + (["--before-response"] if direct else []), env, log)


# --- the kinds of request -----------------------------------------------------------------------


@dataclass
class Site:
    """What the kinds need: the fake Slack, the prompts and forms set up, the database."""

    fake: FakeSlack
    engine: sa.Engine
    prompts: dict[str, dict[str, Any]]  # worker -> their meeting prompt (as in their DM)
    meeting_id: str
    forms: list[tuple[str, dict[str, Any]]]  # (worker, the update form opened for them)


@dataclass
class Kind:
    """A kind of request: how to prepare ``n`` of them and how to see their work done."""

    name: str
    description: str
    prepare: Callable[[Capture, Site, int], list[Prepared]]
    arrivals: Callable[[Site, int], dict[str, list[float]]]  # tag -> follow-up times, in order
    table: str | None = None  # rows the work adds, one per request
    in_ack: Callable[[Shot], bool] = lambda shot: False  # the ack itself carries the result


def _action_requests(capture: Capture, site: Site, n: int) -> list[Prepared]:
    workers = itertools.cycle(WORKERS.items())
    out = []
    for i in range(n):
        user, name = next(workers)
        hook = site.fake.response_url()
        code = f"U1R-{100 + (i % CLIENTS)}"
        capture.command(f"action {code} <@{user}|{name}> call the housing provider by Friday",
                        user_id=FAY, channel_id=CHANNEL, response_url=hook)
        out.append(capture.take(FakeSlack.hook_token(hook)))
    return out


def _action_arrivals(site: Site, since: int) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {}
    for call in site.fake.calls[since:]:
        if call.method == "response_url" and call.hook:
            found.setdefault(call.hook, []).append(call.at)
    return found


def _attend_requests(capture: Capture, site: Site, n: int) -> list[Prepared]:
    workers = itertools.cycle(WORKERS)
    out = []
    for _ in range(n):
        user = next(workers)
        prompt = site.prompts[user]
        capture.block_action("attend", user_id=user, message=prompt, value=site.meeting_id)
        out.append(capture.take(prompt["ts"]))
    return out


def _attend_arrivals(site: Site, since: int) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {}
    for call in site.fake.calls[since:]:
        if call.method == "chat.update" and call.ok:
            found.setdefault(str(call.args.get("ts")), []).append(call.at)
    return found


def _update_requests(capture: Capture, site: Site, n: int) -> list[Prepared]:
    forms = itertools.cycle(site.forms)
    out = []
    for _ in range(n):
        user, view = next(forms)
        values = {"update_text": {"text": {"type": "plain_text_input", "value": UPDATE_TEXT}}}
        capture.view_submission("update_modal", values, user_id=user, view=view)
        out.append(capture.take(view["id"]))
    return out


def _update_arrivals(site: Site, since: int) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {}
    for call in site.fake.calls[since:]:
        if call.method == "views.update" and call.ok:
            found.setdefault(str(call.args.get("view_id")), []).append(call.at)
    return found


def _preview_in_ack(shot: Shot) -> bool:
    return '"preview_modal"' in shot.body


KINDS = {
    "action": Kind("action", "/casebot action (slash command)", _action_requests,
                   _action_arrivals, table="actions"),
    "attend": Kind("attend", "I'll be there (button)", _attend_requests, _attend_arrivals),
    "update": Kind("update", "update form submitted (view submission)", _update_requests,
                   _update_arrivals, table="drafts", in_ack=_preview_in_ack),
}


def open_forms(fake: FakeSlack, port: int) -> list[tuple[str, dict[str, Any]]]:
    """``/casebot update`` once per worker, for their first client: the forms to submit."""
    sender = SlackSender(f"http://127.0.0.1:{port}/slack/events", SECRET)
    forms = []
    for n, user in enumerate(WORKERS):
        opened = len(fake.calls_to("views.open"))
        answer = sender.command(f"update U1R-{100 + n}", user_id=user, channel_id=CHANNEL,
                                trigger_id=fake.new_trigger_id())
        if answer.status != 200:
            raise BenchError(f"/casebot update: HTTP {answer.status}")
        call = fake.wait_for("views.open", opened + 1, timeout=20)[opened]
        if not call.ok:
            raise BenchError(f"/casebot update: views.open failed: {call.error}")
        forms.append((user, fake.view(call.response["view"]["id"])))
    return forms


def find_prompts(fake: FakeSlack) -> tuple[dict[str, dict[str, Any]], str]:
    prompts, meeting = {}, ""
    for user in WORKERS:
        for message in fake.messages(dm_channel_id(user)):
            for block in message.get("blocks", []):
                for element in block.get("elements", []):
                    if isinstance(element, dict) and element.get("action_id") == "attend":
                        prompts[user], meeting = message, str(element.get("value"))
    if len(prompts) != len(WORKERS):
        raise BenchError(f"the tick sent {len(prompts)} of {len(WORKERS)} meeting prompts")
    return prompts, meeting


# --- one round ---------------------------------------------------------------------------------


@dataclass
class Result:
    rate: float
    kind: str
    server: str  # "floor", "direct", "casebot" or a --variant's name
    shots: list[Shot] = field(default_factory=list)
    done: list[float] = field(default_factory=list)  # completion latency per completed request
    lost: int = 0  # acknowledged, and its work never seen
    unrecorded: int = 0  # acknowledged, and not in the database
    drained: float = 0.0  # seconds from the last send until the last follow-up


def _rows_in(engine: sa.Engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(sa.text(f"SELECT count(*) FROM {table}")) or 0)


def _close_new_actions(engine: sa.Engine, above: int) -> None:
    """Keep the open actions at ~180: the round's new ones are marked done."""
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE actions SET status = 'done', completed_at = :now "
                             "WHERE id > :above AND status = 'open'"),
                     {"now": dt.datetime.now(dt.UTC), "above": above})


def run_round(sender: Sender, site: Site, kind: Kind, server: str, port: int, rate: float,
              seconds: float, drain: float) -> Result:
    result = Result(rate, kind.name, server)
    requests = kind.prepare(Capture(SECRET), site, max(1, round(rate * seconds)))
    since = len(site.fake.calls)
    floor = server in FLOORS
    rows_before = _rows_in(site.engine, kind.table) if kind.table and not floor else 0
    top_action = _max_action(site.engine)
    result.shots = sender.fire(port, rate, requests)
    if floor:
        return result
    # The shots come back in the order the requests were given (their send times increase).
    acked = [(s, r) for s, r in zip(result.shots, requests, strict=True) if s.status == 200]
    waiting = [(s, r) for s, r in acked if not kind.in_ack(s)]
    result.done = [s.ack for s, _ in acked if kind.in_ack(s)]
    last_send = max(s.at for s in result.shots)
    seen, quiet_since = -1, time.monotonic()
    while True:
        arrivals = kind.arrivals(site, since)
        count = sum(len(v) for v in arrivals.values())
        if count >= len(waiting):
            break
        if count != seen:
            seen, quiet_since = count, time.monotonic()
        elif time.monotonic() - quiet_since > drain:
            break
        time.sleep(0.25)
    arrivals = kind.arrivals(site, since)
    by_tag: dict[str, list[Shot]] = {}
    for shot, request in waiting:
        by_tag.setdefault(request.tag, []).append(shot)
    latest = last_send
    for tag, shots in by_tag.items():
        times = sorted(arrivals.get(tag, []))
        # In order per tag: the n-th follow-up answers the n-th request (exact for action,
        # whose response URLs are one per request).
        for shot, at in zip(sorted(shots, key=lambda s: s.at), times, strict=False):
            result.done.append(at - shot.at)
            latest = max(latest, at)
        result.lost += max(0, len(shots) - len(times))
    result.drained = latest - last_send
    if kind.table:
        result.unrecorded = max(0, len(acked) - (_rows_in(site.engine, kind.table) - rows_before))
    _close_new_actions(site.engine, top_action)
    return result


def _max_action(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(sa.text("SELECT coalesce(max(id), 0) FROM actions")) or 0)


# --- the report --------------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of non-empty ``values``."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def ms(value: float) -> str:
    if value == float("inf"):
        return "none"
    return f"{value * 1000:.0f}" if value >= 0.1 else f"{value * 1000:.1f}"


FLOORS = ("floor", "direct")  # bare Bolt as is; bare Bolt answering after its listener
HEADERS = ["rate", "request", "server", "sent", "ack p50", "p90", "p99", "max", "> 1 s", "> 3 s",
           "not 200", "p99 ÷ floor", "p99 ÷ direct", "done p50", "done p99", "work/s", "lost"]


def rows(results: Sequence[Result], servers: Sequence[str]) -> list[list[str]]:
    merged: dict[tuple[float, str, str], Result] = {}
    for r in results:
        key = (r.rate, r.kind, r.server)
        into = merged.setdefault(key, Result(r.rate, r.kind, r.server))
        into.shots += r.shots
        into.done += r.done
        into.lost += r.lost + r.unrecorded
        into.drained = max(into.drained, r.drained)
    out = []
    order = list(KINDS)
    for rate, kind, server in sorted(merged, key=lambda k: (k[0], order.index(k[1]),
                                                             servers.index(k[2]))):
        r = merged[(rate, kind, server)]
        acks = [s.ack for s in r.shots]
        ratios = []
        for floor_name in ("floor", "direct"):
            floor = merged.get((rate, kind, floor_name))
            if server in FLOORS or floor is None:
                ratios.append("-")
                continue
            floor_p99 = percentile([s.ack for s in floor.shots], 99)
            ratios.append(f"{percentile(acks, 99) / floor_p99:.2f}")
        work = "-"
        if r.done:
            span = len(r.shots) / rate + r.drained  # from the first send to the last follow-up
            work = f"{len(r.done) / span:.0f}" if span > 0 else "-"
        out.append([
            f"{rate:g}", kind, server, str(len(acks)),
            *(ms(percentile(acks, p)) for p in (50, 90, 99)), ms(max(acks)),
            str(sum(a > 1 for a in acks)), str(sum(a > SLACK_DEADLINE for a in acks)),
            str(sum(s.status != 200 for s in r.shots)), *ratios,
            ms(percentile(r.done, 50)) if r.done else "-",
            ms(percentile(r.done, 99)) if r.done else "-",
            work, "-" if server in FLOORS else str(r.lost),
        ])
    return out


def render(table: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(HEADERS) + " |", "|---" * 3 + "|---:" * (len(HEADERS) - 3) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in table]
        return "\n".join(lines)
    widths = [max(len(r[i]) for r in [HEADERS, *table]) for i in range(len(HEADERS))]
    return "\n".join("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True))
                     for r in [HEADERS, *table])


def health_notes(fake: FakeSlack, logs: Sequence[Path]) -> list[str]:
    notes = []
    failed = [c for c in fake.calls if not c.ok]
    if failed:
        errors = sorted({f"{c.method}: {c.error}" for c in failed})
        notes.append(f"{len(failed)} Slack call(s) failed: {', '.join(errors)}")
    for log in logs:
        text = log.read_text(errors="replace") if log.exists() else ""
        bad = [line for line in text.splitlines()
               if " ERROR " in line or "Traceback" in line or "WORKER TIMEOUT" in line]
        if bad:
            notes.append(f"{len(bad)} error line(s) in {log.name}, e.g. {bad[0][:200]}")
    return notes


# --- main --------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rates", default="10,50,100", help="requests a second (10,50,100)")
    parser.add_argument("--seconds", type=float, default=10.0, help="per round (10)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of every rate and kind (2)")
    parser.add_argument("--kinds", default=",".join(KINDS), help="action,attend,update")
    parser.add_argument("--overload", default="100x30",
                        help="RATExSECONDS pushed at Casebot per kind afterwards (100x30; 0: none)")
    parser.add_argument("--drain", type=float, default=30.0,
                        help="give up on the work after this many seconds without progress (30)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--sqlite", action="store_true", help="a SQLite file instead of PostgreSQL")
    where.add_argument("--database-url", help="an empty database to use")
    parser.add_argument("--variant", action="append", default=[], metavar="NAME:KEY=VALUE,...",
                        help="also run Casebot under NAME, in the same rounds, with these "
                             "environment variables and background.WORKERS/NICENESS/"
                             "SWITCH_INTERVAL (e.g. t16:background.WORKERS=16)")
    parser.add_argument("--quick", action="store_true",
                        help="10 and 50 req/s, 3 s rounds, 1 round, overload 100x5: a smoke run")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--samples", type=Path, metavar="FILE",
                        help="also write every request as CSV: phase, server, request, rate, "
                             "scheduled send (time.monotonic), ack ms, HTTP status")
    args = parser.parse_args(argv)
    if args.quick:
        args.rates, args.seconds, args.rounds, args.overload = "10,50", 3.0, 1, "100x5"
    try:
        args.rate_list = [float(r) for r in args.rates.split(",") if r.strip()]
        rate, _, secs = args.overload.partition("x")
        args.overload_rate, args.overload_seconds = float(rate), float(secs or 0)
    except ValueError:
        parser.error("--rates takes numbers (10,50,100) and --overload RATExSECONDS (100x30)")
    args.variants = {}
    for spec in args.variant:
        name, _, pairs = spec.partition(":")
        settings = dict(p.split("=", 1) for p in pairs.split(",") if "=" in p)
        if not name or name in (*FLOORS, "casebot") or not settings:
            parser.error("--variant takes a new name and settings: fast:VAR=1,OTHER=2")
        args.variants[name] = settings
    args.servers = [*FLOORS, "casebot", *args.variants]
    args.kind_list = [k for k in args.kinds.split(",") if k]
    unknown = [k for k in args.kind_list if k not in KINDS]
    if unknown or not args.kind_list:
        parser.error(f"--kinds: choose from {', '.join(KINDS)}")
    if not args.rate_list or min(args.rate_list) <= 0 or args.seconds <= 0 or args.rounds < 1:
        parser.error("rates and --seconds must be above 0 and --rounds 1 or more")
    return args


def bench(url: str, args: argparse.Namespace) -> tuple[list[Result], list[Result], list[str]]:
    workdir = Path(tempfile.mkdtemp(prefix="casebot-ackload-"))
    fake = FakeSlack(bot_token=base.BOT_TOKEN, users=USERS, clock=time.monotonic,
                     open_channels=True)
    names: list[str] = args.servers
    processes: list[subprocess.Popen[bytes]] = []
    logs = [workdir / f"{name}.log" for name in names]
    engine = sa.create_engine(url)
    try:
        fake.start()
        env = {"HOME": str(workdir), "CASEBOT_DATA_DIR": str(workdir / "data"),
               "DATABASE_URL": url, "CASEBOT_KEY_FILE": str(workdir / "keys" / "master.key"),
               "CASEBOT_ENV_FILE": "", "CASEBOT_ACTOR": "bench@localhost",
               "SLACK_BOT_TOKEN": base.BOT_TOKEN, "SLACK_SIGNING_SECRET": SECRET,
               "CASEBOT_SLACK_API_URL": fake.base_url}
        set_up(env, workdir, url)
        prompts, meeting = find_prompts(fake)
        ports = {name: base.free_port() for name in names}
        for name, log in zip(names, logs, strict=True):
            if name in FLOORS:
                processes.append(floor_server(env, ports[name], log, direct=name == "direct"))
            else:
                processes.append(casebot_server(env, ports[name], log,
                                                args.variants.get(name)))
        for process, log, name in zip(processes, logs, names, strict=True):
            base.wait_healthy(f"http://127.0.0.1:{ports[name]}", process, log)
        site = Site(fake, engine, prompts, meeting, open_forms(fake, ports["casebot"]))
        kinds = [KINDS[k] for k in args.kind_list]
        results: list[Result] = []
        overload: list[Result] = []

        def one(kind: Kind, server: str, rate: float, seconds: float) -> Result:
            result = run_round(sender, site, kind, server, ports[server], rate, seconds,
                               args.drain)
            print(f"  {rate:g}/s {kind.name} {server}: done", file=sys.stderr)
            return result

        with Sender() as sender:
            for kind in kinds:  # warm-up, not counted: every worker's imports and caches
                for name in names:
                    one(kind, name, 10, 2)
            for rate in args.rate_list:
                for n in range(args.rounds):
                    for kind in kinds:
                        turn = (n + kinds.index(kind)) % len(names)
                        for name in names[turn:] + names[:turn]:  # a new order each time
                            results.append(one(kind, name, rate, args.seconds))
            if args.overload_rate > 0 and args.overload_seconds > 0:
                for kind in kinds:
                    for name in names:
                        overload.append(one(kind, name, args.overload_rate,
                                            args.overload_seconds))
        return results, overload, health_notes(fake, logs)
    finally:
        for process in processes:
            base.stop_server(process)
        engine.dispose()
        fake.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    began, load_before = time.perf_counter(), os.getloadavg()[0]
    try:
        if args.sqlite or args.database_url:
            scratch = Path(tempfile.mkdtemp(prefix="casebot-ackload-db-"))
            try:
                url = args.database_url or f"sqlite:///{scratch / 'casebot.db'}"
                results, overload, notes = bench(url, args)
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
            backend = url.split(":", 1)[0]
        else:
            with base.fresh_postgres("b_ackload") as url:
                results, overload, notes = bench(url, args)
            backend = "postgresql"
    except BenchError as exc:
        print(f"ack_load: {exc}", file=sys.stderr)
        return 1
    print(f"Acks under load: {backend}, gunicorn {SERVER_WORKERS} workers (Casebot's guarded "
          f"gthread worker) for every server, {os.cpu_count()} CPU, Python "
          f"{platform.python_version()}, {args.rounds} interleaved round(s) of {args.seconds:g} s "
          f"per rate and kind, {time.perf_counter() - began:.0f} s, load average "
          f"{load_before:.1f} before and {os.getloadavg()[0]:.1f} after. Times in ms from each "
          "request's scheduled send; work/s: follow-ups a second from the first send to the "
          "last follow-up; lost: acknowledged, work not seen (or not in the database).")
    print(render(rows(results, args.servers), args.markdown))
    if overload:
        print(f"\nOverload: {args.overload_rate:g} req/s for {args.overload_seconds:g} s per kind "
              "(the floor beside it)")
        print(render(rows(overload, args.servers), args.markdown))
        for r in overload:
            if r.server not in FLOORS:
                acked = sum(s.status == 200 for s in r.shots)
                print(f"  {r.server} {r.kind}: the last follow-up came {r.drained:.1f} s after "
                      f"the last send; {len(r.done)} of {acked} done, {r.lost} lost, "
                      f"{r.unrecorded} not in the database")
    for note in notes:
        print(f"note: {note}")
    if args.samples:
        write_samples(args.samples, [("load", results), ("overload", overload)])
    return 0


def write_samples(path: Path, phases: Sequence[tuple[str, Sequence[Result]]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["phase", "server", "request", "rate", "at", "ack_ms", "status"])
        for phase, results in phases:
            for r in results:
                writer.writerows([phase, r.server, r.kind, r.rate, f"{s.at:.6f}",
                                  f"{s.ack * 1000:.2f}", s.status] for s in r.shots)


def _stop_quietly(*_args: Any) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _stop_quietly)
    sys.exit(main())
