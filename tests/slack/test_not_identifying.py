"""'Not identifying' through signed Slack requests: the author restores a harmless word in the
preview, the facilitators allow it for the group (or not), and register words stay hidden."""

from __future__ import annotations

import json

from devkit.fake_slack import dm_channel_id
from handlers import background
from tests.slack.conftest import FAY, KATE, OMAR, wait_until


def preview_with(h, text: str, user: str = KATE) -> dict:
    h.sender.dm(text, user_id=user)
    return wait_until(lambda: [m for m in h.fake.messages(dm_channel_id(user))
                               if "draft_keep" in json.dumps(m)
                               and "Not identifying" in json.dumps(m)])[-1]


def value_of(message: dict, action_id: str) -> str:
    return json.dumps(message).split(f'"{action_id}", "value": "')[1].split('"')[0]


def open_list(h, preview: dict, user: str = KATE) -> dict:
    before = len(h.fake.calls_to("views.open"))
    h.sender.block_action("draft_keep", user_id=user, message=preview,
                          value=value_of(preview, "draft_keep"),
                          trigger_id=h.fake.new_trigger_id())
    return h.settle("views.open", before + 1)[-1].args["view"]


def choose(h, view: dict, word: str, user: str = KATE):
    (block,) = [b for b in view["blocks"] if b.get("block_id") == "keep_word"]
    (option,) = [o for o in block["element"]["options"] if o["text"]["text"] == word]
    assert option["value"].isdigit()  # an index, never the word
    values = {"keep_word": {"word": {"type": "static_select", "selected_option": option}}}
    return h.sender.view_submission("keep_modal", values, user_id=user,
                                    private_metadata=view["private_metadata"])


def dm_text(h, user: str) -> str:
    return json.dumps(h.fake.messages(dm_channel_id(user)))


def allowed_terms(h) -> str:
    return h.cli.ok("allow", "list", "--group", "Under 1 Roof")


def test_a_restored_word_shows_again_and_the_facilitator_allows_it(h):
    preview = preview_with(h, "U1R-014: went to Sunny Days with the kids")
    assert "Sunny Days" not in json.dumps(preview)  # the DM never lists the words
    view = open_list(h, preview)
    assert view["callback_id"] == "keep_modal" and "Sunny Days" in json.dumps(view)
    reply = choose(h, view, "Sunny Days")
    assert reply.json()["response_action"] == "update"
    assert "facilitators are asked" in json.dumps(reply.json())
    # The preview in the DM now shows the word; the facilitator is asked in their DM.
    wait_until(lambda: "went to Sunny Days with the kids" in dm_text(h, KATE))
    question = wait_until(lambda: [m for m in h.fake.messages(dm_channel_id(FAY))
                                   if "term_allow" in json.dumps(m)])[-1]
    assert "Sunny Days" in json.dumps(question)
    assert all("Sunny" not in json.dumps(c.args) for c in h.posts("C0U1R0001"))
    assert "Sunny Days" not in allowed_terms(h)

    # A worker who is no facilitator may not answer.
    request = value_of(question, "term_allow")
    h.sender.block_action("term_allow", user_id=OMAR, value=request,
                          channel_id=dm_channel_id(OMAR))
    wait_until(lambda: "Only Under 1 Roof's facilitators" in json.dumps(
        [c.args for c in h.fake.calls]))
    assert "Sunny Days" not in allowed_terms(h)

    h.sender.block_action("term_allow", user_id=FAY, value=request, message=question,
                          channel_id=dm_channel_id(FAY))
    wait_until(lambda: "allowed *Sunny Days*" in dm_text(h, FAY))
    assert "Sunny Days" in allowed_terms(h)
    h.sender.block_action("term_decline", user_id=FAY, value=request,
                          channel_id=dm_channel_id(FAY))
    wait_until(lambda: "Already decided" in json.dumps([c.args for c in h.fake.calls]))
    assert "Sunny Days" in allowed_terms(h)

    # The next update keeps the word without being asked.
    h.sender.dm("U1R-014: back at Sunny Days on Friday", user_id=KATE)
    wait_until(lambda: "back at Sunny Days on Friday" in dm_text(h, KATE))
    audit = json.dumps([list(map(str, r)) for r in h.query("SELECT * FROM audit_log")])
    assert "term_allowed" in audit and "word_restored" in audit and "Sunny" not in audit


