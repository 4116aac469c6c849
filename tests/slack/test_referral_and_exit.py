"""Issue 13, referral and exit, through signed requests against the fake Slack: the referral
form (and what it refuses), the secretariat's DM, first on the agenda, the facilitators'
decision, the exit form, the minutes and the next agenda."""

from __future__ import annotations

import json

from devkit.transcript import render_message
from handlers import background
from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR, wait_until

OTHER_FACILITATOR = "U0OTHERF1"
SUMMARY = "Sleeping rough since the eviction, ring her sister on 0499 888 777; needs MH support."


def _command(h, text: str, user: str, channel: str = CHANNEL) -> dict:
    url = h.fake.response_url()
    ack = h.sender.command(text, user_id=user, channel_id=channel, response_url=url,
                           trigger_id=h.fake.new_trigger_id())
    background.wait_idle()
    return ack.json() if ack.body.startswith("{") else {}


def _form(h, opened, **change) -> dict:
    view = h.fake.view(opened.response["view"]["id"])
    agencies = next(b for b in view["blocks"] if b.get("block_id") == "refer_agencies")
    everyone = [{"value": o["value"]} for o in agencies["element"]["options"]]
    values = {
        "refer_agency": {"agency": {"type": "static_select",
                                    "selected_option": {"value": everyone[0]["value"]}}},
        "refer_key_worker": {"owner": {"type": "users_select", "selected_user": KATE}},
        "refer_criteria": {"choices": {"type": "checkboxes", "selected_options": [
            {"value": "tenancy_at_risk"}, {"value": "repeated_homelessness"}]}},
        "refer_summary": {"text": {"type": "plain_text_input", "value": SUMMARY}},
        "refer_consent": {"choice": {"type": "radio_buttons",
                                     "selected_option": {"value": "yes"}}},
        "refer_consent_date": {"date": {"type": "datepicker", "selected_date": "2026-11-20"}},
        "refer_consent_method": {"choice": {"type": "static_select",
                                            "selected_option": {"value": "written"}}},
        "refer_agencies": {"choices": {"type": "multi_static_select",
                                       "selected_options": everyone}},
    }
    values.update(change)
    return values


def _refer(h, user: str = KATE, channel: str = CHANNEL):
    before = len(h.fake.calls_to("views.open"))
    _command(h, "refer", user, channel)
    return h.settle("views.open", before + 1)[-1]


