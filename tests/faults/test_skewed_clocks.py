"""Two ``casebot serve --http`` processes whose clocks are 6 minutes slow and 6 minutes fast
(``CASEBOT_CLOCK_OFFSET``), their ticks overlapping on one queue (Slack answering slowly): each
message goes once, the agenda in order and a second apart, as leases and pacing are read from
the database's clock. Twelve minutes apart is more than a lease (5): leases on the processes'
own clocks would let the fast one take over rows the slow one is still sending.

What the skew does move is when a message is due (the services' clock): the fast process sends
what is due within 6 minutes that much early; nothing further ahead goes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
import sqlalchemy as sa

from bot import recurrence
from bot.domain import OutboxStatus
from devkit.fake_slack import FakeSlack
from storage.models import Meeting
from tests.faults.conftest import (
    POST,
    dms,
    outbox_rows,
    pending,
    people,
    posted_texts,
    queue,
    real_now,
    replies_to,
    set_up_group,
    wait_for,
)
from tests.outbox_time import tick_minute_passes
from tests.slack.conftest import AGENCIES, CHANNEL, KATE, OMAR

pytestmark = pytest.mark.postgres
SKEW = 360  # seconds each way
PARTS = 8


def test_two_servers_six_minutes_either_way_send_each_message_once(app, slack: FakeSlack,
                                                                  processes, tally):
    now = real_now()
    agenda = [(f"skew agenda part {n}", CHANNEL) for n in range(1, PARTS + 1)]
    waiting = queue(app, dms(slack, 200, "skew dm") + agenda, due=now - dt.timedelta(minutes=10))
    early = queue(app, [(f"due in 3 min {n}", f"U0EARLY0{n}") for n in range(3)],
                  due=now + dt.timedelta(minutes=3))
    later = queue(app, [(f"due in 9 min {n}", f"U0LATER0{n}") for n in range(3)],
                  due=now + dt.timedelta(minutes=9))
    for user in [f"U0EARLY0{n}" for n in range(3)] + [f"U0LATER0{n}" for n in range(3)]:
        slack.add_user(user, name=user.lower())
    slack.slow(POST, 0.1)

    slow = processes("serve", env={"CASEBOT_CLOCK_OFFSET": str(-SKEW)})
    slack.wait_for(POST, 30, timeout=20)  # the slow clock's tick is under way
    tick_minute_passes(app.uow)  # its tick runs over into the next minute
    fast = processes("serve", env={"CASEBOT_CLOCK_OFFSET": str(SKEW)})
    wait_for(lambda: pending(app) == sorted(later), timeout=30, what="everything due to go")

    found = tally("two serve processes, clocks -6 and +6 min, overlapping ticks",
                  waiting + early, posted_texts(slack))
    assert (found.lost, found.duplicated) == ([], [])
    assert not set(later) & set(posted_texts(slack)), "nothing due beyond the skew went"
    rows = [r for r in outbox_rows(app).values() if r.status == OutboxStatus.SENT.value]
    spans = {}
    for row in rows:
        first, last = spans.get(row.claim_token, (row.sent_at, row.sent_at))
        spans[row.claim_token] = (min(first, row.sent_at), max(last, row.sent_at))
    assert len(spans) == 2, "both processes' ticks sent"
    (a_start, a_end), (b_start, b_end) = spans.values()
    assert a_start < b_end and b_start < a_end, "the two ticks overlapped"
    parts = [m for m in slack.messages(CHANNEL)]
    assert [m["text"] for m in parts] == [text for text, _ in agenda]
    assert slack.rate_limited() == [], "a post a second in the channel, across both"
    for process in (slow, fast):
        assert process.healthz()[0] == 200
        assert "lease lost" not in process.log()
    assert "CASEBOT_CLOCK_OFFSET is set" in slow.log()


MEMBERS = 35
APART = dt.timedelta(minutes=10)


def test_two_instances_ten_minutes_apart_send_a_35_member_prompt_round_once(app, cli, slack,
                                                                             processes, tally):
    """The issue's case: a prompt round for 35 members, queued and sent by two instances
    whose clocks are 10 minutes apart, ticking at the same moment (both past the send time)."""
    set_up_group(cli)
    extra = people(slack, MEMBERS - 2)
    for user in extra:
        cli.ok("member", "add", "--user", user, "--agency", AGENCIES[0], "--role", "worker")
    warm = processes("tick", "--force")  # welcomes and the like go first, apart from the round
    assert warm.finish() == 0, warm.log()
    with app.uow() as uow:
        meeting_at = uow.session.scalar(sa.select(sa.func.min(Meeting.scheduled_at)))
    assert meeting_at is not None
    # 09:00 three days before (a weekend moves it to the Friday), on Brisbane's clock: the
    # latest of the members' zones (Kate's Sydney is an hour ahead in summer).
    brisbane = "Australia/Brisbane"
    send_at = recurrence.send_at(meeting_at, group_tz=brisbane, days_before=3,
                                 at=dt.time(9, 0), member_tz=brisbane)
    before = {user: replies_to(slack, user, "") for user in [KATE, OMAR, *extra]}

    behind = processes("tick", "--force", "--now", (send_at + dt.timedelta(minutes=1)).isoformat())
    ahead = processes("tick", "--force", "--now", (send_at + dt.timedelta(minutes=1) + APART)
                      .isoformat())
    assert behind.finish() == 0, behind.log()
    assert ahead.finish() == 0, ahead.log()

    round_ = {user: replies_to(slack, user, "") - before[user] for user in before}
    found = tally("two instances 10 min apart, a 35-member prompt round",
                  sorted(before), Counter({u: n for u, n in round_.items() if n}))
    assert (found.lost, found.duplicated) == ([], [])
    assert len(round_) == MEMBERS and set(round_.values()) == {1}
    keys = [k for k in outbox_rows(app) if k.startswith("prompt:")]
    assert len(keys) == MEMBERS
