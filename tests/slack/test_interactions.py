"""Slack behaviours through the HTTP endpoint: signatures, retries, escaping, commands,
buttons, modals, the shortcut, App Home and rate limits."""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path

import pytest

from devkit.fake_slack import dm_channel_id
from devkit.transcript import render_message, render_view
from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR, wait_until


def dm_texts(h, user: str) -> list[str]:
    return [render_message(m) for m in h.fake.messages(dm_channel_id(user))]


def test_signatures_are_checked(h):
    body = b"token=x&command=%2Fcasebot&text=help&user_id=U0KATE001&channel_id=C0U1R0001"
    forged = h.sender.raw(
        body, content_type="application/x-www-form-urlencoded", signature="v0=" + "0" * 64
    )
    assert forged.status == 401
    stale = h.sender.raw(
        body, content_type="application/x-www-form-urlencoded", timestamp=int(time.time()) - 6 * 60
    )
    assert stale.status == 401
    assert h.sender.command("help", user_id=KATE, channel_id=CHANNEL).status == 200


def test_health_and_other_paths(h):
    with urllib.request.urlopen(h.base_url + "/healthz") as reply:
        # Still {"status": "ok", …} for monitors written before /readyz (tests/slack/test_health.py)
        assert reply.status == 200 and json.load(reply)["status"] == "ok"
    for path, method, status in (("/slack/events", "GET", 405), ("/nope", "GET", 404)):
        request = urllib.request.Request(h.base_url + path, method=method)
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request)
        assert caught.value.code == status


def test_retried_and_duplicated_events_are_handled_once(h):
    h.sender.dm("U1R-014: first news", user_id=KATE, event_id="Ev0RETRY01", ts="1700000000.000100")
    wait_until(lambda: len(dm_texts(h, KATE)) == 1)
    again = h.sender.dm(
        "U1R-014: first news", user_id=KATE, event_id="Ev0RETRY01", ts="1700000000.000100"
    )
    assert again.status == 200
    # The same message delivered under another event_id (seen from Slack) is also ignored.
    h.sender.dm("U1R-014: first news", user_id=KATE, event_id="Ev0OTHER01", ts="1700000000.000100")
    h.sender.dm("U1R-014: second news", user_id=KATE)
    wait_until(lambda: len(dm_texts(h, KATE)) == 2)
    time.sleep(0.3)
    assert len(dm_texts(h, KATE)) == 2


def test_mentions_and_pings_in_updates_are_shown_literally(h):
    # What Slack sends when someone types: @channel, "<@U0FORGED1>" literally, and "&".
    h.sender.dm(
        "U1R-014: told <!channel> and &lt;@U0FORGED1&gt; &amp; <@U0OMAR001> about it", user_id=KATE
    )
    wait_until(lambda: dm_texts(h, KATE))
    h.sender.block_action(
        "draft_confirm", user_id=KATE, message=h.fake.messages(dm_channel_id(KATE))[-1]
    )
    h.settle("chat.update", 1)
    h.tick("2026-12-01T08:00+10:00")
    (agenda,) = h.posts(CHANNEL)
    section = json.dumps(agenda.args["blocks"])
    assert "<!channel>" not in section and "<@U0FORGED1>" not in section
    assert "told @channel and &lt;@U0FORGED1&gt; &amp; @U0OMAR001 about it" in section


def test_dm_that_is_not_an_update_gets_help(h):
    h.sender.dm("hi, how does this work?", user_id=KATE)
    (reply,) = wait_until(lambda: dm_texts(h, KATE))
    assert "U1R-014: moved into transitional housing" in reply


def test_updates_for_someone_elses_client_are_refused_kindly(h):
    h.sender.dm("U1R-015: news about Tom", user_id=KATE)
    (reply,) = wait_until(lambda: dm_texts(h, KATE))
    assert "only send updates for clients you are key worker for" in reply
    h.fake.add_user("U0STRANGR", name="stranger")
    h.sender.dm("U1R-014: news", user_id="U0STRANGR")
    wait_until(lambda: dm_texts(h, "U0STRANGR"))
    assert "not set up in Casebot yet" in dm_texts(h, "U0STRANGR")[-1]
    assert "secretariat" in dm_texts(h, "U0STRANGR")[-1]


def test_help_unknown_and_usage_errors_are_answered_in_the_ack(h):
    reply = h.sender.command("", user_id=KATE, channel_id=CHANNEL).json()
    assert reply["response_type"] == "ephemeral" and "/casebot action" in json.dumps(reply)
    unknown = h.sender.command("dance", user_id=KATE, channel_id=CHANNEL).json()
    assert "I don't know `dance`" in unknown["text"]
    usage = h.sender.command("action U1R-014 call someone", user_id=KATE, channel_id=CHANNEL).json()
    assert "@-mention" in usage["text"]


