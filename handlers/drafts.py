"""The author's check before an update or action is accepted: Confirm, Edit, Hide more words.

The DM showing a draft is found from the draft (the outbox remembers where it went), never from
the channel and ts in a button's payload or a modal's metadata.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.context import AppContext
from bot.domain import CasebotError, DraftView, InvalidInput, UpdateReceipt
from bot.services import drafts, restore
from handlers import home as home_tab
from handlers import meeting, replies, views
from handlers.background import later, opens_modal
from handlers.field_errors import modal_errors
from handlers.ids import ActionId, BlockId, CallbackId, InputId
from handlers.own_messages import replace_by_key
from handlers.parsing import button_value, metadata, state_value
from handlers.restore import restored_note
from handlers.views import View


def _shown_at(ctx: AppContext, user: str, draft_id: int) -> str:
    return drafts.shown_at(uow=ctx.uow(), clock=ctx.clock, user_id=user, draft_id=draft_id)


def register(app: App, ctx: AppContext) -> None:
    @app.action(ActionId.DRAFT_CONFIRM)
    def confirm(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user, draft = body["user"]["id"], int(button_value(body) or 0)

        def work() -> None:
            shown = _shown_at(ctx, user, draft)  # before confirming deletes the draft
            result = drafts.confirm(uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                                      user_id=user, draft_id=draft, source="dm")
            assert isinstance(result, UpdateReceipt)  # DM drafts are updates
            ctx.deliver(result.outbox_keys)
            replace_by_key(ctx, client, shown, user,
                           replies.update_receipt(result, via_dm=True))
            home_tab.refresh(ctx, client, user)

        later(client, body, work)

    def own_draft(body: dict[str, Any]) -> DraftView:
        """The draft the button is on; only its author gets it (the check raises a kind
        refusal)."""
        return drafts.draft_for_editing(uow=ctx.uow(), clock=ctx.clock,
                                        user_id=body["user"]["id"],
                                        draft_id=int(button_value(body) or 0))

    @app.action(ActionId.DRAFT_EDIT)
    @opens_modal
    def edit(body: dict[str, Any]) -> View:
        draft = own_draft(body)
        return views.update_modal(case_code=draft.case_code, meeting=None, initial=draft.text,
                                  draft_id=draft.draft_id)

    @app.action(ActionId.DRAFT_HIDE)
    @opens_modal
    def hide(body: dict[str, Any]) -> View:
        return views.hide_words_modal(own_draft(body).draft_id)

    @app.action(ActionId.DRAFT_KEEP)
    def keep(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()

        def work() -> None:
            listing = views.keep_words_modal(restore.choices(
                uow=ctx.uow(), clock=ctx.clock, user_id=body["user"]["id"],
                draft_id=int(button_value(body) or 0),
            ))
            if (body.get("container") or {}).get("type") == "view":  # on the form's check
                client.views_push(trigger_id=body["trigger_id"], view=listing)
            else:
                client.views_open(trigger_id=body["trigger_id"], view=listing)

        later(client, body, work)

    @app.view(CallbackId.KEEP_MODAL)
    def keep_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                       client: WebClient) -> None:
        user = body["user"]["id"]
        try:
            data = metadata(view)
            draft = int(data.get("draft") or 0)
            chosen = state_value(view, BlockId.KEEP_WORD, InputId.WORD) or {}
            try:
                index = int(chosen.get("value") if isinstance(chosen, dict) else "")
            except (TypeError, ValueError):
                raise InvalidInput("Choose a word from the list.") from None
            done = restore.restore(uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                                   user_id=user, draft_id=draft, index=index,
                                   shown=str(data.get("v") or ""))
        except CasebotError as exc:
            ack(response_action="errors", errors=modal_errors(CallbackId.KEEP_MODAL, exc))
            return
        ack(response_action="update", view=views.keep_done_modal(restored_note(done)))

        under = view.get("previous_view_id")  # the form's check screen, if pushed on it

        def work() -> None:
            ctx.deliver(done.outbox_keys)
            if under:
                client.views_update(view_id=under, view=views.preview_modal(done.preview))
            else:
                replace_by_key(ctx, client, _shown_at(ctx, user, draft), user,
                               replies.preview(done.preview))

        later(client, body, work)

    @app.view(CallbackId.HIDE_MODAL)
    def hide_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                       client: WebClient) -> None:
        user = body["user"]["id"]
        try:
            draft = int(metadata(view).get("draft") or 0)
            preview = drafts.hide_more(
                uow=ctx.uow(), clock=ctx.clock, user_id=user, draft_id=draft,
                words=state_value(view, BlockId.PREVIEW_HIDE, InputId.TEXT) or "",
            )
        except CasebotError as exc:
            ack(response_action="errors", errors=modal_errors(CallbackId.HIDE_MODAL, exc))
            return
        ack()
        # A draft from the form had its check in the modal: then there is no DM to change.
        later(client, body, lambda: replace_by_key(ctx, client, _shown_at(ctx, user, draft), user,
                                                   replies.preview(preview)))

    @app.view(CallbackId.PREVIEW_MODAL)
    def preview_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                          client: WebClient) -> None:
        user = body["user"]["id"]
        words = state_value(view, BlockId.PREVIEW_HIDE, InputId.TEXT)
        try:
            draft = int(metadata(view).get("draft") or 0)
            if words:  # hide them, then show the check again
                again = drafts.hide_more(uow=ctx.uow(), clock=ctx.clock, user_id=user,
                                           draft_id=draft, words=words)
                ack(response_action="update", view=views.preview_modal(again))
                return
            result = drafts.confirm(uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                                      user_id=user, draft_id=draft, source="modal")
        except CasebotError as exc:
            ack(response_action="errors", errors=modal_errors(CallbackId.PREVIEW_MODAL, exc))
            return
        ack()

        def work() -> None:
            ctx.deliver(result.outbox_keys)
            if isinstance(result, UpdateReceipt):
                client.chat_postMessage(channel=user,
                                        **replies.update_receipt(result, via_dm=False))
                home_tab.refresh(ctx, client, user)
                return
            recorded = result.result
            home_tab.refresh(ctx, client, user, recorded.action.owner)
            if recorded.live and recorded.channel_id:  # in the meeting: a receipt to undo it
                meeting.refresh_for_action(ctx, recorded.action.id)
                client.chat_postEphemeral(channel=recorded.channel_id, user=user,
                                          **replies.action_receipt(recorded,
                                                                   recorded.channel_id))

        later(client, body, work)
