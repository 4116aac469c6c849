"""Consent over time in Slack (issue 13, item 2): the key worker's review DM from one tick, the
agenda's "consent review due" mark, and a one-meeting override in the agenda and the minutes,
through signed requests against the fake Slack (which scans every call for identifiers)."""

from __future__ import annotations

from devkit.transcript import render_message
from handlers import background
from tests.slack.conftest import CHANNEL, FAY, KATE, wait_until

REASON = "urgent risk of harm from an ex-partner; needs a safe place tonight"


def test_review_dm_review_due_mark_and_an_override_in_the_minutes(h):
    h.cli.ok("client", "consent", "U1R-014", "--review", "2026-12-07")
    h.tick("2026-11-26T10:00+10:00")  # Kate (Sydney) at 11:00: 11 days before the review
    (dm,) = [c for c in h.dms_to(KATE) if "consent" in repr(c.args)]
    shown = render_message(dm.args).replace("*", "")
    assert "U1R-014" in shown and "due for review in 11 days, on Mon 7 Dec" in shown
    h.tick("2026-11-27T10:00+10:00")
    assert len([c for c in h.dms_to(KATE) if "due for review" in repr(c.args)]) == 1

    # U1R-015's consent expires before the meeting; U1R-014 withdraws, then an override.
    h.cli.ok("client", "consent", "U1R-015", "--renew", "--date", "2026-11-01", "--expires",
             "2026-11-30")
    h.cli.ok("client", "consent", "U1R-014", "--withdraw")
    h.cli.ok("client", "override", "U1R-014", "--meeting", "next", "--reason", REASON)
    h.tick("2026-12-01T08:00+10:00")
    agenda = "\n".join(render_message(c.args) for c in h.posts(CHANNEL))
    u15 = next(line for line in agenda.splitlines() if "U1R-015" in line)
    assert "consent review due" in u15 and "details withheld" in u15
    u14 = next(line for line in agenda.splitlines() if "U1R-014" in line)
    assert "consent override for this meeting only" in u14 and REASON in u14

    h.at("2026-12-01T10:00+10:00")
    h.sender.command("start", user_id=FAY, channel_id=CHANNEL, response_url=h.fake.response_url())
    wait_until(lambda: h.query("SELECT status FROM meetings WHERE status = 'running'"))
    assert background.wait_idle()
    h.sender.command("note U1R-014 safety plan agreed with the DV service", user_id=FAY,
                     channel_id=CHANNEL, response_url=h.fake.response_url())
    assert background.wait_idle()  # the note is recorded before the meeting ends, as in a room
    h.at("2026-12-01T11:00+10:00")
    posted = len(h.posts(CHANNEL))
    h.sender.command("end", user_id=FAY, channel_id=CHANNEL, response_url=h.fake.response_url())
    wait_until(lambda: any("Minutes" in repr(c.args) for c in h.posts(CHANNEL)[posted:]))
    minutes = "\n".join(render_message(c.args) for c in h.posts(CHANNEL)[posted:])
    assert f"discussed under a consent override: {REASON}" in minutes.replace("_", "")
    assert "safety plan agreed" in minutes

    # The override has expired: the next agenda leaves the withdrawn client out.
    posted = len(h.posts(CHANNEL))
    h.tick("2026-12-15T08:00+10:00")
    assert "U1R-014" not in "\n".join(render_message(c.args) for c in h.posts(CHANNEL)[posted:])
    assert h.fake.invalid_calls() == []