def test_referral_to_exit(h, cli):
    opened = _refer(h)
    form = render_message({"blocks": opened.args["view"]["blocks"]}) + json.dumps(
        opened.args["view"])
    assert "no names or other identifying details" in form.replace("*", "")
    assert "Full name" not in form and "Date of birth" not in form
    view = h.fake.view(opened.response["view"]["id"])

    def submit(values):
        return h.sender.view_submission("refer_modal", values, user_id=KATE, view=view).json()

    # Refused inline, nothing stored: no criterion, no consent date, a consent date in the future.
    none = submit(_form(h, opened, refer_criteria={"choices": {"type": "checkboxes",
                                                                "selected_options": []}}))
    assert none["response_action"] == "errors" and "criterion" in none["errors"]["refer_criteria"]
    undated = submit(_form(h, opened, refer_consent_date={"date": {"type": "datepicker"}}))
    assert undated["response_action"] == "errors" and "refer_consent_date" in undated["errors"]
    future = submit(_form(h, opened, refer_consent_date={
        "date": {"type": "datepicker", "selected_date": "2026-11-27"}}))
    assert "in the future" in future["errors"]["refer_consent_date"]
    assert h.count("referrals") == 0 and h.count("clients") == 2

    # The check: the summary as the group will see it; still nothing stored.
    check = submit(_form(h, opened))
    assert check["response_action"] == "update"
    shown = json.dumps(check["view"])
    assert "0499" not in shown and "Sleeping rough since the eviction" in shown
    assert h.count("referrals") == 0
    done = h.sender.view_submission("refer_check_modal", {}, user_id=KATE,
                                    view={**check["view"], "id": view["id"]})
    assert done.status == 200 and done.body in ("", "{}")
    assert h.query("SELECT case_code, status FROM clients WHERE id = 3") == [
        ("U1R-016", "referred")]
    assert h.query("SELECT given_on, method FROM consents WHERE client_id = 3")[0][1] == (
        "written form")

    # The referrer is told the code; the secretariat (Fay) is asked, by DM, to add the details.
    wait_until(lambda: h.dms_to(FAY) and h.dms_to(KATE))
    to_fay = render_message(h.dms_to(FAY)[-1].args)
    assert "New referral U1R-016" in to_fay.replace("*", "")
    assert "casebot referrals details U1R-016" in to_fay
    assert "U1R-016" in render_message(h.dms_to(KATE)[-1].args)
    listing = cli.ok("referrals")
    assert "U1R-016" in listing and "details not added yet" in listing

    # An open action on U1R-015, to be closed by its exit.
    _command(h, f"action U1R-015 <@{OMAR}|omar> book the removal van", FAY)

    # First on the agenda, with the facilitator's buttons.
    h.tick("2026-12-01T08:00+10:00")
    (agenda,) = h.fake.messages(CHANNEL)[-1:]
    text = render_message(agenda)
    assert text.index("U1R-016") < text.index("U1R-014") < text.index("U1R-015")
    assert "[Accept] [Decline] [More information needed]" in text
    assert "Tenancy at risk" in text and "0499" not in text

    # A worker's press changes nothing.
    h.sender.block_action("referral_accept", user_id=OMAR, message=agenda, channel_id=CHANNEL,
                          value="U1R-016")
    background.wait_idle()
    assert h.query("SELECT status FROM clients WHERE case_code = 'U1R-016'") == [("referred",)]

    # In the meeting, the facilitator accepts: active, and the referrer is told.
    h.at("2026-12-01T10:00+10:00")
    _command(h, "start", FAY)
    h.sender.block_action("referral_accept", user_id=FAY, message=agenda, channel_id=CHANNEL,
                          value="U1R-016")
    background.wait_idle()
    assert h.query("SELECT status FROM clients WHERE case_code = 'U1R-016'") == [("active",)]
    told = wait_until(lambda: [c for c in h.dms_to(KATE) if "accepted" in c.args["text"]])
    assert "U1R-016" in render_message(told[-1].args)

    # The exit form: a facilitator only; outcome from the list, a date, a de-identified note.
    refused = _command(h, "exit U1R-015", KATE)
    assert refused == {} and h.count("client_exits") == 0
    opened_exit = _refer_exit(h)
    exit_view = h.fake.view(opened_exit.response["view"]["id"])
    assert "Referral declined" not in json.dumps(opened_exit.args["view"])
    values = {
        "exit_outcome": {"choice": {"type": "static_select",
                                    "selected_option": {"value": "housed_social"}}},
        "exit_date": {"date": {"type": "datepicker", "selected_date": "2026-12-02"}},
        "exit_note": {"text": {"type": "plain_text_input",
                               "value": "Keys handed over, Tommo happy"}},
    }
    late = h.sender.view_submission("exit_modal", values, user_id=FAY, view=exit_view).json()
    assert "in the future" in late["errors"]["exit_date"]
    values["exit_date"]["date"]["selected_date"] = "2026-12-01"
    ok = h.sender.view_submission("exit_modal", values, user_id=FAY, view=exit_view)
    assert ok.body in ("", "{}")
    background.wait_idle()
    assert h.query("SELECT status FROM clients WHERE case_code = 'U1R-015'") == [("exited",)]
    assert h.query("SELECT outcome, note FROM client_exits") == [
        ("housed_social", "Keys handed over, U1R-015 happy")]
    assert h.query(
        "SELECT actions.status FROM actions JOIN clients ON clients.id = actions.client_id "
        "WHERE case_code = 'U1R-015'") == [("cancelled",)]

    # The minutes say both.
    _command(h, "end", FAY)
    minutes = wait_until(lambda: [m for m in h.fake.messages(CHANNEL)
                                  if "Minutes" in m.get("text", "")])
    shown = render_message(minutes[-1])
    assert "Referral accepted" in shown and "U1R-016" in shown
    assert "Exited: Housed – social" in shown and "U1R-015" in shown

    # The next agenda: U1R-015 gone, U1R-016 an ordinary client.
    h.tick("2026-12-15T08:00+10:00")
    agenda = render_message(h.fake.messages(CHANNEL)[-1])
    assert "U1R-015" not in agenda and "U1R-016" in agenda and "new referral" not in agenda
    assert h.fake.invalid_calls() == []


