"""Referral and exit forms and messages: the referral modal and its check, the decision
buttons, the decline and exit modals, the secretariat's DM and the referrer's answer.

Nothing here asks for or shows an identifiable detail: case codes, Slack IDs, agency names and
de-identified text only, all user text escaped.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.domain import (
    EXIT_OUTCOMES,
    REFERRAL_CRITERIA,
    ExitOutcome,
    ExitView,
    ReferralDecided,
    ReferralDecision,
    ReferralNotice,
    ReferralPreview,
    ReferralView,
)
from bot.wording import plural
from handlers import kit
from handlers.ids import ActionId, BlockId, CallbackId, InputId
from handlers.metadata import seal
from handlers.replies import replaced_note
from handlers.text import day_with_year, escape, mention, quote, when

View = dict[str, Any]
Payload = dict[str, Any]
METHODS = (("written", "Written consent form"), ("verbal_witnessed", "Verbal, witnessed"))
OUTCOME_CHOICES = tuple(o for o in ExitOutcome if o is not ExitOutcome.REFERRAL_DECLINED)


def _option(value: str, label: str) -> dict[str, Any]:
    return {"text": kit.plain(label[:75]), "value": value}


def _input(block_id: str, label: str, element: dict[str, Any], *, optional: bool = False,
           hint: str = "") -> kit.Block:
    block: kit.Block = {"type": "input", "block_id": block_id, "label": kit.plain(label),
                        "element": element, "optional": optional}
    if hint:
        block["hint"] = kit.plain(hint)
    return block


def _modal(title: str, callback: str, blocks: list[kit.Block], metadata: dict[str, Any],
           submit: str) -> View:
    return {
        "type": "modal", "callback_id": callback, "title": kit.plain(title[:24]),
        "submit": kit.plain(submit[:24]), "close": kit.plain("Cancel"),
        "private_metadata": seal(callback, metadata), "blocks": blocks[: kit.VIEW_BLOCKS],
    }


def refer_modal(*, group_id: int, group: str, agencies: tuple[tuple[int, str], ...],
                group_agency_ids: tuple[int, ...], own_agency_id: int) -> View:
    """The referral form: no field asks for a name or any other identifying detail."""
    all_options = [_option(str(i), name) for i, name in agencies]
    own = next((o for o in all_options if o["value"] == str(own_agency_id)), None)
    agency_select: dict[str, Any] = {"type": "static_select", "action_id": InputId.AGENCY,
                                     "options": all_options[:100]}
    if own:
        agency_select["initial_option"] = own
    in_group = [o for o in all_options if int(o["value"]) in group_agency_ids] or all_options
    blocks = [
        kit.section(
            f"Refer a client to *{escape(group)}*. Give *no names or other identifying "
            "details* here: the client gets a case code, and the secretariat adds their "
            "details from the register."
        ),
        _input(BlockId.REFER_AGENCY, "Referring agency", agency_select),
        _input(BlockId.REFER_KEY_WORKER, "Key worker",
               {"type": "users_select", "action_id": InputId.OWNER,
                "placeholder": kit.plain("A member of the group")}),
        _input(BlockId.REFER_CRITERIA, "Why the group? (at least one)",
               {"type": "checkboxes", "action_id": InputId.CHOICES,
                "options": [_option(c.value, label) for c, label in REFERRAL_CRITERIA.items()]}),
        _input(BlockId.REFER_SUMMARY, "Short summary of needs",
               {"type": "plain_text_input", "action_id": InputId.TEXT, "multiline": True,
                "max_length": 1000,
                "placeholder": kit.plain("e.g. sleeping rough, DV history, needs MH support")},
               hint="Identifying details are removed before anyone sees it; you check it "
                    "next."),
        _input(BlockId.REFER_CONSENT, "Has the client given informed consent?",
               {"type": "radio_buttons", "action_id": InputId.CHOICE,
                "options": [_option("yes", "Yes"), _option("no", "No")]}),
        _input(BlockId.REFER_CONSENT_DATE, "Consent date",
               {"type": "datepicker", "action_id": InputId.DATE}),
        _input(BlockId.REFER_CONSENT_METHOD, "How consent was given",
               {"type": "static_select", "action_id": InputId.CHOICE,
                "options": [_option(v, label) for v, label in METHODS],
                "initial_option": _option(*METHODS[0])}),
        _input(BlockId.REFER_AGENCIES, "Agencies the consent covers",
               {"type": "multi_static_select", "action_id": InputId.CHOICES,
                "options": in_group[:100]}, optional=True,
               hint="The referring agency is always covered."),
        _input(BlockId.REFER_REVIEW, "Consent review date",
               {"type": "datepicker", "action_id": InputId.DATE}, optional=True),
    ]
    return _modal("Refer a client", CallbackId.REFER_MODAL, blocks, {"group": group_id},
                  "Check")


def refer_check_modal(preview: ReferralPreview, form: dict[str, Any]) -> View:
    """The referrer's check: the summary as the group will see it, before anything is saved."""
    note = replaced_note(preview.replaced, "Taken out")
    blocks = [
        kit.section("*This is what the group will see:*\n" + quote(preview.summary)),
    ]
    if note:
        blocks.append(kit.context(note))
    blocks.append(_input(
        BlockId.REFER_HIDE, "Anything else that identifies the client?",
        {"type": "plain_text_input", "action_id": InputId.TEXT, "max_length": 300,
         "placeholder": kit.plain("words to take out, separated by commas")},
        optional=True, hint="Leave empty and press Refer to save the referral.",
    ))
    return _modal("Check the referral", CallbackId.REFER_CHECK_MODAL, blocks,
                  {**form, "summary": preview.summary}, "Refer")


