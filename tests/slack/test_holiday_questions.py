"""The public-holiday question in Slack: a facilitator's one press moves or cancels the meeting,
every facilitator's DM says what was done and by whom, a later press is told it was handled,
and nobody else can answer it."""

from __future__ import annotations

import json

import pytest

from devkit.transcript import render_message
from handlers import background
from tests.slack.conftest import FAY, KATE

FRED = "U0FRED001"  # a second facilitator of Under 1 Roof
NORA = "U0NORA001"  # the facilitator of another group, Northside


@pytest.fixture
def asked(h):
    h.fake.add_user(FRED, name="fred", tz="Australia/Brisbane")
    h.fake.add_user(NORA, name="nora", tz="Australia/Brisbane")
    h.cli.ok("group", "holidays", "--group", "Under 1 Roof", "AU-QLD")
    h.cli.ok("member", "add", "--user", FRED, "--agency", "Micah Projects",
             "--role", "facilitator")
    h.cli.ok("group", "create", "--name", "Northside", "--channel", "C0NORTH01",
             "--rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane",
             "--first", "2026-12-01T10:00", "--holidays", "AU-QLD")
    h.cli.ok("member", "add", "--user", NORA, "--agency", "Micah Projects",
             "--role", "facilitator", "--group", "Northside")
    h.tick("2027-01-19T09:00+10:00")  # a week before Tue 26 Jan 2027, Australia Day
    return h


def question(h, user: str) -> dict:
    (found,) = [m for m in h.fake.messages(user) if "public holiday" in m.get("text", "")
                and "Under 1 Roof" in json.dumps(m)]
    return found


def shown(h, user: str, ts: str) -> str:
    (message,) = [m for m in h.fake.messages(user) if m["ts"] == ts]
    return render_message(message)


def listing(h) -> dict[str, str]:
    out = h.cli.ok("meeting", "list", "--group", "Under 1 Roof")
    return {line[:15]: line for line in out.splitlines()[2:]}


def test_the_question_goes_to_the_groups_facilitators(asked):
    h = asked
    text = render_message(question(h, FAY))
    assert "Tuesday 26 Jan is a public holiday (Australia Day)" in text
    assert "Move the meeting or cancel it?" in text
    assert "[Move to Wed 27 Jan]" in text and "[Cancel]" in text
    assert "public holiday" in render_message(question(h, FRED))
    assert not [m for m in h.fake.messages(KATE) if "public holiday" in m.get("text", "")]
    assert not [m for m in h.fake.messages(NORA) if "Under 1 Roof" in json.dumps(m)]


def test_one_press_moves_it_and_a_later_press_is_told_it_was_handled(asked):
    h = asked
    fay, fred = question(h, FAY), question(h, FRED)
    # A worker of the group, and the facilitator of another group, pressing (on a forged copy of
    # Fay's DM) are refused kindly, and the meeting stays where it is.
    refusals = {KATE: "Only Under 1 Roof's facilitators and secretariat can move or cancel",
                NORA: "That meeting is not one of your groups' meetings."}
    for user, words in refusals.items():
        h.sender.block_action("holiday_move", user_id=user, message=fay)
        background.wait_idle()
        (refusal,) = [t for t in map(render_message, h.fake.messages(user)) if t.startswith("⚠️")]
        assert words in refusal
        assert "scheduled" in listing(h)["Tue 26 Jan 2027"]
    assert "public holiday" in shown(h, FAY, fay["ts"])  # her question is as it was
    # A forged click naming another day moves nothing: the day is worked out again.
    meeting = json.dumps(fay).split('"value": "')[1].split(":")[0]
    h.sender.block_action("holiday_move", user_id=FAY, message=fay,
                          value=f"{meeting}:20270126:20270129")
    background.wait_idle()
    said = [render_message(m) for m in h.fake.messages(FAY)]
    assert [t for t in said if t.startswith("⚠️") and "Fri 29 Jan is no longer free" in t]
    assert "scheduled" in listing(h)["Tue 26 Jan 2027"]
    h.sender.block_action("holiday_move", user_id=FAY, message=fay)
    background.wait_idle()
    done = shown(h, FAY, fay["ts"])
    assert "Wed 27 Jan, 10:00" in done and "Australia Day" in done and "[Cancel]" not in done
    assert f"Moved by @{FAY}" in done
    assert f"Moved by @{FAY}" in shown(h, FRED, fred["ts"])  # every facilitator's copy says so
    rows = listing(h)
    assert "moved from Tue 26 Jan 10:00" in rows["Wed 27 Jan 2027"]
    assert "Tue 26 Jan 2027" not in rows
    # Fred's copy, pressed later (his Slack had not caught up): already handled, nothing more.
    h.sender.block_action("holiday_cancel", user_id=FRED, message=fred)
    background.wait_idle()
    assert "Already handled" in shown(h, FRED, fred["ts"])
    assert f"@{FAY} moved it" in shown(h, FRED, fred["ts"])
    assert "scheduled" in listing(h)["Wed 27 Jan 2027"]
    assert h.query("SELECT count(*) FROM audit_log WHERE action = 'meeting_moved'")[0][0] == 1
    assert h.query("SELECT count(*) FROM audit_log WHERE action = 'meeting_cancelled'")[0][0] == 0


def test_cancel_then_a_second_press_changes_nothing(asked):
    h = asked
    fay, fred = question(h, FAY), question(h, FRED)
    h.sender.block_action("holiday_cancel", user_id=FRED, message=fred)
    background.wait_idle()
    assert f"Cancelled by @{FRED}" in shown(h, FRED, fred["ts"])
    assert "The next meeting is Tue 9 Feb, 10:00" in shown(h, FRED, fred["ts"])
    assert "cancelled" in listing(h)["Tue 26 Jan 2027"]
    h.sender.block_action("holiday_move", user_id=FAY, message=fay)
    background.wait_idle()
    assert "Already handled" in shown(h, FAY, fay["ts"])
    assert f"@{FRED} cancelled it" in shown(h, FAY, fay["ts"])
    rows = listing(h)
    assert "cancelled" in rows["Tue 26 Jan 2027"] and "Wed 27 Jan 2027" not in rows