def _refer_exit(h):
    before = len(h.fake.calls_to("views.open"))
    _command(h, "exit U1R-015", FAY)
    return h.settle("views.open", before + 1)[-1]


def test_decline_and_more_information(h, cli):
    cli.ok("client", "add", "--code", "U1R-020", "--agency", "Micah Projects", "--key-worker",
           KATE, "--status", "referred", "--no-prompt", "--consent-date", "2026-11-01",
           "--consent-agency", "Brisbane Housing Company")
    cli.ok("client", "add", "--code", "U1R-021", "--agency", "Micah Projects", "--key-worker",
           KATE, "--status", "referred", "--no-prompt", "--consent-date", "2026-11-01",
           "--consent-agency", "Brisbane Housing Company")
    # Another group's facilitator may not decide.
    cli.ok("agency", "add", "Elsewhere")
    cli.ok("group", "create", "--name", "Other", "--channel", "C0OTHER01", "--rrule",
           "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane",
           "--first", "2026-12-01T10:00")
    cli.ok("member", "add", "--user", OTHER_FACILITATOR, "--agency", "Elsewhere", "--role",
           "facilitator", "--group", "Other")
    h.fake.add_user(OTHER_FACILITATOR, name="otto")
    h.tick("2026-12-01T08:00+10:00")
    agenda = h.fake.messages(CHANNEL)[-1]
    h.sender.block_action("referral_more_info", user_id=OTHER_FACILITATOR, message=agenda,
                          channel_id=CHANNEL, value="U1R-020")
    background.wait_idle()
    assert h.query("SELECT count(*) FROM referrals WHERE decision IS NOT NULL") == [(0,)]

    # Decline: a reason, de-identified; the client exits as "referral declined".
    h.sender.block_action("referral_decline", user_id=FAY, message=agenda, channel_id=CHANNEL,
                          value="U1R-020", trigger_id=h.fake.new_trigger_id())
    opened = h.settle("views.open", 1)[-1]
    view = h.fake.view(opened.response["view"]["id"])
    empty = h.sender.view_submission("decline_modal", {"decline_reason": {"text": {
        "type": "plain_text_input", "value": " "}}}, user_id=FAY, view=view).json()
    assert "decline_reason" in empty["errors"]
    h.sender.view_submission("decline_modal", {"decline_reason": {"text": {
        "type": "plain_text_input", "value": "Outside our area; call 0499 888 777 instead"}}},
        user_id=FAY, view=view)
    background.wait_idle()
    assert h.query("SELECT status FROM clients WHERE case_code = 'U1R-020'") == [("exited",)]
    assert h.query("SELECT outcome FROM client_exits") == [("referral_declined",)]
    (reason,) = h.query("SELECT decision_reason FROM referrals WHERE decision = 'declined'")[0]
    assert "0499" not in reason and "Outside our area" in reason
    told = wait_until(lambda: [c for c in h.dms_to(KATE) if "declined" in c.args["text"]])
    assert "Outside our area" in render_message(told[-1].args)

    # More information: still referred, on the next agenda again.
    h.sender.block_action("referral_more_info", user_id=FAY, message=agenda,
                          channel_id=CHANNEL, value="U1R-021")
    background.wait_idle()
    assert h.query("SELECT status FROM clients WHERE case_code = 'U1R-021'") == [("referred",)]
    wait_until(lambda: [c for c in h.dms_to(KATE) if "more information" in render_message(c.args)])
    h.tick("2026-12-15T08:00+10:00")
    again = render_message(h.fake.messages(CHANNEL)[-1])
    assert "U1R-021" in again and "More information was asked for" in again
    assert "U1R-020" not in again


