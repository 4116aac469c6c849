"""A modal's error lands beside the input it is about: services name the field, one table in
handlers/field_errors.py names its block (no more matching words in the message)."""

from __future__ import annotations

import pytest

from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR


def _action_modal(h) -> dict:
    h.sender.message_shortcut("record_action", user_id=FAY, channel_id=CHANNEL,
                              message={"text": "ring the school counsellor", "user": KATE},
                              trigger_id=h.fake.new_trigger_id())
    opened = h.settle("views.open", 1)[0]
    return h.fake.view(opened.response["view"]["id"])


@pytest.mark.parametrize(
    ("change", "block", "words"),
    [
        # Once on the text block: the message says "case code", not which input it is about.
        ({"action_client": ""}, "action_client", "Which client is it for?"),
        ({"action_client": "U1R-999"}, "action_client", "I don't know the case code"),
        ({"action_owner": "U0NOBODY1"}, "action_owner", "not set up in Casebot"),
        ({"action_text": ""}, "action_text", "Say what needs doing"),
        ({"action_due": "2026-11-02"}, "action_due", "is in the past"),
    ],
)
def test_each_field_of_the_action_modal_reaches_its_block(h, change, block, words):
    view = _action_modal(h)
    given = {"action_client": "U1R-014", "action_owner": OMAR,
             "action_text": "ring the school counsellor", "action_due": "2026-12-08", **change}
    values = {
        "action_client": {"code": {"type": "plain_text_input", "value": given["action_client"]}},
        "action_owner": {"owner": {"type": "users_select",
                                   "selected_user": given["action_owner"]}},
        "action_text": {"text": {"type": "plain_text_input", "value": given["action_text"]}},
        "action_due": {"due": {"type": "datepicker", "selected_date": given["action_due"]}},
    }
    answer = h.sender.view_submission("action_modal", values, user_id=FAY, view=view).json()
    assert answer["response_action"] == "errors", answer
    assert list(answer["errors"]) == [block]
    assert words in answer["errors"][block]
