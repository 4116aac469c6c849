"""The threads that run what comes after an answer to Slack, and the count of what they hold:
the work pool (``WORKERS`` threads at a lower priority) and the pacer (one thread for posts
waiting for their channel's pace). No Slack imports: the tick's process wires the pacer too,
and must start fast. handlers.background explains the sizing."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

log = logging.getLogger(__name__)
WORKERS = 2  # threads a process: one works while the other waits on the database or Slack
NICENESS = 10  # added to the work threads' nice value: a request thread gets the CPU first
SWITCH_INTERVAL = 0.001  # seconds a thread keeps the interpreter while another waits (5 ms)

_pool: ThreadPoolExecutor | None = None
_pacer: ThreadPoolExecutor | None = None
_pending: set[Future[Any]] = set()
_lock = threading.Lock()


def favour_requests() -> None:
    """In a process that answers Slack: a request thread waiting for the interpreter gets it
    within a millisecond of a busy work thread."""
    sys.setswitchinterval(SWITCH_INTERVAL)


def submit(fn: Callable[..., None], *args: Any) -> Future[None]:
    """Run ``fn(*args)`` on the work pool."""
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="casebot-work",
                                       initializer=_lower_priority)
        pool = _pool
    return _track(pool.submit(fn, *args))


def paced(send: Callable[[], object]) -> None:
    """Run ``send`` (posts waiting for their channel's pace) on the pacer thread, after what
    it was given before; waited for like the work (:func:`wait_idle`, :func:`finish`)."""
    global _pacer
    with _lock:
        if _pacer is None:
            _pacer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="casebot-pace",
                                        initializer=_lower_priority)
        pacer = _pacer
    _track(pacer.submit(_run_paced, send))


def _run_paced(send: Callable[[], object]) -> None:
    try:
        send()
    except Exception as exc:  # the rows stay queued: the next tick sends them
        log.error("sending messages held for a channel's pace failed: %s; the tick sends them",
                  type(exc).__name__)


def _track(future: Future[Any]) -> Future[Any]:
    with _lock:
        _pending.add(future)
    future.add_done_callback(_forget)
    return future


def _forget(future: Future[Any]) -> None:
    with _lock:
        _pending.discard(future)


def _lower_priority() -> None:
    # Only Linux gives a thread a nice value of its own; elsewhere it would be the process's.
    if sys.platform == "linux":
        with contextlib.suppress(OSError):
            me = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, me,
                           min(19, os.getpriority(os.PRIO_PROCESS, me) + NICENESS))


def wait_idle(timeout: float = 10.0) -> bool:
    """Wait until every piece of work handed over is done, including what that work hands
    over while it runs (tests, orderly shutdown)."""
    deadline = time.monotonic() + timeout
    while True:
        with _lock:
            running = list(_pending)
        if not running:
            return True
        _done, left = wait(running, timeout=max(0.0, deadline - time.monotonic()))
        if left:
            return False


def finish(timeout: float) -> bool:
    """Orderly shutdown: wait for all the work handed over, queued or running; if some is still
    not done after ``timeout`` seconds, say how much (it is lost when the process ends)."""
    if wait_idle(timeout):
        return True
    with _lock:
        left = len(_pending)
    log.error("stopping with %d piece(s) of work after the answer still not done after %.0f s",
              left, timeout)
    return False
