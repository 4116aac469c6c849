"""Members' own names are kept out of redaction (workers aren't clients), but a member chooses
their name in Slack: a name, or a number, that is a client's registered detail is never kept."""

from __future__ import annotations

import json

from devkit.fake_slack import dm_channel_id
from handlers import background
from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR, USERS, wait_until


def test_a_members_slack_name_cannot_switch_off_de_identification(h):
    # Omar calls himself by Jane's name in Slack; Fay's display name is Jane's phone number.
    h.fake.add_user(OMAR, name="omar", real_name="Jane Quokkafield", tz=USERS[OMAR]["tz"])
    h.fake.add_user(FAY, name="0412 345 678", real_name="Fay Facilitator", tz=USERS[FAY]["tz"])
    h.tick("2026-11-26T10:00+10:00")  # reads members' names from Slack
    assert h.query(f"SELECT real_name FROM members WHERE slack_user_id = '{OMAR}'") == [
        ("Jane Quokkafield",)
    ]
    h.sender.dm("U1R-014: Jane Quokkafield moved; her mobile is 0412 345 678", user_id=KATE)
    preview = wait_until(lambda: [m for m in h.fake.messages(dm_channel_id(KATE))
                                  if "Confirm" in json.dumps(m)])[-1]
    shown = json.dumps(preview)
    assert "Quokkafield" not in shown and "0412" not in shown
    assert "U1R-014 moved" in shown or "*U1R-014* moved" in shown
    # Decisions and notes have no preview: the same holds in the meeting.
    h.at("2026-12-01T10:00+10:00")
    h.sender.command("start", user_id=FAY, channel_id=CHANNEL, response_url=h.fake.response_url())
    background.wait_idle()
    h.sender.command("note U1R-014 Jane Quokkafield wants a transfer", user_id=KATE,
                     channel_id=CHANNEL, response_url=h.fake.response_url())
    background.wait_idle()
    assert [t for (t,) in h.query("SELECT text FROM records") if "Quokkafield" in t] == []
    assert "Quokkafield" not in h.texts()
    # Their names still are theirs where no client is named: Kate's name is kept.
    h.sender.command("note U1R-014 Kate Worker rang the GP", user_id=KATE,
                     channel_id=CHANNEL, response_url=h.fake.response_url())
    background.wait_idle()
    assert ("Kate Worker rang the GP",) in h.query("SELECT text FROM records")
