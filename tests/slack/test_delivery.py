"""Slack's deliveries of one event, however they arrive (its retries at once with the original,
or late), are handled exactly once: one draft, one reply."""

from __future__ import annotations

import json
import threading

from devkit.fake_slack import dm_channel_id
from tests.slack.conftest import KATE, wait_until

ROUNDS = 40


def drafts(h) -> int:
    return h.count("drafts")


def replies_for(h, marker: str) -> int:
    return sum(marker in json.dumps(m) for m in h.fake.messages(dm_channel_id(KATE)))


def deliver_at_once(h, text: str, event_id: str, ts: str) -> list[int]:
    """The original and its three retries, sent together from four threads."""
    statuses: list[int] = []
    start = threading.Barrier(4)

    def send(retry: int | None) -> None:
        start.wait()
        message = {"type": "message", "channel": dm_channel_id(KATE), "user": KATE, "text": text,
                   "ts": ts, "event_ts": ts, "channel_type": "im",
                   "client_msg_id": f"c-{event_id}", "team": h.sender.team_id}
        statuses.append(h.sender.event(message, event_id=event_id, retry_num=retry).status)

    threads = [threading.Thread(target=send, args=(r,)) for r in (None, 1, 2, 3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses


def test_an_event_and_its_retries_at_once_make_one_draft_and_one_reply(h):
    for n in range(ROUNDS):
        marker = f"round {n:02d} news"
        statuses = deliver_at_once(h, f"U1R-014: {marker}", f"Ev0ROUND{n:03d}",
                                   f"1700000100.{n:06d}")
        assert statuses == [200, 200, 200, 200]
        wait_until(lambda m=marker: replies_for(h, m) >= 1)
    assert drafts(h) == ROUNDS
    h.settle("chat.postMessage", ROUNDS)
    lost = [n for n in range(ROUNDS) if replies_for(h, f"round {n:02d} news") == 0]
    doubled = [n for n in range(ROUNDS) if replies_for(h, f"round {n:02d} news") > 1]
    assert (lost, doubled) == ([], [])


def test_a_late_retry_or_the_same_message_under_another_event_id_does_nothing(h):
    h.sender.dm("U1R-014: first news", user_id=KATE, event_id="Ev0LATE001", ts="1700000200.000100")
    wait_until(lambda: replies_for(h, "first news") == 1)
    for event_id in ("Ev0LATE001", "Ev0LATE002"):
        again = h.sender.dm("U1R-014: first news", user_id=KATE, event_id=event_id,
                            ts="1700000200.000100")
        assert again.status == 200
    assert drafts(h) == 1
    assert replies_for(h, "first news") == 1


def test_a_refusal_is_also_said_once(h):
    """A DM the app must refuse (an unknown code) gets one kind answer, not one per delivery."""
    statuses = deliver_at_once(h, "XYZ-999: news", "Ev0REFUSE1", "1700000300.000100")
    assert statuses == [200, 200, 200, 200]
    wait_until(lambda: replies_for(h, "XYZ-999") >= 1)
    h.settle("chat.postMessage", 1)
    assert replies_for(h, "XYZ-999") == 1
    assert drafts(h) == 0
