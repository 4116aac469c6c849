"""The App Home tab and what happens when someone joins a group's channel."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.context import AppContext
from bot.services import events, home
from handlers import kit, views
from handlers.background import later
from handlers.ids import ActionId
from handlers.parsing import button_value

log = logging.getLogger(__name__)


def publish(ctx: AppContext, client: WebClient, user: str,
            pages: dict[str, int] | None = None) -> None:
    """Publish the user's Home tab as it is now (``pages``: which page of each list)."""
    client.views_publish(user_id=user, view=views.home(
        home.home_for(uow=ctx.uow(), clock=ctx.clock, user_id=user), pages))


def refresh(ctx: AppContext, client: WebClient, *users: str | None) -> None:
    """What these users' Home tabs show has changed: publish them again (call from background
    work, after the change is saved). Best effort: a Home that could not be refreshed is
    published again when its owner opens it, so a failure here is logged, never shown."""
    for user in dict.fromkeys(u for u in users if u):
        try:
            publish(ctx, client, user)
        except Exception as exc:  # the saved change stands whatever Slack says
            log.warning("could not refresh a Home tab (%s)", type(exc).__name__)


def page_of(value: str) -> dict[str, int]:
    """A paging button's value "<list>:<page>" as pages to show (nonsense: the first page)."""
    name, _, page = value.partition(":")
    if name not in views.HOME_PAGE_SIZES or not page.isdigit() or len(page) > 4:
        return {}
    return {name: int(page)}


def register(app: App, ctx: AppContext) -> None:
    @app.event("app_home_opened")
    def home_opened(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        user = event["user"]
        # Publishing the Home tab again is harmless: no claim needed, and it can wait.
        later(client, body, lambda: publish(ctx, client, user))

    @app.action(ActionId.HOME_PAGE)
    def home_page(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        user = body["user"]["id"]
        pages = page_of(button_value(body) or "")
        later(client, body, lambda: publish(ctx, client, user, pages))

    @app.event("member_joined_channel")
    def joined(event: dict[str, Any], body: dict[str, Any], client: WebClient,
               context: BoltContext) -> None:
        channel, user = event.get("channel"), event.get("user")
        if not channel or not user or user == context.bot_user_id:
            return
        known = home.channel_member(uow=ctx.uow(), channel_id=channel, user_id=user)
        if known is None:
            return  # not a case coordination channel
        event_id = body.get("event_id")
        if not isinstance(event_id, str) or not event_id.isalnum() or len(event_id) > 60:
            return  # not an id Slack would send
        if not events.first_delivery(uow=ctx.uow(), clock=ctx.clock, key=f"event:{event_id}"):
            return  # Slack's retry of a welcome already given
        text = WELCOME if known else NOT_SET_UP
        later(client, body, lambda: client.chat_postEphemeral(
            channel=channel, user=user, text=text, blocks=[kit.section(text)]))


WELCOME = (
    "Welcome! I'm Casebot. Before each meeting I'll DM you about attendance and updates for your "
    "clients. Type `/casebot help` to see what I can do."
)
NOT_SET_UP = (
    "Welcome! This channel's case coordination meetings use Casebot. You're not set up in it "
    "yet: ask the secretariat to add you so you get meeting prompts."
)
