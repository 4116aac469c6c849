"""Immediate replies: receipts, help, and edits to messages after a button is pressed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.domain import (
    ActionRecorded,
    ActionView,
    DraftView,
    LeavePeriod,
    MeetingChange,
    Minutes,
    Presenter,
    ReassignRequest,
    RecordView,
    Role,
    UpdateReceipt,
)
from bot.services import reschedule
from handlers import kit
from handlers.ids import COMMAND, ActionId, BlockId
from handlers.text import (
    day,
    day_with_year,
    due_day,
    due_of,
    escape,
    marked,
    mention,
    plural,
    quote,
    when,
)

Payload = dict[str, Any]

KIND_NAMES = {
    "name": "name",
    "person": "someone else's name",
    "tfn": "tax file number",
    "id": "ID number",
    "url": "link",
    "dob": "date of birth",
    "address": "address",
    "phone": "phone number",
    "email": "email",
    "medicare": "Medicare number",
    "crn": "CRN",
}


def replaced_note(kinds: tuple[str, ...], lead: str = "Replaced before saving") -> str:
    if not kinds:
        return ""
    names = ", ".join(KIND_NAMES.get(k, k) for k in kinds)
    return f"🔒 {lead}: {names}."


def update_receipt(receipt: UpdateReceipt, *, via_dm: bool) -> Payload:
    u, m = receipt.update, receipt.meeting
    verb = "updated" if receipt.edited else "saved"
    lines = [
        f"✅ Update for *{u.case_code}* {verb} for *{escape(m.group)}* on *{when(m)}*:",
        quote(u.text),
    ]
    note = replaced_note(receipt.replaced)
    blocks = [
        kit.section("\n".join(lines), accessory=kit.button("Edit", ActionId.UPDATE_EDIT, str(u.id)))
    ]
    if note:
        blocks.append(kit.context(note))
    if via_dm:
        blocks.append(
            kit.context(
                "Next time, try the *Add update* button in my message: what you type in this DM "
                "stays in Slack's history, but text typed in the form does not."
            )
        )
    return {"text": f"Update for {u.case_code} {verb}", "blocks": blocks}


def edit_not_seen() -> Payload:
    text = (
        "I saw you edit a message, but I can't pick up edits. To change an update, use the "
        "*Edit* button under my receipt, or send it again."
    )
    return {"text": text, "blocks": [kit.section(text)]}


def _preview_lines(p: DraftView) -> list[str]:
    what = "update" if p.kind == "update" else "action"
    where = f" for *{escape(p.meeting.group)}* on *{when(p.meeting)}*" if p.meeting else ""
    lines = [f"Here is your {what} on *{p.case_code}*{where}, as the group will see it:"]
    lines.append("\n".join("> " + line for line in marked(p.text, p.spans).splitlines()))
    if p.kind == "action" and p.owner:
        due = f", due {due_day(p.due_on, p.today)}" if p.due_on else ""
        lines.append(f"Owner {mention(p.owner)}{due}")
    return lines


def preview(p: DraftView) -> Payload:
    """The DM version: Confirm, Edit, or hide more words."""
    note = replaced_note(p.replaced, "Replaced (in bold)") or "Nothing needed replacing."
    value = str(p.draft_id)
    buttons = [
        kit.button("Confirm", ActionId.DRAFT_CONFIRM, value, style="primary"),
        kit.button("Edit", ActionId.DRAFT_EDIT, value),
        kit.button("Hide more words", ActionId.DRAFT_HIDE, value),
    ]
    if p.restorable:
        note += " A harmless word hidden by mistake? Press *Not identifying*."
        buttons.append(kit.button("Not identifying", ActionId.DRAFT_KEEP, value))
    blocks = [
        kit.section("\n".join(_preview_lines(p))),
        kit.context(note + " Anything else that could identify someone? Press *Hide more words*."),
        kit.actions(*buttons, block_id=BlockId.DRAFT_BUTTONS),
    ]
    return {"text": f"Check your {p.kind} on {p.case_code} before it is saved", "blocks": blocks}


def preview_lines(p: DraftView) -> str:
    return "\n".join(_preview_lines(p))


def dm_help(codes: list[str] | None = None) -> Payload:
    example = codes[0] if codes else "U1R-014"
    text = (
        f"To send an update for the next meeting, write the case code, a colon and your news, "
        f"e.g. `{example}: moved into transitional housing, needs furniture`. "
        "Or use the *Add update* buttons in my meeting message."
    )
    return {"text": text, "blocks": [kit.section(text)]}


HELP = f"""*Casebot* helps run case coordination meetings.
• `{COMMAND} action U1R-014 @owner call the housing provider by Friday` — record an action \
(dates: Friday, 3/12, 2026-12-03, tomorrow, in 2 weeks, next meeting; none: due at the next meeting)
• `{COMMAND} update U1R-014` — add an update for the next meeting
• `{COMMAND} away 2026-12-01 2026-12-14` — on leave: no prompts or nudges, shown as on leave
• `{COMMAND} away clear` — back from leave
• `{COMMAND} refer` — refer a client to the group (no names: the client gets a case code)
• `{COMMAND} exit U1R-014` — facilitators: a client leaves the list, with the outcome
• In a DM to me: `U1R-014: what has happened` adds an update.
*In the meeting* (in the group's channel):
• `{COMMAND} start`, `{COMMAND} next` (or `back`, `skip`), `{COMMAND} end` — facilitators and \
secretariat run the meeting; `end` posts the minutes
• `{COMMAND} decision U1R-014 refer to the outreach team` / `{COMMAND} note …` — leave out the \
case code for the client on screen; actions too: `{COMMAND} action @owner …`
• `{COMMAND} meeting move 2026-12-01 2026-12-03T14:00` / `meeting cancel 2026-12-01` — \
facilitators and secretariat
• `{COMMAND} report` — facilitators and secretariat: this month's figures, the full report by DM"""


def help_message() -> Payload:
    return {"text": "How to use Casebot", "blocks": [kit.section(HELP)]}


# Help by role (issue 14): what Casebot does, what it never does with client details, and the
# commands the reader's roles allow (docs/SECURITY.md has the full matrix).
ABOUT = (
    "*Casebot* helps your case coordination group run its meetings. Before each meeting it asks "
    "who will attend and, if you have clients on the agenda, for an update on each; it posts the "
    "de-identified agenda, runs the meeting client by client, posts the minutes and reminds "
    "owners of their actions."
)
PRIVACY = (
    "*Client details:* Casebot never puts a client's name, date of birth, address, phone, "
    "Medicare or Centrelink number into Slack. Clients are known by case code; every update, "
    "action and note is de-identified before anyone else sees it, and you see the preview first. "
    "Details stay in the encrypted register, opened only by the secretariat outside Slack, and "
    "every look is audited. A client without current consent is shown by case code only."
)
ALL_ROLES = frozenset(Role)
RUNS = frozenset({Role.FACILITATOR, Role.SECRETARIAT})
# (who may use it, the line) in the order shown; a line shows if the reader has any of its roles.
ROLE_LINES: tuple[tuple[frozenset[Role], str], ...] = (
    (frozenset({Role.WORKER, Role.CHAMPION}),
     f"`{COMMAND} update U1R-014` — an update on your client for the next meeting (or in a DM "
     "to me: `U1R-014: what has happened`)"),
    (ALL_ROLES,
     f"`{COMMAND} action U1R-014 @owner call the housing provider by Friday` — record an action "
     "(dates: Friday, 3/12, tomorrow, in 2 weeks, next meeting)"),
    (ALL_ROLES, f"`{COMMAND} refer` — refer a client to the group (no names: they get a case "
                "code)"),
    (ALL_ROLES, f"`{COMMAND} away 2026-12-01 2026-12-14` / `{COMMAND} away clear` — on leave: no "
                "prompts or nudges"),
    (ALL_ROLES, f"`{COMMAND} decision …` / `{COMMAND} note …` — in the meeting, for the client on "
                "screen"),
    (RUNS, f"`{COMMAND} start`, `next` / `back` / `skip`, `end` — run the meeting in the "
           "group's channel; `end` posts the minutes"),
    (RUNS, f"`{COMMAND} meeting move 2026-12-01 2026-12-03T14:00` / `{COMMAND} meeting cancel "
           "2026-12-01` — move or cancel one meeting"),
    (frozenset({Role.FACILITATOR}),
     f"`{COMMAND} exit U1R-014` — a client leaves the list, with the outcome"),
    (RUNS, f"`{COMMAND} champion @user Agency` — make someone their agency's champion; a mentor "
           "is paired with them"),
    (RUNS, f"`{COMMAND} report` — this month's figures so far, only to you; *Send me the full "
           "report* for the HTML file in a DM"),
    (frozenset({Role.SECRETARIAT}),
     "On the command line: `casebot client …` (the register and consent), `casebot group "
     "prompts`, `casebot champion add`, `casebot onboarding`, exports and reports"),
    (frozenset({Role.CHAMPION}),
     "Your onboarding checklist is on my *Home* tab: tick items as you go, *Help* explains each; "
     "attending, presenting and referring tick themselves"),
    (frozenset({Role.MENTOR}),
     "Your mentees' progress is on my *Home* tab, with *Nudge* to send one a reminder"),
)
ROLE_ORDER = (Role.WORKER, Role.FACILITATOR, Role.SECRETARIAT, Role.CHAMPION, Role.MENTOR)


def role_help(roles: frozenset[Role]) -> str:
    """What Casebot does, what it never does with client details, and the reader's commands."""
    if not roles:
        return (f"{ABOUT}\n\n{PRIVACY}\n\nYou're not set up in a group yet: ask your group's "
                "secretariat to add you.")
    named = ", ".join(r.value for r in ROLE_ORDER if r in roles)
    lines = [f"• {line}" for who, line in ROLE_LINES if who & roles]
    return f"{ABOUT}\n\n{PRIVACY}\n\n*What you can do* (as {named}):\n" + "\n".join(lines)


def role_help_message(roles: frozenset[Role]) -> Payload:
    """``/casebot help`` for the reader's roles."""
    return {"text": "How to use Casebot",
            "blocks": [kit.section(part) for part in kit.split_text(role_help(roles))]}


def action_recorded(a: ActionView, group_channel: str | None, asked_in: str | None = None) -> str:
    if group_channel and group_channel == asked_in:
        where = " and posted here"
    else:
        where = f" and posted in <#{group_channel}>" if group_channel else ""
    return (
        f"Recorded{where}: *{a.case_code}* · {escape(a.text)} — {mention(a.owner)}, "
        f"due {due_of(a)}. The owner gets a DM."
    )


def action_receipt(recorded: ActionRecorded, asked_in: str | None) -> Payload:
    """The recorder's receipt; in a running meeting it can be taken back."""
    if not recorded.live:
        return {"text": action_recorded(recorded.action, recorded.channel_id, asked_in)}
    a = recorded.action
    text = (
        f"Action recorded for *{a.case_code}*: {escape(a.text)} — {mention(a.owner)}, due "
        f"{due_of(a)}. It is on the meeting's screen; the owner gets it in one DM with their "
        "other new actions when the meeting ends."
    )
    button = kit.button("Remove", ActionId.RECORD_REMOVE, f"action:{recorded.action.id}",
                        style="danger")
    return {"text": text, "blocks": [kit.section(text, accessory=button)]}


def meeting_changed(change: MeetingChange) -> str:
    told = reschedule.who_is_told(change)
    if change.cancelled:
        return f"Cancelled. {told}"
    return f"Moved to {when(change.meeting)}. {told}"


def leave_set(period: LeavePeriod) -> str:
    return (
        f"You're on leave from *{day_with_year(period.starts_on)}* to "
        f"*{day_with_year(period.ends_on)}*: no prompts or nudges until then, and agendas show you "
        f"as on leave. `{COMMAND} away clear` ends it early."
    )


def leave_cleared(count: int) -> str:
    if count:
        return "Welcome back! Your leave is cleared; prompts and nudges resume."
    return "You had no leave set."


def _replace_block(
    blocks: list[dict[str, Any]], block_id: str, replacement: dict[str, Any]
) -> list[dict[str, Any]]:
    return [replacement if b.get("block_id") == block_id else b for b in blocks]


def after_done(blocks: list[dict[str, Any]], action: ActionView, by: str) -> list[dict[str, Any]]:
    """The message with the action's buttons replaced by a "done" line."""
    line = kit.context(f"✅ Done, marked by {mention(by)}.", block_id=f"action-{action.id}")
    return _replace_block(blocks, f"action-{action.id}", line)


def after_snooze(blocks: list[dict[str, Any]], until: dt.datetime) -> list[dict[str, Any]]:

    line = kit.context(
        f"💤 Snoozed. I'll remind you {day(until.date())} at {until:%H:%M}.",
        block_id=BlockId.NUDGE_FOOTER,
    )
    return _replace_block(blocks, BlockId.NUDGE_FOOTER, line)


def progress_saved(action: ActionView, note: str) -> Payload:
    text = f"📝 Progress noted on *{action.case_code}* · {escape(action.text)}:\n{quote(note)}"
    return {"text": f"Progress noted on {action.case_code}", "blocks": [kit.section(text)]}


def problem(message: str) -> Payload:
    # The only fallback text that may quote what someone typed (a mistyped case code): escaped
    # too, as Slack reads ``text`` for links and mentions when it shows the notification.
    return {"text": escape(message), "blocks": [kit.section(f"⚠️ {escape(message)}")]}


def reassign_prompt(request: ReassignRequest) -> Payload:
    """To a facilitator: one owner asks to hand an action on; pick the new owner."""
    a = request.action
    what = "🔒 _details withheld (consent)_" if request.withheld else escape(a.text)
    text = (
        f"{mention(request.asked_by)} asks for this action to be reassigned:\n"
        f"*{a.case_code}* · {what} (due {due_of(a)})\n"
        "Choose the new owner; they get a DM. The client's consent must name their agency."
    )
    picker = {
        "type": "users_select",
        "action_id": ActionId.ACTION_REASSIGN,
        "placeholder": kit.plain("Give it to…"),
    }
    blocks = [kit.section(text, accessory=picker, block_id=f"reassign-{a.id}")]
    return {"text": f"Reassign an action for {a.case_code}?", "blocks": blocks}


def reassigned(action: ActionView, by: str, *, withheld: bool = False) -> Payload:
    what = "🔒 _details withheld (consent)_" if withheld else escape(action.text)
    text = (
        f"✅ Reassigned to {mention(action.owner)} by {mention(by)}: *{action.case_code}* · "
        f"{what}. They get a DM."
    )
    return {"text": f"Reassigned an action for {action.case_code}", "blocks": [kit.section(text)]}


def handed_on(action: ActionView) -> Payload:
    """To the owner who asked: it is off their list."""
    text = (
        f"✅ *{action.case_code}* · {escape(action.text)} now belongs to {mention(action.owner)}. "
        "It's off your list."
    )
    return {"text": f"Your action for {action.case_code} was reassigned",
            "blocks": [kit.section(text)]}


def reassign_asked(count: int) -> str:
    who = "the facilitator" if count == 1 else f"the group's {count} facilitators"
    return f"I've asked {who} to reassign it. It stays yours until they do."


REMOVED = "Removed. (The change is kept in the audit log.)"


def recorded(view: RecordView, *, edited: bool = False) -> Payload:
    """The ephemeral receipt for a decision or note, with Edit and Remove while it is wrong."""
    label = "Decision" if view.kind == "decision" else "Note"
    done = "corrected" if edited else "recorded"
    text = f"{label} {done} for *{view.case_code}*: {escape(view.text)}"
    value = str(view.id)
    return {
        "text": f"{label} {done} for {view.case_code}",
        "blocks": [
            kit.section(text),
            kit.actions(
                kit.button("Edit", ActionId.RECORD_EDIT, value),
                kit.button("Remove", ActionId.RECORD_REMOVE, f"{view.kind}:{view.id}",
                           style="danger"),
            ),
        ],
    }


def meeting_started(p: Presenter) -> str:
    if not p.total:
        return "The meeting is open, but there are no clients on its agenda."
    return (
        f"The meeting is open: {plural(p.total, 'client')}, about {p.minutes_per_client} minutes "
        f"each. Step through with the buttons or `{COMMAND} next`; `{COMMAND} end` posts the "
        "minutes."
    )


def meeting_ended(m: Minutes) -> str:
    c = m.counts()
    carried = len(m.not_reached)
    more = (
        f" {plural(carried, 'client')} not reached {'goes' if carried == 1 else 'go'} first on "
        "the next agenda."
        if carried
        else ""
    )
    return (
        f"Meeting closed: {c['discussed']} of {c['clients']} clients discussed. The minutes are "
        f"posted and each owner gets one DM with their new actions.{more}"
    )
