"""Actions: the action modal (agenda button, message shortcut), Done, progress and snooze."""

from __future__ import annotations

import datetime as dt
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.context import AppContext
from bot.domain import CasebotError, InvalidInput
from bot.services import actions, drafts, nudges
from handlers import home as home_tab
from handlers import meeting, replies, views
from handlers.background import later, opens_modal
from handlers.field_errors import modal_errors
from handlers.ids import ActionId, BlockId, CallbackId, InputId
from handlers.own_messages import change_clicked
from handlers.parsing import (
    ActionCommand,
    button_value,
    metadata,
    plain_text,
    state_value,
)
from handlers.views import View


def run_command(
    ctx: AppContext,
    client: WebClient,
    user: str,
    command: ActionCommand,
    respond: Respond,
    channel: str | None,
) -> None:
    """``/casebot action CODE @owner text [due]`` (already parsed)."""
    recorded = actions.record(
        uow=ctx.uow(),
        clock=ctx.clock,
        renderer=ctx.renderer,
        user_id=user,
        case_code=command.case_code,
        owner_id=command.owner,
        text=plain_text(command.text),
        channel_id=channel,
    )
    ctx.deliver(recorded.outbox_keys)
    meeting.refresh_for_action(ctx, recorded.result.action.id)
    respond(response_type="ephemeral", **replies.action_receipt(recorded.result, asked_in=channel))
    home_tab.refresh(ctx, client, user, recorded.result.action.owner)


def register(app: App, ctx: AppContext) -> None:
    @app.action(ActionId.ACTION_OPEN)
    @opens_modal
    def open_from_agenda(body: dict[str, Any]) -> View:
        channel = (body.get("channel") or {}).get("id")
        # Members of the channel's group only: anyone else is told now, not after typing.
        actions.check_member_of_channel(uow=ctx.uow(), user_id=body["user"]["id"],
                                        channel_id=channel)
        return views.action_modal(case_code=button_value(body), channel_id=channel)

    @app.shortcut(CallbackId.RECORD_ACTION_SHORTCUT)
    @opens_modal
    def open_from_message(body: dict[str, Any]) -> View:
        draft = meeting.drafted_from_message(ctx, body)
        return views.action_modal(case_code=draft.case_code, initial_text=draft.text,
                                  channel_id=body["channel"]["id"])

    @app.view(CallbackId.ACTION_MODAL)
    def submit_action(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        code = str(state_value(view, BlockId.ACTION_CLIENT, InputId.CODE) or "").strip().upper()
        owner = state_value(view, BlockId.ACTION_OWNER, InputId.OWNER)
        text = state_value(view, BlockId.ACTION_TEXT, InputId.TEXT) or ""
        due = state_value(view, BlockId.ACTION_DUE, InputId.DUE)
        try:
            metadata(view)  # a form Casebot opened, or nothing
            preview = drafts.draft_action(
                uow=ctx.uow(), clock=ctx.clock, user_id=body["user"]["id"], case_code=code,
                owner_id=str(owner or ""), text=text, due_on=_date(due),
            )
        except CasebotError as exc:
            ack(response_action="errors", errors=modal_errors(CallbackId.ACTION_MODAL, exc))
            return
        ack(response_action="update", view=views.preview_modal(preview))

    def done(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user = body["user"]["id"]

        def work() -> None:
            action = actions.complete(uow=ctx.uow(), clock=ctx.clock, user_id=user,
                                      action_id=int(button_value(body) or 0))
            meeting.refresh_for_action(ctx, action.id)
            if (body.get("view") or {}).get("type") == "home":
                home_tab.publish(ctx, client, user)
                return
            change_clicked(ctx, client, body,
                           lambda blocks: replies.after_done(blocks, action, user))
            home_tab.refresh(ctx, client, user)

        later(client, body, work)

    app.action(ActionId.ACTION_DONE)(done)
    app.action(ActionId.HOME_ACTION_DONE)(done)

    @app.action(ActionId.ACTION_PROGRESS)
    @opens_modal
    def open_progress(body: dict[str, Any]) -> View:
        action = actions.get(uow=ctx.uow(), clock=ctx.clock, user_id=body["user"]["id"],
                             action_id=int(button_value(body) or 0))
        return views.progress_modal(action)

    @app.view(CallbackId.PROGRESS_MODAL)
    def submit_progress(
        ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient
    ) -> None:
        text = state_value(view, BlockId.PROGRESS_TEXT, InputId.TEXT) or ""
        user = body["user"]["id"]
        try:
            action, note = actions.add_progress(
                uow=ctx.uow(), clock=ctx.clock, user_id=user,
                action_id=int(metadata(view).get("action") or 0), text=text,
            )
        except CasebotError as exc:
            ack(response_action="errors", errors=modal_errors(CallbackId.PROGRESS_MODAL, exc))
            return
        ack()

        def work() -> None:
            client.chat_postMessage(channel=user, **replies.progress_saved(action, note))
            meeting.refresh_for_action(ctx, action.id)
            home_tab.refresh(ctx, client, user)

        later(client, body, work)

    @app.action(ActionId.NUDGE_SNOOZE)
    def snooze(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()

        def work() -> None:
            until = nudges.snooze(uow=ctx.uow(), clock=ctx.clock, user_id=body["user"]["id"],
                                  meeting_id=int(button_value(body) or 0))
            change_clicked(ctx, client, body, lambda blocks: replies.after_snooze(blocks, until))

        later(client, body, work)


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput("Pick the due date from the calendar.") from None