def test_one_client_from_referral_to_exit(h, cli):
    """The acceptance path of issue 13 for one client: referred in Slack, details added on the
    command line, first on the agenda, accepted, an ordinary client at the next meeting, exited
    there with an outcome (its action closed), in the minutes, and gone from the agenda after."""
    opened = _refer(h)
    view = h.fake.view(opened.response["view"]["id"])
    check = h.sender.view_submission("refer_modal", _form(h, opened), user_id=KATE,
                                     view=view).json()
    h.sender.view_submission("refer_check_modal", {}, user_id=KATE,
                             view={**check["view"], "id": view["id"]})
    background.wait_idle()
    assert h.query("SELECT status FROM clients WHERE case_code = 'U1R-016'") == [("referred",)]
    to_fay = wait_until(lambda: h.dms_to(FAY))
    assert "U1R-016" in render_message(to_fay[-1].args)
    cli.ok("referrals", "details", "U1R-016", "--no-prompt", "--full-name", "Ruby Lorikeetson")
    assert "details not added yet" not in cli.ok("referrals")

    # Meeting 1 (Tue 1 Dec): first on the agenda; the facilitator accepts it.
    h.tick("2026-12-01T08:00+10:00")
    first = h.fake.messages(CHANNEL)[-1]
    shown = render_message(first)
    assert shown.index("U1R-016") < shown.index("U1R-014")
    assert "Lorikeetson" not in shown and "Ruby" not in shown
    h.at("2026-12-01T10:00+10:00")
    _command(h, "start", FAY)
    h.sender.block_action("referral_accept", user_id=FAY, message=first, channel_id=CHANNEL,
                          value="U1R-016")
    background.wait_idle()
    _command(h, f"action U1R-016 <@{OMAR}|omar> book the GP for Ruby", FAY)
    _command(h, "end", FAY)
    minutes = wait_until(lambda: [m for m in h.fake.messages(CHANNEL)
                                  if "Minutes" in m.get("text", "")])
    assert "Referral accepted" in render_message(minutes[-1])
    assert "Ruby" not in json.dumps([c.args for c in h.fake.calls])  # the name, de-identified

    # Meeting 2 (Tue 15 Dec): an ordinary client now; exited there, with an outcome.
    h.tick("2026-12-15T08:00+10:00")
    second = render_message(h.fake.messages(CHANNEL)[-1])
    assert "U1R-016" in second and "new referral" not in second
    assert h.query("SELECT status FROM clients WHERE case_code = 'U1R-016'") == [("active",)]
    h.at("2026-12-15T10:00+10:00")
    _command(h, "start", FAY)
    before = len(h.fake.calls_to("views.open"))
    _command(h, "exit U1R-016", FAY)
    opened_exit = h.settle("views.open", before + 1)[-1]
    h.sender.view_submission("exit_modal", {
        "exit_outcome": {"choice": {"type": "static_select",
                                    "selected_option": {"value": "housed_private"}}},
        "exit_date": {"date": {"type": "datepicker", "selected_date": "2026-12-15"}},
        "exit_note": {"text": {"type": "plain_text_input", "value": "Lease signed"}},
    }, user_id=FAY, view=h.fake.view(opened_exit.response["view"]["id"]))
    background.wait_idle()
    assert h.query("SELECT status FROM clients WHERE case_code = 'U1R-016'") == [("exited",)]
    assert h.query(
        "SELECT actions.status FROM actions JOIN clients ON clients.id = actions.client_id "
        "WHERE case_code = 'U1R-016'") == [("cancelled",)]
    _command(h, "end", FAY)
    minutes = wait_until(lambda: [m for m in h.fake.messages(CHANNEL)
                                  if "Minutes" in m.get("text", "")][1:])
    last = render_message(minutes[-1])
    assert "Exited: Housed – private rental" in last and "U1R-016" in last

    # Meeting 3 (Tue 29 Dec): gone from the agenda.
    h.tick("2026-12-29T08:00+10:00")
    third = render_message(h.fake.messages(CHANNEL)[-1])
    assert "U1R-016" not in third and "U1R-014" in third
    assert h.fake.invalid_calls() == []
