"""Modals and the App Home tab (at most 100 blocks; titles at most 24 characters)."""

from __future__ import annotations

from typing import Any

from bot.domain import ActionView, DraftView, HomeView, MeetingRef, RestoreChoices
from handlers import kit
from handlers.ids import ActionId, BlockId, CallbackId, InputId
from handlers.metadata import seal
from handlers.replies import preview_lines, replaced_note
from handlers.text import day_with_year, due_of, escape, mention, when

View = dict[str, Any]
HOME_ACTIONS = 30


def _modal(
    title: str,
    callback: str,
    blocks: list[kit.Block],
    metadata: dict[str, Any],
    submit: str = "Save",
) -> View:
    return {
        "type": "modal",
        "callback_id": callback,
        "title": kit.plain(title[:24]),
        "submit": kit.plain(submit[:24]),
        "close": kit.plain("Cancel"),
        "private_metadata": seal(callback, metadata),
        "blocks": blocks[: kit.VIEW_BLOCKS],
    }


def _text_input(
    block_id: str,
    label: str,
    *,
    initial: str = "",
    hint: str = "",
    placeholder: str = "",
    max_length: int = 2500,
    optional: bool = False,
) -> kit.Block:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": InputId.TEXT,
        "multiline": True,
        "max_length": max_length,
    }
    if initial:
        element["initial_value"] = initial[:max_length]
    if placeholder:
        element["placeholder"] = kit.plain(placeholder[:150])
    block: kit.Block = {
        "type": "input",
        "block_id": block_id,
        "label": kit.plain(label),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = kit.plain(hint)
    return block


def _code_input(case_code: str | None) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": InputId.CODE,
        "max_length": 20,
        "placeholder": kit.plain("U1R-014"),
    }
    if case_code:
        element["initial_value"] = case_code
    return element


def update_modal(
    *,
    case_code: str,
    meeting: MeetingRef | None,
    initial: str = "",
    update_id: int | None = None,
    draft_id: int | None = None,
) -> View:
    where = f" for *{escape(meeting.group)}* on *{when(meeting)}*" if meeting else ""
    blocks = [
        kit.section(f"Update on *{case_code}*{where}."),
        _text_input(
            BlockId.UPDATE_TEXT,
            "What has happened since the last meeting?",
            initial=initial,
            placeholder="e.g. moved into transitional housing, needs furniture",
            hint="Use the case code, not names: identifying details are removed before the "
            "group sees it.",
        ),
    ]
    metadata = {"code": case_code, "update": update_id, "draft": draft_id}
    title = "Edit update" if update_id else "Add update"
    return _modal(title, CallbackId.UPDATE_MODAL, blocks, metadata)


def action_modal(
    *,
    case_code: str | None,
    initial_text: str = "",
    channel_id: str | None = None,
    owner: str | None = None,
) -> View:
    code_input = _code_input(case_code)
    owner_select: dict[str, Any] = {
        "type": "users_select",
        "action_id": InputId.OWNER,
        "placeholder": kit.plain("Who will do it?"),
    }
    if owner:
        owner_select["initial_user"] = owner
    blocks = [
        {
            "type": "input",
            "block_id": BlockId.ACTION_CLIENT,
            "label": kit.plain("Client case code"),
            "element": code_input,
        },
        {
            "type": "input",
            "block_id": BlockId.ACTION_OWNER,
            "label": kit.plain("Owner"),
            "element": owner_select,
        },
        _text_input(
            BlockId.ACTION_TEXT,
            "What needs doing?",
            initial=initial_text,
            max_length=1000,
            placeholder="e.g. call the housing provider about the bond",
        ),
        {
            "type": "input",
            "block_id": BlockId.ACTION_DUE,
            "label": kit.plain("Due"),
            "optional": True,
            "hint": kit.plain("Leave empty: due at the next meeting."),
            "element": {"type": "datepicker", "action_id": InputId.DUE},
        },
    ]
    return _modal("New action", CallbackId.ACTION_MODAL, blocks, {"channel": channel_id})


