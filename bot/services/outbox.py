"""Scheduled messages are written first (``uow.outbox.enqueue``), each under a unique
idempotency key, then sent from here in batches.

A batch is leased in one statement and settled in one more (plus one per failure). It holds due
rows, at most one per channel or member (their messages go one at a time, in the order queued)
and none for a channel that had a post less than ``pace.gap`` seconds ago: Slack takes about one
message a second per channel, and as the pace is read from the rows, it holds across batches,
ticks and processes. (A member's DMs are not spaced: a person gets a few at a time at most, and
a reply held back a second would feel slow.) A batch goes out ``pace.parallel`` posts at once.
A pass keeps sending while something is due and its time budget lasts, waiting out a channel's
pace (never more than ``gap`` at a time) so that a long agenda goes out in one tick.

Two clocks. ``not_before`` (when a message is due) and ``created_at`` are the services' times,
from the injected clock: when to send is the domain's decision, and tests move that clock. What
decides which sender holds a row and when Slack will take the next post (leases, pacing, holds
after a failure) is read from the database's clock inside the statements, so senders whose own
clocks disagree never both hold a row. In production the services' clock is the system clock and
agrees with the database's to within clock sync: a skew moves a due time by that much, no more.

A 429 holds its row for Slack's Retry-After and ends the pass (posts already started finish): we
never sleep on it, and sending on after Slack said stop risks the app being disabled; the rest
goes at the next tick. The Slack client retries nothing of a post: a failed row is tried again
by a later pass after its backoff, and an attempt Slack may have posted (a server error, a
timeout, a sender that vanished mid-send) is recorded as ``outcome_unknown_at`` on the row.

A sender that crashes between Slack's answer and the batch being marked sent leaves those rows
to be sent again when the lease ends (marked as of unknown outcome): a batch wide, seconds. One
that is alive but cannot reach the database to mark them keeps trying while the lease lasts:
what Slack took is known only here (tests/faults/test_database_down.py).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor

from bot.ports import Clock, DeliveryError, Notifier, Posted
from storage.db import unreachable
from storage.repositories.outbox import Claimed
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

LEASE = dt.timedelta(minutes=5)
# A leased row not yet started this long after it was leased is given back, not sent: whoever
# leases it next must not find it half-way through a send.
SEND_WITHIN = 240.0
MAX_ATTEMPTS = 8
# Rows leased at once: 40 at 4 at a time is 10 rounds, well inside SEND_WITHIN even at the
# Slack client's 15 s timeout per post.
BATCH = 40
# Seconds a pass keeps sending; the scheduler ticks every minute and does other work first.
BUDGET = 45.0
MIN_WAIT = 0.01
# Waits between attempts to record a batch while the database is unreachable, doubling.
RECORD_AGAIN = (1.0, 15.0)


class _NotTried:
    """The pass stopped before this row's turn (a rate limit, or its lease nearly out)."""


NOT_TRIED = _NotTried()
Outcome = Posted | DeliveryError | _NotTried


