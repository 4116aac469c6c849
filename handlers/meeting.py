"""Facilitator mode: /casebot start|next|back|skip|end, the presenter's buttons, who is here,
decisions and notes (command, button or message shortcut), taking a wrong entry back, and the
one-click reassign."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.context import AppContext
from bot.domain import CasebotError
from bot.screen import Where, show, show_quietly
from bot.screen_lock import SCREEN, one_at_a_time
from bot.services import actions, closing, meeting_screen, reassign, records, running
from handlers import replies, views
from handlers.background import later, opens_modal
from handlers.field_errors import modal_errors
from handlers.ids import ActionId, BlockId, CallbackId, InputId
from handlers.own_messages import replace_clicked
from handlers.parsing import button_value, metadata, plain_text, shortcut_message_text, state_value
from handlers.views import View

STEP_OF = {
    ActionId.STEP_NEXT: "next",
    ActionId.STEP_BACK: "back",
    ActionId.STEP_SKIP: "skip",
    ActionId.STEP_DISCUSSED: "discussed",
    ActionId.STEP_SKIPPED: "skipped",
}


def drafted_from_message(ctx: AppContext, body: dict[str, Any]) -> actions.Draft:
    """What a message shortcut (record an action or a decision) starts its form with: the
    message's words, de-identified, and the client they name or the one on screen."""
    return actions.draft_from_message(uow=ctx.uow(), clock=ctx.clock, user_id=body["user"]["id"],
                                      channel_id=body["channel"]["id"],
                                      text=shortcut_message_text(body))


@one_at_a_time
def refresh_for_action(ctx: AppContext, action_id: int) -> None:
    """After an action changes elsewhere (Done from a DM, say): keep the meeting's screen true.

    A screen that cannot be edited is not the user's problem: their action was saved."""
    found = meeting_screen.screen_for_action(uow=ctx.uow(), clock=ctx.clock, action_id=action_id)
    if found is not None:
        show_quietly(ctx, *found)


@one_at_a_time
def _refresh(ctx: AppContext, where: Where) -> None:
    """Show the meeting's screen, wherever it is, as it is now (after an entry changed)."""
    if where is None:
        return
    screen, _ = running.current(uow=ctx.uow(), clock=ctx.clock, channel_id=where[0])
    show(ctx, screen, where)


@one_at_a_time
def start(ctx: AppContext, user: str, channel: str) -> str:
    """Open the meeting and post its screen; the reply for the facilitator."""
    screen = running.start(uow=ctx.uow(), clock=ctx.clock, user_id=user, channel_id=channel)
    _, where = running.current(uow=ctx.uow(), clock=ctx.clock, channel_id=channel)
    show(ctx, screen, where, post_in=channel)
    if where is not None:
        return "The meeting is already running; I've refreshed its message in the channel."
    return replies.meeting_started(screen)


@one_at_a_time
def step(ctx: AppContext, user: str, channel: str, how: str, seen: str | None = None) -> None:
    try:
        screen, where = running.step(uow=ctx.uow(), clock=ctx.clock, user_id=user,
                                     channel_id=channel, how=how, seen=seen)
    except running.StaleScreen:
        _, where = running.current(uow=ctx.uow(), clock=ctx.clock, channel_id=channel)
        _refresh(ctx, where)  # in case this person's screen is the stale one
        raise
    show(ctx, screen, where, post_in=channel)


@one_at_a_time
def end(ctx: AppContext, user: str, channel: str) -> str:
    closed = closing.end(uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer, user_id=user,
                         channel_id=channel)
    # As in the tick: the meeting is closed whatever becomes of its screen, so the minutes go.
    show_quietly(ctx, closed.final_screen, closed.presenter, repost=False)
    ctx.deliver(closed.outbox_keys)
    return replies.meeting_ended(closed.minutes)


@one_at_a_time
def record(ctx: AppContext, client: WebClient, user: str, channel: str, kind: str,
           code: str | None, text: str, respond: Respond | None = None) -> None:
    view, where = records.record(uow=ctx.uow(), clock=ctx.clock, user_id=user,
                                 channel_id=channel, kind=kind, case_code=code,
                                 text=plain_text(text))
    _refresh(ctx, where)
    note = replies.recorded(view)
    if respond is not None:
        respond(response_type="ephemeral", **note)
    else:
        client.chat_postEphemeral(channel=channel, user=user, **note)


