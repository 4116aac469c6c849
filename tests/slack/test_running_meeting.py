"""A 20-client meeting run through the HTTP endpoint, as a facilitator and workers would."""

from __future__ import annotations

import json
import re

import pytest
from slack_sdk import WebClient

from devkit.fake_slack import dm_channel_id
from devkit.transcript import render_message
from handlers import background
from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR, wait_until

OUTSIDER = "U0OUT0001"
PHONE = "0412 345 678"


@pytest.fixture
def h(group_setup, slack_app, cli, fake):
    group_setup(clients=18)  # U1R-014, U1R-015 and 18 more: 20 clients
    cli.ok("agency", "add", "Elsewhere")
    cli.ok("group", "create", "--name", "Other", "--channel", "C0OTHER01", "--rrule",
           "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane",
           "--first", "2026-12-01T10:00")
    cli.ok("member", "add", "--user", OUTSIDER, "--agency", "Elsewhere", "--role",
           "facilitator", "--group", "Other")
    fake.add_user(OUTSIDER, name="otto", real_name="Otto Outsider")
    harness = slack_app()
    harness.at("2026-12-01T09:58+10:00")
    return harness


def command(h, text: str, user: str = FAY) -> str:
    """A slash command in the channel; returns what came back (ack or response URL)."""
    url = h.fake.response_url()
    before = len(h.fake.calls_to("response_url"))
    ack = h.sender.command(text, user_id=user, channel_id=CHANNEL, response_url=url)
    if ack.body:
        return ack.json().get("text", "") if ack.body.startswith("{") else ack.body
    answer = h.settle("response_url", before + 1)[-1]
    # The reply comes first and the DMs after it: wait for those too, and for the outbox to note
    # them as sent, or a click on one races the note (a person is never that quick).
    assert background.wait_idle()
    return json.dumps(answer.args)


def presenter(h) -> dict:
    return h.fake.messages(CHANNEL)[0]


def updates_so_far(h) -> int:
    return len(h.fake.calls_to("chat.update"))


def click(h, action_id: str, user: str = FAY) -> None:
    """Press a button on the screen; a facilitator's press changes it."""
    before = render_message(presenter(h))
    h.sender.block_action(action_id, user_id=user, message=presenter(h), channel_id=CHANNEL)
    if user == FAY:
        wait_until(lambda: render_message(presenter(h)) != before)


def modal_from(h, opened_before: int) -> dict:
    opened = h.settle("views.open", opened_before + 1)[-1]
    return h.fake.view(opened.response["view"]["id"])


def ephemerals(h) -> list[str]:
    return [json.dumps(c.args) for c in h.fake.calls_to("chat.postEphemeral")]


def record_by_button(h, action_id: str, text: str, user: str = KATE) -> None:
    opens = len(h.fake.calls_to("views.open"))
    h.sender.block_action(action_id, user_id=user, message=presenter(h), channel_id=CHANNEL,
                          trigger_id=h.fake.new_trigger_id())
    view = modal_from(h, opens)
    values = {"record_client": {"code": {"type": "plain_text_input", "value": None}},
              "record_text": {"text": {"type": "plain_text_input", "value": text}}}
    before = len(h.fake.calls_to("chat.postEphemeral"))
    assert h.sender.view_submission("record_modal", values, user_id=user, view=view).body == ""
    h.settle("chat.postEphemeral", before + 1)


def action_by_modal(h, view: dict, owner: str, text: str, user: str) -> None:
    values = {
        "action_client": {"code": {"type": "plain_text_input",
                                   "value": view["blocks"][0]["element"].get("initial_value")}},
        "action_owner": {"owner": {"type": "users_select", "selected_user": owner}},
        "action_text": {"text": {"type": "plain_text_input", "value": text}},
        "action_due": {"due": {"type": "datepicker", "selected_date": "2026-12-11"}},
    }
    check = h.sender.view_submission("action_modal", values, user_id=user, view=view).json()
    assert check["response_action"] == "update", check
    before = len(h.fake.calls_to("chat.postEphemeral"))
    done = h.sender.view_submission("preview_modal", {}, user_id=user,
                                    view={**check["view"], "id": view["id"]})
    assert done.body == ""
    h.settle("chat.postEphemeral", before + 1)


