"""Work after the acknowledgement, on a bounded pool of Casebot's own.

Bolt runs each listener before answering Slack (``process_before_response``), so a listener
checks what it can, acknowledges, and hands the rest here: the answer never waits for the work,
and acknowledgements never queue behind earlier work. A domain error becomes a kind message to
the person; anything else is logged with a reference and no payload.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient

from bot.domain import CasebotError
from handlers.errors import SORRY, tell

log = logging.getLogger(__name__)
WORKERS = 16

_pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="casebot-work")
_pending: set[Future[None]] = set()
_lock = threading.Lock()


def later(client: WebClient, body: dict[str, Any], work: Callable[[], None]) -> Future[None]:
    """Run ``work`` after the answer to Slack; problems are told to whoever sent ``body``."""
    future = _pool.submit(_run, client, body, work)
    with _lock:
        _pending.add(future)
    future.add_done_callback(_forget)
    return future


def opens_modal(build: Callable[[dict[str, Any]], dict[str, Any]]) -> Callable[..., None]:
    """The listener of a button or shortcut that opens a form: it acknowledges at once, then
    ``build`` checks what it must and returns the view to open (a refusal is told, as by
    :func:`later`). Not ``functools.wraps``: Bolt reads the listener's own parameter names."""

    def listener(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        later(client, body,
              lambda: client.views_open(trigger_id=body["trigger_id"], view=build(body)))

    return listener


def _forget(future: Future[None]) -> None:
    with _lock:
        _pending.discard(future)


def wait_idle(timeout: float = 10.0) -> bool:
    """Wait until every piece of work handed over so far is done (tests, orderly shutdown)."""
    with _lock:
        running = list(_pending)
    _done, left = wait(running, timeout=timeout)
    return not left


def _run(client: WebClient, body: dict[str, Any], work: Callable[[], None]) -> None:
    try:
        work()
    except CasebotError as exc:
        tell(client, body, exc.message)
    except Exception as exc:
        ref = uuid.uuid4().hex[:8]
        # The type and reference only: the exception text may quote what someone typed.
        log.error("unexpected %s after answering a %s request (reference %s)",
                  type(exc).__name__, body.get("type") or "slash command", ref)
        tell(client, body, SORRY.format(ref=ref))