def _register_steps(app: App, ctx: AppContext) -> None:
    def stepper(how: str) -> Any:
        def listener(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
            ack()
            _, _, seen = button_value(body).partition(":")
            later(client, body, lambda: step(ctx, body["user"]["id"],
                                             body["channel"]["id"], how, seen))

        return listener

    for action_id, how in STEP_OF.items():
        app.action(action_id)(stepper(how))

    @app.action(ActionId.END_MEETING)
    def end_button(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()

        def work() -> None:
            text = end(ctx, body["user"]["id"], body["channel"]["id"])
            client.chat_postEphemeral(channel=body["channel"]["id"], user=body["user"]["id"],
                                      text=text)

        later(client, body, work)

    @app.action(ActionId.MARK_PRESENT)
    @opens_modal
    def who_is_here(body: dict[str, Any]) -> View:
        channel = body["channel"]["id"]
        running.check_runner_here(uow=ctx.uow(), user_id=body["user"]["id"], channel_id=channel)
        screen, _ = running.current(uow=ctx.uow(), clock=ctx.clock, channel_id=channel)
        return views.present_modal(channel, list(screen.present or screen.attending))

    @app.view(CallbackId.PRESENT_MODAL)
    def present_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                          client: WebClient) -> None:
        try:
            channel = str(metadata(view).get("channel"))
            running.check_runner_here(uow=ctx.uow(), user_id=body["user"]["id"],
                                      channel_id=channel)
        except CasebotError as exc:
            ack(response_action="errors", errors=modal_errors(CallbackId.PRESENT_MODAL, exc))
            return
        ack()
        chosen = state_value(view, BlockId.PRESENT, InputId.USERS) or []

        def work() -> None:
            with SCREEN:
                screen, where = running.mark_present(uow=ctx.uow(), clock=ctx.clock,
                                                     user_id=body["user"]["id"],
                                                     channel_id=channel,
                                                     present=list(chosen))
                show(ctx, screen, where)

        later(client, {**body, "channel": {"id": channel}}, work)


def _register_records(app: App, ctx: AppContext) -> None:
    def open_record(kind: str) -> Any:
        def build(body: dict[str, Any]) -> View:
            channel = body["channel"]["id"]
            records.check_member_here(uow=ctx.uow(), user_id=body["user"]["id"],
                                      channel_id=channel)
            return views.record_modal(kind=kind, case_code=button_value(body) or None,
                                      channel_id=channel)

        return opens_modal(build)

    app.action(ActionId.RECORD_DECISION)(open_record("decision"))
    app.action(ActionId.RECORD_NOTE)(open_record("note"))

    @app.shortcut(CallbackId.RECORD_DECISION_SHORTCUT)
    @opens_modal
    def decision_from_message(body: dict[str, Any]) -> View:
        draft = drafted_from_message(ctx, body)
        return views.record_modal(kind="decision", case_code=draft.case_code,
                                  channel_id=body["channel"]["id"], initial_text=draft.text)

    @app.view(CallbackId.RECORD_MODAL)
    def record_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                         client: WebClient) -> None:
        code = str(state_value(view, BlockId.RECORD_CLIENT, InputId.CODE) or "").strip().upper()
        text = plain_text(state_value(view, BlockId.RECORD_TEXT, InputId.TEXT) or "")
        user = body["user"]["id"]
        try:
            data = metadata(view)
            channel = str(data.get("channel"))
            if data.get("record"):
                changed, where = records.change_record(uow=ctx.uow(), clock=ctx.clock,
                                                       user_id=user, record_id=int(data["record"]),
                                                       text=text)
                receipt = replies.recorded(changed, edited=True) if changed is not None else None
            else:
                made, where = records.record(uow=ctx.uow(), clock=ctx.clock, user_id=user,
                                             channel_id=channel, kind=str(data.get("kind")),
                                             case_code=code or None, text=text)
                receipt = replies.recorded(made)
        except CasebotError as exc:
            ack(response_action="errors", errors=modal_errors(CallbackId.RECORD_MODAL, exc))
            return
        ack()

        def work() -> None:
            _refresh(ctx, where)
            if receipt is not None:
                client.chat_postEphemeral(channel=channel, user=user, **receipt)

        later(client, {**body, "channel": {"id": channel}}, work)

    @app.action(ActionId.RECORD_EDIT)
    @opens_modal
    def edit_record(body: dict[str, Any]) -> View:
        found = records.record_for_editing(uow=ctx.uow(), user_id=body["user"]["id"],
                                           record_id=int(button_value(body) or 0))
        return views.record_modal(kind=found.kind, case_code=found.case_code,
                                  channel_id=body["channel"]["id"], initial_text=found.text,
                                  record_id=found.id)

    @app.action(ActionId.RECORD_REMOVE)
    def take_back(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        kind, _, raw = button_value(body).partition(":")
        user = body["user"]["id"]

        def work() -> None:
            if kind == "action":
                where = records.remove_action(uow=ctx.uow(), clock=ctx.clock, user_id=user,
                                              action_id=int(raw or 0))
            else:
                _, where = records.change_record(uow=ctx.uow(), clock=ctx.clock, user_id=user,
                                                 record_id=int(raw or 0), text=None)
            respond(replace_original=True, text=replies.REMOVED)
            _refresh(ctx, where)

        later(client, body, work)


def _register_reassign(app: App, ctx: AppContext) -> None:
    @app.action(ActionId.ACTION_REASSIGN_ASK)
    def ask(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user = body["user"]["id"]

        def work() -> None:
            asked = reassign.request_reassign(uow=ctx.uow(), clock=ctx.clock,
                                               renderer=ctx.renderer, user_id=user,
                                               action_id=int(button_value(body) or 0))
            ctx.deliver(asked.outbox_keys)
            client.chat_postEphemeral(channel=body["channel"]["id"], user=user,
                                      text=replies.reassign_asked(len(asked.requests)))

        later(client, body, work)

    @app.action(ActionId.ACTION_REASSIGN)
    def chosen(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        picked = (body.get("actions") or [{}])[0]
        block = str(picked.get("block_id", ""))
        user = body["user"]["id"]

        def work() -> None:
            done = reassign.reassign(
                uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer, user_id=user,
                action_id=int(block.removeprefix("reassign-") or 0),
                new_owner=str(picked.get("selected_user") or ""),
            )
            ctx.deliver(done.outbox_keys)
            replace_clicked(ctx, client, body,
                            replies.reassigned(done.action, user, withheld=done.withheld))
            if done.previous_owner and done.previous_owner != done.action.owner:
                client.chat_postMessage(channel=done.previous_owner,
                                        **replies.handed_on(done.action))
            refresh_for_action(ctx, done.action.id)

        later(client, body, work)


def register(app: App, ctx: AppContext) -> None:
    _register_steps(app, ctx)
    _register_records(app, ctx)
    _register_reassign(app, ctx)
