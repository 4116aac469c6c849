"""The outbox against a fake Slack that enforces Slack's rate limits: a thousand DMs in one
tick, a long agenda in order, both without a 429; a 429 or a 500 handled by the outbox, never
slept on or retried by the Slack client; two senders at once post each message once."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator

import pytest
import sqlalchemy as sa
from slack_sdk.errors import SlackApiError

from bot.bootstrap import Container, build
from bot.config import load_settings
from bot.context import AppContext
from bot.domain import OutboxStatus
from bot.jobs import tick
from bot.ports import FixedClock
from devkit.fake_slack import FakeSlack
from devkit.rate_limits import RateLimits
from handlers.messages import SlackRenderer
from handlers.notifier import LazyClient, SlackNotifier, make_client
from storage.models import OutboxMessage
from tests.outbox_time import database_time, database_time_passes
from tests.slack.conftest import USERS

CHANNEL = "C0U1R0001"
POST = "chat.postMessage"


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    """A fake Slack that rate limits as Slack does (devkit/rate_limits.py)."""
    with FakeSlack(users=USERS, open_channels=True, rate_limits=RateLimits()) as server:
        yield server


@pytest.fixture
def sender(cli, slack) -> Iterator[Callable[..., AppContext]]:
    """A sender (its own engine, as another process would have): Casebot's context with the
    real Slack notifier pointed at the fake."""
    cli.ok("init")
    containers: list[Container] = []

    def make(clock: FixedClock | None = None) -> AppContext:
        container = build(load_settings(cli.env), clock=clock or cli.clock)
        containers.append(container)
        client = LazyClient(slack.bot_token, slack.base_url)
        return AppContext(container.uow, container.clock, SlackRenderer(), SlackNotifier(client))

    yield make
    for container in containers:
        container.close()


def queue(ctx: AppContext, messages: list[tuple[str, str]]) -> None:
    """(key, channel) each, the key as the text."""
    with ctx.uow() as uow:
        for key, channel in messages:
            uow.outbox.enqueue(key=key, kind="test", channel=channel, payload={"text": key},
                               now=ctx.clock.now())
        uow.commit()


def rows(ctx: AppContext) -> dict[str, OutboxMessage]:
    with ctx.uow() as uow:
        found = uow.session.scalars(sa.select(OutboxMessage)).all()
        uow.session.expunge_all()
    return {r.idempotency_key: r for r in found}


def posted(slack: FakeSlack) -> list[str]:
    """Texts Slack took, in the order it took them."""
    return [c.args["text"] for c in slack.calls_to(POST) if c.ok]


def people(slack: FakeSlack, count: int) -> list[str]:
    users = [f"U0BULK{n:04d}" for n in range(count)]
    for user in users:
        slack.add_user(user, name=user.lower())
    return users


def test_a_thousand_dms_go_in_one_tick_without_a_429(sender, slack):
    ctx = sender()
    keys = [f"dm:{user}" for user in people(slack, 1000)]
    queue(ctx, [(key, key[3:]) for key in keys])
    assert tick(ctx).sent == 1000
    assert slack.rate_limited() == []
    assert sorted(posted(slack)) == sorted(keys)
    assert len(slack.calls_to(POST)) == 1000, "nothing sent twice"
    assert {r.status for r in rows(ctx).values()} == {OutboxStatus.SENT.value}


def test_a_21_part_agenda_goes_in_order_without_a_429(sender, slack):
    """Slack takes a message a second per channel: the parts are spaced, in one tick."""
    ctx = sender()
    parts = [f"agenda:7:{n:02d}" for n in range(1, 22)]
    queue(ctx, [(part, CHANNEL) for part in parts])
    assert tick(ctx).sent == 21
    assert slack.rate_limited() == []
    assert posted(slack) == parts
    assert [m["text"] for m in slack.messages(CHANNEL)] == parts


def test_a_429_holds_the_row_and_the_tick_moves_on(sender, slack):
    """Nothing sleeps on Retry-After: the tick returns with the row held and Slack asked once;
    a later tick, once Retry-After has passed on the database's clock, sends it."""
    ctx = sender()
    queue(ctx, [("dm:kate", "U0KATE001")])
    slack.rate_limit(POST, retry_after=30)
    before = database_time(ctx.uow)
    assert tick(ctx).sent == 0
    after = database_time(ctx.uow)
    assert [c.status for c in slack.calls_to(POST)] == [429]
    held = rows(ctx)["dm:kate"]
    assert held.status == OutboxStatus.PENDING.value and held.last_error == "ratelimited"
    assert before.timestamp() + 30 <= held.retry_at.timestamp() <= after.timestamp() + 30
    assert tick(ctx).sent == 0
    assert len(slack.calls_to(POST)) == 1, "held: not tried again before Retry-After"
    database_time_passes(ctx.uow, 30)
    assert tick(ctx).sent == 1
    assert posted(slack) == ["dm:kate"]


