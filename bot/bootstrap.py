"""Composition root: builds the database, vault and unit of work from ``Settings``.

The only module that wires layers together; the CLI (and later the Slack app) start here.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import urlsplit

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import TICK_PARENT_VARIABLE, ConfigError, Settings
from bot.context import AppContext
from bot.health import Probe
from bot.jobs import TickReport, claim_tick, give_back_tick, scheduled_tick, tick
from bot.ports import (
    ChannelDirectory,
    Clock,
    OffsetClock,
    Renderer,
    SlackProbe,
    SystemClock,
    UserDirectory,
)
from storage.db import make_engine, rolled_back, session_factory
from storage.keyfile import FileKeySource, InlineKeySource, KeySource
from storage.uow import UnitOfWork
from storage.vault import Vault

if TYPE_CHECKING:
    from apscheduler.schedulers.background import BackgroundScheduler

    from bot.services.dry_run import Planned

log = logging.getLogger(__name__)


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
    if clock is None:
        offset = settings.clock_offset
        clock = OffsetClock(offset) if offset else SystemClock()
    return Container(
        settings=settings,
        engine=engine,
        sessions=session_factory(engine),
        vault=Vault(key_source(settings)),
        clock=clock,
    )


def check_schema(container: Container) -> None:
    """The database exists and is migrated to what this code expects."""
    from bot.domain import InvalidInput
    from storage import db

    db_file = db.sqlite_path(container.engine)
    # One look at the version table (every tick starts here): none at all is a new database.
    revision = None if db_file is not None and not db_file.exists() else (
        db.current_revision(container.engine)
    )
    if revision is None:
        raise InvalidInput("Casebot is not set up on this database yet; run: casebot init")
    if revision != db.head_revision():
        raise InvalidInput("the database schema is out of date; run: casebot db upgrade")


def check_ready(container: Container) -> None:
    """Start-up checks: schema current, master key right. Clear errors, before any work."""
    check_schema(container)
    with container.uow() as uow:
        uow.vault.verify(uow.session)


def health_probe(container: Container) -> Probe:
    """What ``/healthz`` and ``/readyz`` answer for this container's process."""
    return Probe(container.settings)


SIGNING_SECRET_MISSING = (
    "SLACK_SIGNING_SECRET is not set; HTTP mode needs it to check that requests come from Slack "
    "(Basic Information → App Credentials). Or set SLACK_APP_TOKEN for Socket Mode"
)


@dataclass
class SlackRuntime:
    """The Slack side, wired: the services' context and the Web API client (made when first
    used: a tick with nothing to send never imports slack_sdk)."""

    ctx: AppContext
    lazy_client: Any  # handlers.notifier.LazyClient
    signing_secret: str | None
    settings: Settings

    @property
    def client(self) -> Any:
        """The WebClient the notifier shares."""
        return self.lazy_client()

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

    def wsgi(self, health: Probe) -> Any:
        """The HTTP endpoint: the Bolt app behind the front door (size, time, signature), and
        ``/healthz`` and ``/readyz`` answered by ``health``."""
        from handlers.http import wsgi_app

        if self.signing_secret is None:
            raise ConfigError(SIGNING_SECRET_MISSING)
        return wsgi_app(self.bolt_app(), health, signing_secret=self.signing_secret)


def renderer() -> Renderer:
    """The Block Kit renderer, for services that queue messages from the command line."""
    from handlers.messages import SlackRenderer

    return SlackRenderer()


def channel_directory(container: Container) -> ChannelDirectory | None:
    """Slack's view of channels, to check a group's channel; None without a bot token."""
    token = container.settings.slack_bot_token
    if token is None:
        return None
    from handlers.notifier import LazyClient, SlackChannels

    return SlackChannels(LazyClient(token.value, container.settings.slack_api_url))


def slack_probe(container: Container) -> SlackProbe | None:
    """Slack's answers for `casebot doctor` (short timeouts, no retries); None without a bot
    token."""
    token = container.settings.slack_bot_token
    if token is None:
        return None
    from handlers.slack_checks import SlackChecks

    return SlackChecks(token.value, container.settings.slack_api_url)
def user_directory(container: Container) -> UserDirectory | None:
    """Slack's profiles (users.info), for people's names in exports; None without a bot token,
    so nothing goes over the network."""
    token = container.settings.slack_bot_token
    if token is None:
        return None
    from handlers.notifier import LazyClient, SlackDirectory

    return SlackDirectory(LazyClient(token.value, container.settings.slack_api_url))


def dry_run_tick(container: Container) -> tuple[TickReport, list[Planned]]:
    """The tick as it would run now, sending nothing (a recorder stands in for Slack) and
    changing nothing (its transactions are all rolled back); no Slack token needed."""
    from bot.services import dry_run

    notifier = dry_run.RecordingNotifier()
    with rolled_back(container.engine.url) as sessions:

        def uow() -> UnitOfWork:
            return UnitOfWork(sessions, container.vault)

        report = tick(AppContext(uow, container.clock, renderer(), notifier))
        plan = dry_run.planned(uow=uow(), notifier=notifier, now=container.clock.now())
    return report, plan


def slack_runtime(container: Container) -> SlackRuntime:
    from handlers.messages import SlackRenderer
    from handlers.notifier import LazyClient, SlackDirectory, SlackNotifier
    from handlers.work_pool import paced

    settings = container.settings
    if settings.slack_bot_token is None:
        raise ConfigError(
            "SLACK_BOT_TOKEN is not set; copy the Bot User OAuth Token (xoxb-…) from your Slack "
            "app's settings, or try `casebot demo` to see Casebot without Slack"
        )
    client = LazyClient(settings.slack_bot_token.value, settings.slack_api_url)
    ctx = AppContext(
        uow=container.uow,
        clock=container.clock,
        renderer=SlackRenderer(),
        notifier=SlackNotifier(client),
        directory=SlackDirectory(client),
        later=paced,
    )
    secret = settings.slack_signing_secret.value if settings.slack_signing_secret else None
    return SlackRuntime(ctx, client, secret, settings)


