"""The public-holiday question: the DM each facilitator gets a week before a meeting that falls
on a public holiday, and its two buttons (*Move to …*, *Cancel*)."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.context import AppContext
from bot.domain import HolidayAnswer, HolidayQuestion, InvalidInput
from bot.services import holiday_meetings
from handlers import kit
from handlers.background import later
from handlers.ids import COMMAND, ActionId
from handlers.own_messages import replace_clicked, replace_copies
from handlers.parsing import button_value
from handlers.text import day, escape, mention, when, zone_name

Payload = dict[str, Any]
log = logging.getLogger(__name__)


def _long_day(value: dt.date) -> str:
    return f"{value:%A} {value.day} {value:%b}"


def question(q: HolidayQuestion) -> Payload:
    """To one facilitator: the meeting is on a public holiday; one press moves or cancels it."""
    m = q.meeting
    start = m.local_start
    on = start.date()
    text = (
        f"🎉 *{_long_day(on)} is a public holiday ({escape(q.holiday)}).* *{escape(m.group)}* "
        f"meets that day at {start:%H:%M} ({zone_name(m.tz)} time). Move the meeting or cancel "
        "it?"
    )
    value = f"{m.id}:{on:%Y%m%d}"
    buttons = []
    note = ""
    if q.suggested is not None:
        to = q.suggested.astimezone(start.tzinfo).date()
        buttons.append(kit.button(f"Move to {day(to)}", ActionId.HOLIDAY_MOVE,
                                  f"{value}:{to:%Y%m%d}", style="primary"))
        note = (
            f"{day(to)} is the next working day with no public holiday and no meeting; the "
            f"time stays {start:%H:%M}. "
        )
    buttons.append(kit.button("Cancel", ActionId.HOLIDAY_CANCEL, value, style="danger"))
    note += (
        f"Another time: `{COMMAND} meeting move {on.isoformat()} YYYY-MM-DDTHH:MM` in the "
        "group's channel. One facilitator's answer counts for all; anyone already asked about "
        "the meeting is told."
    )
    return {
        "text": f"{_long_day(on)} is a public holiday ({escape(q.holiday)}): move or cancel "
        f"{escape(m.group)}'s meeting?",
        "blocks": [kit.section(text), kit.actions(*buttons), kit.context(note)],
    }


def answered(a: HolidayAnswer) -> Payload:
    """What became of the meeting, and who did it: for every facilitator's copy."""
    why = f" ({escape(a.holiday)})" if a.holiday else ""
    group = escape(a.meeting.group)
    then = f" The next meeting is {when(a.next)}." if a.cancelled and a.next else ""
    if a.already:
        if a.cancelled:
            did = f"{mention(a.by)} cancelled it" if a.by else "it was cancelled"
        else:
            did = (f"{mention(a.by)} moved it" if a.by else "it was moved") + (
                f" to *{when(a.meeting)}*"
            )
        text = f"↩️ Already handled: {did} (*{group}* on {day(a.on)}{why}).{then}"
        summary = f"Already handled: {a.meeting.group} on {day(a.on)}"
    elif a.cancelled:
        who = mention(a.by) if a.by else "someone"
        text = f"❌ Cancelled by {who}: *{group}* on {day(a.on)}{why}.{then}"
        summary = f"{a.meeting.group} on {day(a.on)} is cancelled"
    else:
        who = mention(a.by) if a.by else "someone"
        text = (
            f"📅 Moved by {who}: *{group}* now meets *{when(a.meeting)}* instead of "
            f"{day(a.on)}{why}."
        )
        summary = f"{a.meeting.group} has moved to {when(a.meeting)}"
    return {"text": escape(summary), "blocks": [kit.section(text)]}


def _parse(value: str, *, cancel: bool) -> tuple[int, dt.date, dt.date | None]:
    """``meeting:YYYYMMDD[:YYYYMMDD]`` (the meeting, its holiday, the day offered)."""
    parts = value.split(":")
    try:
        meeting, on = int(parts[0]), dt.datetime.strptime(parts[1], "%Y%m%d").date()
        to = None if cancel else dt.datetime.strptime(parts[2], "%Y%m%d").date()
    except (ValueError, IndexError):
        raise InvalidInput("That button is out of date; nothing was changed.") from None
    return meeting, on, to


def register(app: App, ctx: AppContext) -> None:
    def pressed(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user = body["user"]["id"]
        cancel = (body.get("actions") or [{}])[0].get("action_id") == ActionId.HOLIDAY_CANCEL

        def work() -> None:
            meeting_id, on, to = _parse(button_value(body), cancel=cancel)
            done = holiday_meetings.answer(uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                                           user_id=user, meeting_id=meeting_id, day=on,
                                           move_to=to)
            if done.outbox_keys:
                ctx.deliver(done.outbox_keys)
            payload = answered(done.answer)
            shown = replace_clicked(ctx, client, body, payload)
            if not done.answer.already:
                shown = replace_copies(ctx, client, done.questions, user, payload, shown)
            if not shown:  # the press was not on a copy Casebot sent them
                client.chat_postMessage(channel=user, **payload)

        later(client, body, work)

    app.action(ActionId.HOLIDAY_MOVE)(pressed)
    app.action(ActionId.HOLIDAY_CANCEL)(pressed)
