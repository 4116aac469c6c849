"""Slack delivers an event and retries it three times, one after another or all at once, to
``casebot serve --http`` with two gunicorn workers on PostgreSQL: each message is one draft and
one reply, however many deliveries and whichever worker took each.

Slack's rate limits are left out here: Kate sends fifteen DMs in a few seconds, and Slack takes
about one message a second in her DM, so some replies would wait for the next tick (a minute);
test_slack_errors.py has the 429s."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from devkit.fake_slack import FakeSlack, dm_channel_id
from devkit.slack_requests import SlackSender
from storage.models import Draft
from tests.faults.conftest import pending, replies_to, set_up_group, wait_for
from tests.slack.conftest import KATE, USERS

pytestmark = pytest.mark.postgres
ROUNDS = 15


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack(users=USERS, open_channels=True) as server:
        yield server


def deliver(sender: SlackSender, n: int, text: str, retry: int | None) -> int:
    ts = f"1800000000.{n:06d}"
    message = {"type": "message", "channel": dm_channel_id(KATE), "user": KATE, "text": text,
               "ts": ts, "event_ts": ts, "channel_type": "im", "client_msg_id": f"c-{n}",
               "team": sender.team_id}
    return sender.event(message, event_id=f"Ev0FAULT{n:04d}", retry_num=retry).status


def settled(app, slack, markers: list[str]) -> Counter[str]:
    """Once every marker has a reply and nothing waits in the outbox: replies per marker."""
    wait_for(lambda: all(replies_to(slack, KATE, m) for m in markers) and not pending(app),
             timeout=30, what="a reply to every message")
    return Counter({m: replies_to(slack, KATE, m) for m in markers})


def drafts(app) -> int:
    with app.uow() as uow:
        return int(uow.session.scalar(sa.select(sa.func.count()).select_from(Draft)) or 0)


def test_an_event_and_its_three_retries_in_order_make_one_reply(cli, app, slack, processes,
                                                                 tally):
    set_up_group(cli)
    sender = processes("serve", workers=2).sender()
    markers = [f"in order {n:02d}" for n in range(ROUNDS)]
    for n, marker in enumerate(markers):
        statuses = [deliver(sender, n, f"U1R-014: {marker}", retry) for retry in (None, 1, 2, 3)]
        assert statuses == [200, 200, 200, 200]
    found = tally("Slack retries an event x3, in order", markers, settled(app, slack, markers))
    assert (found.lost, found.duplicated) == ([], [])
    assert drafts(app) == ROUNDS


def at_once(sender: SlackSender, n: int, text: str) -> list[int]:
    """The original and its three retries, from four threads released together."""
    start = threading.Barrier(4)
    statuses: list[int] = []

    def send(retry: int | None) -> None:
        start.wait()
        statuses.append(deliver(sender, n, text, retry))

    threads = [threading.Thread(target=send, args=(r,)) for r in (None, 1, 2, 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_an_event_and_its_three_retries_at_once_make_one_reply(cli, app, slack, processes,
                                                               tally):
    set_up_group(cli)
    sender = processes("serve", workers=2).sender()
    markers = [f"at once {n:02d}" for n in range(ROUNDS)]
    for n, marker in enumerate(markers, start=100):
        assert at_once(sender, n, f"U1R-014: {marker}") == [200, 200, 200, 200]
    found = tally("Slack retries an event x3, all at once", markers,
                  settled(app, slack, markers))
    assert (found.lost, found.duplicated) == ([], [])
    assert drafts(app) == ROUNDS