def test_a_twenty_client_meeting_runs_in_one_message(h):
    refused = command(h, "start", user=KATE)
    assert "facilitators and secretariat" in refused
    assert h.fake.messages(CHANNEL) == []

    opened = command(h, "start")
    assert "The meeting is open: 20 clients, about 4 minutes each" in opened
    assert len(h.fake.messages(CHANNEL)) == 1
    shown = render_message(presenter(h))
    assert "Client 1 of 20" in shown and "U1R-014" in shown

    # a worker can't step it; the screen does not move
    click(h, "step_next", user=OMAR)
    wait_until(lambda: any("run its meetings" in e for e in ephemerals(h)))
    assert "Client 1 of 20" in render_message(presenter(h))

    recorded: list[str] = []
    for n in range(1, 21):
        code = re.search(r"Client (\d+) of 20", render_message(presenter(h)))
        assert code and int(code.group(1)) == n, render_message(presenter(h))
        h.at(f"2026-12-01T{10 + (n * 4) // 60:02d}:{(n * 4) % 60:02d}+10:00")
        if n == 1:  # by command, for the client on screen, naming the client
            command(h, "decision Jane Quokkafield to be referred to the outreach team", KATE)
            command(h, "note U1R-014 waiting on the housing provider", OMAR)
            recorded += ["U1R-014 to be referred to the outreach team",
                         "waiting on the housing provider"]
        elif n == 2:  # by the screen's buttons
            record_by_button(h, "record_decision_open", "decided: apply for the bond loan")
            record_by_button(h, "record_note_open", "note: school enrolment is done")
            recorded += ["decided: apply for the bond loan", "note: school enrolment is done"]
        elif n == 3:  # "Add action" on the screen
            opens = len(h.fake.calls_to("views.open"))
            h.sender.block_action("action_open", user_id=FAY, message=presenter(h),
                                  channel_id=CHANNEL,
                                  trigger_id=h.fake.new_trigger_id())
            action_by_modal(h, modal_from(h, opens), KATE, "book the GP appointment", FAY)
            recorded.append("book the GP appointment")
        elif n == 4:  # the message shortcuts, on a message that names the client
            message = {"text": f"Can we ask Thomas Brolgaway on {PHONE} to sign the form?",
                       "user": OMAR}
            opens = len(h.fake.calls_to("views.open"))
            h.sender.message_shortcut("record_decision", user_id=FAY, channel_id=CHANNEL,
                                      message=message,
                                      trigger_id=h.fake.new_trigger_id())
            view = modal_from(h, opens)
            text = view["blocks"][1]["element"]["initial_value"]
            assert "Brolgaway" not in text and "0412" not in text
            values = {
                "record_client": {"code": {"type": "plain_text_input", "value": None}},
                "record_text": {"text": {"type": "plain_text_input", "value": text}},
            }
            before = len(h.fake.calls_to("chat.postEphemeral"))
            h.sender.view_submission("record_modal", values, user_id=FAY, view=view)
            h.settle("chat.postEphemeral", before + 1)
            recorded.append(text)
            opens = len(h.fake.calls_to("views.open"))
            h.sender.message_shortcut("record_action", user_id=FAY, channel_id=CHANNEL,
                                      message={"text": "ring the school counsellor", "user": KATE},
                                      trigger_id=h.fake.new_trigger_id())
            view = modal_from(h, opens)
            assert view["blocks"][0]["element"]["initial_value"] == "U1R-101"  # on screen
            action_by_modal(h, view, OMAR, "ring the school counsellor", FAY)
            recorded.append("ring the school counsellor")
        elif n == 5:  # an action by command, for the client on screen
            answer = command(h, f"action <@{KATE}|kate> call the housing provider by Friday")
            assert "It is on the meeting's screen" in answer
            recorded.append("call the housing provider")
        if n == 19:
            click(h, "step_skip")
        elif n % 2:
            click(h, "step_next")
        else:
            before = render_message(presenter(h))
            h.sender.command("next", user_id=FAY, channel_id=CHANNEL)  # no reply: the screen moves
            wait_until(lambda before=before: render_message(presenter(h)) != before)

    final = render_message(presenter(h))
    assert "End of the list: 19 of 20 discussed. Skipped: U1R-116" in final
    ended = command(h, "end")
    assert "19 of 20 clients discussed" in ended
    wait_until(lambda: len(h.fake.messages(CHANNEL)) >= 2)

    # one presenter message, edited at every step, never re-posted
    channel_posts = [c for c in h.fake.calls_to("chat.postMessage")
                     if c.args.get("channel") == CHANNEL]
    assert len([c for c in channel_posts if "Minutes" not in c.args.get("text", "")]) == 1
    assert updates_so_far(h) >= 20
    assert "meeting closed" in render_message(presenter(h))

    minutes = "\n".join(render_message(m) for m in h.fake.messages(CHANNEL)[1:])
    for item in recorded:
        assert minutes.count(item) == 1, (item, minutes)
    assert "Not reached* (first on the next agenda): U1R-116" in minutes
    assert "19 of 20 clients discussed · 3 actions · 3 decisions · 2 notes" in minutes

    # each owner: one DM with their new actions, and nothing per action during the meeting
    kate = [render_message(m) for m in h.fake.messages(dm_channel_id(KATE))]
    assert len(kate) == 1 and "2 new actions" in kate[0]
    assert "book the GP appointment" in kate[0] and "call the housing provider" in kate[0]
    assert len(h.fake.messages(dm_channel_id(OMAR))) == 1

    everything = h.texts()
    for secret in ("Quokkafield", "Brolgaway", "0412", "345 678"):
        assert secret not in everything
    assert h.fake.invalid_calls() == []  # every post, update and modal within Block Kit limits