def progress_modal(action: ActionView) -> View:
    blocks = [
        kit.section(f"*{action.case_code}* · {escape(action.text)}\nDue {due_of(action)}"),
        _text_input(
            BlockId.PROGRESS_TEXT,
            "Progress so far",
            max_length=1500,
            placeholder="e.g. left a message with the tenancy officer",
        ),
    ]
    return _modal("Add progress", CallbackId.PROGRESS_MODAL, blocks, {"action": action.id})


def home(view: HomeView) -> View:
    if not view.is_member:
        blocks = [
            kit.header("Casebot"),
            kit.section(
                "Casebot helps case coordination groups run their meetings. You're not set up "
                "yet: ask your group's secretariat to add you."
            ),
        ]
        return {"type": "home", "blocks": blocks}
    blocks: list[kit.Block] = [kit.header("Your case coordination")]
    if view.leave:
        periods = "; ".join(
            f"{day_with_year(p.starts_on)} to {day_with_year(p.ends_on)}" for p in view.leave
        )
        blocks.append(kit.context(f"🌴 On leave: {periods}. `/casebot away clear` to end it."))
    meetings = "\n".join(f"• *{escape(m.group)}*: {when(m)}" for m in view.meetings)
    blocks.append(kit.section("*Next meetings*\n" + (meetings or "_None scheduled._")))
    clients = ", ".join(view.clients) or "_none_"
    blocks.append(kit.section(f"*Your clients*\n{clients}"))
    blocks.append(kit.divider())
    blocks.append(
        kit.section(
            f"*Your open actions* ({len(view.actions)})"
            if view.actions
            else "*Your open actions*\n_Nothing open. Well done!_"
        )
    )
    for action in view.actions[:HOME_ACTIONS]:
        flag = " · ⚠️ *overdue*" if action.overdue else ""
        blocks.append(
            kit.section(
                f"*{action.case_code}* · {escape(action.text)}\nDue {due_of(action)}{flag} · "
                f"from {mention(action.created_by) if action.created_by else 'the group'}",
                accessory=kit.button("Done", ActionId.HOME_ACTION_DONE, str(action.id)),
            )
        )
    if len(view.actions) > HOME_ACTIONS:
        blocks.append(kit.context(f"…and {len(view.actions) - HOME_ACTIONS} more."))
    return {"type": "home", "blocks": blocks[: kit.VIEW_BLOCKS]}


def preview_modal(p: DraftView) -> View:
    """The form's second screen: the de-identified text to confirm, and words to hide."""
    blocks = [
        kit.section(preview_lines(p)),
        kit.context(replaced_note(p.replaced, "Replaced (in bold)")
                    or "Nothing needed replacing."),
    ]
    if p.restorable:  # a harmless word hidden by mistake: chosen in a form pushed on this one
        blocks.append(kit.actions(kit.button("Not identifying", ActionId.DRAFT_KEEP,
                                             str(p.draft_id))))
    blocks += [
        {
            "type": "input", "block_id": BlockId.PREVIEW_HIDE, "optional": True,
            "label": kit.plain("Anything else that could identify someone?"),
            "hint": kit.plain("Words or phrases, separated by commas. They are hidden here and "
                              "from now on for this client."),
            "element": {"type": "plain_text_input", "action_id": InputId.TEXT,
                        "max_length": 600},
        },
    ]
    title = "Check the update" if p.kind == "update" else "Check the action"
    return _modal(title, CallbackId.PREVIEW_MODAL, blocks, {"draft": p.draft_id},
                  submit="Confirm")


def hide_words_modal(draft_id: int) -> View:
    blocks = [
        _text_input(BlockId.PREVIEW_HIDE, "Words to hide", max_length=600,
                    placeholder="e.g. Bronny, the Banksia flats",
                    hint="Separated by commas. They are hidden here and from now on for this "
                    "client."),
    ]
    metadata = {"draft": draft_id}
    return _modal("Hide more words", CallbackId.HIDE_MODAL, blocks, metadata, submit="Hide")


