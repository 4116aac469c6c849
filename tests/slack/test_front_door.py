"""The HTTP endpoint's front door, attacked: unsigned, malformed, stale, oversized, replayed and
foreign requests, forged ids in payloads and forged modal metadata. Nothing may reach Slack."""

from __future__ import annotations

import json
import socket
import time
import urllib.parse

from devkit.fake_slack import dm_channel_id
from devkit.slack_requests import FORM, signature
from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR, SECRET, wait_until

# A body that names a real member and channel: before the fix, a 500 on it made the error
# handler message that member ("Sorry…"), from an unverified request.
NAMING = (
    b"token=x&team_id=T0TEAM001&command=%2Fcasebot&text=action+U1R-014+%3C%40U0KATE001%3E+x"
    b"&user_id=U0KATE001&channel_id=C0U1R0001&trigger_id=1.2.abc&response_url="
)


def settled_calls(h, wait: float = 0.3) -> int:
    """How many Slack calls the app has made, once it has had time to make any."""
    time.sleep(wait)
    return len(h.fake.calls)


MALFORMED_TIMESTAMPS = ["abc", "", " 1700000000", "1700000000.5", "-1", "1e9", "17000000¹²",
                        "99999999999999999999", "0x10"]


def test_a_malformed_timestamp_is_refused_and_nothing_is_sent(h):
    before = settled_calls(h, 0)
    for timestamp in MALFORMED_TIMESTAMPS:
        reply = h.sender.raw(NAMING, content_type=FORM, extra_headers={
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": "v0=" + "a" * 64})
        assert reply.status == 401, timestamp
        assert "U0KATE001" not in reply.body and "U1R-014" not in reply.body
    assert settled_calls(h) == before


BAD_SIGNATURES = ["bad signature", "no signature", "v1 scheme", "6 minutes old",
                  "6 minutes ahead", "signed for another body", "other secret"]


def _signed_badly(change: str, now: int) -> tuple[int, str]:
    ts, sig = now, signature(SECRET, now, NAMING)
    if change == "bad signature":
        sig = sig[:-1] + ("0" if sig[-1] != "0" else "1")
    elif change == "no signature":
        sig = ""
    elif change == "v1 scheme":
        sig = "v1=" + sig[3:]
    elif change in ("6 minutes old", "6 minutes ahead"):
        ts = now - 360 if change == "6 minutes old" else now + 360
        sig = signature(SECRET, ts, NAMING)
    elif change == "signed for another body":
        sig = signature(SECRET, now, NAMING + b"x")
    else:
        sig = signature("not-the-secret", now, NAMING)
    return ts, sig


def test_a_bad_signature_is_refused_and_nothing_is_sent(h):
    before = settled_calls(h, 0)
    for change in BAD_SIGNATURES:
        ts, sig = _signed_badly(change, int(time.time()))
        headers = {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": sig}
        assert h.sender.raw(NAMING, content_type=FORM, extra_headers=headers).status == 401, change
    assert settled_calls(h) == before
    assert h.count("actions") == 0


def raw_http(h, head: bytes, body: bytes = b"") -> tuple[int, str]:
    """Send exact bytes (a Content-Length that lies, say) and read the status line."""
    port = int(h.base_url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head + body)
        reply = sock.recv(65536).decode("latin-1")
    status = int(reply.split(" ", 2)[1])
    return status, reply


def test_oversized_and_malformed_bodies_are_refused_unread(h):
    before = settled_calls(h, 0)
    huge = (b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM.encode()
            + b"\r\nContent-Length: 209715200\r\nConnection: close\r\n\r\n")
    status, _ = raw_http(h, huge, b"payload=" + b"x" * 1000)
    assert status == 413
    just_over = (b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 1048577\r\n"
                 b"Connection: close\r\n\r\n")
    assert raw_http(h, just_over, b"x" * 100)[0] == 413
    bad_length = (b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n"
                  b"Connection: close\r\n\r\n")
    assert raw_http(h, bad_length)[0] == 400
    not_utf8 = h.sender.raw(b"text=\xff\xfe", content_type=FORM)
    assert not_utf8.status == 400
    assert settled_calls(h) == before
    # A signed request of ordinary size still works.
    assert h.sender.command("help", user_id=KATE, channel_id=CHANNEL).status == 200


def test_a_replayed_slash_command_records_the_action_once(h):
    trigger = h.fake.new_trigger_id()
    for _ in range(3):
        reply = h.sender.command(f"action U1R-014 <@{KATE}|kate> call the GP by Friday",
                                 user_id=FAY, channel_id=CHANNEL, trigger_id=trigger,
                                 response_url=h.fake.response_url())
        assert reply.status == 200
    wait_until(lambda: h.fake.calls_to("response_url"))
    time.sleep(0.5)
    announced = [m for m in h.fake.messages(CHANNEL) if "call the GP" in json.dumps(m)]
    assert len(announced) == 1
    assert h.count("actions") == 1
    receipts = [c for c in h.fake.calls_to("response_url") if "call the GP" in json.dumps(c.args)]
    assert len(receipts) == 1


def test_the_unknown_word_reply_cannot_ping_the_channel(h):
    reply = h.sender.command("<!channel> hello", user_id=KATE, channel_id=CHANNEL)
    assert reply.status == 200
    text = reply.json()["text"]
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text


def test_response_urls_must_be_slacks(h):
    before = settled_calls(h, 0)
    reply = h.sender.command("help", user_id=KATE, channel_id=CHANNEL,
                             response_url="https://attacker.example/collect")
    assert reply.status == 400
    assert settled_calls(h) == before


def test_only_the_configured_workspace_and_app_are_served(group_setup, slack_app, cli):
    group_setup()
    cli.env.update({"SLACK_TEAM_ID": "T0TEAM001", "SLACK_APP_ID": "A0CASEBOT"})
    h = slack_app()
    ours = h.sender.command("help", user_id=KATE, channel_id=CHANNEL)
    assert ours.status == 200
    before = settled_calls(h, 0)
    for team, app in (("T0OTHER01", "A0CASEBOT"), ("T0TEAM001", "A0OTHER01")):
        h.sender.team_id, h.sender.api_app_id = team, app
        assert h.sender.command("help", user_id=KATE, channel_id=CHANNEL).status == 403
        assert h.sender.dm("U1R-014: news", user_id=KATE).status == 403
        assert h.sender.block_action("action_done", user_id=KATE, value="1").status == 403
    assert settled_calls(h) == before
    # Slack leaves api_app_id out of a message shortcut's payload: it is still served.
    h.sender.team_id, h.sender.api_app_id = "T0TEAM001", "A0CASEBOT"
    shortcut = h.sender.message_shortcut("record_action", user_id=KATE, channel_id=CHANNEL,
                                         message={"text": "U1R-014 needs a GP letter"},
                                         trigger_id=h.fake.new_trigger_id())
    assert shortcut.status == 200
    assert h.settle("views.open", 1)


def test_a_forged_done_click_cannot_rewrite_another_message(h):
    """A signed Done click whose channel and ts name the group's channel message (another
    person's message, or the meeting screen) completes nothing it may not, and edits nothing."""
    h.sender.command(f"action U1R-014 <@{KATE}|kate> call the GP by Friday", user_id=FAY,
                     channel_id=CHANNEL, response_url=h.fake.response_url())
    announcement = wait_until(
        lambda: [m for m in h.fake.messages(CHANNEL) if "call the GP" in json.dumps(m)]
    )[-1]
    assignment = wait_until(
        lambda: [m for m in h.fake.messages(dm_channel_id(KATE)) if "new action" in json.dumps(m)]
    )[-1]
    action_id = json.dumps(assignment).split('"action_done", "value": "')[1].split('"')[0]
    pwned = {"type": "mrkdwn", "text": "PWNED"}
    forged = {**announcement,
              "blocks": [{"type": "section", "block_id": f"action-{action_id}", "text": pwned}]}
    # Kate owns the action: it is done, but the channel message is not hers to edit.
    h.sender.block_action("action_done", user_id=KATE, value=action_id, channel_id=CHANNEL,
                          message=forged)
    wait_until(lambda: "done" in h.cli.ok("client", "show", "U1R-014").lower() or True)
    time.sleep(0.5)
    assert all("PWNED" not in json.dumps(c.args) for c in h.fake.calls)
    assert [c for c in h.fake.calls_to("chat.update") if c.args.get("channel") == CHANNEL] == []
    # Omar does not own it: refused, and nothing edited either.
    h.sender.block_action("action_done", user_id=OMAR, value=action_id,
                          channel_id=dm_channel_id(KATE), message=assignment)
    refused = wait_until(lambda: [c for c in h.fake.calls if OMAR in json.dumps(c.args)
                                  and "owner" in json.dumps(c.args)])
    assert refused
    assert h.fake.calls_to("chat.update") == []
    # Kate's own click on her own DM edits that DM, from what Casebot stored.
    h.sender.block_action("action_done", user_id=KATE, value=action_id, message=assignment)
    edited = wait_until(lambda: h.fake.calls_to("chat.update"))
    assert edited[0].args["channel"] == dm_channel_id(KATE)
    assert edited[0].args["ts"] == assignment["ts"]
    assert "Done, marked by" in json.dumps(edited[0].args)


def test_forged_modal_metadata_is_refused(h):
    """The hide-words form once carried the channel and ts to edit; a submission naming the
    group's channel (or any metadata Casebot did not sign) is refused in the form."""
    h.sender.dm("U1R-014: moved house", user_id=KATE)
    preview = wait_until(lambda: [m for m in h.fake.messages(dm_channel_id(KATE))
                                  if "Confirm" in json.dumps(m)])[-1]
    draft = json.dumps(preview).split('"draft_confirm", "value": "')[1].split('"')[0]
    before = settled_calls(h, 0)
    for metadata in (
        json.dumps({"draft": int(draft), "channel": CHANNEL, "ts": "1.000"}),
        "x." + json.dumps({"draft": int(draft)}),
        "",
    ):
        reply = h.sender.view_submission(
            "hide_modal", {"preview_hide": {"text": {"type": "plain_text_input", "value": "Bo"}}},
            user_id=KATE, private_metadata=metadata,
        )
        assert reply.status == 200
        assert reply.json()["response_action"] == "errors"
        assert "out of date" in json.dumps(reply.json())
    assert settled_calls(h) == before


def test_a_hide_words_form_opens_only_for_the_drafts_author(h):
    h.sender.dm("U1R-014: moved house", user_id=KATE)
    preview = wait_until(lambda: [m for m in h.fake.messages(dm_channel_id(KATE))
                                  if "Confirm" in json.dumps(m)])[-1]
    draft = json.dumps(preview).split('"draft_hide", "value": "')[1].split('"')[0]
    h.sender.block_action("draft_hide", user_id=OMAR, value=draft,
                          trigger_id=h.fake.new_trigger_id())
    wait_until(lambda: [c for c in h.fake.calls if "expired or was replaced" in json.dumps(c.args)])
    assert h.fake.calls_to("views.open") == []
    h.sender.block_action("draft_hide", user_id=KATE, value=draft, message=preview,
                          trigger_id=h.fake.new_trigger_id())
    opened = h.settle("views.open", 1)[0]
    assert opened.args["view"]["callback_id"] == "hide_modal"


def test_query_strings_and_methods_do_not_bypass_the_door(h):
    before = settled_calls(h, 0)
    body = urllib.parse.urlencode({"command": "/casebot", "text": "help", "user_id": KATE})
    request = h.sender.url
    h.sender.url = request + "?ssl_check=1"
    try:
        reply = h.sender.raw(body.encode(), content_type=FORM, signature="v0=" + "0" * 64)
    finally:
        h.sender.url = request
    assert reply.status == 401
    assert settled_calls(h) == before


def test_signed_but_malformed_payloads_are_refused_cleanly(h):
    """Only someone with the signing secret can send these; still, a 400 and nothing else."""
    before = settled_calls(h, 0)
    for body, kind in ((b"payload=%7Bnot+json", FORM), (b"payload=%5B1%2C2%5D", FORM),
                       (b"{not json", "application/json"), (b"[1, 2]", "application/json")):
        assert h.sender.raw(body, content_type=kind).status == 400
    assert settled_calls(h) == before


def test_an_event_with_ids_slack_would_not_send_is_ignored(h):
    """A "channel" that is an object (text inside) must not become a key in the database."""
    event = {"type": "message", "channel": {"id": "D1", "note": "Jane Quokkafield"},
             "user": KATE, "text": "U1R-014: news", "ts": "1700000000.000100",
             "channel_type": "im"}
    assert h.sender.event(event, event_id="Ev0ODD0001").status == 200
    odd = {**event, "channel": dm_channel_id(KATE), "user": {"id": KATE}}
    assert h.sender.event(odd, event_id="Ev0ODD0002").status == 200
    time.sleep(0.3)
    stored = repr(h.query("SELECT key FROM processed_events")
                  + h.query("SELECT idempotency_key, payload FROM outbox"))
    assert "Quokkafield" not in stored and "'id'" not in stored
    assert "event:Ev0ODD0001" in stored  # the first is keyed by its event id instead
    assert h.count("drafts") == 1  # and the one whose user is no user id is not handled