def test_corrections_and_who_may_record(h):
    command(h, "start")
    answer = command(h, "decision refer to @channel <!channel> & co", KATE)
    rec_id = re.search(r'"record_edit", "value": "(\d+)"', answer)
    assert rec_id, answer
    shown = render_message(presenter(h))
    assert "<!channel>" not in json.dumps(presenter(h)) and "&amp;" in json.dumps(presenter(h))
    assert "refer to" in shown

    refused = command(h, "decision anything at all", OUTSIDER)
    assert "Only members of Under 1 Roof" in refused

    # the author corrects it; someone else cannot
    h.sender.block_action("record_edit", user_id=OMAR, value=rec_id.group(1), channel_id=CHANNEL,
                          trigger_id=h.fake.new_trigger_id())
    wait_until(lambda: any("Only whoever recorded it" in e for e in ephemerals(h)))
    opens = len(h.fake.calls_to("views.open"))
    h.sender.block_action("record_edit", user_id=KATE, value=rec_id.group(1), channel_id=CHANNEL,
                          trigger_id=h.fake.new_trigger_id())
    view = modal_from(h, opens)
    values = {"record_text": {"text": {"type": "plain_text_input",
                                       "value": "refer to the outreach team"}}}
    h.sender.view_submission("record_modal", values, user_id=KATE, view=view)
    wait_until(lambda: "refer to the outreach team" in render_message(presenter(h)))

    # a wrong note is taken back from its receipt
    answer = command(h, "note typed on the wrong client", KATE)
    note_id = re.search(r'"note:(\d+)"', answer)
    url = h.fake.response_url()
    h.sender.block_action("record_remove", user_id=KATE, value=f"note:{note_id.group(1)}",
                          channel_id=CHANNEL, response_url=url)
    wait_until(lambda: "typed on the wrong client" not in render_message(presenter(h)))
    command(h, "end")
    minutes = render_message(h.fake.messages(CHANNEL)[1])
    assert "refer to the outreach team" in minutes and "wrong client" not in minutes
    assert "decision_edited" in h.cli.ok("audit") and "note_removed" in h.cli.ok("audit")