KEEP_OPTIONS = 100  # Slack's most options in a select


def keep_words_modal(choices: RestoreChoices) -> View:
    """The replaced words of a draft, for its author alone (a modal is kept in no history):
    choose one to show again. Option values are positions in the list, never the word."""
    metadata = {"draft": choices.draft_id, "v": choices.version}
    if not choices.words:
        blocks = [kit.section(
            "Nothing here can be shown again: every replacement stands for a registered "
            "client's details."
        )]
        view = _modal("Not identifying", CallbackId.KEEP_MODAL, blocks, metadata)
        view.pop("submit")
        view["close"] = kit.plain("Close")
        return view
    options = [
        {"text": kit.plain(kit.truncate(word, kit.BUTTON_TEXT)), "value": str(i)}
        for i, word in enumerate(choices.words[:KEEP_OPTIONS])
    ]
    blocks = [
        kit.section(
            f"Which word in your draft on *{choices.case_code}* was hidden but identifies no "
            "one? It is shown again in this draft. A word that is part of a registered client's "
            "details always stays hidden."
        ),
        {
            "type": "input", "block_id": BlockId.KEEP_WORD,
            "label": kit.plain("Not identifying"),
            "element": {"type": "static_select", "action_id": InputId.WORD,
                        "placeholder": kit.plain("Choose a word"), "options": options},
            "hint": kit.plain("Only you see this list. Your group may also allow the word from "
                              "now on."),
        },
    ]
    return _modal("Not identifying", CallbackId.KEEP_MODAL, blocks, metadata, submit="Show it")


def keep_done_modal(text: str) -> View:
    """What became of a restored word (the preview in the DM is already updated)."""
    view = _modal("Not identifying", CallbackId.KEEP_MODAL, [kit.section(text)], {})
    view.pop("submit")
    view["close"] = kit.plain("Done")
    return view


def present_modal(channel: str, initial: list[str]) -> View:
    """Who is actually in the room (pre-filled from the prompts' answers)."""
    element: dict[str, Any] = {
        "type": "multi_users_select",
        "action_id": InputId.USERS,
        "placeholder": kit.plain("Everyone in the room or on the call"),
    }
    if initial:
        element["initial_users"] = initial[:100]
    blocks = [
        kit.section("Tick who is here. Anyone not ticked shows in the minutes as absent."),
        {"type": "input", "block_id": BlockId.PRESENT, "optional": True,
         "label": kit.plain("Here today"), "element": element},
    ]
    return _modal("Who's here?", CallbackId.PRESENT_MODAL, blocks, {"channel": channel})


RECORD_PLACEHOLDER = {
    "decision": "e.g. the group agrees to refer to the mental health outreach team",
    "note": "e.g. waiting on the housing provider's answer",
}


def record_modal(*, kind: str, case_code: str | None, channel_id: str, initial_text: str = "",
                 record_id: int | None = None) -> View:
    """A decision or a note for the meeting's minutes."""
    code_input = _code_input(case_code)
    blocks = [
        {"type": "input", "block_id": BlockId.RECORD_CLIENT, "optional": True,
         "label": kit.plain("Client case code"), "element": code_input,
         "hint": kit.plain("Empty: the client on screen.")},
        _text_input(BlockId.RECORD_TEXT, f"The {kind}", initial=initial_text, max_length=1000,
                    placeholder=RECORD_PLACEHOLDER.get(kind, ""),
                    hint="Use the case code, not names: identifying details are removed."),
    ]
    if record_id is not None:  # correcting an entry: its client stays
        blocks = [kit.section(f"Correcting a {kind} for *{case_code}*."), blocks[1]]
        title = "Edit the decision" if kind == "decision" else "Edit the note"
    else:
        title = "Record a decision" if kind == "decision" else "Add a note"
    data = {"channel": channel_id, "kind": kind, "record": record_id}
    return _modal(title, CallbackId.RECORD_MODAL, blocks, data)
