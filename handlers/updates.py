"""Before the meeting: DM updates, the update modal, and attending/apologies answers."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.context import AppContext
from bot.domain import AttendanceResponse, CasebotError, InvalidInput
from bot.services import drafts, intake, prompts, updates
from handlers import home as home_tab
from handlers import views
from handlers.background import answer_form, later, opens_modal
from handlers.field_errors import modal_errors
from handlers.ids import ActionId, BlockId, CallbackId, InputId
from handlers.own_messages import replace_clicked
from handlers.parsing import button_value, metadata, plain_text, state_value
from handlers.views import View

# What Slack's ids look like: anything else in a signed event is not Slack's doing, and must not
# end up in a key (a "channel" object could carry typed text into the database).
_USER = re.compile(r"[UW][A-Z0-9]{2,20}")
_CHANNEL = re.compile(r"[CDG][A-Z0-9]{2,20}")
_TS = re.compile(r"[0-9]{1,12}\.[0-9]{1,9}")
_EVENT = re.compile(r"Ev[A-Za-z0-9]{4,40}")


def _slack_id(pattern: re.Pattern[str], value: Any) -> bool:
    return isinstance(value, str) and pattern.fullmatch(value) is not None


def _is_person_dm(event: dict[str, Any]) -> bool:
    return (
        event.get("channel_type") == "im"
        and not event.get("subtype")
        and not event.get("bot_id")
        and _slack_id(_USER, event.get("user"))
        and isinstance(event.get("text", ""), str)
    )


def _is_edited_update(event: dict[str, Any]) -> bool:
    """A person edited, in their DM with Casebot, a message shaped like an update. (Casebot's own
    edits of its prompts arrive the same way, from a bot.)"""
    if event.get("channel_type") != "im" or event.get("subtype") != "message_changed":
        return False
    edited = event.get("message") or {}
    if not isinstance(edited, dict) or edited.get("bot_id"):
        return False
    if not _slack_id(_USER, edited.get("user")) or not isinstance(edited.get("text", ""), str):
        return False
    return updates.parse_dm(plain_text(edited.get("text", ""))) is not None


def delivery_key(event: dict[str, Any], body: dict[str, Any]) -> str | None:
    """What makes one DM one: the message itself (Slack has sent one message under two
    event_ids), else the event's id; None for ids Slack would not send."""
    channel, ts = event.get("channel"), event.get("ts")
    if not event.get("subtype") and _slack_id(_CHANNEL, channel) and _slack_id(_TS, ts):
        return f"message:{channel}:{ts}"
    event_id = body.get("event_id")
    return f"event:{event_id}" if _slack_id(_EVENT, event_id) else None


def register(app: App, ctx: AppContext) -> None:
    @app.event("message")
    def direct_message(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        # Runs before Slack is answered: the draft and the reply are saved (or nothing is, and
        # Slack's retry comes back); only sending the reply happens afterwards.
        delivery = delivery_key(event, body)
        if delivery is None:
            return
        if _is_edited_update(event):
            keys = intake.edited_message(
                uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                delivery=delivery, user_id=event["message"]["user"],
            )
        elif _is_person_dm(event):
            keys = intake.direct_message(
                uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                delivery=delivery, user_id=event["user"],
                text=plain_text(event.get("text", "")),
            )
        else:
            return
        if keys:
            later(client, body, lambda: ctx.deliver(keys))

    def answer(response: AttendanceResponse) -> Any:
        def listener(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
            ack()
            user = body["user"]["id"]

            def work() -> None:
                prompt = prompts.respond(
                    uow=ctx.uow(), clock=ctx.clock, user_id=user,
                    meeting_id=int(button_value(body) or 0), response=response,
                )
                replace_clicked(ctx, client, body, ctx.renderer.prompt(prompt))
                home_tab.refresh(ctx, client, user)

            later(client, body, work)

        return listener

    app.action(ActionId.ATTEND)(answer(AttendanceResponse.ATTENDING))
    app.action(ActionId.APOLOGISE)(answer(AttendanceResponse.APOLOGIES))

    @app.action(ActionId.UPDATE_OPEN)
    def open_update(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        code = button_value(body).partition("|")[2]
        later(client, body,
              lambda: open_update_modal(ctx, client, body["trigger_id"], body["user"]["id"],
                                        code))

    @app.action(ActionId.UPDATE_EDIT)
    @opens_modal
    def edit_update(body: dict[str, Any]) -> View:
        user = body["user"]["id"]
        update = updates.own_update(uow=ctx.uow(), user_id=user,
                                    update_id=int(button_value(body) or 0))
        meeting = updates.next_meeting_for(uow=ctx.uow(), clock=ctx.clock, user_id=user,
                                           case_code=update.case_code)
        return views.update_modal(case_code=update.case_code, meeting=meeting,
                                  initial=update.text, update_id=update.id)

    @app.view(CallbackId.UPDATE_MODAL)
    def submit_update(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                      client: WebClient) -> None:
        # Answered before the database is touched: the text's own checks show in the form, the
        # rest (the person's right, the meeting, de-identifying, the draft) comes after.
        text = state_value(view, BlockId.UPDATE_TEXT, InputId.TEXT) or ""
        try:
            data = metadata(view)
            updates.check_text(text)
        except CasebotError as exc:
            ack(response_action="errors", errors=modal_errors(CallbackId.UPDATE_MODAL, exc))
            return
        user = body["user"]["id"]
        title = str((view.get("title") or {}).get("text") or "Update")

        def check() -> View:
            return views.preview_modal(drafts.draft_update(
                uow=ctx.uow(), clock=ctx.clock, user_id=user, case_code=str(data.get("code")),
                text=text, update_id=data.get("update"), replaces=data.get("draft"),
            ))

        answer_form(ack, client, body, work=check,
                    waiting=views.working_modal(title, CHECKING),
                    problem=lambda message: views.problem_modal(title, message))


CHECKING = "Checking your update for names and other details… this takes a moment."


def open_update_modal(
    ctx: AppContext, client: WebClient, trigger_id: str, user: str, code: str
) -> None:
    """Check the person may update ``code`` (a refusal is a message), then open the modal."""
    if not code:
        raise InvalidInput("Which client? Use the case code, e.g. U1R-014.")
    meeting = updates.next_meeting_for(uow=ctx.uow(), clock=ctx.clock, user_id=user, case_code=code)
    client.views_open(
        trigger_id=trigger_id, view=views.update_modal(case_code=code, meeting=meeting)
    )