def filed_under(h, table: str) -> list[tuple[str, str]]:
    """(case code, text) of every action, decision or note saved, in order."""
    rows = h.query(f"SELECT c.case_code, t.text FROM {table} t "
                   "JOIN clients c ON c.id = t.client_id ORDER BY t.id")
    return [(code, text) for code, text in rows]


def test_a_case_code_in_the_text_wins_over_the_client_on_screen(h):
    command(h, "start")
    assert "U1R-014" in render_message(presenter(h))  # on screen

    answer = command(h, f"action <@{OMAR}|omar> book GP for U1R-015 by Friday", FAY)
    assert "Action recorded for *U1R-015*: book GP for U1R-015" in answer
    command(h, f"action <@{OMAR}|omar> U1R-015 call the landlord by Friday", FAY)
    command(h, "decision refer U1R-015 to the outreach team", KATE)
    command(h, "note waiting on the provider for u1r-015", KATE)
    command(h, "note U1R-014 joint visit with U1R-015's worker", KATE)  # first code: chosen
    assert filed_under(h, "actions") == [("U1R-015", "book GP for U1R-015"),
                                         ("U1R-015", "call the landlord")]
    assert filed_under(h, "records") == [
        ("U1R-015", "refer U1R-015 to the outreach team"),
        ("U1R-015", "waiting on the provider for u1r-015"),
        ("U1R-014", "joint visit with U1R-015's worker"),
    ]
    shown = render_message(presenter(h))
    assert "book GP" not in shown and "outreach team" not in shown  # not on 014's screen


def test_two_case_codes_in_the_text_are_asked_about_and_nothing_is_saved(h):
    command(h, "start")
    asked = command(h, f"action <@{OMAR}|omar> swap the rooms of U1R-014 and U1R-015 by Friday",
                    FAY)
    assert ("This names U1R-014 and U1R-015 — which client is it for? Start with the case "
            "code: `/casebot action U1R-015 @owner …`") in render_message(json.loads(asked))
    asked = command(h, "decision move U1R-015 in with U1R-014", KATE)
    assert ("This names U1R-015 and U1R-014 — which client is it for? Start with the case "
            "code: `/casebot decision U1R-014 …`") in render_message(json.loads(asked))
    assert h.count("actions") == 0 and h.count("records") == 0
    assert "swap the rooms" not in h.texts() and "move U1R-015" not in h.texts()


def test_minutes_export_and_repost(h, tmp_path):
    command(h, "start")
    command(h, "decision refer to the outreach team", KATE)
    command(h, "end")
    md = h.cli.ok("minutes", "--group", "Under 1 Roof", "--date", "2026-12-01")
    # People by their Slack display names (from users.info), not their member IDs.
    assert "## Attendance" in md and "- refer to the outreach team (kate)" in md
    assert "Facilitator: fay" in md and "U0KATE001" not in md
    target = tmp_path / "m.csv"
    h.cli.ok("minutes", "--group", "Under 1 Roof", "--meeting", "2026-12-01", "--format", "csv",
             "--output", str(target))
    assert "U1R-014,decision,refer to the outreach team,kate," in target.read_text()
    again = h.cli("minutes", "--group", "Under 1 Roof", "--date", "2026-12-01", "--format",
                  "csv", "--output", str(target))
    assert again.code != 0 and "already exists" in again.err
    missing = h.cli("minutes", "--group", "Under 1 Roof", "--date", "2026-12-15")
    assert missing.code != 0 and "no closed meeting on Tue 15 Dec 2026" in missing.err
    posts = len(h.fake.messages(CHANNEL))
    h.cli.ok("minutes", "--group", "Under 1 Roof", "--date", "2026-12-01", "--post")
    h.tick("2026-12-01T12:00+10:00")
    assert len(h.fake.messages(CHANNEL)) == posts + 1


