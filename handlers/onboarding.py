"""Champions' onboarding in Slack: ``/casebot champion @user Agency``, the checklist's *Tick* and
*Help* buttons (DM and App Home), the mentor's *Nudge* and the facilitators' *Welcome to the
channel*. Listeners parse, ack and call ``bot.services.onboarding``."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.context import AppContext
from bot.domain import InvalidInput
from bot.services import home, onboarding
from handlers import kit, onboarding_views, views
from handlers.background import later, opens_modal
from handlers.ids import COMMAND, ActionId
from handlers.own_messages import change_clicked
from handlers.parsing import button_value
from handlers.text import escape, mention
from handlers.views import View

USAGE = f"Try `{COMMAND} champion @person Agency name`, in the group's channel."
MENTION = re.compile(r"<@([UW][A-Z0-9]{2,30})(?:\|[^>]*)?>")


def parse_champion(rest: str) -> tuple[str, str]:
    """(the person's Slack ID, the agency's name) from ``<@U…|name> Agency name``."""
    found = MENTION.match(rest.strip())
    agency = rest.strip()[found.end():].strip() if found else ""
    if not found or not agency:
        raise InvalidInput(USAGE)
    return found.group(1), agency


def add_from_slack(ctx: AppContext, user: str, channel: str | None, target: tuple[str, str],
                   respond: Respond) -> None:
    added = onboarding.add_champion(
        uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer, user=target[0],
        agency=target[1], actor=user, asker=user, channel_id=channel,
    )
    ctx.deliver(added.outbox_keys)
    p = added.progress
    mentor = (f"{mention(p.mentor)} is their mentor" if p.mentor
              else "no mentor is free yet: pair one later with `casebot champion mentor`")
    handed = f" (handed over from {mention(added.handed_over_from)})" \
        if added.handed_over_from else ""
    respond(response_type="ephemeral",
            text=f"{mention(p.champion)} is now the champion for {escape(p.agency)} in "
                 f"{escape(p.group)}{handed}; {mentor}. Both have been told by DM.")


def _ticked(value: str) -> Any:
    """The clicked message's blocks with the ticked item shown done."""

    def change(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for block in blocks:
            accessory = block.get("accessory") or {}
            if (accessory.get("action_id") == ActionId.ONBOARDING_TICK
                    and accessory.get("value") == value):
                text = block["text"]["text"].replace("⬜", "✅", 1).replace(
                    " _(ticks itself)_", "")
                out.append(kit.section(text))
                continue
            elements = block.get("elements") or []
            if (block.get("type") == "actions" and len(elements) == 1
                    and elements[0].get("action_id") == ActionId.ONBOARDING_HELP
                    and elements[0].get("value") == value):
                continue  # its Help stays reachable from the Home
            out.append(block)
        return out

    return change


def _publish_home(ctx: AppContext, client: WebClient, user: str) -> None:
    client.views_publish(user_id=user, view=views.home(
        home.home_for(uow=ctx.uow(), clock=ctx.clock, user_id=user)))


def register(app: App, ctx: AppContext) -> None:
    @app.action(ActionId.ONBOARDING_TICK)
    def tick(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user, value = body["user"]["id"], button_value(body)

        def work() -> None:
            done = onboarding.tick(uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                                   user_id=user, value=value)
            ctx.deliver(done.outbox_keys)
            if (body.get("view") or {}).get("type") == "home":
                _publish_home(ctx, client, user)
            else:
                change_clicked(ctx, client, body, _ticked(value))
            if done.progress.completed_on is not None and done.outbox_keys:
                client.chat_postMessage(
                    channel=user, text=onboarding_views.tick_receipt(done.progress,
                                                                     done.item.title))

        later(client, body, work)

    @app.action(ActionId.ONBOARDING_HELP)
    @opens_modal
    def help_button(body: dict[str, Any]) -> View:
        item = onboarding.help_for(uow=ctx.uow(), user_id=body["user"]["id"],
                                   value=button_value(body))
        return {
            "type": "modal",
            "title": kit.plain("Onboarding"),
            "close": kit.plain("Close"),
            "blocks": [kit.section(onboarding_views.help_text(item))],
        }

    @app.action(ActionId.MENTEE_NUDGE)
    def nudge(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user = body["user"]["id"]

        def work() -> None:
            keys = onboarding.nudge_mentee(uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                                           user_id=user, value=button_value(body))
            ctx.deliver(keys)
            client.chat_postMessage(channel=user, text="Nudged: they've had a kind reminder "
                                                       "from you about their checklist.")

        later(client, body, work)

    @app.action(ActionId.WELCOME_CHAMPION)
    def welcome(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user = body["user"]["id"]

        def work() -> None:
            keys = onboarding.welcome(uow=ctx.uow(), clock=ctx.clock, renderer=ctx.renderer,
                                      user_id=user, value=button_value(body))
            ctx.deliver(keys)
            change_clicked(ctx, client, body, lambda blocks: [
                b for b in blocks if b.get("type") != "actions"
            ] + [kit.context("👋 Welcomed in the channel.")])

        later(client, body, work)