def test_dont_allow_keeps_the_word_out_of_the_list(h):
    view = open_list(h, preview_with(h, "U1R-014: went to Sunny Days with the kids"))
    choose(h, view, "Sunny Days")
    question = wait_until(lambda: [m for m in h.fake.messages(dm_channel_id(FAY))
                                   if "term_decline" in json.dumps(m)])[-1]
    h.sender.block_action("term_decline", user_id=FAY, message=question,
                          value=value_of(question, "term_decline"),
                          channel_id=dm_channel_id(FAY))
    wait_until(lambda: "did not allow the word" in dm_text(h, FAY))
    assert "Sunny Days" not in dm_text(h, FAY)  # a declined word leaves the facilitator's DM
    assert "Sunny Days" not in allowed_terms(h)


def test_at_once_adds_the_word_for_the_next_update(h):
    h.cli.ok("group", "restored-words", "--group", "Under 1 Roof", "at_once")
    view = open_list(h, preview_with(h, "U1R-014: went to Sunny Days with the kids"))
    reply = choose(h, view, "Sunny Days")
    assert "added to *Under 1 Roof*'s allowed words" in json.dumps(reply.json())
    assert "Sunny Days" in allowed_terms(h)
    h.sender.dm("U1R-014: back at Sunny Days on Friday", user_id=KATE)
    wait_until(lambda: "back at Sunny Days on Friday" in dm_text(h, KATE))
    assert not [m for m in h.fake.messages(dm_channel_id(FAY)) if "term_allow" in json.dumps(m)]


def test_a_word_of_the_register_stays_hidden(h):
    # "Jayne" is not taken for Jane Quokkafield by the engine, but it nearly spells her name.
    preview = preview_with(h, "U1R-014: met Jayne at the hub, call 0412 345 678")
    view = open_list(h, preview)
    (block,) = [b for b in view["blocks"] if b.get("block_id") == "keep_word"]
    # Her registered phone is never offered; the near-spelling is, and is refused.
    assert [o["text"]["text"] for o in block["element"]["options"]] == ["Jayne"]
    reply = choose(h, view, "Jayne")
    answer = reply.json()
    assert answer["response_action"] == "errors"
    assert "part of a registered client's details, so it stays hidden" in json.dumps(answer)
    background.wait_idle()
    assert "Jayne" not in dm_text(h, KATE) and "[name]" in dm_text(h, KATE)
    assert h.count("term_requests") == 0
    assert [r[0] for r in h.query("SELECT action FROM audit_log WHERE action LIKE 'restore%'")] \
        == ["restore_refused"]


def test_someone_elses_draft_is_refused(h):
    preview = preview_with(h, "U1R-014: went to Sunny Days with the kids")
    draft = value_of(preview, "draft_keep")
    h.sender.block_action("draft_keep", user_id=OMAR, value=draft,
                          trigger_id=h.fake.new_trigger_id())
    wait_until(lambda: [c for c in h.fake.calls if "expired or was replaced" in json.dumps(c.args)])
    assert h.fake.calls_to("views.open") == []
    view = open_list(h, preview)
    reply = choose(h, view, "Sunny Days", user=OMAR)  # Kate's form, submitted as Omar
    assert reply.json()["response_action"] == "errors"
    background.wait_idle()
    assert "Sunny Days with" not in dm_text(h, KATE) and h.count("term_requests") == 0


def test_on_the_forms_check_screen_the_list_is_pushed_and_the_check_is_updated(h):
    h.sender.command("update U1R-014", user_id=KATE, channel_id="C0U1R0001",
                     trigger_id=h.fake.new_trigger_id(), response_url=h.fake.response_url())
    form = h.settle("views.open", 1)[-1].response["view"]["id"]
    check = h.submit_form(
        "update_modal",
        {"update_text": {"text": {"type": "plain_text_input",
                                  "value": "went to Sunny Days with the kids"}}},
        user_id=KATE, view_id=form,
    )
    assert "draft_keep" in json.dumps(check)
    h.sender.block_action("draft_keep", user_id=KATE, view=check,
                          trigger_id=h.fake.new_trigger_id(view_id=form))
    pushed = h.settle("views.push", 1)[-1].response["view"]["id"]
    listing = h.fake.view(pushed)
    assert listing["previous_view_id"] == form
    values = {"keep_word": {"word": {"type": "static_select",
                                     "selected_option": {"value": "0"}}}}
    reply = h.sender.view_submission("keep_modal", values, user_id=KATE, view=listing).json()
    assert reply["response_action"] == "update"
    wait_until(lambda: "went to Sunny Days with the kids" in json.dumps(h.fake.view(form)))
    h.sender.view_submission("preview_modal", {}, user_id=KATE, view=h.fake.view(form))
    wait_until(lambda: "saved for" in dm_text(h, KATE))
    assert "went to Sunny Days with the kids" in dm_text(h, KATE)