def test_reassign_from_the_owners_dm(h):
    command(h, "start")
    command(h, f"action U1R-015 <@{OMAR}|omar> find a bond loan by Friday")
    command(h, "end")
    (dm,) = h.fake.messages(dm_channel_id(OMAR))
    h.sender.block_action("action_reassign_ask", user_id=OMAR, message=dm,
                          channel_id=dm_channel_id(OMAR))
    ask = wait_until(lambda: h.fake.messages(dm_channel_id(FAY)))[-1]
    assert "asks for this action to be reassigned" in render_message(ask)
    h.sender.block_action("action_reassign", user_id=FAY, message=ask,
                          channel_id=dm_channel_id(FAY), action_type="users_select",
                          selected=KATE)
    wait_until(lambda: "Reassigned to" in render_message(h.fake.messages(dm_channel_id(FAY))[-1]))
    kate = wait_until(lambda: h.fake.messages(dm_channel_id(KATE)))
    assert "find a bond loan" in render_message(kate[-1])
    told = wait_until(lambda: len(h.fake.messages(dm_channel_id(OMAR))) > 1)
    assert told and "It's off your list" in render_message(h.fake.messages(dm_channel_id(OMAR))[-1])
    # only a facilitator reassigns; pressing a stale picker as someone else changes nothing
    h.sender.block_action("action_reassign", user_id=OMAR, message=ask,
                          channel_id=dm_channel_id(OMAR), action_type="users_select",
                          selected=OMAR)
    wait_until(lambda: any("Only Under 1 Roof's facilitators" in e for e in ephemerals(h))
               or any("Only Under 1 Roof's facilitators" in render_message(m)
                      for m in h.fake.messages(dm_channel_id(OMAR))))


def test_who_is_here_is_marked_by_the_facilitator(h):
    command(h, "start")
    h.sender.block_action("mark_present", user_id=KATE, message=presenter(h), channel_id=CHANNEL,
                          trigger_id=h.fake.new_trigger_id())
    wait_until(lambda: any("run its meetings" in e for e in ephemerals(h)))
    assert h.fake.calls_to("views.open") == []
    opens = len(h.fake.calls_to("views.open"))
    h.sender.block_action("mark_present", user_id=FAY, message=presenter(h), channel_id=CHANNEL,
                          trigger_id=h.fake.new_trigger_id())
    view = modal_from(h, opens)
    values = {"present": {"users": {"type": "multi_users_select",
                                    "selected_users": [FAY, KATE]}}}
    assert h.sender.view_submission("present_modal", values, user_id=FAY, view=view).body == ""
    wait_until(lambda: "*Here:* @U0FAY0001, @U0KATE001" in render_message(presenter(h)))
    command(h, "end")
    minutes = render_message(h.fake.messages(CHANNEL)[1])
    assert "*Micah Projects:* present @U0KATE001" in minutes
    assert "*Brisbane Housing Company:* present @U0FAY0001 · absent @U0OMAR001" in minutes


def test_a_deleted_screen_is_posted_again_and_a_double_click_is_ignored(h):
    command(h, "start")
    old = presenter(h)
    WebClient(token=h.fake.bot_token, base_url=h.fake.base_url).chat_delete(
        channel=CHANNEL, ts=old["ts"]
    )
    assert h.fake.messages(CHANNEL) == []
    h.sender.block_action("step_next", user_id=FAY, message=old, channel_id=CHANNEL)
    wait_until(lambda: h.fake.messages(CHANNEL))
    assert "Client 2 of 20" in render_message(presenter(h))
    # the same (now old) screen's Next pressed again: the meeting does not move twice
    h.sender.block_action("step_next", user_id=FAY, message=old, channel_id=CHANNEL)
    wait_until(lambda: any("already moved on" in e for e in ephemerals(h)))
    assert "Client 2 of 20" in render_message(presenter(h))
    assert len(h.fake.messages(CHANNEL)) == 1
