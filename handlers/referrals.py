"""``/casebot refer`` and ``/casebot exit``: the referral form and its check, the facilitators'
Accept / Decline / More information buttons, and the exit form. Listeners parse, ack and call
``bot.services.referrals`` or ``bot.services.exits``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot.context import AppContext
from bot.domain import CasebotError, InvalidInput, ReferralDecision
from bot.screen import show_quietly
from bot.screen_lock import one_at_a_time
from bot.services import exits, referrals, running
from bot.validation import CASE_CODE
from handlers import referral_views
from handlers.background import later, opens_modal
from handlers.field_errors import modal_errors
from handlers.ids import COMMAND, ActionId, BlockId, CallbackId, InputId
from handlers.parsing import button_value, metadata
from handlers.views import View


def _element(view: dict[str, Any], block: str, action: str) -> dict[str, Any]:
    values = (view.get("state") or {}).get("values") or {}
    found = (values.get(block) or {}).get(action) or {}
    return found if isinstance(found, dict) else {}


def _text(view: dict[str, Any], block: str) -> str:
    value = _element(view, block, InputId.TEXT).get("value")
    return value if isinstance(value, str) else ""


def _chosen(view: dict[str, Any], block: str, action: str) -> str | None:
    option = _element(view, block, action).get("selected_option")
    value = option.get("value") if isinstance(option, dict) else None
    return value if isinstance(value, str) else None


def _chosen_many(view: dict[str, Any], block: str) -> tuple[str, ...]:
    options = _element(view, block, InputId.CHOICES).get("selected_options") or []
    return tuple(str(o.get("value")) for o in options if isinstance(o, dict) and o.get("value"))


def _date(view: dict[str, Any], block: str, field: str) -> dt.date | None:
    value = _element(view, block, InputId.DATE).get("selected_date")
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput("Choose a date from the calendar.", field=field) from None


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _form_from_modal(view: dict[str, Any]) -> dict[str, Any]:
    """The referral modal's answers as plain values (the check modal carries them, signed)."""
    consent = _chosen(view, BlockId.REFER_CONSENT, InputId.CHOICE)
    consent_date = _date(view, BlockId.REFER_CONSENT_DATE, "consent_date")
    review = _date(view, BlockId.REFER_REVIEW, "review_on")
    key_worker = _element(view, BlockId.REFER_KEY_WORKER, InputId.OWNER).get("selected_user")
    return {
        "group": metadata(view).get("group"),
        "agency": _int(_chosen(view, BlockId.REFER_AGENCY, InputId.AGENCY)),
        "key_worker": key_worker if isinstance(key_worker, str) else None,
        "criteria": list(_chosen_many(view, BlockId.REFER_CRITERIA)),
        "consent": None if consent is None else consent == "yes",
        "consent_date": consent_date.isoformat() if consent_date else None,
        "method": _chosen(view, BlockId.REFER_CONSENT_METHOD, InputId.CHOICE),
        "agencies": [a for a in (_int(v) for v in _chosen_many(view, BlockId.REFER_AGENCIES))
                     if a is not None],
        "review": review.isoformat() if review else None,
    }


def _form(user: str, data: dict[str, Any], summary: str) -> referrals.ReferralForm:
    def day(value: Any) -> dt.date | None:
        return dt.date.fromisoformat(value) if isinstance(value, str) and value else None

    return referrals.ReferralForm(
        user_id=user, group_id=_int(data.get("group")) or 0, agency_id=_int(data.get("agency")),
        key_worker=data.get("key_worker"), criteria=tuple(data.get("criteria") or ()),
        summary=summary, consent_obtained=data.get("consent"),
        consent_date=day(data.get("consent_date")), consent_method=data.get("method"),
        agency_ids=tuple(data.get("agencies") or ()), review_on=day(data.get("review")),
    )


def open_refer_modal(ctx: AppContext, client: WebClient, trigger_id: str, user: str,
                     channel_id: str | None) -> None:
    """Check the person may refer (a refusal is a message), then open the form."""
    offer = referrals.choices(uow=ctx.uow(), user_id=user, channel_id=channel_id)
    client.views_open(trigger_id=trigger_id, view=referral_views.refer_modal(
        group_id=offer.group_id, group=offer.group, agencies=offer.agencies,
        group_agency_ids=offer.group_agency_ids, own_agency_id=offer.own_agency_id,
    ))


def parse_exit(rest: str) -> str:
    code = rest.strip().upper()
    if not CASE_CODE.fullmatch(code):
        raise InvalidInput(f"Give the client's case code: `{COMMAND} exit U1R-014`.")
    return code


def open_exit_modal(ctx: AppContext, client: WebClient, trigger_id: str, user: str,
                    code: str) -> None:
    if not code:
        raise InvalidInput("Which client? `/casebot exit U1R-014`")
    exits.check_exit(uow=ctx.uow(), user_id=user, case_code=code)
    client.views_open(trigger_id=trigger_id,
                      view=referral_views.exit_modal(code, ctx.clock.now().date()))


