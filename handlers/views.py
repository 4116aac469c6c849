"""Modals and the App Home tab (at most 100 blocks; titles at most 24 characters)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.domain import (
    ActionView,
    AttendanceResponse,
    ChampionProgress,
    ClientStatus,
    DraftView,
    HomeClient,
    HomeView,
    MeetingRef,
    Readiness,
    RestoreChoices,
)
from handlers import kit
from handlers.ids import ActionId, BlockId, CallbackId, InputId
from handlers.metadata import seal
from handlers.replies import preview_lines, replaced_note, role_help
from handlers.text import day, day_with_year, due_of, escape, mention, plural, truncate, when

View = dict[str, Any]


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


def working_modal(title: str, text: str) -> View:
    """What a submitted form shows while its answer is worked out: no button but Close."""
    return {"type": "modal", "title": kit.plain(title[:24]), "close": kit.plain("Close"),
            "blocks": [kit.section(text)]}


def problem_modal(title: str, message: str) -> View:
    """A submitted form refused after it was answered (nothing was saved). Casebot's own words
    only: what the person typed is never sent back to Slack."""
    return {"type": "modal", "title": kit.plain(title[:24]), "close": kit.plain("Close"),
            "blocks": [kit.section(f"⚠️ {escape(message)}"),
                       kit.context("Nothing from this form was saved.")]}


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


# Paging on the Home tab (Slack allows 100 blocks): each list shows a page at a time, with
# "Show more" / "Back to the start" buttons whose value is "<list>:<page>".
HOME_PAGE_SIZES = {"actions": 10, "clients": 15, "mentees": 10}
HOME_GROUPS = 4  # readiness shown for at most this many groups
HOME_CHECKLISTS = 2
HOME_CHECKLIST_ITEMS = 10
HOME_CODES = 15  # case codes listed in one readiness line


def home(view: HomeView, pages: Mapping[str, int] | None = None) -> View:
    """The App Home by role; ``pages``: which page of each list to show (default the first)."""
    if not view.is_member:
        blocks = [
            kit.header("Casebot"),
            kit.section(
                "Casebot helps case coordination groups run their meetings. You're not set up "
                "yet: ask your group's secretariat to add you."
            ),
        ]
        return {"type": "home", "blocks": blocks}
    pages = pages or {}
    blocks: list[kit.Block] = [kit.header("Your case coordination")]
    if view.leave:
        periods = "; ".join(
            f"{day_with_year(p.starts_on)} to {day_with_year(p.ends_on)}" for p in view.leave
        )
        blocks.append(kit.context(f"🌴 On leave: {periods}. `/casebot away clear` to end it."))
    blocks.append(kit.section("*Next meetings*\n" + (
        "\n".join(_meeting_line(m, view.answers.get(m.id)) for m in view.meetings)
        or "_None scheduled._")))
    blocks += _home_clients(view, pages.get("clients", 0))
    blocks.append(kit.divider())
    blocks += _home_actions(view, pages.get("actions", 0))
    if view.readiness:
        blocks += [kit.divider(), kit.section("*Coming agendas*")]
        blocks += [kit.section(_readiness_text(r)) for r in view.readiness[:HOME_GROUPS]]
        if len(view.readiness) > HOME_GROUPS:
            blocks.append(kit.context(f"…and {len(view.readiness) - HOME_GROUPS} more groups."))
    if view.checklist:
        blocks.append(kit.divider())
        for progress in view.checklist[:HOME_CHECKLISTS]:
            blocks += _checklist(progress)
    if view.mentees:
        blocks += [kit.divider(), *_home_mentees(view, pages.get("mentees", 0))]
    blocks += [kit.divider(), kit.section("*How this works*")]
    blocks += [kit.section(part) for part in kit.split_text(role_help(view.roles))]
    return {"type": "home", "blocks": blocks[: kit.VIEW_BLOCKS]}


_ANSWERED = {
    AttendanceResponse.ATTENDING: "you said you'll be there",
    AttendanceResponse.APOLOGIES: "you sent apologies",
}


def _meeting_line(m: MeetingRef, answer: AttendanceResponse | None) -> str:
    said = _ANSWERED.get(answer, "_not answered yet_") if answer else "_not answered yet_"
    return f"• *{escape(m.group)}*: {when(m)} · {said}"


def _page(items: Sequence[Any], name: str, page: int) -> tuple[Sequence[Any], kit.Block | None]:
    """One page of ``items`` and, if there are others, the buttons to move between pages."""
    size = HOME_PAGE_SIZES[name]
    last = max(0, (len(items) - 1) // size)
    page = min(max(page, 0), last)
    nav = None
    if page < last:
        nav = kit.actions(kit.button("Show more", ActionId.HOME_PAGE, f"{name}:{page + 1}"),
                          block_id=f"page-{name}")
    elif page > 0:  # the last page: back to the first (one button a block: one action id)
        nav = kit.actions(kit.button("Back to the start", ActionId.HOME_PAGE, f"{name}:0"),
                          block_id=f"page-{name}")
    return items[page * size:(page + 1) * size], nav


def _client_line(c: HomeClient) -> str:
    tag = " · 🆕 new referral" if c.status is ClientStatus.REFERRED else ""
    if c.withheld:
        return f"• *{c.case_code}*{tag} · 🔒 _no current consent: case code only_"
    if c.latest is not None and c.latest_on is not None:
        return f"• *{c.case_code}*{tag} · {truncate(escape(c.latest), 120)} ({day(c.latest_on)})"
    since = f" since {day_with_year(c.since)}" if c.since else " yet"
    return f"• *{c.case_code}*{tag} · _no update{since}_"


def _home_clients(view: HomeView, page: int) -> list[kit.Block]:
    if not view.clients:
        return [kit.section("*Your clients*\n_none_")]
    shown, nav = _page(view.clients, "clients", page)
    text = f"*Your clients* ({len(view.clients)})\n" + "\n".join(_client_line(c) for c in shown)
    return [kit.section(text), *([nav] if nav else [])]


def _home_actions(view: HomeView, page: int) -> list[kit.Block]:
    if not view.actions:
        return [kit.section("*Your open actions*\n_Nothing open. Well done!_")]
    blocks = [kit.section(f"*Your open actions* ({len(view.actions)})")]
    shown, nav = _page(view.actions, "actions", page)
    for action in shown:
        flag = " · ⚠️ *overdue*" if action.overdue else ""
        blocks.append(kit.section(
            f"*{action.case_code}* · {escape(action.text)}\nDue {due_of(action)}{flag} · "
            f"from {mention(action.created_by) if action.created_by else 'the group'}"))
        blocks.append(kit.actions(
            kit.button("Done", ActionId.HOME_ACTION_DONE, str(action.id), style="primary"),
            kit.button("Add progress", ActionId.ACTION_PROGRESS, str(action.id)),
            block_id=f"home-action-{action.id}",
        ))
    return blocks + ([nav] if nav else [])


def _codes(codes: Sequence[str]) -> str:
    more = f" and {len(codes) - HOME_CODES} more" if len(codes) > HOME_CODES else ""
    return ", ".join(codes[:HOME_CODES]) + more


def _readiness_text(r: Readiness) -> str:
    head = f"*{escape(r.group)}*" + (f" · {when(r.meeting)}" if r.meeting else "")
    lines = [
        head,
        f"Updates in for {r.updated} of {r.clients} clients · "
        f"{plural(r.apologies, 'apology', 'apologies')}",
    ]
    if r.nothing_new:
        lines.append(f"Nothing new yet: {_codes(r.nothing_new)}")
    if r.referrals:
        lines.append(f"🆕 New referrals: {_codes(r.referrals)}")
    if r.overdue:
        more = f" and {len(r.overdue) - 8} more agencies" if len(r.overdue) > 8 else ""
        lines.append("⚠️ Overdue actions: " + ", ".join(
            f"{escape(agency)} {count}" for agency, count in r.overdue[:8]) + more)
    else:
        lines.append("No overdue actions.")
    return "\n".join(lines)


def _checklist(p: ChampionProgress) -> list[kit.Block]:
    """The champion's own checklist: a tick and a help button per open item."""
    done = f"{p.done} of {len(p.items)} done"
    status = f" · completed {day_with_year(p.completed_on)}" if p.completed_on else ""
    blocks: list[kit.Block] = [kit.section(
        f"*Your onboarding as the champion for {escape(p.agency)}* in {escape(p.group)}: "
        f"{done}{status}" + (f" · mentor {mention(p.mentor)}" if p.mentor else ""))]
    open_items = [i for i in p.items if i.key not in p.ticked]
    champion = _champion_id(p)
    for item in open_items[:HOME_CHECKLIST_ITEMS]:
        value = f"{champion}:{item.key}"
        buttons = [kit.button(f"☐ {item.title}", ActionId.ONBOARDING_TICK, value)]
        if item.help:
            buttons.append(kit.button("Help", ActionId.ONBOARDING_HELP, value))
        blocks.append(kit.actions(*buttons, block_id=f"tick-{champion}-{item.key}"[:255]))
    if len(open_items) > HOME_CHECKLIST_ITEMS:
        blocks.append(kit.context(f"…and {len(open_items) - HOME_CHECKLIST_ITEMS} more items."))
    ticked = [i.title for i in p.items if i.key in p.ticked]
    if ticked:
        blocks.append(kit.context(truncate("✅ " + escape("; ".join(ticked)), 2000)))
    return blocks


def _champion_id(p: ChampionProgress) -> str:
    """The champion row's id the buttons carry (a member may champion in several groups)."""
    return str(p.champion_id)


def _home_mentees(view: HomeView, page: int) -> list[kit.Block]:
    blocks = [kit.section(f"*Your mentees* ({len(view.mentees)})")]
    shown, nav = _page(view.mentees, "mentees", page)
    for p in shown:
        last = p.last_progress_on or p.started_on
        state = (f"completed {day_with_year(p.completed_on)}" if p.completed_on
                 else f"last progress {day_with_year(last)}")
        nudge = (None if p.completed_on else
                 kit.button("Nudge", ActionId.MENTEE_NUDGE, _champion_id(p)))
        blocks.append(kit.section(
            f"{mention(p.champion)} · {escape(p.agency)} · {escape(p.group)}\n"
            f"{p.done} of {len(p.items)} done · {state}", accessory=nudge))
    return blocks + ([nav] if nav else [])


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
