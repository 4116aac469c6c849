"""Work after the acknowledgement, on a small pool of Casebot's own.

Bolt runs each listener before answering Slack (``process_before_response``), so a listener
checks what it can without the database, acknowledges, and hands the rest here: the answer never
waits for the work. A domain error becomes a kind message to the person; anything else is logged
with a reference and no payload.

Sizing (measured by bench/ack_load.py; BENCHMARKS.md, "Acks under load"). Answers and work share
one interpreter per gunicorn worker, and it runs one thread at a time: each time a request thread
comes back from its socket it queues for the interpreter behind the busy work threads. With
/casebot action or the attend button at 50 a second on 2 cores, the ack p99 was 9–12 times a
bare Bolt app's with 16 work threads, 3–10 times with 8, 1.6 times with 4 and about equal with
2, while the work done a second stayed within 10% (the work is CPU-bound across the machine:
Casebot, its database and Slack's calls share the cores). So: ``WORKERS`` threads a process, at
a lower OS priority (Linux: a nice value of their own; without it the p99 was 2–3 times higher),
and a serving process hands the interpreter over every millisecond instead of every five
(:func:`favour_requests`). A request that will have work checks for a replay in the pool, with
that work, rather than writing to the database before its answer (handlers.middleware).

Messages a reply queued for a channel that posted less than a second ago (Slack's pace) are sent
from one more thread, the pacer (``handlers.work_pool.paced``): waiting there, they hold up
neither the reply nor the work behind other requests. In a burst of 50 actions into one
channel, the receipts came at the channel's pace (a median of 64 s) while the work threads
waited on it.

Nothing is dropped: the queue has no bound (under overload it grows while acks stay fast), and an
orderly shutdown waits for it (:func:`finish`).
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from contextvars import ContextVar
from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain import CasebotError
from handlers import work_pool
from handlers.errors import SORRY, tell
from handlers.work_pool import SWITCH_INTERVAL as SWITCH_INTERVAL
from handlers.work_pool import favour_requests as favour_requests
from handlers.work_pool import finish as finish
from handlers.work_pool import wait_idle as wait_idle

log = logging.getLogger(__name__)

View = dict[str, Any]
Told = Callable[[str], None]

# The replay check of the request being answered on this thread (set by the front door).
_replay_check: ContextVar[Callable[[], bool] | None] = ContextVar("replay_check", default=None)


def check_replay_with_work(first_delivery: Callable[[], bool] | None) -> None:
    """The front door's replay check for the request now on this thread, run in the pool before
    its work (once, however many pieces the listener hands over); None: no check."""
    _replay_check.set(_Once(first_delivery) if first_delivery is not None else None)


class _Once:
    def __init__(self, check: Callable[[], bool]) -> None:
        self._check, self._verdict, self._lock = check, None, threading.Lock()

    def __call__(self) -> bool:
        with self._lock:
            if self._verdict is None:
                self._verdict = self._check()
            return self._verdict


def later(client: WebClient, body: dict[str, Any], work: Callable[[], None]) -> Future[None]:
    """Run ``work`` after the answer to Slack; problems are told to whoever sent ``body``."""
    return _submit(work, lambda message: tell(client, body, message), body)


def opens_modal(build: Callable[[dict[str, Any]], dict[str, Any]]) -> Callable[..., None]:
    """The listener of a button or shortcut that opens a form: it acknowledges at once, then
    ``build`` checks what it must and returns the view to open (a refusal is told, as by
    :func:`later`). Not ``functools.wraps``: Bolt reads the listener's own parameter names."""

    def listener(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        later(client, body,
              lambda: client.views_open(trigger_id=body["trigger_id"], view=build(body)))

    return listener


def answer_form(
    ack: Ack,
    client: WebClient,
    body: dict[str, Any],
    *,
    waiting: View,
    work: Callable[[], View],
    problem: Callable[[str], View],
) -> None:
    """Answer a submitted form whose next screen takes work: the form shows ``waiting`` at once,
    then the screen ``work`` returns, or ``problem(message)`` for a refusal or a failure."""
    ack(response_action="update", view=waiting)
    view_id = str((body.get("view") or {}).get("id") or "")

    def show(view: View) -> None:
        try:
            client.views_update(view_id=view_id, view=view)
        except SlackApiError as exc:  # closed while it was being worked out: nowhere to show
            log.info("a form was gone before its answer: %s", exc.response.get("error"))

    _submit(lambda: show(work()), lambda message: show(problem(message)), body)


def _submit(work: Callable[[], None], told: Told, body: dict[str, Any]) -> Future[None]:
    what = str(body.get("type") or "slash command")
    return work_pool.submit(_run, work, told, _replay_check.get(), what)


def _run(work: Callable[[], None], told: Told, replay_check: Callable[[], bool] | None,
         what: str) -> None:
    try:
        if replay_check is not None and not replay_check():
            return  # a replayed request: its work is done once, by the first delivery
        work()
    except CasebotError as exc:
        told(exc.message)
    except Exception as exc:
        ref = uuid.uuid4().hex[:8]
        # The type and reference only: the exception text may quote what someone typed.
        log.error("unexpected %s after answering a %s request (reference %s)",
                  type(exc).__name__, what, ref)
        told(SORRY.format(ref=ref))
