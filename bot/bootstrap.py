"""Composition root: builds the database, vault and unit of work from ``Settings``.

The only module that wires layers together; the CLI (and later the Slack app) start here.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import ConfigError, Settings
from bot.context import AppContext
from bot.jobs import TickReport, scheduled_tick, tick
from bot.ports import ChannelDirectory, Clock, Renderer, SystemClock
from bot.services import dry_run
from bot.services.dry_run import Planned
from storage.db import make_engine, rolled_back, session_factory
from storage.keyfile import FileKeySource, InlineKeySource, KeySource
from storage.uow import UnitOfWork
from storage.vault import Vault


def key_source(settings: Settings) -> KeySource:
    if settings.master_key is not None:
        return InlineKeySource(settings.master_key.value)
    assert settings.key_file is not None
    return FileKeySource(settings.key_file)


@dataclass
class Container:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    vault: Vault
    clock: Clock = field(default_factory=SystemClock)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.vault)

    def close(self) -> None:
        """Shut down: the decrypted register and the patterns compiled from it go with the
        connections (they live in this process's memory only)."""
        self.vault.forget_register()
        engine = sys.modules.get("bot.deidentify")  # not imported: nothing compiled
        if engine is not None:
            engine.forget_cached_identities()
        self.engine.dispose()


def build(settings: Settings, *, clock: Clock | None = None) -> Container:
    engine = make_engine(settings.database_url)
    return Container(
        settings=settings,
        engine=engine,
        sessions=session_factory(engine),
        vault=Vault(key_source(settings)),
        clock=clock or SystemClock(),
    )


def check_schema(container: Container) -> None:
    """The database exists and is migrated to what this code expects."""
    from bot.domain import InvalidInput
    from storage import db

    db_file = db.sqlite_path(container.engine)
    if (db_file is not None and not db_file.exists()) or not db.is_initialised(container.engine):
        raise InvalidInput("Casebot is not set up on this database yet; run: casebot init")
    if db.current_revision(container.engine) != db.head_revision():
        raise InvalidInput("the database schema is out of date; run: casebot db upgrade")


def check_ready(container: Container) -> None:
    """Start-up checks: schema current, master key right. Clear errors, before any work."""
    check_schema(container)
    with container.uow() as uow:
        uow.vault.verify(uow.session)


def healthy(container: Container) -> bool:
    from sqlalchemy import text

    try:
        with container.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:
        return False
    return True


SIGNING_SECRET_MISSING = (
    "SLACK_SIGNING_SECRET is not set; HTTP mode needs it to check that requests come from Slack "
    "(Basic Information → App Credentials). Or set SLACK_APP_TOKEN for Socket Mode"
)


@dataclass
class SlackRuntime:
    """The Slack side, wired: the services' context and the Web API client."""

    ctx: AppContext
    client: Any
    signing_secret: str | None
    settings: Settings

    def bolt_app(self, *, socket_mode: bool = False, app_class: Any = None) -> Any:
        """The Bolt app (``app_class``: a Bolt ``App`` subclass, for tests that inspect it)."""
        from handlers.app import create_app
        from handlers.middleware import SLACK_HOOKS, Gate

        hooks = [SLACK_HOOKS]
        if self.settings.slack_api_url:  # a proxy or the test double answers response URLs too
            parts = urlsplit(self.settings.slack_api_url)
            hooks.append(f"{parts.scheme}://{parts.netloc}/hooks/")
        gate = Gate(self.settings.slack_team_id, self.settings.slack_app_id, tuple(hooks))
        token = self.settings.slack_bot_token
        return create_app(
            client=self.client,
            signing_secret=self.signing_secret,
            ctx=self.ctx,
            socket_mode=socket_mode,
            gate=gate,
            forms_secret=self.signing_secret or (token.value if token else None),
            **({"app_class": app_class} if app_class else {}),
        )

    def wsgi(self, healthy: Callable[[], bool]) -> Any:
        """The HTTP endpoint: the Bolt app behind the front door (size, time, signature)."""
        from handlers.http import wsgi_app

        if self.signing_secret is None:
            raise ConfigError(SIGNING_SECRET_MISSING)
        return wsgi_app(self.bolt_app(), healthy, signing_secret=self.signing_secret)


def renderer() -> Renderer:
    """The Block Kit renderer, for services that queue messages from the command line."""
    from handlers.messages import SlackRenderer

    return SlackRenderer()


def channel_directory(container: Container) -> ChannelDirectory | None:
    """Slack's view of channels, to check a group's channel; None without a bot token."""
    token = container.settings.slack_bot_token
    if token is None:
        return None
    from handlers.notifier import SlackChannels, make_client

    return SlackChannels(make_client(token.value, container.settings.slack_api_url))


def dry_run_tick(container: Container) -> tuple[TickReport, list[Planned]]:
    """The tick as it would run now, sending nothing (a recorder stands in for Slack) and
    changing nothing (its transactions are all rolled back); no Slack token needed."""
    notifier = dry_run.RecordingNotifier()
    with rolled_back(container.engine.url) as sessions:

        def uow() -> UnitOfWork:
            return UnitOfWork(sessions, container.vault)

        report = tick(AppContext(uow, container.clock, renderer(), notifier))
        plan = dry_run.planned(uow=uow(), notifier=notifier, now=container.clock.now())
    return report, plan


def slack_runtime(container: Container) -> SlackRuntime:
    from handlers.messages import SlackRenderer
    from handlers.notifier import SlackDirectory, SlackNotifier, make_client

    settings = container.settings
    if settings.slack_bot_token is None:
        raise ConfigError(
            "SLACK_BOT_TOKEN is not set; copy the Bot User OAuth Token (xoxb-…) from your Slack "
            "app's settings, or try `casebot demo` to see Casebot without Slack"
        )
    client = make_client(settings.slack_bot_token.value, settings.slack_api_url)
    ctx = AppContext(
        uow=container.uow,
        clock=container.clock,
        renderer=SlackRenderer(),
        notifier=SlackNotifier(client),
        directory=SlackDirectory(client),
    )
    secret = settings.slack_signing_secret.value if settings.slack_signing_secret else None
    return SlackRuntime(ctx, client, secret, settings)


def serve(settings: Settings, *, http: bool, host: str, port: int, workers: int) -> None:
    """Run the bot and its minute tick: Socket Mode with an app token, else HTTP (gunicorn)."""
    from handlers import background, logs

    logs.install()
    background.favour_requests()  # inherited by gunicorn's workers
    for handler in logging.root.handlers:  # the operator's handlers filter Slack's payloads too
        logs.protect(handler)
    container = build(settings)
    check_ready(container)
    runtime = slack_runtime(container)
    if http or settings.slack_app_token is None:
        if settings.slack_signing_secret is None:
            raise ConfigError(SIGNING_SECRET_MISSING)
        container.close()  # each gunicorn worker builds its own after the fork
        from handlers.http import GRACEFUL_TIMEOUT
        from handlers.http import serve as serve_http

        workers_runtime: list[SlackRuntime] = []
        worker_containers: list[Container] = []

        def load() -> Any:
            worker = build(settings)
            worker_containers.append(worker)
            workers_runtime.append(slack_runtime(worker))
            return workers_runtime[-1].wsgi(lambda: healthy(worker))

        serve_http(
            load,
            host=host,
            port=port,
            workers=workers,
            on_worker_start=lambda: worker_started(
                lambda: scheduled_tick(workers_runtime[-1].ctx)  # one per minute for them all
            ),
            on_worker_exit=lambda: stop_worker(worker_containers[-1], GRACEFUL_TIMEOUT - 5),
        )
        return
    from handlers.app import run_socket_mode

    app = runtime.bolt_app(socket_mode=True)
    worker_started(lambda: scheduled_tick(runtime.ctx))
    try:
        run_socket_mode(app, settings.slack_app_token.value)
    finally:
        stop_worker(container, SOCKET_MODE_FINISH)


def worker_started(tick: Callable[[], object]) -> None:
    """A serving process (a gunicorn worker) has built its app: the minute's tick starts, and
    everything loaded so far is frozen out of the cyclic collector. It lives as long as the
    process, and every full collection walked it again with all threads held, answers to Slack
    too: under bench/ack_load.py's load, ≈50,000 objects and ≈21 ms of CPU a pass, every few
    seconds; frozen, ≈20,000 and ≈9 ms."""
    import gc

    from bot import scheduler

    scheduler.start(tick)
    gc.freeze()


SOCKET_MODE_FINISH = 55.0  # seconds a stopped Socket Mode process waits for its queued work


def stop_worker(container: Container, finish_within: float) -> None:
    """A serving process stops: the work already acknowledged is finished first (it is in
    memory only), then the register leaves memory with the connections."""
    from handlers import background

    background.finish(finish_within)
    container.close()
