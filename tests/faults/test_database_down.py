"""The database goes away while ``casebot serve --http`` sends 200 DMs and Kate writes to
Casebot: refusing connections (the open ones cut), or the outbox table locked by another
connection. Expected: nothing lost (sent once the database is back), nothing sent twice, the
process alive throughout (/healthz answers, and says when the database is unreachable), and
log lines that say what failed without any message text.

"A minute" is shortened: the outage lasts until its effects have been seen (a few seconds).
Nothing in Casebot times out on a locked table or counts an outage's length, so a minute
behaves alike, as long as it is shorter than an outbox lease (5 minutes): a batch whose sender
cannot record it for longer is sent again (test_sigkill.py's window).
"""

from __future__ import annotations

from collections import Counter

import pytest
import sqlalchemy as sa

from bot.services.outbox import LEASE
from devkit.fake_slack import dm_channel_id
from devkit.slack_requests import SlackSender
from tests.faults.conftest import (
    POST,
    Process,
    dms,
    pending,
    posted_texts,
    queue,
    replies_to,
    set_up_group,
    wait_for,
)
from tests.outbox_time import database_time_passes
from tests.slack.conftest import KATE

pytestmark = pytest.mark.postgres
SLACK_TIMEOUT = 3.0  # seconds Slack waits for an answer before it retries an event


def kates_dm(sender: SlackSender, text: str, retry: int | None = None) -> int:
    """Kate's DM to Casebot (one message: one event id), or Slack's retry of it."""
    ts = "1800000100.000100"
    message = {"type": "message", "channel": dm_channel_id(KATE), "user": KATE, "text": text,
               "ts": ts, "event_ts": ts, "channel_type": "im", "client_msg_id": "c-down",
               "team": sender.team_id}
    return sender.event(message, event_id="Ev0DOWN0001", retry_num=retry).status


REPLY = "Casebot's reply to Kate"


def seen(slack, kates_words: str) -> Counter[str]:
    """Posts Slack took per text, and the replies to Kate's DM under ``REPLY``."""
    found = posted_texts(slack)
    found[REPLY] = replies_to(slack, KATE, kates_words)
    return found


def flush(app, server: Process, processes) -> None:
    """Once the server's tick has ended, the next minute's tick; and if rows are still leased
    (by a sender that gave up on them), the one after their lease."""
    wait_for(lambda: "tick: queued" in server.log() or "tick failed" in server.log(),
             timeout=30, what="the server's tick to end")
    for _ in range(2):
        tick = processes("tick", "--force")
        assert tick.finish() == 0, tick.log()
        if not pending(app):
            return
        database_time_passes(app.uow, LEASE.total_seconds())
    assert pending(app) == []


def no_message_text(process: Process, texts: list[str]) -> None:
    log = process.log()
    assert not [t for t in texts if t in log], "message text in the log"


def test_database_refusing_connections_loses_nothing_and_sends_nothing_twice(
        cli, app, slack, fault_db, processes, tally):
    set_up_group(cli)
    expected = queue(app, dms(slack, 200, "outage dm"))
    slack.slow(POST, 0.1)
    server = processes("serve")
    slack.wait_for(POST, 50, timeout=20)  # the tick is in its second batch

    fault_db.refuse_connections()
    try:
        wait_for(lambda: server.healthz()[0] == 503, timeout=15, what="/healthz to say 503")
        assert server.healthz()[1]["status"] == "database unreachable"
        sender = server.sender(timeout=SLACK_TIMEOUT)
        assert kates_dm(sender, "U1R-014: spoke during the outage") == 500, "Slack will retry"
        # Held until the tick has met it: its batch was under way when the database went.
        wait_for(lambda: "the database is unreachable" in server.log()
                 or "tick failed" in server.log(), timeout=15, what="the tick to meet it")
    finally:
        fault_db.accept_connections()

    wait_for(lambda: server.healthz()[0] == 200, timeout=15, what="/healthz to say 200 again")
    assert kates_dm(sender, "U1R-014: spoke during the outage", retry=1) == 200
    wait_for(lambda: replies_to(slack, KATE, "spoke during the outage"), timeout=15,
             what="the reply to Kate's DM")
    flush(app, server, processes)

    found = tally("database refusing connections mid-tick", [*expected, REPLY],
                  seen(slack, "spoke during the outage"))
    assert (found.lost, found.duplicated) == ([], [])
    assert server.alive()
    assert "the database is unreachable (OperationalError)" in server.log()
    no_message_text(server, [*expected, "spoke during the outage"])


def test_outbox_locked_loses_nothing_and_sends_nothing_twice(cli, app, slack, fault_db,
                                                             processes, tally):
    set_up_group(cli)
    expected = queue(app, dms(slack, 200, "locked dm"))
    slack.slow(POST, 0.1)
    server = processes("serve")
    slack.wait_for(POST, 50, timeout=20)

    locker = sa.create_engine(fault_db.url)
    conn = locker.connect()
    try:
        conn.execute(sa.text("LOCK TABLE outbox IN ACCESS EXCLUSIVE MODE"))
        sender = server.sender(timeout=SLACK_TIMEOUT)
        for retry in (None, 1):  # Slack gives up after 3 s, and retries
            with pytest.raises(TimeoutError):
                kates_dm(sender, "U1R-014: spoke while locked", retry)
        status, body = server.healthz()
        assert (status, body["status"]) == (200, "ok"), "alive, and says so"
        stalled = len(slack.calls_to(POST))
        assert stalled < len(expected), "the tick waits for the lock"
    finally:
        conn.rollback()
        conn.close()
        locker.dispose()

    assert kates_dm(server.sender(), "U1R-014: spoke while locked", retry=2) == 200
    wait_for(lambda: not pending(app), timeout=30, what="everything sent after the lock")
    found = tally("outbox table locked mid-tick", [*expected, REPLY],
                  seen(slack, "spoke while locked"))
    assert (found.lost, found.duplicated) == ([], [])
    assert server.alive()
    no_message_text(server, [*expected, "spoke while locked"])
