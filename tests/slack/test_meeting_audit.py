"""A closed meeting is logged under its time: UTC, and the group's wall clock with its offset."""

from __future__ import annotations

from tests.slack.conftest import FAY, wait_until

HARBOUR = "C0HARBOUR"


def test_a_closed_meeting_is_logged_with_its_utc_and_local_time(group_setup, slack_app):
    group_setup()
    h = slack_app()
    h.cli.ok("group", "create", "--name", "Harbour", "--channel", HARBOUR, "--rrule",
             "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9", "--tz", "Australia/Sydney",
             "--first", "2026-11-30T09:00")
    h.cli.ok("member", "add", "--user", FAY, "--role", "facilitator", "--group", "Harbour")
    h.at("2026-11-30T08:55+11:00")  # 21:55 UTC on Sunday
    for word in ("start", "end"):
        before = len(h.fake.calls_to("response_url"))
        h.sender.command(word, user_id=FAY, channel_id=HARBOUR, response_url=h.fake.response_url())
        h.settle("response_url", before + 1)
    wait_until(lambda: len(h.fake.messages(HARBOUR)) >= 2)  # the screen, then the minutes
    (line,) = [x for x in h.cli.ok("audit").splitlines() if " meeting_closed " in x]
    assert line.startswith("2026-11-29 21:55:00Z"), line
    assert line.endswith("Harbour: 2026-11-29T22:00Z (Mon 30 Nov 09:00 +11:00 Sydney)"), line
