"""Renders the cycle's messages (prompts, agenda, nudges, action notices) as Block Kit payloads.

Pure functions from domain objects; every piece of user text is escaped. Implements the
``Renderer`` port the services use to fill the outbox.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.domain import (
    ActionRecorded,
    ActionView,
    Agenda,
    AgendaItem,
    AttendanceResponse,
    ClientStatus,
    ConsentReview,
    Escalation,
    HolidayQuestion,
    MeetingChange,
    Minutes,
    Nudge,
    OwnerActions,
    Presenter,
    RecordView,
    TermQuestion,
    UpdatePrompt,
    UpdateReceipt,
)
from bot.validation import SLACK_USER
from handlers import kit, onboarding_views, referral_views, replies, report_views
from handlers.ids import ActionId, BlockId
from handlers.text import day, due_of, escape, mention, mentions, plural, quote, when

Payload = dict[str, Any]
# A prompt has at most 8 blocks of its own; clients take one block each and actions two, so
# clients + 2 × actions must stay within 42 to respect Slack's 50 blocks a message.
PROMPT_BUDGET = 42
PROMPT_ACTIONS = 8
NUDGE_ACTIONS = 20  # two blocks each


def prompt(p: UpdatePrompt) -> Payload:
    m = p.meeting
    lead = "Reminder: " if p.reminder else ""
    intro = f"{lead}*{escape(m.group)}* meets *{when(m)}*."
    blocks = [kit.section(intro + "\nWill you be there?")]
    answered = {
        AttendanceResponse.ATTENDING: "You said *you'll be there*. Thanks!",
        AttendanceResponse.APOLOGIES: "You sent *apologies*. Thanks for letting us know.",
    }
    if p.attendance is not None:
        blocks.append(kit.context(answered[p.attendance] + " You can still change your answer."))
    value = str(m.id)
    blocks.append(
        kit.actions(
            kit.button("I'll be there", ActionId.ATTEND, value, style="primary"),
            kit.button("Send apologies", ActionId.APOLOGISE, value),
            block_id=BlockId.PROMPT_ANSWER,
        )
    )
    shown_actions = p.actions[:PROMPT_ACTIONS]
    room = min(40, PROMPT_BUDGET - 2 * len(shown_actions))
    if p.clients:
        blocks.append(
            kit.section(
                "*Your clients on the agenda.* Press *Add update* for each one "
                "(or reply here with `CASE-CODE: what has happened`)."
            )
        )
        for client in p.clients[:room]:
            note = "new referral · " if client.status is ClientStatus.REFERRED else ""
            so_far = (
                plural(client.updates, "update") + " so far" if client.updates else "no update yet"
            )
            blocks.append(
                kit.section(
                    f"*{client.case_code}* · {note}{so_far}",
                    accessory=kit.button(
                        "Add update", ActionId.UPDATE_OPEN, f"{m.id}|{client.case_code}"
                    ),
                )
            )
        hidden = len(p.clients) - room
        if hidden > 0:
            codes = ", ".join(c.case_code for c in p.clients[room:])
            blocks.append(kit.section(f"…and {hidden} more: {codes}. Reply with `CODE: update`."))
    if p.actions:
        blocks.append(kit.section(f"*Your open actions* ({len(p.actions)})"))
        for a in shown_actions:
            blocks.append(kit.section(_action_summary(a, p.today or a.due_on)))
            blocks.append(action_buttons(a))
        if len(p.actions) > len(shown_actions):
            more = len(p.actions) - len(shown_actions)
            blocks.append(kit.context(f"…and {more} more on Casebot's *Home* tab."))
    if p.attendance_only:
        # Nothing of theirs to update or act on: no update prompt, and no reminder will follow.
        blocks.append(kit.context("You have no clients or open actions in this group, so this "
                                  "is all I need from you for this meeting."))
    else:
        blocks.append(
            kit.context(
                "Updates are de-identified before anyone else sees them. The *Add update* form "
                "is best: what you type in a DM stays in Slack's history."
            )
        )
    text = f"{lead}{m.group} meets {when(m)}. Will you be there?"
    return {"text": text, "blocks": blocks}


def _action_line(a: ActionView) -> str:
    flag = "⚠️ *overdue* · " if a.overdue else ""
    carried = f" · carried ×{a.carried}" if a.carried else ""
    return f"• {flag}{escape(a.text)} — {mention(a.owner)}, due {due_of(a)}{carried}"


def _item_blocks(item: AgendaItem) -> list[kit.Block]:
    tag = " · 🆕 *new referral*" if item.status is ClientStatus.REFERRED else ""
    if item.review_due:
        tag += " · ⏳ *consent review due*"
    if item.override is not None:
        tag += f" · ⚠️ *consent override for this meeting only:* {escape(item.override)}"
    decide = ([referral_views.decision_buttons(item.case_code)]
              if item.status is ClientStatus.REFERRED else [])
    if item.withheld:
        note = (
            f"*{item.case_code}*{tag} · 🔒 _details withheld: no current consent covering every "
            "agency here. The secretariat can record it with `casebot client consent`._"
        )
        return [kit.section(note), *decide]
    lines = [
        f"*{item.case_code}*{tag} · key worker {mention(item.key_worker)} · "
        f"{escape(item.lead_agency)}"
    ]
    if item.referral is not None:
        lines.extend(referral_views.referral_lines(item.referral))
    if item.updates:
        for update in item.updates:
            lines.append(f"{quote(update.text)}\n— {mention(update.author)}")
    else:
        lines.append("_No update this time._")
    if item.actions:
        lines.append("*Open actions*")
        lines.extend(_action_line(a) for a in item.actions)
    pieces = kit.split_text("\n".join(lines))
    add = kit.button("Add action", ActionId.ACTION_OPEN, item.case_code)
    return [kit.section(pieces[0], accessory=add)] + [kit.section(p) for p in pieces[1:]] + decide


def agenda(a: Agenda) -> list[Payload]:
    m = a.meeting
    referrals = sum(1 for i in a.items if i.status is ClientStatus.REFERRED)
    overdue = sum(1 for i in a.items for x in i.actions if x.overdue)
    summary = [
        f"*When:* {when(m)} · {m.minutes} minutes",
        f"*Facilitator:* {mentions(a.facilitators, 'to be confirmed')}",
        f"*Clients:* {len(a.items)}"
        + (f" · {plural(referrals, 'new referral')} (listed first)" if referrals else "")
        + (f" · ⚠️ {plural(overdue, 'overdue action')}" if overdue else ""),
    ]
    attendance = [
        f"*Attending:* {mentions(a.attending, 'no answers yet')}",
        f"*Apologies:* {mentions(a.apologies)}",
    ]
    if a.on_leave:
        attendance.append(f"*On leave:* {mentions(a.on_leave)}")
    intro = [
        kit.header(f"Agenda · {m.group} · {day(m.local_start.date())}"),
        kit.section("\n".join(summary)),
        kit.section("\n".join(attendance)),
        kit.divider(),
    ]
    body = [_item_blocks(item) for item in a.items] or [[kit.section("_No clients this time._")]]
    pages = kit.paginate(intro, body, continued=f"*Agenda · {escape(m.group)}* (continued)")
    total = len(pages)
    out = []
    for number, blocks in enumerate(pages, start=1):
        part = f" (part {number} of {total})" if total > 1 else ""
        if number > 1:
            blocks[0] = kit.context(f"*Agenda · {escape(m.group)}* continued{part}")
        out.append({"text": f"Agenda for {m.group}, {when(m)}{part}", "blocks": blocks})
    return out


def _action_summary(a: ActionView, today: dt.date) -> str:
    late = (today - a.due_on).days
    flag = f" · ⚠️ *overdue by {plural(late, 'day')}*" if a.overdue and late > 0 else ""
    return f"*{a.case_code}* · {escape(a.text)}\nDue {due_of(a)}{flag}"


def action_buttons(a: ActionView) -> kit.Block:
    return kit.actions(
        kit.button("Done", ActionId.ACTION_DONE, str(a.id), style="primary"),
        kit.button("Add progress", ActionId.ACTION_PROGRESS, str(a.id)),
        kit.button("Ask to reassign", ActionId.ACTION_REASSIGN_ASK, str(a.id)),
        block_id=f"action-{a.id}",
    )


def _action_rows(actions: tuple[ActionView, ...], today: dt.date) -> list[kit.Block]:
    """Each action with its buttons, as many as fit; the rest are on the Home tab."""
    rows: list[kit.Block] = []
    for a in actions[:NUDGE_ACTIONS]:
        rows += [kit.section(_action_summary(a, today)), action_buttons(a)]
    if len(actions) > NUDGE_ACTIONS:
        rows.append(
            kit.context(f"…and {len(actions) - NUDGE_ACTIONS} more on Casebot's *Home* tab.")
        )
    return rows


def nudge(n: Nudge) -> Payload:
    m = n.meeting
    count = plural(len(n.actions), "open action")
    blocks = [kit.section(f"Before *{escape(m.group)}* on *{when(m)}*, you have *{count}*:")]
    blocks += _action_rows(n.actions, n.today)
    blocks.append(
        kit.actions(
            kit.button(
                # Friday's (and Saturday's) snooze lands on Monday: say so.
                "Snooze until Monday" if n.today.weekday() in (4, 5) else "Snooze until tomorrow",
                ActionId.NUDGE_SNOOZE,
                str(m.id),
            ),
            block_id=BlockId.NUDGE_FOOTER,
        )
    )
    return {"text": f"You have {count} before {m.group} on {when(m)}", "blocks": blocks}


def consent_review(r: ConsentReview) -> Payload:
    """The key worker's reminder: a client's consent is due to be asked again (case code only)."""
    days = (r.review_on - r.today).days
    if days > 1:
        soon = f"in {days} days, on *{day(r.review_on)}*"
    elif days == 1:
        soon = f"tomorrow, *{day(r.review_on)}*"
    elif days == 0:
        soon = "today"
    else:
        soon = f"since *{day(r.review_on)}*"
    text = (
        f"📝 *{r.case_code}*: their consent to share information is due for review {soon}.\n"
        "When you next see them, check they still agree, and which agencies it covers. Then "
        "ask the secretariat to record it (renewed, narrowed or withdrawn). Until it is renewed "
        "the group will see this client marked _consent review due_."
    )
    return {
        "text": f"{r.case_code}: consent review due {soon.replace('*', '')}",
        "blocks": [kit.section(text)],
    }


def action_announcement(r: ActionRecorded) -> Payload:
    a = r.action
    by = f" · recorded by {mention(a.created_by)}" if a.created_by else ""
    what = "🔒 _details withheld (consent)_" if r.withheld else escape(a.text)
    text = (
        f"📌 New action for *{a.case_code}*: {what}\n"
        f"Owner {mention(a.owner)} · due {due_of(a)}{by}"
    )
    return {
        "text": f"New action for {a.case_code}, due {due_of(a)}",
        "blocks": [kit.section(text)],
    }


def action_assignment(r: ActionRecorded) -> Payload:
    a = r.action
    group = f" ({escape(r.meeting.group)})" if r.meeting else ""
    by = f" Recorded by {mention(a.created_by)}." if a.created_by else ""
    blocks = [
        kit.section(
            f"You have a new action for *{a.case_code}*{group}:\n{quote(a.text)}\n"
            f"Due *{due_of(a)}*.{by}"
        ),
        action_buttons(a),
    ]
    return {"text": f"New action for {a.case_code}, due {due_of(a)}", "blocks": blocks}


def late_update(r: UpdateReceipt) -> Payload:
    u = r.update
    what = "Corrected update" if r.edited else "Late update"
    text = (
        f"📝 *{what}* for *{u.case_code}*, after the agenda was posted "
        f"(meeting {when(r.meeting)}):\n{quote(u.text)}\n— {mention(u.author)}"
    )
    return {"text": f"{what} for {u.case_code}", "blocks": [kit.section(text)]}


def meeting_changed(c: MeetingChange) -> Payload:
    m = c.meeting
    was = day(c.was.astimezone(m.local_start.tzinfo).date())
    if c.cancelled:
        then = (
            f" The next one is *{when(c.next)}*; updates already sent go to it." if c.next else ""
        )
        text = f"❌ *{escape(m.group)}* on *{was}* is cancelled.{then}"
        summary = f"{m.group} on {was} is cancelled"
    else:
        text = f"📅 *{escape(m.group)}* on *{was}* has moved to *{when(m)}*."
        summary = f"{m.group} has moved to {when(m)}"
    return {"text": summary, "blocks": [kit.section(text)]}


def _records_text(records: tuple[RecordView, ...], kind: str, title: str) -> list[str]:
    mine = [r for r in records if r.kind == kind]
    if not mine:
        return []
    return [f"*{title}*"] + [f"• {escape(r.text)} — {_author(r.author)}" for r in mine]


def _author(author: str) -> str:
    """A member by mention; the secretariat (from the command line) by name."""
    return mention(author) if SLACK_USER.fullmatch(author) else escape(author or "secretariat")


def presenter(p: Presenter) -> Payload:
    """The one message a meeting is run in, edited at every step."""
    m = p.meeting
    if p.ended:
        blocks = [
            kit.header(f"{m.group} · meeting closed"),
            kit.context(f"{p.done} of {p.total} clients reviewed. The minutes follow."),
        ]
        return {"text": f"{m.group}: meeting closed", "blocks": blocks}
    where = f"Client {p.position} of {p.total}" if p.current else f"All {p.total} clients"
    skipped = f" · {len(p.skipped)} skipped" if p.skipped else ""
    status = (
        f"{where} · {p.done} discussed{skipped} · {p.minutes_left} minutes left · "
        f"about {p.minutes_per_client} min each"
    )
    if p.present:
        who = f"*Here:* {mentions(p.present)}"
    else:
        who = f"*Attending:* {mentions(p.attending, 'no answers yet')}"
    who += f" · *Apologies:* {mentions(p.apologies)}"
    blocks: list[kit.Block] = [
        kit.header(f"▶ {m.group} · meeting in progress"),
        kit.context(status),
        kit.section(who, accessory=kit.button("Who's here?", ActionId.MARK_PRESENT, str(m.id))),
        kit.divider(),
    ]
    if p.current is None:
        if p.skipped:
            text = (
                f"End of the list: {p.done} of {p.total} discussed. Skipped: "
                f"{', '.join(p.skipped)}. Press *Go to skipped* to come back to "
                f"{'it' if len(p.skipped) == 1 else 'them'}, or end the meeting: skipped clients "
                "come first next time."
            )
        else:
            text = f"All {p.total} clients discussed."
        text += " Ending the meeting posts the minutes and sends each owner their new actions."
        buttons = [kit.button("End meeting", ActionId.END_MEETING, str(m.id), style="primary"),
                   kit.button("◀ Back", ActionId.STEP_BACK, f"{m.id}:")]
        if p.skipped:
            buttons.append(kit.button("Go to skipped", ActionId.STEP_SKIPPED, f"{m.id}:"))
        blocks += [kit.section(text), kit.actions(*buttons)]
        return {"text": f"{m.group}: end of the list", "blocks": blocks}
    item = p.current.item
    body = _item_blocks(item)
    body[0] = {k: v for k, v in body[0].items() if k != "accessory"}
    blocks += body[: kit.MESSAGE_BLOCKS - 12]
    extra = (_records_text(p.current.records, "decision", "Decisions this meeting")
             + _records_text(p.current.records, "note", "Notes this meeting"))
    if p.current.new_actions:
        extra.append("*New actions this meeting*")
        extra += [_action_line(a) for a in p.current.new_actions]
    for piece in (kit.split_text("\n".join(extra)) if extra else [])[:3]:
        blocks.append(kit.section(piece))
    left = p.client_minutes_left
    if left is not None and left < 0:
        clock = (
            f"⌛ {-left} min over the {p.minutes_per_client}-minute time box for {item.case_code}"
        )
    elif left is not None and left <= 2:
        clock = f"⏳ {plural(left, 'minute')} left for {item.case_code}"
    else:
        clock = f"⏱ {left} of {p.minutes_per_client} minutes left for {item.case_code}"
    blocks.append(kit.context(clock))
    value = f"{m.id}:{item.case_code}"  # the client on this screen: a stale press is ignored
    blocks.append(kit.actions(
        kit.button("◀ Back", ActionId.STEP_BACK, value),
        kit.button("Next ▶", ActionId.STEP_NEXT, value, style="primary"),
        kit.button("Skip", ActionId.STEP_SKIP, value),
        kit.button("Mark discussed", ActionId.STEP_DISCUSSED, value),
        block_id="presenter_steps",
    ))
    blocks.append(kit.actions(
        kit.button("Add action", ActionId.ACTION_OPEN, item.case_code),
        kit.button("Add decision", ActionId.RECORD_DECISION, item.case_code),
        kit.button("Add note", ActionId.RECORD_NOTE, item.case_code),
        block_id="presenter_records",
    ))
    return {"text": f"{m.group}: {item.case_code} ({where})", "blocks": blocks}


def minutes(mi: Minutes) -> list[Payload]:
    m = mi.meeting
    counts = mi.counts()
    times = ""
    if mi.started_at and mi.ended_at:
        zone = m.local_start.tzinfo
        times = f" · {mi.started_at.astimezone(zone):%H:%M}–{mi.ended_at.astimezone(zone):%H:%M}"
    lines = [f"*Facilitator:* {mention(mi.facilitator) if mi.facilitator else '-'}{times}"]
    for a in mi.attendance:
        parts = [f"present {mentions(a.present)}"]
        parts += [f"apologies {mentions(a.apologies)}"] if a.apologies else []
        parts += [f"on leave {mentions(a.on_leave)}"] if a.on_leave else []
        missing = "absent" if mi.attendance_taken else "no reply"
        parts += [f"{missing} {mentions(a.absent)}"] if a.absent else []
        lines.append(f"*{escape(a.agency)}:* " + " · ".join(parts))
    intro = [kit.header(f"Minutes · {m.group} · {day(m.local_start.date())}")]
    intro += [kit.section(piece) for piece in kit.split_text("\n".join(lines))]
    intro.append(kit.divider())
    body: list[list[kit.Block]] = []
    quiet = [c.case_code for c in mi.clients if c.reached and not c.withheld
             and not (c.decisions or c.actions or c.notes)]
    for c in mi.clients:
        if not c.reached or c.case_code in quiet:
            continue
        if c.withheld:
            text = f"*{c.case_code}* · 🔒 _details withheld (consent)_"
        else:
            rows = [f"*{c.case_code}*"]
            if c.override is not None:
                rows.append(f"⚠️ _discussed under a consent override:_ {escape(c.override)}")
            rows += _records_text(c.decisions, "decision", "Decisions")
            if c.actions:
                rows.append("*Actions*")
                rows += [
                    f"• {escape(a.text)} — {mention(a.owner)}, due {due_of(a)}"
                    for a in c.actions
                ]
            rows += _records_text(c.notes, "note", "Notes")
            text = "\n".join(rows)
        body.append([kit.section(piece) for piece in kit.split_text(text)])
    if quiet:
        body.append([kit.section(piece) for piece in kit.split_text(
            f"*Discussed, nothing recorded:* {', '.join(quiet)}"
        )])
    if mi.not_reached:
        body.append([kit.section(
            f"*Not reached* (first on the next agenda): {', '.join(mi.not_reached)}"
        )])
    carried = len(mi.not_reached)
    body.append([kit.context(
        f"{counts['discussed']} of {counts['clients']} clients discussed · "
        f"{plural(counts['actions'], 'action')} · {plural(counts['decisions'], 'decision')} · "
        f"{plural(counts['notes'], 'note')} · {carried} carried to the next meeting"
    )])
    pages = kit.paginate(intro, body, continued=f"*Minutes · {escape(m.group)}* (continued)")
    total = len(pages)
    return [{"text": f"Minutes of {m.group}, {day(m.local_start.date())}"
                     + (f" (part {n} of {total})" if total > 1 else ""), "blocks": blocks}
            for n, blocks in enumerate(pages, start=1)]


def meeting_actions(o: OwnerActions) -> Payload:
    m = o.meeting
    count = plural(len(o.actions), "new action")
    blocks = [kit.section(f"From today's *{escape(m.group)}* meeting you have *{count}*:")]
    blocks += _action_rows(o.actions, m.local_start.date())
    return {"text": f"{count} from {m.group}", "blocks": blocks}


def escalation(e: Escalation) -> Payload:
    a = e.action
    late = f"overdue since {due_of(a)}"
    what = "🔒 _details withheld (consent)_" if e.withheld else escape(a.text)
    text = (
        f"⚠️ An action your agency's worker {mention(a.owner)} owns has been overdue at two "
        f"*{escape(e.meeting.group)}* meetings in a row:\n*{a.case_code}* · {what} "
        f"({late}).\nCould you check in with them? They can ask the facilitator to reassign it."
    )
    return {
        "text": f"An action for {a.case_code} is overdue at two meetings",
        "blocks": [kit.section(text)],
    }


class SlackRenderer:
    """The ``Renderer`` the services fill the outbox with."""

    prompt = staticmethod(prompt)
    agenda = staticmethod(agenda)
    nudge = staticmethod(nudge)
    action_announcement = staticmethod(action_announcement)
    action_assignment = staticmethod(action_assignment)
    late_update = staticmethod(late_update)
    presenter = staticmethod(presenter)
    minutes = staticmethod(minutes)
    meeting_actions = staticmethod(meeting_actions)
    escalation = staticmethod(escalation)
    meeting_changed = staticmethod(meeting_changed)
    preview = staticmethod(replies.preview)
    problem = staticmethod(replies.problem)
    dm_help = staticmethod(replies.dm_help)
    edit_not_seen = staticmethod(replies.edit_not_seen)
    reassign_prompt = staticmethod(replies.reassign_prompt)
    consent_review = staticmethod(consent_review)
    referral_notice = staticmethod(referral_views.referral_notice)
    referral_decided = staticmethod(referral_views.referral_decided)
    onboarding = staticmethod(onboarding_views.onboarding)
    report_summary = staticmethod(report_views.report_summary)

    # These two live beside their buttons' listeners, which import Bolt: imported when first
    # rendered, so a tick (or the CLI) that renders neither starts without Bolt.
    @staticmethod
    def holiday_question(q: HolidayQuestion) -> Payload:
        from handlers import holiday_meetings

        return holiday_meetings.question(q)

    @staticmethod
    def term_request(q: TermQuestion) -> Payload:
        from handlers import restore

        return restore.question(q)
