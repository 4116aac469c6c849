"""`casebot serve --http`'s own process: gunicorn, Slack's front door and the health checks, and
nothing more until Slack first asks something.

`casebot serve` checks everything first (schema, key, settings, Slack), then replaces itself
with this module (``exec``: the same process id, a fresh interpreter). So the gunicorn master
and its idle workers hold only gunicorn, Bolt's request types and the signature check, and an
idle deployment costs about what a bare Bolt app costs. A worker loads the application when the
first signed request reaches it (once, a few hundred milliseconds), and runs the minute's tick
as a process of its own, `casebot tick --scheduled`, which loads what a tick needs and exits:
one of them a minute takes the tick for the whole deployment (the lease in ``bot.jobs``).
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import gc
import logging
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

from bot.config import TICK_PARENT_VARIABLE, ConfigError, load_settings
from bot.errors import CasebotError
from bot.health import Probe
from handlers import logs
from handlers.http import GRACEFUL_TIMEOUT, wsgi_app
from handlers.http import serve as serve_http
from handlers.work_pool import favour_requests

log = logging.getLogger("handlers.serving")  # also when run as __main__
TICK_SECONDS = 60
TICK_COMMAND = (sys.executable, "-P", "-m", "bot.cli", "tick", "--scheduled")
# A tick sends at Slack's pace: 1,000 DMs take about a minute. One still running after this long
# is stuck (a lock in the database, a hung connection): it is stopped and another started.
LONGEST_TICK = 15 * 60.0
ENDING_SECONDS = 30.0  # a stopped tick's time to finish its post and give back the rest


class MinuteTicks:
    """Runs ``command`` in a process of its own every ``seconds`` (at once first), never two at
    a time, and ``also`` once it has ended (this process's own housekeeping)."""

    def __init__(self, command: Sequence[str], also: Callable[[], None], *,
                 seconds: float = TICK_SECONDS, turn: Callable[[], bool] = lambda: True,
                 longest: float = LONGEST_TICK) -> None:
        self.command = list(command)
        self.longest = longest
        self._started = 0.0
        self.turn = turn
        self.also = also
        self.seconds = seconds
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._child: subprocess.Popen[bytes] | None = None
        self._thread = threading.Thread(target=self._run, name="casebot-minute", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            began = time.monotonic()
            if self.turn():
                self._spawn()
            child = self._child
            if child is not None and child.returncode is None:
                # Reaped as soon as it ends (not left a zombie for the minute), and heard of.
                with contextlib.suppress(subprocess.TimeoutExpired):
                    code = child.wait(max(0.0, self.seconds - (time.monotonic() - began)))
                    if code != 0 and not self._stop.is_set():
                        log.error("tick failed: the minute's tick %s; what it had leased goes "
                                  "back when its lease runs out",
                                  f"was killed by signal {-code} (out of memory, or by hand?)"
                                  if code < 0 else
                                  f"ended with exit code {code} (its own lines above say why)")
            try:  # after the tick: what it purged is forgotten here within the minute
                self.also()
            except Exception as exc:  # the next minute tries again
                log.error("minute housekeeping failed: %s", type(exc).__name__)
            self._stop.wait(max(0.0, self.seconds - (time.monotonic() - began)))

    def _spawn(self) -> None:
        child = self._child
        if child is not None and child.poll() is None:
            if time.monotonic() - self._started < self.longest:
                log.info("the last minute's tick is still running: this minute's waits for it")
                return
            log.error("tick failed: the minute's tick has run for %.0f minutes; stopping it and "
                      "starting another", (time.monotonic() - self._started) / 60)
            self._end(child, ENDING_SECONDS)
        with self._lock:
            if self._stop.is_set():
                return
            try:
                self._child = subprocess.Popen(
                    self.command, stdin=subprocess.DEVNULL,
                    env={**os.environ, TICK_PARENT_VARIABLE: str(os.getpid())},
                )
            except OSError as exc:
                log.error("could not start the minute's tick: %s", type(exc).__name__)
                return
            self._started = time.monotonic()
            log.debug("started the minute's tick (pid %d)", self._child.pid)

    @staticmethod
    def _end(child: subprocess.Popen[bytes], within: float) -> None:
        child.terminate()
        try:
            child.wait(within)
        except subprocess.TimeoutExpired:
            log.error("the minute's tick did not stop within %.0f s; ended it (what it had "
                      "leased goes back when its lease runs out)", within)
            child.kill()
            child.wait()

    def stopping(self) -> None:
        """From a signal handler: start no more, and tell a tick under way to stop in order."""
        self._stop.set()
        child = self._child
        if child is not None and child.returncode is None:
            with contextlib.suppress(OSError):  # already gone
                child.terminate()

    def stop(self, within: float) -> None:
        """Start no more; let a tick under way stop in order (it finishes the post under way and
        gives back the rest), and end it if it has not within ``within`` seconds."""
        with self._lock:
            self._stop.set()
            child = self._child
        if child is None or child.poll() is not None:
            return
        self._end(child, within)


class OneOfUs:
    """Which of one server's workers starts the minute's tick: the one holding a POSIX lock on
    ``fd``, an unnamed file the master opened before forking them (one per server: nothing on
    disk for another process or deployment to hold, and no directory it needs). The lease in
    the database would pick one tick anyway, but each process started costs a few hundred
    milliseconds of CPU. Such a lock is each process's own and goes with it however it ends;
    another worker takes its turn at its next minute."""

    def __init__(self, fd: int | None) -> None:
        self.fd = fd
        self._mine = False

    def __call__(self) -> bool:
        if self._mine or self.fd is None:
            return True
        try:
            fcntl.lockf(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        self._mine = True
        log.info("this worker starts the minute's tick (pid %d)", os.getpid())
        return True


class Worker:
    """One gunicorn worker: the application loaded on first use, and the minute's tick."""

    def __init__(self, settings: Any, turn_fd: int | None = None) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._app: Any = None
        self._runtime: Any = None
        self._container: Any = None
        self.ticks = MinuteTicks(TICK_COMMAND, self._housekeeping, turn=OneOfUs(turn_fd))

    def bolt(self) -> Any:
        """The Bolt app, built by the first request that needs it (the others wait for it)."""
        app = self._app
        if app is None:
            with self._lock:
                if self._app is None:
                    self._app = self._load()
                app = self._app
        return app

    def _load(self) -> Any:
        from bot.bootstrap import build, slack_runtime

        gc.disable()  # thousands of objects are made and none is garbage: no passes meanwhile
        container = build(self.settings)
        try:
            runtime = slack_runtime(container)
            app = runtime.bolt_app()
        except BaseException:
            container.close()  # the next request tries again, from nothing
            raise
        finally:
            gc.enable()
        self._container, self._runtime = container, runtime
        gc.freeze()  # what is loaded now lives as long as the worker: out of the collector's way
        log.info("this worker has loaded the application (pid %d)", os.getpid())
        return app

    def _housekeeping(self) -> None:
        runtime = self._runtime
        if runtime is None:
            return
        from bot.services import privacy

        privacy.forget_purged(uow=runtime.ctx.uow())  # the register's compiled copy is ours

    def stopping(self) -> None:
        """SIGTERM, from the signal handler: only flags and a signal to the tick."""
        self.ticks.stopping()
        runtime = self._runtime
        if runtime is not None:
            runtime.ctx.stopping.set()

    def exit(self) -> None:
        """Once gunicorn has answered this worker's requests: the work acknowledged finishes,
        the tick stops in order, and the register leaves memory."""
        deadline = time.monotonic() + GRACEFUL_TIMEOUT - 5
        self.ticks.stopping()  # the tick may be told already (SIGTERM): telling it twice is fine
        runtime, container = self._runtime, self._container
        if runtime is not None:
            from bot.bootstrap import stop_serving

            stop_serving(runtime.ctx, None, GRACEFUL_TIMEOUT - 15)
        self.ticks.stop(max(1.0, deadline - time.monotonic()))
        if container is not None:
            container.close()


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="casebot serve --http")
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--preload", action="store_true")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        settings = load_settings()
        if settings.slack_signing_secret is None:
            raise ConfigError("SLACK_SIGNING_SECRET is not set")
    except CasebotError as exc:  # `casebot serve` checked them: only a changed .env gets here
        print(f"casebot: {exc.message}", file=sys.stderr)
        return 2
    logs.configure(settings.log_level)
    favour_requests()  # inherited by the workers
    secret = settings.slack_signing_secret.value
    workers: list[Worker] = []
    turn = tempfile.TemporaryFile()  # noqa: SIM115 (open for the server's life: the workers' turn)
    if args.preload:
        import handlers.app  # noqa: F401  (shared with the workers, which load at once)
        from handlers import features

        features()

    def load() -> Any:
        worker = Worker(settings, turn.fileno())
        workers.append(worker)
        if args.preload:
            worker.bolt()
        return wsgi_app(worker.bolt, Probe(settings), signing_secret=secret)

    serve_http(
        load,
        host=args.host,
        port=args.port,
        workers=args.workers,
        on_worker_start=lambda: workers[-1].ticks.start(),
        on_worker_stopping=lambda: workers[-1].stopping(),
        on_worker_exit=lambda: workers[-1].exit(),
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