def test_away_pauses_prompts_and_shows_on_the_agenda(h):
    url = h.fake.response_url()
    h.sender.command(
        "away 30/11/2026 2026-12-04", user_id=OMAR, channel_id=CHANNEL, response_url=url
    )
    (answer,) = h.settle("response_url", 1)
    assert "on leave from *Mon 30 Nov 2026* to *Fri 4 Dec 2026*" in answer.args["text"]
    h.tick("2026-11-27T09:00+10:00")  # prompt day: Omar is not away yet
    h.tick("2026-11-30T09:00+10:00")  # reminder day: Omar is away
    assert [c.args["text"][:8] for c in h.dms_to(OMAR)] == ["Under 1 "]
    h.tick("2026-12-01T08:00+10:00")
    (agenda,) = h.posts(CHANNEL)
    assert f"On leave: @{OMAR}" in render_message(agenda.args).replace("*", "")
    clear = h.fake.response_url()
    h.sender.command("away clear", user_id=OMAR, channel_id=CHANNEL, response_url=clear)
    assert "Welcome back" in h.settle("response_url", 2)[-1].args["text"]


def test_buttons_done_progress_and_snooze(h):
    url = h.fake.response_url()
    h.sender.command(
        f"action U1R-014 <@{KATE}|kate> ring the tenancy officer",
        user_id=FAY,
        channel_id=CHANNEL,
        response_url=url,
    )
    wait_until(lambda: dm_texts(h, KATE))
    (assignment,) = h.fake.messages(dm_channel_id(KATE))
    h.sender.block_action(
        "action_progress", user_id=KATE, message=assignment, trigger_id=h.fake.new_trigger_id()
    )
    opened = h.settle("views.open", 1)[0]
    assert "Add progress" in render_view(opened.args["view"])
    h.sender.view_submission(
        "progress_modal",
        {"progress_text": {"text": {"type": "plain_text_input", "value": "left a message"}}},
        user_id=KATE,
        view=h.fake.view(opened.response["view"]["id"]),
    )
    wait_until(lambda: any("Progress noted" in t for t in dm_texts(h, KATE)))
    h.sender.block_action("action_done", user_id=KATE, message=assignment)
    done = h.settle("chat.update", 1)[0]
    assert f"Done, marked by @{KATE}" in render_message(done.args)
    assert "[Done]" not in render_message(done.args)

    h.sender.command(
        f"action U1R-014 <@{KATE}|kate> book the van",
        user_id=FAY,
        channel_id=CHANNEL,
        response_url=h.fake.response_url(),
    )
    # The command's work runs after its ack: wait for it before the clock moves on.
    wait_until(lambda: any("book the van" in json.dumps(m) for m in h.fake.messages(CHANNEL)))
    h.tick("2026-11-27T09:00+10:00")  # the prompt, carrying Kate's open action
    prompt = next(m for m in h.fake.messages(dm_channel_id(KATE)) if "Will you" in m["text"])
    assert "book the van" in render_message(prompt)
    h.sender.block_action("attend", user_id=KATE, message=prompt)
    h.settle("chat.update", 2)
    h.tick("2026-11-30T08:00+10:00")  # 1 day before, 09:00 in Sydney: a nudge of its own
    nudge = next(m for m in h.fake.messages(dm_channel_id(KATE)) if "open action" in m["text"])
    h.sender.block_action("nudge_snooze", user_id=KATE, message=nudge)
    snoozed = h.settle("chat.update", 3)[-1]
    assert "Snoozed. I'll remind you Tue 1 Dec at 09:00" in render_message(snoozed.args)


def test_action_modal_from_the_agenda_with_errors_shown_in_place(h):
    h.tick("2026-12-01T08:00+10:00")
    (agenda,) = h.fake.messages(CHANNEL)
    h.at("2026-12-01T10:05+10:00")
    h.sender.block_action(
        "action_open",
        user_id=FAY,
        message=agenda,
        channel_id=CHANNEL,
        value="U1R-015",
        trigger_id=h.fake.new_trigger_id(),
    )
    opened = h.settle("views.open", 1)[0]
    view = h.fake.view(opened.response["view"]["id"])
    values = {
        "action_client": {"code": {"type": "plain_text_input", "value": "U1R-999"}},
        "action_owner": {"owner": {"type": "users_select", "selected_user": OMAR}},
        "action_text": {"text": {"type": "plain_text_input", "value": "get the bond paperwork"}},
        "action_due": {"due": {"type": "datepicker", "selected_date": "2026-12-08"}},
    }
    refused = h.sender.view_submission("action_modal", values, user_id=FAY, view=view).json()
    assert refused["response_action"] == "errors" and "action_client" in refused["errors"]
    values["action_client"]["code"]["value"] = "U1R-015"
    check = h.sender.view_submission("action_modal", values, user_id=FAY, view=view).json()
    assert check["response_action"] == "update" and "get the bond paperwork" in str(check)
    assert h.fake.messages(CHANNEL)[1:] == [], "nothing is recorded before the author confirms"
    done = h.sender.view_submission(
        "preview_modal", {}, user_id=FAY, view={**check["view"], "id": view["id"]}
    )
    assert done.body == ""
    wait_until(lambda: len(h.fake.messages(CHANNEL)) == 2)
    note = render_message(h.fake.messages(CHANNEL)[-1])
    assert "get the bond paperwork" in note and "due Tue 8 Dec" in note