def referral_lines(r: ReferralView) -> list[str]:
    criteria = "; ".join(r.criteria_labels) or "—"
    lines = [f"Referred by {mention(r.referrer)} ({escape(r.agency)}) · {criteria}"]
    if r.summary:
        lines.append(quote(r.summary))
    if r.decision is ReferralDecision.MORE_INFO:
        lines.append("_More information was asked for"
                     + (f": {escape(r.decision_reason)}_" if r.decision_reason else "._"))
    return lines


def decision_buttons(case_code: str) -> kit.Block:
    return kit.actions(
        kit.button("Accept", ActionId.REFERRAL_ACCEPT, case_code, style="primary"),
        kit.button("Decline", ActionId.REFERRAL_DECLINE, case_code, style="danger"),
        kit.button("More information needed", ActionId.REFERRAL_MORE_INFO, case_code),
        block_id=f"referral_{case_code}"[:255],
    )


def decline_modal(case_code: str) -> View:
    blocks = [
        kit.section(f"Decline the referral of *{case_code}*. The referrer is told why."),
        _input(BlockId.DECLINE_REASON, "Reason",
               {"type": "plain_text_input", "action_id": InputId.TEXT, "multiline": True,
                "max_length": 500}),
    ]
    return _modal("Decline referral", CallbackId.DECLINE_MODAL, blocks, {"code": case_code},
                  "Decline")


def exit_modal(case_code: str, today: dt.date) -> View:
    blocks = [
        kit.section(f"*{case_code}* leaves the group's list: open actions close and the client "
                    "leaves the agenda."),
        _input(BlockId.EXIT_OUTCOME, "Outcome",
               {"type": "static_select", "action_id": InputId.CHOICE,
                "options": [_option(o.value, EXIT_OUTCOMES[o]) for o in OUTCOME_CHOICES]}),
        _input(BlockId.EXIT_DATE, "Date",
               {"type": "datepicker", "action_id": InputId.DATE,
                "initial_date": today.isoformat()}),
        _input(BlockId.EXIT_NOTE, "Short note",
               {"type": "plain_text_input", "action_id": InputId.TEXT, "multiline": True,
                "max_length": 500}, optional=True,
               hint="Identifying details are removed before it is saved."),
    ]
    return _modal("Exit a client", CallbackId.EXIT_MODAL, blocks, {"code": case_code}, "Exit")


# --- messages ---------------------------------------------------------------------------------


def referral_notice(n: ReferralNotice) -> Payload:
    r = n.referral
    text = (
        f"🆕 New referral *{r.case_code}* to *{escape(r.group)}* from {mention(r.referrer)} "
        f"({escape(r.agency)}). Please add the client's details from the command line:\n"
        f"`casebot referrals details {r.case_code}`"
    )
    return {"text": f"New referral {r.case_code}: details to add", "blocks": [kit.section(text)]}


DECIDED = {
    ReferralDecision.ACCEPTED: "✅ accepted: the client is now on the group's list",
    ReferralDecision.DECLINED: "declined",
    ReferralDecision.MORE_INFO: "not decided yet: the group needs more information. It comes "
                                "back at the next meeting",
}


def referral_decided(d: ReferralDecided) -> Payload:
    r = d.referral
    where = f" at the meeting of {when(d.meeting)}" if d.meeting else ""
    text = f"Your referral *{r.case_code}* to *{escape(r.group)}* was {DECIDED[d.decision]}{where}."
    if d.reason:
        text += "\n" + quote(d.reason)
    text += f"\n— {mention(d.decided_by)}"
    return {"text": f"Referral {r.case_code}: {DECIDED[d.decision].split(':')[0].lstrip('✅ ')}",
            "blocks": [kit.section(piece) for piece in kit.split_text(text)]}


def referral_saved(r: ReferralView) -> Payload:
    text = (
        f"✅ Referred to *{escape(r.group)}* as *{r.case_code}*. The secretariat has been asked "
        "to add the client's details; the referral comes first on the next agenda."
    )
    return {"text": f"Referred as {r.case_code}", "blocks": [kit.section(text)]}


def decision_receipt(d: ReferralDecided) -> str:
    return f"{d.referral.case_code}: referral {DECIDED[d.decision].split(':')[0]}. " \
           f"{mention(d.referral.referrer)} has been told."


def exit_saved(e: ExitView) -> Payload:
    text = (f"*{e.case_code}* exited on {day_with_year(e.exited_on)}: {e.outcome_label}. "
            f"{plural(e.actions_closed, 'open action')} closed; the client leaves the agenda.")
    if e.note:
        text += "\n" + quote(e.note)
    return {"text": f"{e.case_code} exited", "blocks": [kit.section(text)]}