def deliver(
    *,
    uow_factory: Callable[[], UnitOfWork],
    notifier: Notifier,
    clock: Clock,
    keys: Sequence[str] | None = None,
    budget: float = BUDGET,
    timer: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Send what is due for up to ``budget`` seconds of ``timer``; returns how many were posted.

    ``keys`` (a reply to what someone just did): what is due in those keys' channels, which
    includes them and what was queued before them (it goes first).
    """
    pace = notifier.pace
    token = uuid.uuid4().hex
    deadline = timer() + budget
    sent = 0
    with ThreadPoolExecutor(max_workers=max(1, pace.parallel),
                            thread_name_prefix="outbox") as pool:
        while True:
            leased_until = timer() + LEASE.total_seconds()
            with uow_factory() as uow:
                batch = uow.outbox.claim(now=clock.now(), token=token, limit=BATCH, lease=LEASE,
                                         gap=pace.gap, keys=keys)
                if batch:
                    uow.commit()
                else:
                    wait = uow.outbox.paced_wait(now=clock.now(), gap=pace.gap, keys=keys)
            if not batch:
                if wait is None or timer() + wait > deadline:
                    return sent
                sleep(max(wait, MIN_WAIT))
                continue
            outcomes = _send(batch, notifier, pool if pace.parallel > 1 else None,
                             give_back_at=timer() + SEND_WITHIN, timer=timer)
            posted, rate_limited = _record(uow_factory, token, batch, outcomes,
                                           until=leased_until, timer=timer, sleep=sleep)
            sent += posted
            if rate_limited or timer() >= deadline:
                return sent


def _send(
    batch: list[Claimed],
    notifier: Notifier,
    pool: ThreadPoolExecutor | None,
    *,
    give_back_at: float,
    timer: Callable[[], float],
) -> list[Outcome]:
    """Post each row (one channel each, so their order does not matter); after a 429 the rows
    not yet started are left untried."""
    stop = threading.Event()

    def one(item: Claimed) -> Outcome:
        if stop.is_set() or timer() > give_back_at:
            return NOT_TRIED
        try:
            return notifier.post(item.channel, json.loads(item.payload))
        except DeliveryError as exc:
            if exc.retry_after is not None:
                stop.set()
            return exc
        except Exception as exc:
            # A fault of ours must not cost the batch its record of what Slack took: the rest
            # would be sent again when their lease ran out. The name only: no message text.
            log.error("sending message %s failed: %s", item.id, type(exc).__name__)
            return DeliveryError(f"error: {type(exc).__name__}", permanent=False, unknown=True)

    if pool is None or len(batch) == 1:
        return [one(item) for item in batch]
    return list(pool.map(one, batch))


def _record(
    uow_factory: Callable[[], UnitOfWork],
    token: str,
    batch: list[Claimed],
    outcomes: list[Outcome],
    *,
    until: float,
    timer: Callable[[], float],
    sleep: Callable[[float], None],
) -> tuple[int, bool]:
    """:func:`_settle`, tried again while the database is unreachable and the batch's lease
    lasts (``until``): a batch not recorded is sent again when its lease ends."""
    wait, most = RECORD_AGAIN
    while True:
        try:
            return _settle(uow_factory(), token, batch, outcomes)
        except Exception as exc:
            if not unreachable(exc) or timer() + wait > until:
                log.error("could not record %d message(s) sent or tried: %s; they may be sent "
                          "again when their lease ends", len(batch), type(exc).__name__)
                raise
            log.warning("the database is unreachable (%s): recording %d message(s) sent or "
                        "tried again in %.0f s", type(exc).__name__, len(batch), wait)
        sleep(wait)
        wait = min(wait * 2, most)


def _settle(
    uow: UnitOfWork, token: str, batch: list[Claimed], outcomes: list[Outcome]
) -> tuple[int, bool]:
    """Record a batch's outcomes in one transaction; (how many were posted, whether Slack
    said to slow down)."""
    pairs = list(zip(batch, outcomes, strict=True))
    posted = {item.id: (o.channel, o.ts) for item, o in pairs if isinstance(o, Posted)}
    with uow:
        marked = uow.outbox.mark_sent(token, posted)
        uow.outbox.release(token, [item.id for item, o in pairs if o is NOT_TRIED])
        for item, outcome in pairs:
            if isinstance(outcome, DeliveryError):
                _record_failure(uow, token, item, outcome)
        uow.commit()
    for row_id in posted.keys() - marked:
        # Our lease ran out mid-send and another sender took the row over.
        log.warning("lease lost while sending message %s", row_id)
    if posted:
        log.info("sent %d message(s)", len(posted))
    limited = any(isinstance(o, DeliveryError) and o.retry_after is not None for o in outcomes)
    return len(posted), limited


def retry_in(exc: DeliveryError, attempts: int) -> float | None:
    """Seconds to wait before sending again after ``attempts`` tries failed with ``exc``, or
    None to give up: Slack's Retry-After if it gave one, else doubling from 30 s to an hour."""
    if exc.permanent or attempts >= MAX_ATTEMPTS:
        return None
    return exc.retry_after or min(30 * 2 ** (attempts - 1), 3600)


def _record_failure(uow: UnitOfWork, token: str, item: Claimed, exc: DeliveryError) -> None:
    backoff = retry_in(exc, item.attempts)
    if not uow.outbox.record_failure(item.id, token=token, error=exc.code, retry_in=backoff,
                                     unknown=exc.unknown):
        return  # someone else holds the row now
    if backoff is None:
        log.warning("gave up on %s message %s: %s", item.kind, item.id, exc.code)
    else:
        log.info("will retry %s message %s in %ss: %s", item.kind, item.id, backoff, exc.code)
