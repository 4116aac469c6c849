"""The author's check before an update or action is accepted: Confirm, Edit, Hide more words."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.context import AppContext
from bot.domain import CasebotError, UpdateReceipt
from bot.services import previews
from handlers import meeting, replies, views
from handlers.errors import kindly
from handlers.ids import ActionId, BlockId, CallbackId, InputId
from handlers.parsing import button_value, metadata, state_value


def register(app: App, ctx: AppContext) -> None:
    @app.action(ActionId.DRAFT_CONFIRM)
    def confirm(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        with kindly(client, body):
            result = previews.confirm(
                uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                user_id=body["user"]["id"], draft_id=int(button_value(body) or 0), source="dm",
            )  # fmt: skip
            assert isinstance(result, UpdateReceipt)  # DM drafts are updates
            ctx.deliver(result.outbox_keys)
            client.chat_update(
                channel=body["channel"]["id"], ts=body["message"]["ts"],
                **replies.update_receipt(result, via_dm=True),
            )  # fmt: skip

    @app.action(ActionId.DRAFT_EDIT)
    def edit(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        with kindly(client, body):
            draft = previews.draft_for_editing(
                uow=ctx.uow(), clock=ctx.clock, user_id=body["user"]["id"],
                draft_id=int(button_value(body) or 0),
            )  # fmt: skip
            client.views_open(
                trigger_id=body["trigger_id"],
                view=views.update_modal(case_code=draft.case_code, meeting=None,
                                        initial=draft.text, draft_id=draft.draft_id),
            )  # fmt: skip

    @app.action(ActionId.DRAFT_HIDE)
    def hide(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        view = views.hide_words_modal(int(button_value(body) or 0), body["channel"]["id"],
                                      body["message"]["ts"])  # fmt: skip
        client.views_open(trigger_id=body["trigger_id"], view=view)

    @app.view(CallbackId.HIDE_MODAL)
    def hide_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                       client: WebClient) -> None:  # fmt: skip
        data = metadata(view)
        try:
            preview = previews.hide_more(
                uow=ctx.uow(), clock=ctx.clock, user_id=body["user"]["id"],
                draft_id=int(data.get("draft") or 0),
                words=state_value(view, BlockId.PREVIEW_HIDE, InputId.TEXT) or "",
            )  # fmt: skip
        except CasebotError as exc:
            ack(response_action="errors", errors={BlockId.PREVIEW_HIDE: exc.message[:150]})
            return
        ack()
        client.chat_update(channel=data["channel"], ts=data["ts"], **replies.preview(preview))

    @app.view(CallbackId.PREVIEW_MODAL)
    def preview_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                          client: WebClient) -> None:  # fmt: skip
        user, draft = body["user"]["id"], int(metadata(view).get("draft") or 0)
        words = state_value(view, BlockId.PREVIEW_HIDE, InputId.TEXT)
        try:
            if words:  # hide them, then show the check again
                again = previews.hide_more(uow=ctx.uow(), clock=ctx.clock, user_id=user,
                                           draft_id=draft, words=words)  # fmt: skip
                ack(response_action="update", view=views.preview_modal(again))
                return
            result = previews.confirm(uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                                      user_id=user, draft_id=draft, source="modal")  # fmt: skip
        except CasebotError as exc:
            ack(response_action="errors", errors={BlockId.PREVIEW_HIDE: exc.message[:150]})
            return
        ack()
        ctx.deliver(result.outbox_keys)
        if isinstance(result, UpdateReceipt):
            client.chat_postMessage(channel=user, **replies.update_receipt(result, via_dm=False))
            return
        recorded = result.result
        if recorded.live and recorded.channel_id:  # in the meeting: a receipt that can undo it
            meeting.refresh_for_action(ctx, client, recorded.action.id)
            client.chat_postEphemeral(
                channel=recorded.channel_id,
                user=user,
                **replies.action_receipt(recorded, recorded.channel_id),
            )
