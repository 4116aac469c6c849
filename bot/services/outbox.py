"""Scheduled messages are written first (``uow.outbox.enqueue``), each under a unique
idempotency key, then sent from here in batches.

A batch is leased in one statement and settled in one more (plus one per failure, and one if
any was posted again after an unknown outcome). It holds due rows, at most one per channel or
member (their messages go one at a time, in the order queued) and none for a channel that had a
post less than ``pace.gap`` seconds ago: Slack takes about one message a second per channel,
and as the pace is read from the rows, it holds across batches, ticks and processes. (A member's
DMs are not spaced: a person gets a few at a time at most, and a reply held back a second would
feel slow.) A batch goes out ``pace.parallel`` posts at once.
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
by a later pass after its backoff.

An attempt Slack may have posted (a server error, a timeout, a sender that vanished mid-send
between Slack's answer and the batch being marked sent) is recorded as ``outcome_unknown_at``.
Such a row is looked for before it is tried again: every post carries a mark (a digest of its
key, never client data) and the notifier looks for it in the conversation from a little before
the first attempt. Found, the row is marked sent where it landed; not there, it is posted again;
if the look itself fails, the row waits for its backoff rather than posting blind. DMs are looked
for in the bot's own DM history just as channel posts are, so a DM the look did not find is posted
again too: capping it would lose a DM whenever Slack failed twice without posting (an outage of
500s). Only a message that cannot be looked for at all (the app lacks a history scope) is posted
again blind, once at most (``reposts``), and then given up. A pass makes at most
``CHECKS`` looks (Slack allows about 50 a minute); later rows wait a minute. docs/RELIABILITY.md
says what remains.

``stop`` (the process is shutting down): no further batch is leased, no further post started;
the posts under way finish and are recorded, and the rows not started are given back at once
for another sender.

A sender that crashes between Slack's answer and the batch being marked sent leaves those rows
to be looked for, as above, when the lease ends (their outcome is unknown). One
that is alive but cannot reach the database to mark them keeps trying while the lease lasts:
what Slack took is known only here (tests/faults/test_database_down.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import ThreadPoolExecutor

from bot.ports import CannotCheck, Clock, DeliveryError, Notifier, Posted
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
# Looks for a message whose outcome is unknown, per pass: conversations.history is Tier 3 (50+
# a minute) and the scheduler makes about one pass a minute. A row beyond them waits CHECK_HOLD.
CHECKS = 20
CHECK_HOLD = 60.0
# A look reads the conversation from this long before the first attempt (the database's clock,
# compared with Slack's timestamps: a margin for the two clocks to differ).
CHECK_MARGIN = dt.timedelta(minutes=10)
# Posts again, blind, after an unknown outcome of a message that cannot be looked for (one the
# look did not find is posted again whenever it is not there).
BLIND_REPOSTS = 1
GAVE_UP_UNKNOWN = "outcome unknown and not found in Slack; not posted again"
# Waits between attempts to record a batch while the database is unreachable, doubling.
RECORD_AGAIN = (1.0, 15.0)


class _NotTried:
    """The pass stopped before this row's turn (a rate limit, a shutdown, or its lease nearly
    out)."""


class _Deferred:
    """The pass had no looks left for this row: it waits ``CHECK_HOLD``."""


NOT_TRIED = _NotTried()
DEFERRED = _Deferred()
Outcome = Posted | DeliveryError | _NotTried | _Deferred


def mark(key: str) -> str:
    """What a post carries to be found again: a digest of its idempotency key (the key names
    members and records by id; the digest names nothing)."""
    return hashlib.sha256(key.encode()).hexdigest()[:32]


class _Checks:
    """The looks a pass may still make (its threads share them)."""

    def __init__(self, left: int) -> None:
        self._left = left
        self._lock = threading.Lock()

    def take(self) -> bool:
        with self._lock:
            if self._left <= 0:
                return False
            self._left -= 1
            return True


def deliver(
    *,
    uow_factory: Callable[[], UnitOfWork],
    notifier: Notifier,
    clock: Clock,
    keys: Sequence[str] | None = None,
    budget: float = BUDGET,
    timer: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    stop: threading.Event | None = None,
) -> int:
    """Send what is due for up to ``budget`` seconds of ``timer``; returns how many were posted
    (or found already posted).

    ``keys`` (a reply to what someone just did): what is due in those keys' channels, which
    includes them and what was queued before them (it goes first). ``stop``: see the module.
    """
    deadline = timer() + budget
    sent = 0
    with _Pass(uow_factory, notifier, clock, keys, timer, sleep, stop) as run:
        while not run.halt.is_set():
            batch, wait = run.lease()
            if not batch:
                if wait is None or timer() + wait > deadline:
                    return sent
                sleep(max(wait, MIN_WAIT))
                continue
            posted, rate_limited = run.send(batch)
            sent += posted
            if rate_limited or timer() >= deadline:
                return sent
    return sent


def deliver_now(
    *,
    uow_factory: Callable[[], UnitOfWork],
    notifier: Notifier,
    clock: Clock,
    keys: Sequence[str],
    stop: threading.Event | None = None,
) -> tuple[int, bool]:
    """One batch of what is due in ``keys``' channels, never waiting for a channel's pace (a
    reply must not queue behind a busy channel): (how many were posted, whether a later pass
    should follow). It should whenever this one sent a batch, for what was queued behind it in
    those channels (another reply's message, which found the channel's head leased here and
    left it to us), or found a channel waiting for its pace; never after a 429 (its rows are
    held for the tick: nothing is sent on after Slack said stop)."""
    if not keys or (stop is not None and stop.is_set()):
        return 0, False  # stopping: nothing more is leased; the next tick sends them
    with _Pass(uow_factory, notifier, clock, keys, time.monotonic, time.sleep, stop) as run:
        batch, wait = run.lease()
        if not batch:
            return 0, wait is not None
        posted, rate_limited = run.send(batch)
        return posted, not rate_limited


class _Pass:
    """What one sending pass shares across its batches: its token, its looks, its threads."""

    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        notifier: Notifier,
        clock: Clock,
        keys: Sequence[str] | None,
        timer: Callable[[], float],
        sleep: Callable[[float], None],
        stop: threading.Event | None,
    ) -> None:
        self.uow_factory, self.notifier, self.clock, self.keys = uow_factory, notifier, clock, keys
        self.timer, self.sleep = timer, sleep
        self.halt = stop or threading.Event()
        self.token = uuid.uuid4().hex
        self.checks = _Checks(CHECKS)
        self.pace = notifier.pace
        self.leased_until = 0.0
        self.pool = ThreadPoolExecutor(max_workers=max(1, self.pace.parallel),
                                       thread_name_prefix="outbox")

    def __enter__(self) -> _Pass:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.pool.shutdown(wait=True)

    def lease(self) -> tuple[list[Claimed], float | None]:
        """The next batch (committed as leased), or none and the seconds until a channel's
        pace lets one go (None: nothing is waiting)."""
        self.leased_until = self.timer() + LEASE.total_seconds()  # at the latest
        with self.uow_factory() as uow:
            batch = uow.outbox.claim(now=self.clock.now(), token=self.token, limit=BATCH,
                                     lease=LEASE, gap=self.pace.gap, keys=self.keys)
            if batch:
                uow.commit()
                return batch, None
            return [], uow.outbox.paced_wait(now=self.clock.now(), gap=self.pace.gap,
                                             keys=self.keys)

    def send(self, batch: list[Claimed]) -> tuple[int, bool]:
        """Post a leased batch and record it: (how many were posted, whether Slack said to
        slow down)."""
        reposted: set[int] = set()
        outcomes = _send(batch, self.notifier, self.pool if self.pace.parallel > 1 else None,
                         give_back_at=self.timer() + SEND_WITHIN, timer=self.timer,
                         halt=self.halt, checks=self.checks, reposted=reposted)
        return _record(self.uow_factory, self.token, batch, outcomes, reposted,
                       until=self.leased_until, timer=self.timer, sleep=self.sleep)


def _send(
    batch: list[Claimed],
    notifier: Notifier,
    pool: ThreadPoolExecutor | None,
    *,
    give_back_at: float,
    timer: Callable[[], float],
    halt: threading.Event,
    checks: _Checks,
    reposted: set[int],
) -> list[Outcome]:
    """Post each row (one channel each, so their order does not matter), looking first for
    those Slack may have posted already; after a 429 or a stop the rows not yet started are
    left untried."""
    stop = threading.Event()

    def one(item: Claimed) -> Outcome:
        if stop.is_set() or halt.is_set() or timer() > give_back_at:
            return NOT_TRIED
        try:
            if item.outcome_unknown_at is not None:
                checked = _check(item, notifier, checks)
                if checked is not None:
                    return checked
                if halt.is_set():  # not found, but a new post is not begun while stopping
                    return NOT_TRIED
                reposted.add(item.id)
            return notifier.post(item.channel, json.loads(item.payload), mark=mark(item.key))
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


def _check(item: Claimed, notifier: Notifier, checks: _Checks) -> Outcome | None:
    """Whether an earlier attempt of ``item`` reached Slack: its Posted if so; None to post it
    again; else why not now (no looks left: it waits; given up). Raises DeliveryError when the
    look failed (the row waits for its backoff)."""
    limit: int | None = None
    if not checks.take():
        return DEFERRED
    first = item.first_tried_at or item.outcome_unknown_at  # the first is set by the lease
    assert first is not None
    try:
        found = notifier.find(item.channel, mark(item.key), first - CHECK_MARGIN)
    except CannotCheck as exc:
        # Never will be able to look (a scope the app lacks): post again once, blind.
        log.warning("cannot look for message %s in Slack (%s)", item.id, exc.code)
        limit = BLIND_REPOSTS
        found = None
    except DeliveryError as exc:
        log.info("could not look for message %s in Slack: %s", item.id, exc.code)
        # A look that failed says nothing of the post: the row waits (a rate limit stops the
        # pass too), whatever the error, and is looked for again.
        raise DeliveryError(f"lookup: {exc.code}", permanent=False,
                            retry_after=exc.retry_after) from None
    if found is not None:
        log.info("message %s was already in Slack: recorded as sent, not posted again", item.id)
        return found
    if limit is not None and item.reposts >= limit:
        return DeliveryError(GAVE_UP_UNKNOWN, permanent=True)
    log.info("message %s is not in Slack after an unknown outcome: posting it again (%s)",
             item.id, "blind, once at most" if limit is not None else "looked for first")
    return None


def _record(
    uow_factory: Callable[[], UnitOfWork],
    token: str,
    batch: list[Claimed],
    outcomes: list[Outcome],
    reposted: Collection[int],
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
            return _settle(uow_factory(), token, batch, outcomes, reposted)
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
    uow: UnitOfWork, token: str, batch: list[Claimed], outcomes: list[Outcome],
    reposted: Collection[int] = (),
) -> tuple[int, bool]:
    """Record a batch's outcomes in one transaction; (how many were posted, whether Slack
    said to slow down)."""
    pairs = list(zip(batch, outcomes, strict=True))
    posted = {item.id: (o.channel, o.ts) for item, o in pairs if isinstance(o, Posted)}
    with uow:
        uow.outbox.count_reposts(token, sorted(reposted))  # first: settling ends the lease
        marked = uow.outbox.mark_sent(token, posted)
        uow.outbox.release(token, [item.id for item, o in pairs if o is NOT_TRIED])
        uow.outbox.release(token, [item.id for item, o in pairs if o is DEFERRED],
                           hold=CHECK_HOLD)
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
