"""``casebot tick`` killed with SIGKILL while it sends 200 DMs (Slack answering slowly, so the
kill lands mid-batch): the next tick sends everything the dead one did not hold at once, and
the rows it held once their lease ends (5 minutes on the database's clock, moved here). Nothing
is lost.

The dead tick's rows are of unknown outcome: each is looked for in Slack (by its metadata mark)
before it is posted again, so a post Slack had taken is marked sent, not repeated (before the look
was built, 20 of the 40 held were sent twice).
"""

from __future__ import annotations

import pytest

from bot.domain import OutboxStatus
from bot.services.outbox import BATCH, CHECK_HOLD, CHECKS, LEASE
from tests.faults.conftest import POST, dms, outbox_rows, pending, posted_texts, queue
from tests.outbox_time import database_time_passes

pytestmark = pytest.mark.postgres
KILL_AFTER = 60  # posts: into the second batch


def test_sigkill_mid_tick_loses_nothing_and_repeats_nothing(app, slack, processes,
                                                                     tally):
    expected = queue(app, dms(slack, 200, "kill dm"))
    slack.slow(POST, 0.05)
    doomed = processes("tick", "--force")
    slack.wait_for(POST, KILL_AFTER, timeout=20)
    doomed.kill()
    taken_before_kill = len(slack.calls_to(POST))
    slack.slow(POST, 0)
    held = {key for key, row in outbox_rows(app).items()
            if row.status == OutboxStatus.PENDING.value and row.claim_token is not None}
    assert 0 < len(held) <= BATCH, "the kill landed while a batch was leased"

    after = processes("tick", "--force")
    assert after.finish() == 0, after.log()
    assert set(pending(app)) == held, "the next tick sent all but the dead tick's lease"

    database_time_passes(app.uow, LEASE.total_seconds())
    # Each held row is looked for in Slack before it is posted again, CHECKS looks a tick
    # (Tier 3); the rest wait CHECK_HOLD for the next tick.
    for _ in range(-(-len(held) // CHECKS)):
        last = processes("tick", "--force")
        assert last.finish() == 0, last.log()
        database_time_passes(app.uow, CHECK_HOLD)
    assert pending(app) == [], last.log()

    found = tally("SIGKILL mid-tick of 200 DMs", expected, posted_texts(slack),
                  posted_before_kill=taken_before_kill, held_by_the_dead_tick=len(held))
    assert found.lost == []
    assert found.duplicated == [], "each post the dead tick made was found in Slack"
    flagged = {key for key, row in outbox_rows(app).items() if row.outcome_unknown_at}
    assert held <= flagged, "each row the dead tick held is recorded as of unknown outcome"
