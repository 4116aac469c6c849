"""Due dates typed in Slack: a day and month just gone is asked about, and a date far off is
shown with its year, so nobody mistakes next December for this week."""

from __future__ import annotations

import json

from devkit.transcript import render_message
from tests.slack.conftest import CHANNEL, FAY, KATE


def action(h, words: str) -> str:
    """``/casebot action …`` in the channel by Fay; what only she sees (ack or response URL)."""
    url = h.fake.response_url()
    before = len(h.fake.calls_to("response_url"))
    ack = h.sender.command(f"action {words}", user_id=FAY, channel_id=CHANNEL, response_url=url)
    if ack.body:
        return render_message(ack.json())
    return render_message(h.settle("response_url", before + 1)[-1].args)


def test_a_date_just_gone_is_asked_about_and_a_far_one_shows_its_year(h):
    h.at("2026-12-05T10:00+10:00")  # a Saturday; 3 December was on Thursday
    posted = len(h.posts())

    asked = action(h, f"U1R-014 <@{KATE}|kate> renew the lease by 3/12")
    assert "3 Dec has passed — did you mean 3 Dec 2027? Write `by 3/12/2027` to confirm, or " \
           "pick another date." in asked
    assert h.count("actions") == 0 and len(h.posts()) == posted, "nothing is saved or sent"

    confirmed = action(h, f"U1R-014 <@{KATE}|kate> renew the lease by 3/12/2027")
    assert "renew the lease" in confirmed and "due Fri 3 Dec 2027." in confirmed
    notes = h.settle("chat.postMessage", posted + 2)[posted:]
    shown = {c.args["channel"]: render_message(c.args) for c in notes}
    assert "due Fri 3 Dec 2027" in shown[CHANNEL]
    assert "Due Fri 3 Dec 2027." in shown[KATE].replace("*", "")

    near = action(h, f"U1R-014 <@{KATE}|kate> book the removalist by 11/12")
    assert "due Fri 11 Dec." in near and "2026" not in near


def test_over_new_year_the_coming_january_is_meant_and_shown_without_a_year(h):
    h.at("2026-12-28T10:00+10:00")
    reply = action(h, f"U1R-014 <@{KATE}|kate> call the landlord by 3/1")
    assert "due Sun 3 Jan." in reply and "2027" not in reply
    assert [str(row[0]) for row in h.query("SELECT due_on FROM actions")] == ["2027-01-03"]


def test_month_first_groups_are_asked_in_their_own_order(h):
    h.cli.ok("group", "create", "--name", "Over There", "--channel", "C0OVER001", "--rrule",
             "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane",
             "--first", "2026-12-01T10:00", "--month-first")
    h.cli.ok("member", "add", "--user", FAY, "--role", "facilitator", "--group", "Over There")
    h.cli.ok("member", "add", "--user", KATE, "--role", "worker", "--group", "Over There")
    h.cli.ok("client", "add", "--code", "OT-001", "--agency", "Micah Projects",
             "--key-worker", KATE, "--group", "Over There")
    h.at("2026-12-05T10:00+10:00")
    url = h.fake.response_url()
    h.sender.command(f"action OT-001 <@{KATE}|kate> renew the lease by 12/3", user_id=FAY,
                     channel_id="C0OVER001", response_url=url)
    asked = json.dumps(h.settle("response_url", 1)[-1].args)
    assert "did you mean 3 Dec 2027? Write `by 12/3/2027` to confirm" in asked
    assert h.count("actions") == 0
