"""Reports in Slack, as Block Kit: the headline figures (a facilitator's ``/casebot report`` and
the monthly summary in the channel). Counts, agencies and dates only; every name escaped."""

from __future__ import annotations

from typing import Any

from bot.services.reports import summary
from bot.services.reports import wording as w
from bot.services.reports.model import Headline
from handlers import kit
from handlers.ids import COMMAND, ActionId
from handlers.text import escape

Payload = dict[str, Any]


def _fields(h: Headline) -> list[dict[str, Any]]:
    r = h.figures
    total = r.total
    called_off = f" ({r.cancelled} called off)" if r.cancelled else ""
    updates = sum(m.updates for m in r.meetings)
    absent = sum(m.updates_from_absent for m in r.meetings)
    pairs = (
        ("Meetings held", f"{r.meetings_held}{called_off}"),
        ("Attendance", f"{total.present} present, {total.apologies} apologies"),
        ("Updates", f"{updates}, {absent} from people who couldn't come"),
        ("Actions", f"{total.actions_created} new, {total.actions_completed} done, "
                    f"{total.overdue} overdue"),
        ("Done before the next meeting",
         w.share(total.done_before_next_meeting, total.due_by_next_meeting)),
        ("Carried over / escalated", f"{total.carry_overs} / {total.escalations}"),
        ("Referrals", f"{r.referrals_received} in, {r.referrals_accepted} accepted, "
                      f"{r.referrals_declined} declined"),
        ("Exits", f"{r.exited} ({r.housed} housed)"),
        ("Champions onboarded", str(len(r.champions))),
    )
    return [kit.mrkdwn(f"*{label}*\n{escape(value)}") for label, value in pairs]


def report_summary(h: Headline) -> Payload:
    """The headline figures: the channel's monthly summary, or the reply to a facilitator."""
    r = h.figures
    group = escape(w.name(r.group))
    if h.monthly:
        intro = f"📊 *{group}* in {r.first:%B %Y}: the month in figures."
        text = f"{w.name(r.group)} in {r.first:%B %Y}: the month in figures"
        note = (f"No client is named or coded in reports. Facilitators: `{COMMAND} report` "
                "for this month so far, and the full report.")
    else:
        intro = (f"📊 *{group}* so far this month ({r.first.day} {r.first:%b} to "
                 f"{r.last.day} {r.last:%b %Y}).")
        text = f"{w.name(r.group)}: this month so far"
        note = ("Only you can see this. The full report is one HTML file: it opens offline "
                "and prints on A4. It names no client.")
    blocks = [kit.section(intro), {"type": "section", "fields": _fields(h)}, kit.context(note)]
    if not h.monthly:
        blocks.append(kit.actions(kit.button("Send me the full report", ActionId.REPORT_SEND,
                                             summary.button_value(h), style="primary")))
    return {"text": escape(text), "blocks": blocks}
