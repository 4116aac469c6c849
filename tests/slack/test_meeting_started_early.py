"""A meeting started before its time (up to an hour early, as the README allows): while it runs,
"the next meeting" is the following one, and the running one is still what the meeting acts on."""

from __future__ import annotations

import json

from devkit.fake_slack import dm_channel_id
from devkit.transcript import render_message, render_view
from handlers import background
from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR, wait_until


def command(h, text: str, user: str = FAY) -> str:
    """A slash command in the channel; returns what came back (ack or response URL)."""
    url = h.fake.response_url()
    before = len(h.fake.calls_to("response_url"))
    ack = h.sender.command(text, user_id=user, channel_id=CHANNEL, response_url=url,
                           trigger_id=h.fake.new_trigger_id())
    if ack.body:
        return ack.json().get("text", "") if ack.body.startswith("{") else ack.body
    answer = h.settle("response_url", before + 1)[-1]
    # The reply comes first; posts its channel's pace holds back follow it.
    assert background.wait_idle()
    return json.dumps(answer.args)


def dm_texts(h, user: str) -> list[str]:
    return [render_message(m) for m in h.fake.messages(dm_channel_id(user))]


def dm_update(h, user: str, text: str) -> str:
    """A plain DM update, confirmed from its preview; returns the receipt."""
    before = len(dm_texts(h, user))
    h.sender.dm(text, user_id=user)
    shown = wait_until(lambda: dm_texts(h, user)[before:])[-1]
    assert "[Confirm]" in shown, shown
    edits = len(h.fake.calls_to("chat.update"))
    h.sender.block_action("draft_confirm", user_id=user,
                          message=h.fake.messages(dm_channel_id(user))[-1])
    return render_message(h.settle("chat.update", edits + 1)[-1].args)


def start_early(h) -> None:
    h.tick("2026-11-27T09:00+10:00")  # everyone is asked about Tue 1 Dec
    h.tick("2026-12-01T08:00+10:00")  # its agenda
    h.at("2026-12-01T09:30+10:00")  # half an hour early
    assert "The meeting is open" in command(h, "start")


def test_the_next_meeting_is_the_following_one_while_a_meeting_runs_early(h):
    start_early(h)

    answer = command(h, f"action U1R-015 <@{OMAR}|omar> send the form by next meeting")
    assert "due Tue 15 Dec" in answer, answer
    assert "It is on the meeting's screen" in answer  # recorded in the running meeting

    receipt = dm_update(h, KATE, "U1R-014: signed the lease today")
    assert "Update for U1R-014 saved" in receipt.replace("*", ""), receipt
    preview = dm_texts(h, KATE)[-1].replace("*", "")
    assert "Under 1 Roof on Tue 15 Dec" in preview, preview

    opened = len(h.fake.calls_to("views.open"))
    h.sender.command("update U1R-015", user_id=OMAR, channel_id=CHANNEL,
                     trigger_id=h.fake.new_trigger_id())
    form = render_view(h.settle("views.open", opened + 1)[-1].args["view"])
    assert "Tue 15 Dec" in form, form

    h.sender.home_opened(user_id=KATE)
    home = render_view(h.settle("views.publish", 1)[-1].args["view"])
    assert "Tue 15 Dec" in home and "Tue 1 Dec" not in home, home

    # the running meeting is still the one stepped through and recorded in
    command(h, "decision refer to the outreach team", KATE)
    shown = render_message(h.fake.messages(CHANNEL)[-1])
    assert "refer to the outreach team" in shown and "Client 1 of 2" in shown, shown

    # nothing of the running meeting's schedule (prompts, reminder, agenda) goes out again
    posted = len(h.posts())
    assert "sent 0 message(s)" in h.tick("2026-12-01T09:45+10:00")
    assert "sent 0 message(s)" in h.tick("2026-12-01T10:05+10:00")
    assert len(h.posts()) == posted

    ended = command(h, "end")
    assert "clients discussed" in ended
    minutes = render_message(h.fake.messages(CHANNEL)[-1])
    assert "send the form" in minutes and "refer to the outreach team" in minutes
    assert "signed the lease" not in minutes

    # the update sent during the meeting is on the next meeting's agenda
    h.tick("2026-12-15T08:00+10:00")
    agenda = render_message(h.posts(CHANNEL)[-1].args)
    assert "Agenda · Under 1 Roof · Tue 15 Dec" in agenda and "signed the lease" in agenda


def test_an_update_can_not_be_edited_once_its_meeting_started_early(h):
    h.tick("2026-11-27T09:00+10:00")
    receipt = dm_update(h, KATE, "U1R-014: waiting on the housing provider")
    assert "Update for U1R-014 saved" in receipt.replace("*", "")
    saved = h.fake.messages(dm_channel_id(KATE))[-1]
    start_early(h)

    opened = len(h.fake.calls_to("views.open"))
    h.sender.block_action("update_edit", user_id=KATE, message=saved,
                          value=str(h.query("SELECT max(id) FROM updates")[0][0]),
                          trigger_id=h.fake.new_trigger_id())
    view = h.fake.view(h.settle("views.open", opened + 1)[-1].response["view"]["id"])
    values = {"update_text": {"text": {"type": "plain_text_input", "value": "housed at last"}}}
    shown = h.submit_form("update_modal", values, user_id=KATE, view_id=view["id"])
    assert "⚠️ That meeting has started" in render_view(shown)
    assert "housed at last" not in json.dumps(shown)  # what was typed is not sent back
    assert h.query("SELECT text FROM updates") == [("waiting on the housing provider",)]
    assert h.count("drafts") == 0


def test_a_meeting_started_before_its_agenda_time_gets_no_agenda_in_the_middle(h):
    other = "C0EARLY01"
    h.cli.ok("group", "create", "--name", "Early Birds", "--channel", other, "--rrule",
             "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane",
             "--first", "2026-12-01T10:00", "--agenda-minutes", "30")
    h.cli.ok("member", "add", "--user", FAY, "--role", "facilitator", "--group", "Early Birds")
    h.at("2026-12-01T09:15+10:00")  # before its agenda time (09:30)
    h.sender.command("start", user_id=FAY, channel_id=other, response_url=h.fake.response_url())
    wait_until(lambda: h.fake.messages(other))
    for moment in ("09:30", "10:05", "10:30"):
        h.tick(f"2026-12-01T{moment}+10:00")
    shown = [render_message(m) for m in h.fake.messages(other)]
    assert len(shown) == 1 and "Agenda" not in shown[0], shown  # the meeting's screen only
