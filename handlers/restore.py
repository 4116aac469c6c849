"""'Not identifying': the question a group's facilitators get by DM when an author asks for a
word to be allowed (*Allow for the group*, *Don't allow*), and what the author is told."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.context import AppContext
from bot.domain import InvalidInput, Restored, TermDecision, TermQuestion
from bot.services import restore
from handlers import kit
from handlers.background import later
from handlers.ids import ActionId
from handlers.own_messages import replace_clicked, replace_copies
from handlers.parsing import button_value
from handlers.text import escape, mention

Payload = dict[str, Any]
log = logging.getLogger(__name__)


def question(q: TermQuestion) -> Payload:
    """To one facilitator, in their DM only: may this word be shown in the group's channel?"""
    text = (
        f"🔓 {mention(q.author)} marked a word hidden in their draft on *{q.case_code}* as not "
        f"identifying: *{escape(q.word)}*\nAllow it for *{escape(q.group)}*? Allowed words are "
        "never hidden in the group's updates and actions."
    )
    value = str(q.request_id)
    return {
        "text": f"A word to allow for {escape(q.group)}?",
        "blocks": [
            kit.section(text),
            kit.actions(
                kit.button("Allow for the group", ActionId.TERM_ALLOW, value, style="primary"),
                kit.button("Don't allow", ActionId.TERM_DECLINE, value),
            ),
            kit.context("One facilitator's answer counts for all. The author's draft shows the "
                        "word either way."),
        ],
    }


def decided(d: TermDecision) -> Payload:
    """Every facilitator's copy of the question, once answered (a declined word is dropped)."""
    who = mention(d.by) if d.by else "a facilitator"
    group = escape(d.group)
    if d.allowed:
        did = f"{who} allowed *{escape(d.word or '')}* for *{group}*."
    else:
        did = f"{who} did not allow the word for *{group}*."
    text = f"↩️ Already decided: {did}" if d.already else ("✅ " if d.allowed else "🚫 ") + did
    return {"text": "Already decided" if d.already else "Decided", "blocks": [kit.section(text)]}


def restored_note(r: Restored) -> str:
    """What the author is told once a word is shown again."""
    group = escape(r.group)
    if r.outcome == "allowed":
        return (f"✅ Shown again in this draft, and added to *{group}*'s allowed words: it won't "
                "be hidden in the group's updates from now on.")
    if r.outcome == "asked":
        return (f"✅ Shown again in this draft. *{group}*'s facilitators are asked whether to "
                "allow it for the group from now on.")
    return "✅ Shown again in this draft only."


def register(app: App, ctx: AppContext) -> None:
    def pressed(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user = body["user"]["id"]
        allow = (body.get("actions") or [{}])[0].get("action_id") == ActionId.TERM_ALLOW

        def work() -> None:
            try:
                request = int(button_value(body))
            except ValueError:
                raise InvalidInput("That button is out of date; nothing was changed.") from None
            done = restore.decide(uow=ctx.uow(), clock=ctx.clock, user_id=user,
                                  request_id=request, allow=allow)
            payload = decided(done)
            shown = replace_clicked(ctx, client, body, payload)
            if not done.already:
                shown = replace_copies(ctx, client, done.copies, user, payload, shown)
            if not shown:  # the press was not on a copy Casebot sent them
                client.chat_postMessage(channel=user, **payload)

        later(client, body, work)

    app.action(ActionId.TERM_ALLOW)(pressed)
    app.action(ActionId.TERM_DECLINE)(pressed)
