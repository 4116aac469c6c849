"""`casebot tick --dry-run` on a live workspace: it shows the closing of a forgotten meeting and
its minutes, sends nothing to Slack, and leaves the meeting running."""

from __future__ import annotations

from handlers import background
from tests.slack.conftest import CHANNEL, FAY, wait_until

LATE = "2026-12-01T15:00+10:00"  # the 10:00 meeting (90 minutes) is closed 3 hours after its end


def test_a_dry_run_closes_no_real_meeting(h):
    h.at("2026-12-01T09:58+10:00")
    h.sender.command("start", user_id=FAY, channel_id=CHANNEL, response_url=h.fake.response_url())
    wait_until(lambda: h.fake.messages(CHANNEL))
    wait_until(lambda: h.query("SELECT status FROM meetings WHERE status = 'running'"))
    assert background.wait_idle()  # the start's own Slack calls are done before we count
    calls = len(h.fake.calls)

    out = h.cli.ok("tick", "--dry-run", "--now", LATE)

    channel_lines = [line for line in out.splitlines() if CHANNEL in line]
    assert any("screen edit" in line and "meeting closed" in line for line in channel_lines), out
    assert any("minutes" in line for line in channel_lines), out
    assert all("Tue 01 Dec 15:00 AEST" in line and "01 Dec 05:00 UTC" in line
               for line in channel_lines)
    assert "Quokkafield" not in out and "Brolgaway" not in out
    assert len(h.fake.calls) == calls, "a dry run calls nothing in Slack"
    assert [r[0] for r in h.query("SELECT status FROM meetings WHERE status <> 'scheduled'")] == [
        "running"
    ]

    # The real tick at that time does what the dry run showed.
    h.tick(LATE)
    assert [r[0] for r in h.query("SELECT status FROM meetings WHERE status <> 'scheduled'")] == [
        "closed"
    ]
    assert len(h.fake.calls) > calls
