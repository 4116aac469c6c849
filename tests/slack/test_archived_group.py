"""An archived group, over HTTP against the fake Slack: the tick sends it nothing and its channel's
meeting commands are refused kindly; its history stays."""

from __future__ import annotations

from tests.slack.conftest import CHANNEL, KATE, OMAR
from tests.slack.test_meeting_started_early import command


def test_an_archived_group_is_skipped_by_the_tick_and_its_channel(h):
    h.tick("2026-11-27T09:00+10:00")  # everyone is asked about Tue 1 Dec
    asked = len(h.posts())
    assert asked >= 2
    out = h.cli.ok("group", "archive", "--group", "Under 1 Roof", "--yes")
    assert "1 future meeting(s) cancelled" in out
    h.tick("2026-11-30T09:00+10:00")  # reminders and nudges would be due
    h.tick("2026-12-01T08:00+10:00")  # the agenda would be due
    h.tick("2026-12-11T09:00+10:00")  # the prompts for Tue 15 Dec would be due
    assert len(h.posts()) == asked  # nothing more, to anyone
    assert not h.posts(CHANNEL)
    h.at("2026-12-01T10:00+10:00")
    refused = command(h, "start")
    assert "Under 1 Roof is archived: it holds no more meetings" in refused
    assert h.count("meetings") >= 1  # the history stays
    for user in (KATE, OMAR):
        assert user in h.cli.ok("member", "list")