def test_message_shortcut_prefills_a_deidentified_action(h):
    message = {
        "text": "Can someone call Jane Quokkafield on 0412 345 678 about U1R-014's bond?",
        "user": OMAR,
    }
    h.sender.message_shortcut(
        "record_action",
        user_id=FAY,
        channel_id=CHANNEL,
        message=message,
        trigger_id=h.fake.new_trigger_id(),
    )
    opened = h.settle("views.open", 1)[0]
    shown = json.dumps(opened.args["view"])
    assert "Quokkafield" not in shown and "0412" not in shown
    assert '"initial_value": "U1R-014"' in shown
    assert "Can someone call U1R-014 on [phone]" in shown


def test_app_home_and_channel_welcome(h):
    h.sender.home_opened(user_id=KATE)
    home = h.settle("views.publish", 1)[0]
    text = render_view(home.args["view"])
    assert "Under 1 Roof" in text and "U1R-014" in text
    h.sender.home_opened(user_id="U0STRANGR")
    stranger = h.settle("views.publish", 2)[-1]
    assert "not set up" in render_view(stranger.args["view"])
    h.fake.add_user("U0NEWBIE1", name="newbie")
    h.sender.member_joined(user_id="U0NEWBIE1", channel_id=CHANNEL)
    welcome = h.settle("chat.postEphemeral", 1)[0]
    assert welcome.args["user"] == "U0NEWBIE1" and "secretariat" in welcome.args["text"]


def test_rate_limited_posts_are_retried_after_retry_after(h):
    """The tick does not sleep on a 429: the refused prompt waits for Retry-After and goes with
    a later tick, and every prompt reaches its person once."""
    h.fake.rate_limit("chat.postMessage", times=1, retry_after=1)
    h.tick("2026-11-27T09:00+10:00")
    assert len([c for c in h.posts() if not c.ok]) == 1

    def a_later_tick_sent_it() -> bool:
        h.tick("2026-11-27T09:01+10:00")
        return len([c for c in h.posts() if c.ok]) == 3

    wait_until(a_later_tick_sent_it)
    prompts = h.posts()
    assert sorted(c.args["channel"] for c in prompts if c.ok) == sorted([KATE, OMAR, FAY])
    assert len([c for c in prompts if not c.ok]) == 1


REFERENCE = Path(__file__).resolve().parents[1] / "fixtures" / "slack"


def test_edits_in_the_dm_are_explained_and_other_changes_ignored(h):
    captured = json.loads((REFERENCE / "events/message_im_message_changed__bolt.json").read_text())
    event = {**captured["body"]["event"], "channel": dm_channel_id(KATE)}
    assert h.sender.event(event).status == 200  # Slack's own sample: not an update, no reply
    edited = {
        **event,
        "ts": "1726133702.000100",  # another delivery: a different event
        "message": {
            "type": "message",
            "user": KATE,
            "ts": "1700000000.000200",
            "text": "U1R-014: moved on Monday, not Sunday",
        },
    }
    h.sender.event(edited)
    (reply,) = wait_until(lambda: dm_texts(h, KATE))
    assert "can't pick up edits" in reply and "Edit" in reply


def test_meeting_changes_from_slack_are_for_facilitators(h):
    h.tick("2026-11-27T09:00+10:00")  # everyone is asked about Tue 1 Dec
    refused = h.fake.response_url()
    h.sender.command(
        "meeting cancel 2026-12-01", user_id=KATE, channel_id=CHANNEL, response_url=refused
    )
    assert "facilitators and secretariat" in h.settle("response_url", 1)[-1].args["text"]
    usage = h.sender.command("meeting move tomorrow", user_id=FAY, channel_id=CHANNEL).json()
    assert "meeting move 2026-12-01 2026-12-03T14:00" in usage["text"]
    h.sender.command(
        "meeting move 2026-12-01 2026-12-02T14:00",
        user_id=FAY,
        channel_id=CHANNEL,
        response_url=h.fake.response_url(),
    )
    assert "Moved to Wed 2 Dec, 14:00" in h.settle("response_url", 2)[-1].args["text"]
    notices = wait_until(
        lambda: (
            [c for c in h.posts() if "has moved" in c.args.get("text", "")]
            if len(h.posts()) >= 7
            else None
        )
    )
    assert sorted(c.args["channel"] for c in notices) == sorted([KATE, OMAR, FAY, CHANNEL])
