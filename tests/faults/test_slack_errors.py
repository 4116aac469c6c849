"""Slack refuses posts: 429 bursts (a burst of them, then Slack's workspace-wide cap) and 500s
that posted nothing. ``casebot tick`` processes send a queue of DMs and a five-part agenda; each
message arrives once, the agenda in order, and no pass goes on posting after a 429.

Between ticks a minute passes for Slack (the fake's clock) and for the database (holds and
leases, tests/outbox_time.py), instead of being waited for.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from devkit.fake_slack import FakeSlack
from devkit.rate_limits import RateLimits
from tests.faults.conftest import (
    POST,
    Process,
    dms,
    outbox_rows,
    pending,
    posted_texts,
    queue,
)
from tests.outbox_time import database_time_passes
from tests.slack.conftest import CHANNEL, USERS

pytestmark = pytest.mark.postgres
PARALLEL = 4  # posts a pass has under way at once (handlers.notifier.SLACK_PACE)
PER_MINUTE = 100  # Slack's workspace-wide cap on chat.postMessage, "several hundred" in truth


class SlackClock:
    """The fake's clock, moved on by hand: Slack's minute passes without waiting for it."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.monotonic() + self.offset


@pytest.fixture
def slack_clock() -> SlackClock:
    return SlackClock()


@pytest.fixture
def slack(slack_clock: SlackClock) -> Iterator[FakeSlack]:
    limits = RateLimits(workspace_per_minute=PER_MINUTE)
    with FakeSlack(users=USERS, open_channels=True, rate_limits=limits,
                   clock=slack_clock) as server:
        yield server


@dataclass
class Ticked:
    process: Process
    refused: int  # posts Slack refused (429 or 5xx) during this tick


def tick_until_sent(app, slack: FakeSlack, slack_clock: SlackClock,
                    processes: Callable[..., Process], *, rounds: int) -> list[Ticked]:
    """``casebot tick --force`` until nothing waits, a minute apart; the ticks run."""
    ran: list[Ticked] = []
    for _ in range(rounds):
        before = refused(slack)
        process = processes("tick", "--force")
        assert process.finish() == 0, process.log()
        ran.append(Ticked(process, refused(slack) - before))
        if not pending(app):
            return ran
        slack_clock.offset += 60
        database_time_passes(app.uow, 60)
    raise AssertionError(f"still waiting after {rounds} ticks: {len(pending(app))} message(s)")


def refused(slack: FakeSlack) -> int:
    return sum(1 for c in slack.calls_to(POST) if c.status == 429 or c.status >= 500)


def agenda(parts: int) -> list[tuple[str, str]]:
    return [(f"agenda part {n}", CHANNEL) for n in range(1, parts + 1)]


def in_channel(slack: FakeSlack) -> list[str]:
    return [m["text"] for m in slack.messages(CHANNEL)]


def test_429_bursts_hold_messages_and_each_goes_once(app, slack, slack_clock, processes, tally):
    messages = dms(slack, 150, "burst dm") + agenda(5)
    expected = queue(app, messages)
    slack.rate_limit(POST, times=PARALLEL, retry_after=20)  # a burst: the first posts refused
    ticks = tick_until_sent(app, slack, slack_clock, processes, rounds=6)
    limited = [c for c in slack.calls_to(POST) if c.status == 429]
    found = tally("429 bursts (4 at once, then Slack's cap of 100 a minute)", expected,
                  posted_texts(slack), refused=len(limited), ticks=len(ticks))
    assert (found.lost, found.duplicated) == ([], [])
    assert len(limited) > PARALLEL, "Slack's cap was reached too, not only the burst"
    # A pass stops at its first 429: only the posts already under way may be refused too.
    assert all(t.refused <= PARALLEL for t in ticks), [t.refused for t in ticks]
    assert in_channel(slack) == [text for text, _ in agenda(5)]


def test_500s_before_posting_are_sent_again_once(app, slack, slack_clock, processes, tally):
    messages = dms(slack, 60, "after 500 dm") + agenda(3)
    expected = queue(app, messages)
    slack.fail(POST, status=500, error="internal_error", times=3)
    slack.fail(POST, status=503, error="service_unavailable", times=2)
    ticks = tick_until_sent(app, slack, slack_clock, processes, rounds=4)
    failed = [c for c in slack.calls_to(POST) if c.status >= 500]
    found = tally("500s before posting", expected, posted_texts(slack), refused=len(failed))
    assert (found.lost, found.duplicated) == ([], [])
    assert len(failed) == 5 and len(ticks) == 2, "the refused ones went at the next tick"
    rows = outbox_rows(app)
    assert all(rows[str(c.args["text"])].outcome_unknown_at for c in failed), \
        "each recorded as one Slack may have posted"
    assert in_channel(slack) == [text for text, _ in agenda(3)]
    for ticked in ticks:
        assert "dm " not in ticked.process.log(), "no message text in the output"