def test_a_429_ends_the_pass_and_the_rest_goes_next_tick(sender, slack):
    """Sending on after Slack said stop risks the app being disabled: the posts already under
    way finish, the rest of the batch is given back untried."""
    ctx = sender()
    keys = [f"dm:{user}" for user in people(slack, 200)]
    queue(ctx, [(key, key[3:]) for key in keys])
    slack.rate_limit(POST, retry_after=30)
    first = tick(ctx).sent
    calls = len(slack.calls_to(POST))
    assert first == calls - 1 and calls < 40, "the pass stopped within its first batch"
    untried = [r for r in rows(ctx).values() if r.status == OutboxStatus.PENDING.value
               and r.last_error is None]
    assert len(untried) == 200 - calls
    assert all(r.attempts == 0 and r.claimed_until is None for r in untried)
    assert tick(ctx).sent == 200 - calls, "everything but the held row, next tick"
    database_time_passes(ctx.uow, 30)
    assert tick(ctx).sent == 1
    assert Counter(posted(slack)) == Counter(keys)


def test_a_500_is_not_retried_by_the_slack_client(sender, slack):
    """Slack may have posted it: the outbox records an unknown outcome and tries later."""
    ctx = sender()
    queue(ctx, [("dm:omar", "U0OMAR001")])
    slack.fail(POST, status=500, error="internal_error")
    assert tick(ctx).sent == 0
    assert [c.status for c in slack.calls_to(POST)] == [500]
    row = rows(ctx)["dm:omar"]
    assert row.status == OutboxStatus.PENDING.value and row.retry_at is not None
    assert row.outcome_unknown_at is not None


def test_the_listeners_client_retries_safe_calls_but_never_a_post(slack):
    client = make_client(slack.bot_token, slack.base_url)
    slack.fail("users.info", status=500)
    assert client.users_info(user="U0KATE001")["ok"]
    assert [c.status for c in slack.calls_to("users.info")] == [500, 200]
    slack.fail(POST, status=500)
    with pytest.raises(SlackApiError):
        client.chat_postMessage(channel="U0KATE001", text="once")
    assert [c.status for c in slack.calls_to(POST)] == [500]


def test_two_senders_at_once_post_each_message_once(sender, slack):
    """Two processes' outboxes (an engine each) deliver the same queue at the same moment."""
    first, second = sender(), sender()
    dms = [f"dm:{user}" for user in people(slack, 150)]
    parts = [f"agenda:8:{n:02d}" for n in range(1, 6)]
    queue(first, [(key, key[3:]) for key in dms] + [(part, CHANNEL) for part in parts])
    start = threading.Barrier(2)
    counts: list[int] = []

    def run(ctx: AppContext) -> None:
        start.wait()
        counts.append(ctx.deliver())

    threads = [threading.Thread(target=run, args=(ctx,)) for ctx in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 155
    assert Counter(posted(slack)) == Counter(dms + parts), "each message once"
    assert [t for t in posted(slack) if t.startswith("agenda")] == parts
    assert slack.rate_limited() == []