def exec_http_server(*, host: str, port: int, workers: int, preload: bool = False) -> NoReturn:
    """Become the HTTP server (``handlers.serving``): the same process, a fresh interpreter that
    holds nothing this one loaded to check the set-up, so that an idle server stays small."""
    sys.stdout.flush()
    sys.stderr.flush()
    # -P: not the working directory first on the path (a folder there named like a module)
    os.execv(sys.executable, [sys.executable, "-P", "-m", "handlers.serving", "--host", host,
                              "--port", str(port), "--workers", str(workers),
                              *(["--preload"] if preload else [])])


def serve(settings: Settings, *, http: bool, host: str, port: int, workers: int,
          preload: bool = False) -> None:
    """Run the bot and its minute tick: Socket Mode with an app token, else HTTP (gunicorn, in
    ``handlers.serving``, which this process becomes once the set-up is checked).

    SIGTERM (or Ctrl-C) stops it gracefully: nothing new is sent, the work already acknowledged
    and the posts under way finish and are recorded, the messages it had leased are given back
    for the next instance at once, and it exits 0 (:func:`stop_serving`).
    """
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
        container.close()
        exec_http_server(host=host, port=port, workers=workers, preload=preload)
    import signal
    import threading

    from handlers.app import run_socket_mode

    app = runtime.bolt_app(socket_mode=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())
    ticks = worker_started(lambda: scheduled_tick(runtime.ctx))
    try:
        run_socket_mode(app, settings.slack_app_token.value, until=stop)
    except KeyboardInterrupt:
        pass  # Ctrl-C: the same orderly stop
    finally:
        stop_serving(runtime.ctx, ticks, SOCKET_MODE_FINISH)
        container.close()  # the register leaves memory


SOCKET_MODE_FINISH = 55.0  # seconds a stopped Socket Mode process waits for its queued work
_PR_SET_PDEATHSIG = 1


def _stop_with_parent() -> bool:
    """Have the kernel send this process SIGTERM when the worker that started it dies (killed
    outright, say), so that its tick stops in order instead of sending on unsupervised. False
    if that worker is gone already."""
    parent = os.environ.get(TICK_PARENT_VARIABLE, "")
    if not parent.isdigit():
        return True
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
    return os.getppid() == int(parent)


def configure_logging(level: str) -> None:
    """A serving process's log: one line a record, Slack's loggers held and filtered."""
    from handlers import logs

    logs.configure(level)


def run_scheduled_tick(ctx: AppContext, log_level: str) -> int:
    """The minute's tick as `casebot serve --http` runs it, in a process of its own
    (`casebot tick --scheduled`): quiet when another process has the minute, logged rather than
    printed, and stopped in order by SIGTERM or Ctrl-C (the post under way finishes, what it
    leased and had not begun is given back, and so is the minute, so that another instance may
    send the rest at once). The signal handlers it replaced are put back."""
    import signal
    import threading

    from handlers import work_pool

    configure_logging(log_level)
    before = {signum: signal.signal(signum, lambda _signum, _frame: ctx.stopping.set())
              for signum in (signal.SIGTERM, signal.SIGINT)}
    failed: list[BaseException] = []

    def run() -> None:
        try:
            if ctx.stopping.is_set() or not claim_tick(ctx):
                log.debug("this minute's tick runs elsewhere")
                return
            tick(ctx)  # which logs what it did, when it did anything
            work_pool.finish(SOCKET_MODE_FINISH)
            if ctx.stopping.is_set():
                give_back_tick(ctx)
        except BaseException as exc:
            failed.append(exc)

    try:
        if not _stop_with_parent():
            ctx.stopping.set()  # the worker that started it is gone already
        # The tick runs on a thread of its own and this one only waits: a signal's handler
        # runs here, and setting the flag from a thread that might hold the flag's own lock
        # (waiting on it, say) would wait for itself forever.
        ticking = threading.Thread(target=run, name="casebot-tick")
        ticking.start()
        while ticking.is_alive():
            ticking.join(0.2)
        if failed:
            raise failed[0]
        return 0
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def worker_started(tick: Callable[[], object]) -> BackgroundScheduler:
    """A Socket Mode process has built its app: the minute's tick starts, and
    everything loaded so far is frozen out of the cyclic collector. It lives as long as the
    process, and every full collection walked it again with all threads held, answers to Slack
    too: under bench/ack_load.py's load, ≈50,000 objects and ≈21 ms of CPU a pass, every few
    seconds; frozen, ≈20,000 and ≈9 ms."""
    import gc

    from bot import scheduler

    ticks = scheduler.start(tick)
    gc.freeze()
    return ticks


def stop_serving(ctx: AppContext, ticks: BackgroundScheduler | None,
                 finish_within: float) -> None:
    """Stop sending, let the tick and the work already acknowledged finish (their posts
    complete and are recorded; the rows they leased and did not start are given back at once),
    then hand back this minute's tick so another instance can send them without waiting."""
    from handlers import background

    ctx.stopping.set()
    if ticks is not None:
        ticks.shutdown(wait=True)
    background.finish(finish_within)  # in memory only: it must be done before the process ends
    try:
        give_back_tick(ctx)
    except Exception as exc:  # the database may be what is failing; the leases end anyway
        log.warning("stopping: could not hand back the tick: %s", type(exc).__name__)
    log.info("stopped sending: what this process had leased and not begun is given back")
