"""A whole meeting cycle through the HTTP endpoint: signed requests in, a fake Slack out."""

from __future__ import annotations

import json

from devkit.fake_slack import dm_channel_id
from devkit.transcript import render_message
from tests.identities import JANE, TOM, plaintext_markers
from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR

LEASE_NEWS = "Thomas Brolgaway (Tommo) signed his lease; DOB 12/07/1975."


def leaks(text: str) -> list[str]:
    markers = [m.decode() for m in plaintext_markers(JANE) + plaintext_markers(TOM)]
    return [m for m in markers if m in text]


def test_full_cycle(group_setup, slack_app):
    group_setup()
    h = slack_app()

    # Friday before the meeting (3 days before is a Saturday): nothing until 09:00 on each
    # member's own clock.
    assert "sent 0 message(s)" in h.tick("2026-11-27T07:59+10:00")
    assert {c.args["user"] for c in h.fake.calls_to("users.info")} == {KATE, OMAR, FAY}
    h.tick("2026-11-27T08:00+10:00")  # 09:00 in Sydney (daylight saving)
    assert [c.args["channel"] for c in h.posts()] == [KATE]
    h.tick("2026-11-27T09:00+10:00")
    assert sorted(c.args["channel"] for c in h.posts()) == sorted([KATE, OMAR, FAY])
    kate_prompt = render_message(h.dms_to(KATE)[0].args)
    assert "Under 1 Roof meets Tue 1 Dec, 10:00 (Brisbane time)" in kate_prompt.replace("*", "")
    assert "[I'll be there]" in kate_prompt and "U1R-014" in kate_prompt
    assert "[Add update]" in kate_prompt and "U1R-015" not in kate_prompt

    # A plain DM update, with the client's identifiers typed in.
    h.sender.dm(
        "U1R-014: Jane moved into transitional housing at 17 Banksia Crescent; "
        "her mobile is 0412 345 678. Needs furniture.",
        user_id=KATE,
    )
    check = h.settle("chat.postMessage", 4)[-1]
    assert check.args["channel"] in (KATE, dm_channel_id(KATE))  # a DM, by user or channel
    shown = render_message(check.args)
    assert "as the group will see it" in shown and "[Confirm] [Edit] [Hide more words]" in shown
    assert "U1R-014 moved into transitional housing at [address]" in shown.replace("*", "")
    assert "*[phone]*" in shown  # what was replaced is marked
    assert leaks(shown) == []
    h.sender.block_action(
        "draft_confirm", user_id=KATE, message=h.fake.messages(dm_channel_id(KATE))[-1]
    )
    receipt = h.settle("chat.update", 1)[-1]
    shown = render_message(receipt.args)
    assert "Update for U1R-014 saved" in shown.replace("*", "")
    assert "moved into transitional housing" in shown and "Needs furniture" in shown
    assert "Add update" in shown  # the tip about the modal
    assert leaks(shown) == []

    # An update through the modal.
    omar_dm = dm_channel_id(OMAR)
    prompt = h.fake.messages(omar_dm)[0]
    h.sender.block_action(
        "update_open",
        user_id=OMAR,
        message=prompt,
        trigger_id=h.fake.new_trigger_id(),
        value="1|U1R-015",
    )
    opened = h.settle("views.open", 1)[0]
    view_id = opened.response["view"]["id"]
    check = h.submit_form(
        "update_modal",
        {
            "update_text": {
                "text": {
                    "type": "plain_text_input",
                    "value": "Thomas Brolgaway (Tommo) signed his lease; DOB 12/07/1975.",
                }
            }
        },
        user_id=OMAR,
        view_id=view_id,
    )  # the form turns into the check screen
    assert "signed his lease" in json.dumps(check) and "Brolgaway" not in json.dumps(check)
    confirmed = h.sender.view_submission("preview_modal", {}, user_id=OMAR, view=check)
    assert confirmed.status == 200 and confirmed.body in ("", "{}")
    modal_receipt = h.settle("chat.postMessage", 5)[-1]
    assert "signed his lease" in render_message(modal_receipt.args)
    assert leaks(render_message(modal_receipt.args)) == []

    # Fay sends apologies: the prompt message changes in place.
    fay_prompt = h.fake.messages(dm_channel_id(FAY))[0]
    h.sender.block_action("apologise", user_id=FAY, message=fay_prompt)
    updated = h.settle("chat.update", 2)[-1]
    assert "apologies" in render_message(updated.args)

    # Agenda time: two hours before.
    h.tick("2026-12-01T07:59+10:00")
    assert h.posts(CHANNEL) == []
    h.tick("2026-12-01T08:00+10:00")
    agenda = h.posts(CHANNEL)
    assert len(agenda) == 1
    text = render_message(agenda[0].args)
    assert "Agenda · Under 1 Roof · Tue 1 Dec" in text
    assert "U1R-014" in text and "moved into transitional housing" in text
    assert "U1R-015" in text and "signed his lease" in text
    assert f"Apologies: @{FAY}" in text.replace("*", "")
    assert leaks(h.texts()) == [], "no register identifier may reach Slack"

    # During the meeting: an action by slash command.
    h.at("2026-12-01T10:30+10:00")
    posted = len(h.posts())
    reply = h.fake.response_url()
    h.sender.command(
        f"action U1R-014 <@{KATE}|kate> call the housing provider by Friday",
        user_id=FAY,
        channel_id=CHANNEL,
        response_url=reply,
    )
    announced = h.settle("chat.postMessage", posted + 2)
    channel_note = [c for c in announced if c.args["channel"] == CHANNEL][-1]
    assert "New action for U1R-014: call the housing provider" in render_message(
        channel_note.args
    ).replace("*", "")
    assert "due Fri 4 Dec" in render_message(channel_note.args)
    owner_dm = [c for c in announced if c.args["channel"] == KATE][-1]
    assert "[Done]" in render_message(owner_dm.args)
    confirmation = h.settle("response_url", 1)[0]
    assert confirmation.args["response_type"] == "ephemeral"

    # Nudge time for the next meeting (Tue 15 Dec): 3 days before is a Saturday, so Friday
    # 09:00 on each owner's clock. The update prompts are due then too: one DM per person,
    # and the owner's open actions ride along in it.
    h.tick("2026-12-11T07:59+10:00")
    before = len(h.fake.calls)
    h.tick("2026-12-11T08:00+10:00")  # 09:00 in Sydney
    h.tick("2026-12-11T09:00+10:00")
    sent = [c for c in h.fake.calls[before:] if c.method == "chat.postMessage"]
    assert sorted(c.args["channel"] for c in sent) == sorted([KATE, OMAR, FAY])
    kate = render_message(next(c for c in sent if c.args["channel"] == KATE).args)
    assert "Your open actions (1)" in kate.replace("*", "")
    assert "call the housing provider" in kate and "overdue by 7 days" in kate
    assert "[Done] [Add progress]" in kate

    # Running the tick again sends nothing new.
    before = len(h.fake.calls)
    assert "sent 0 message(s)" in h.tick("2026-12-11T09:00+10:00")
    assert [c.method for c in h.fake.calls[before:]] == []

    # Kate answers; on Monday (1 day before) she gets the nudge on its own, with Snooze.
    kate_prompt = h.fake.messages(dm_channel_id(KATE))[-1]
    h.sender.block_action("attend", user_id=KATE, message=kate_prompt)
    h.settle("chat.update", 3)
    before = len(h.fake.calls)
    h.tick("2026-12-14T08:00+10:00")
    (nudge,) = [c for c in h.fake.calls[before:] if c.method == "chat.postMessage"]
    assert nudge.args["channel"] == KATE
    shown = render_message(nudge.args)
    assert "you have 1 open action" in shown.replace("*", "")
    assert "[Snooze until tomorrow]" in shown

    assert h.fake.invalid_calls() == []
    assert leaks(h.texts()) == []


def test_sixty_clients_post_correctly(group_setup, slack_app):
    group_setup(clients=58)
    h = slack_app()
    h.tick("2026-11-27T09:00+10:00")  # Kate's prompt lists 59 clients
    kate = h.dms_to(KATE)[0]
    assert kate.ok
    buttons = [b for b in kate.args["blocks"] if b.get("accessory", {}).get("text")]
    assert len(buttons) == 40  # one Add update button each, as many as Slack's limits allow
    assert "…and 19 more: U1R-139" in repr(kate.args) and "U1R-157" in repr(kate.args)
    h.tick("2026-12-01T08:00+10:00")
    parts = h.posts(CHANNEL)
    assert len(parts) > 1 and all(c.ok for c in parts)
    shown = "\n".join(render_message(c.args) for c in parts)
    codes = ["U1R-014", "U1R-015"] + [f"U1R-{100 + n}" for n in range(58)]
    assert all(code in shown for code in codes)
    assert [f"part {n} of {len(parts)}" in c.args["text"] for n, c in enumerate(parts, 1)] == [
        True
    ] * len(parts)
    assert h.fake.invalid_calls() == []