@one_at_a_time
def _refresh_screen(ctx: AppContext, channel_id: str) -> None:
    """A decision in a running meeting changes the client on screen: show it as it is now."""
    try:
        screen, where = running.current(uow=ctx.uow(), clock=ctx.clock, channel_id=channel_id)
    except CasebotError:
        return  # no meeting running: nothing on screen to change
    if where is not None:
        show_quietly(ctx, screen, where)


def register(app: App, ctx: AppContext) -> None:
    @app.view(CallbackId.REFER_MODAL)
    def refer_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        user = body["user"]["id"]
        try:
            data = _form_from_modal(view)
            checked = referrals.preview(
                uow=ctx.uow(), clock=ctx.clock,
                form=_form(user, data, _text(view, BlockId.REFER_SUMMARY)),
            )
        except CasebotError as exc:
            ack(response_action="errors", errors=modal_errors(CallbackId.REFER_MODAL, exc))
            return
        ack(response_action="update", view=referral_views.refer_check_modal(checked, data))

    @app.view(CallbackId.REFER_CHECK_MODAL)
    def refer_confirmed(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                        client: WebClient) -> None:
        user = body["user"]["id"]
        try:
            data = metadata(view)
            summary = str(data.get("summary") or "")
            words = _text(view, BlockId.REFER_HIDE)
            if words.strip():  # take them out, then show the check again
                form = _form(user, data, referrals.hide_words(summary, words))
                again = referrals.preview(uow=ctx.uow(), clock=ctx.clock, form=form)
                ack(response_action="update",
                    view=referral_views.refer_check_modal(again, _without_summary(data)))
                return
            created = referrals.create(uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                                       form=_form(user, data, summary))
        except CasebotError as exc:
            ack(response_action="errors", errors=modal_errors(CallbackId.REFER_CHECK_MODAL, exc))
            return
        ack()

        def work() -> None:
            ctx.deliver(created.outbox_keys)
            client.chat_postMessage(channel=user,
                                    **referral_views.referral_saved(created.referral))

        later(client, body, work)

    def decided(decision: ReferralDecision) -> Any:
        def listener(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
            ack()
            user, code = body["user"]["id"], button_value(body)

            def work() -> None:
                done = referrals.decide(uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                                        user_id=user, case_code=code, decision=decision)
                _after_decision(ctx, client, body, done)

            later(client, body, work)

        return listener

    app.action(ActionId.REFERRAL_ACCEPT)(decided(ReferralDecision.ACCEPTED))
    app.action(ActionId.REFERRAL_MORE_INFO)(decided(ReferralDecision.MORE_INFO))

    @app.action(ActionId.REFERRAL_DECLINE)
    @opens_modal
    def decline(body: dict[str, Any]) -> View:
        code = button_value(body)
        referrals.check_decider(uow=ctx.uow(), user_id=body["user"]["id"], case_code=code)
        return referral_views.decline_modal(code)

    @app.view(CallbackId.DECLINE_MODAL)
    def decline_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                          client: WebClient) -> None:
        try:
            done = referrals.decide(
                uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                user_id=body["user"]["id"], case_code=str(metadata(view).get("code") or ""),
                decision=ReferralDecision.DECLINED, reason=_text(view, BlockId.DECLINE_REASON),
            )
        except CasebotError as exc:
            ack(response_action="errors", errors=modal_errors(CallbackId.DECLINE_MODAL, exc))
            return
        ack()
        later(client, body, lambda: _after_decision(ctx, client, body, done))

    @app.view(CallbackId.EXIT_MODAL)
    def exit_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                       client: WebClient) -> None:
        user = body["user"]["id"]
        try:
            done = exits.exit_client(
                uow=ctx.uow(), clock=ctx.clock, case_code=str(metadata(view).get("code") or ""),
                outcome=exits.outcome_of(_chosen(view, BlockId.EXIT_OUTCOME, InputId.CHOICE)),
                exited_on=_date(view, BlockId.EXIT_DATE, "date"),
                note=_text(view, BlockId.EXIT_NOTE), actor=user, user_id=user,
            )
        except CasebotError as exc:
            ack(response_action="errors", errors=modal_errors(CallbackId.EXIT_MODAL, exc))
            return
        ack()

        def work() -> None:
            client.chat_postMessage(channel=user, **referral_views.exit_saved(done))
            if done.meeting is not None:
                _refresh_screen(ctx, done.meeting.channel_id)

        later(client, body, work)


def _without_summary(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "summary"}


def _after_decision(ctx: AppContext, client: WebClient, body: dict[str, Any],
                    done: referrals.Decided) -> None:
    """Tell the referrer (outbox), the person who decided, and keep the meeting screen true."""
    ctx.deliver(done.outbox_keys)
    user = body["user"]["id"]
    channel = (body.get("channel") or {}).get("id") or done.channel_id
    text = referral_views.decision_receipt(done.decided)
    if str(channel).startswith(("C", "G")):
        client.chat_postEphemeral(channel=channel, user=user, text=text)
    else:
        client.chat_postMessage(channel=user, text=text)
    _refresh_screen(ctx, done.channel_id)
