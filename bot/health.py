"""What ``GET /healthz`` and ``GET /readyz`` answer: cheap, and nothing secret in the body.

``/healthz`` (monitoring): the database and how long ago the scheduler last ticked; 503 only
when the database cannot be reached, as before, so a proxy that probes it keeps its meaning.
``/readyz`` (load balancers): ready when the database answers, its schema is this code's and
the settings a server needs are there. Each answers in one or two small queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text

from bot.config import Settings
from bot.jobs import TICK_LEASE
from storage import db
from storage.keyfile import exposed_mode
from storage.uow import UnitOfWork

TICK_SECONDS = 60  # the lease's period, as bot.jobs.claim_tick takes it
# The tick runs every minute; ten without one is no hiccup (a restart, a slow tick) but a
# scheduler that has stopped: prompts, agendas and nudges are not going out.
TICK_LATE_SECONDS = 10 * 60

Answer = tuple[bool, dict[str, Any]]


@dataclass(frozen=True)
class LastTick:
    seconds_ago: int | None  # None: no tick has ever run on this database
    holder: str | None = None  # host:pid of the process that ran it

    @property
    def late(self) -> bool:
        return self.seconds_ago is not None and self.seconds_ago > TICK_LATE_SECONDS

    @property
    def state(self) -> str:
        if self.seconds_ago is None:
            return "no tick yet"
        return "late" if self.late else "ok"


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
    """The two health answers for one process (its engine and settings)."""

    def __init__(
        self, engine: Engine, uow: Callable[[], UnitOfWork], settings: Settings
    ) -> None:
        self.engine = engine
        self.uow = uow
        self.settings = settings
        self.head = db.head_revision()  # reads the migration files: once, not per probe

    def live(self) -> Answer:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception:
            return False, {"status": "database unreachable", "database": "unreachable"}
        try:
            tick = last_tick(self.uow())
        except Exception:  # reachable, but no lease table yet (not set up, or an old schema)
            return True, {"status": "ok", "database": "ok",
                          "scheduler": {"state": "unknown", "last_tick_seconds_ago": None}}
        return True, {
            "status": "scheduler late" if tick.late else "ok",
            "database": "ok",
            "scheduler": {"state": tick.state, "last_tick_seconds_ago": tick.seconds_ago},
        }

    def ready(self) -> Answer:
        body: dict[str, Any] = {"ready": False}
        try:
            conn = self.engine.connect()
        except Exception:
            body["database"] = "unreachable"
            return False, body
        body["database"] = "ok"
        with conn:
            try:
                versions = list(conn.execute(
                    text(f"SELECT version_num FROM {db.VERSION_TABLE}")
                ).scalars())
            except Exception:  # no version table: `casebot init` never ran on this database
                versions = None
        if versions is None:
            body["schema"] = "not set up"
        else:
            body["schema"] = "ok" if versions == [self.head] else "not at this version"
        body["config"] = "ok" if configured(self.settings) else "incomplete"
        body["ready"] = body["schema"] == "ok" and body["config"] == "ok"
        return body["ready"], body
