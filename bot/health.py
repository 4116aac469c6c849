"""What ``GET /healthz`` and ``GET /readyz`` answer: cheap, and nothing secret in the body.

``/healthz`` (monitoring): the database and how long ago the scheduler last ticked; 503 only
when the database cannot be reached, as before, so a proxy that probes it keeps its meaning (or
when more probes than ``PROBES_AT_ONCE`` arrive at the same moment: "busy").
``/readyz`` (load balancers): ready when the database answers, its schema is this code's and
the settings a server needs are there. Each answers in one or two small queries, on a connection
of its own that waits ``PROBE_TIMEOUT`` at most.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from storage import dbapi, revisions
from storage.keyfile import exposed_mode

if TYPE_CHECKING:
    from storage.uow import UnitOfWork

TICK_LEASE = "tick"  # the lease the minute's tick claims (bot.jobs)
TICK_SECONDS = 60  # the lease's period, as bot.jobs.claim_tick takes it
# The tick runs every minute; ten without one is no hiccup (a restart, a slow tick) but a
# scheduler that has stopped: prompts, agendas and nudges are not going out.
TICK_LATE_SECONDS = 10 * 60
PROBE_TIMEOUT = 3.0  # seconds a probe waits for the database: under a monitor's own timeout
PROBES_AT_ONCE = 4  # in one process; more at the same moment are answered "busy" at once

Answer = tuple[bool, dict[str, Any]]


@dataclass(frozen=True)
class LastTick:
    seconds_ago: int | None  # None: no tick has ever run on this database
    holder: str | None = None  # host:pid of the process that ran it
    late_anyway: bool = False  # never a tick, in a server up for longer than that

    @property
    def late(self) -> bool:
        if self.late_anyway:
            return True
        return self.seconds_ago is not None and self.seconds_ago > TICK_LATE_SECONDS

    @property
    def state(self) -> str:
        if self.late:
            return "late"
        return "no tick yet" if self.seconds_ago is None else "ok"


def last_tick(uow: UnitOfWork) -> LastTick:
    """When the scheduler last ticked, on the database's clock (the lease's own)."""
    with uow:
        claim = uow.leases.last_claim(TICK_LEASE, seconds=TICK_SECONDS)
    return LastTick(None) if claim is None else LastTick(*claim)


def configured(settings: Settings) -> bool:
    """The settings a server needs: a bot token, a way to hear Slack, and a private key."""
    if settings.slack_bot_token is None:
        return False
    if settings.slack_app_token is None and settings.slack_signing_secret is None:
        return False
    if settings.master_key is not None:
        return True
    key_file = settings.key_file
    return key_file is not None and key_file.is_file() and exposed_mode(key_file) is None


class Probe:
    """The two health answers for one process's settings. Plain DB-API, one short connection
    per answer: an idle serving process answers its monitor without loading SQLAlchemy, the
    models or the application (`handlers.serving`)."""

    def __init__(self, settings: Settings, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.url = settings.database_url
        self.settings = settings
        self.head = revisions.head_revision()  # reads the migration files: once, not per probe
        self.clock = clock
        self.started = clock()
        # Probes need no signature: a flood of them, on a database that hangs, must not hold
        # every thread that Slack's requests need.
        self._slots = threading.BoundedSemaphore(PROBES_AT_ONCE)

    def _connect(self) -> Any:
        try:
            return dbapi.connect(self.url, timeout=PROBE_TIMEOUT)
        except Exception:
            return None

    def live(self) -> Answer:
        if not self._slots.acquire(blocking=False):
            return False, {"status": "busy", "database": "unknown"}
        try:
            return self._live()
        finally:
            self._slots.release()

    def _live(self) -> Answer:
        conn = self._connect()
        if conn is None:
            return False, {"status": "database unreachable", "database": "unreachable"}
        with contextlib.closing(conn):
            try:
                conn.execute("SELECT 1").fetchall()
            except Exception:
                return False, {"status": "database unreachable", "database": "unreachable"}
            try:
                tick = self._last_tick(conn)
            except Exception:  # reachable, but no lease table yet (not set up, or an old schema)
                return True, {"status": "ok", "database": "ok",
                              "scheduler": {"state": "unknown", "last_tick_seconds_ago": None}}
        if tick.seconds_ago is None and self.clock() - self.started > TICK_LATE_SECONDS:
            tick = LastTick(None, late_anyway=True)  # up for ten minutes, and never a tick
        return True, {
            "status": "scheduler late" if tick.late else "ok",
            "database": "ok",
            "scheduler": {"state": tick.state, "last_tick_seconds_ago": tick.seconds_ago},
        }

    def _last_tick(self, conn: Any) -> LastTick:
        """As ``Leases.last_claim``: seconds since the start of the last period claimed, on the
        database's clock."""
        row = conn.execute(
            f"SELECT {dbapi.epoch_now(self.url)} - slot * {TICK_SECONDS}, holder FROM leases "
            f"WHERE name = {dbapi.placeholder(self.url)}", (TICK_LEASE,),
        ).fetchone()
        return LastTick(None) if row is None else LastTick(max(0, int(row[0])), row[1])

    def ready(self) -> Answer:
        if not self._slots.acquire(blocking=False):
            return False, {"ready": False, "database": "busy"}
        try:
            return self._ready()
        finally:
            self._slots.release()

    def _ready(self) -> Answer:
        body: dict[str, Any] = {"ready": False}
        conn = self._connect()
        if conn is None:
            body["database"] = "unreachable"
            return False, body
        body["database"] = "ok"
        with contextlib.closing(conn):
            try:
                versions: list[str] | None = [
                    row[0] for row in conn.execute(
                        f"SELECT version_num FROM {revisions.VERSION_TABLE}").fetchall()
                ]
            except Exception:  # no version table: `casebot init` never ran on this database
                versions = None
        if versions is None:
            body["schema"] = "not set up"
        else:
            body["schema"] = "ok" if versions == [self.head] else "not at this version"
        body["config"] = "ok" if configured(self.settings) else "incomplete"
        body["ready"] = body["schema"] == "ok" and body["config"] == "ok"
        return body["ready"], body
