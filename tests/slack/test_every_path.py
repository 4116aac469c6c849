"""Every path from a person's words to Slack goes through de-identification: each kind of text
is sent with a client's identifiers in it, and every call the app made is scanned."""

from __future__ import annotations

import json
import re

from devkit.fake_slack import dm_channel_id
from tests.identities import JANE, TOM, plaintext_markers
from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR, wait_until

IDENTIFYING = (
    "Jane Quokkafield (Janey Q) born 3/4/1988, of Unit 4, 17 Banksia Crescent, on 0412 345 678 "
    "or jane.quokkafield@example.org, Medicare 2123 45670 1, CRN 204837561K; "
    "Thomas Brolgaway's DOB 12/07/1975"
)


def leaked(h) -> list[str]:
    sent = "\n".join(json.dumps(c.args) for c in h.fake.calls)
    markers = [m.decode() for m in plaintext_markers(JANE) + plaintext_markers(TOM)]
    found = [m for m in markers if m.lower() in sent.lower()]
    digits = re.sub(r"\D", "", sent)
    found += [m for m in ("0412345678", "2123456701", "204837561") if m in digits]
    return found


def submit_preview(h, user: str) -> None:
    """Confirm the check screen the app put up in the open modal."""
    opened = h.fake.calls_to("views.open")[-1]
    h.sender.view_submission(
        "preview_modal", {}, user_id=user, view=h.fake.view(opened.response["view"]["id"])
    )


def test_no_identifier_reaches_slack_by_any_path(group_setup, slack_app):
    group_setup()
    h = slack_app()
    h.tick("2026-11-27T09:00+10:00")  # prompts

    # 1. A DM update → preview → confirm.
    h.sender.dm(f"U1R-014: {IDENTIFYING}", user_id=KATE)
    preview = wait_until(
        lambda: [
            m
            for m in h.fake.messages(dm_channel_id(KATE))
            if "as the group will see it" in json.dumps(m)
        ]
    )[-1]
    h.sender.block_action("draft_confirm", user_id=KATE, message=preview)
    wait_until(
        lambda: any("saved for" in json.dumps(m) for m in h.fake.messages(dm_channel_id(KATE)))
    )

    # 2. An update through the form → check screen → confirm.
    prompt = h.fake.messages(dm_channel_id(OMAR))[0]
    h.sender.block_action(
        "update_open",
        user_id=OMAR,
        message=prompt,
        value="1|U1R-015",
        trigger_id=h.fake.new_trigger_id(),
    )
    opened = h.settle("views.open", 1)[-1]
    check = h.submit_form(
        "update_modal",
        {"update_text": {"text": {"type": "plain_text_input", "value": IDENTIFYING}}},
        user_id=OMAR,
        view_id=opened.response["view"]["id"],
    )
    h.sender.view_submission("preview_modal", {}, user_id=OMAR, view=check)
    wait_until(
        lambda: any("saved for" in json.dumps(m) for m in h.fake.messages(dm_channel_id(OMAR)))
    )

    # 3. An action by slash command, with a progress note.
    h.sender.command(
        f"action U1R-014 <@{KATE}|kate> ring {IDENTIFYING} by Friday",
        user_id=FAY,
        channel_id=CHANNEL,
        response_url=h.fake.response_url(),
    )
    assignment = wait_until(
        lambda: [m for m in h.fake.messages(dm_channel_id(KATE)) if "new action" in json.dumps(m)]
    )[-1]
    h.sender.block_action(
        "action_progress", user_id=KATE, message=assignment, trigger_id=h.fake.new_trigger_id()
    )
    progress = h.settle("views.open", 2)[-1]
    h.sender.view_submission(
        "progress_modal",
        {"progress_text": {"text": {"type": "plain_text_input", "value": IDENTIFYING}}},
        user_id=KATE,
        view=h.fake.view(progress.response["view"]["id"]),
    )
    wait_until(
        lambda: any("Progress noted" in json.dumps(m) for m in h.fake.messages(dm_channel_id(KATE)))
    )

    # 4. The message shortcut prefilling the action form.
    h.sender.message_shortcut(
        "record_action",
        user_id=FAY,
        channel_id=CHANNEL,
        message={"text": f"U1R-014: {IDENTIFYING}", "user": OMAR},
        trigger_id=h.fake.new_trigger_id(),
    )
    h.settle("views.open", 3)

    # 5. The agenda, a late update, the nudge-carrying prompt, App Home.
    h.tick("2026-12-01T08:00+10:00")
    h.at("2026-12-01T09:00+10:00")
    h.sender.dm(f"U1R-014: late news, {IDENTIFYING}", user_id=KATE)
    late = wait_until(
        lambda: [
            m
            for m in h.fake.messages(dm_channel_id(KATE))
            if "late news" in json.dumps(m) and "Confirm" in json.dumps(m)
        ]
    )[-1]
    h.sender.block_action("draft_confirm", user_id=KATE, message=late)
    wait_until(lambda: any("Late update" in json.dumps(m) for m in h.fake.messages(CHANNEL)))
    h.tick("2026-12-11T09:00+10:00")
    h.sender.home_opened(user_id=KATE)
    h.settle("views.publish", 1)

    kinds = {c.method for c in h.fake.calls}
    assert {"chat.postMessage", "chat.update", "views.open", "views.publish"} <= kinds
    assert leaked(h) == []
    assert h.fake.invalid_calls() == []
