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
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bot.config import ConfigError, load_settings
from bot.errors import CasebotError
from bot.health import Probe
from handlers import logs
from handlers.http import GRACEFUL_TIMEOUT, wsgi_app
from handlers.http import serve as serve_http
from handlers.work_pool import favour_requests

log = logging.getLogger("handlers.serving")  # also when run as __main__
TICK_SECONDS = 60
TICK_COMMAND = (sys.executable, "-P", "-m", "bot.cli", "tick", "--scheduled")


class MinuteTicks:
    """Runs ``command`` in a process of its own every ``seconds`` (at once first), never two at
    a time, and ``also`` once it has ended (this process's own housekeeping)."""

    def __init__(self, command: Sequence[str], also: Callable[[], None], *,
                 seconds: float = TICK_SECONDS, turn: Callable[[], bool] = lambda: True) -> None:
        self.command = list(command)
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
                        log.error("tick failed: the minute's tick %s (its own lines above say "
                                  "why; what it had leased goes back when its lease runs out)",
                                  f"was killed by signal {-code}" if code < 0
                                  else f"ended with exit code {code}")
            try:  # after the tick: what it purged is forgotten here within the minute
                self.also()
            except Exception as exc:  # the next minute tries again
                log.error("minute housekeeping failed: %s", type(exc).__name__)
            self._stop.wait(max(0.0, self.seconds - (time.monotonic() - began)))

    def _spawn(self) -> None:
        with self._lock:
            if self._stop.is_set():
                return
            if self._child is not None and self._child.poll() is None:
                log.info("the last minute's tick is still running: this minute's waits for it")
                return
            try:
                self._child = subprocess.Popen(self.command, stdin=subprocess.DEVNULL)
            except OSError as exc:
                log.error("could not start the minute's tick: %s", type(exc).__name__)
                return
            log.debug("started the minute's tick (pid %d)", self._child.pid)

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
        child.terminate()
        try:
            child.wait(within)
        except subprocess.TimeoutExpired:
            log.error("the minute's tick did not stop within %.0f s; ended it (what it had "
                      "leased goes back when its lease runs out)", within)
            child.kill()
            child.wait()


class OneOfUs:
    """Which worker on this machine starts the minute's tick: the one holding a lock in the data
    directory (the database's lease would pick one tick anyway, but each process started costs
    a few hundred milliseconds of CPU). The kernel lets the lock go with its holder, however it
    ends; another worker takes its turn at its next minute. Without a private directory to
    hold it in, every worker starts one and the lease decides."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._fd: int | None = None

    def __call__(self) -> bool:
        if self._fd is not None or self.path is None:
            return True
        try:  # never through a symbolic link: the file is ours or nothing
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except OSError:
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


class Worker:
    """One gunicorn worker: the application loaded on first use, and the minute's tick."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._app: Any = None
        self._runtime: Any = None
        self._container: Any = None
        data_dir = Path(settings.data_dir)
        self.ticks = MinuteTicks(TICK_COMMAND, self._housekeeping, turn=OneOfUs(
            data_dir / "minute-tick.lock" if data_dir.is_dir() else None))

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

        container = build(self.settings)
        runtime = slack_runtime(container)
        app = runtime.bolt_app()
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

    def load() -> Any:
        worker = Worker(settings)
        workers.append(worker)
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
