"""Failures become kind messages to the person; details stay out of logs (no request bodies)."""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterator
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.domain import CasebotError
from handlers.replies import problem

log = logging.getLogger(__name__)

SORRY = (
    "Sorry, something went wrong on my side (reference {ref}). Nothing you sent was shared. "
    "Please try again in a minute, or tell your secretariat the reference."
)


def _user(body: dict[str, Any]) -> str | None:
    user = body.get("user") or body.get("user_id") or (body.get("event") or {}).get("user")
    return user.get("id") if isinstance(user, dict) else user


def _channel(body: dict[str, Any]) -> str | None:
    channel = (
        body.get("channel") or body.get("channel_id") or (body.get("event") or {}).get("channel")
    )
    if isinstance(channel, dict):
        channel = channel.get("id")
    return channel or (body.get("container") or {}).get("channel_id")


def tell(client: WebClient, body: dict[str, Any], message: str) -> None:
    """Say ``message`` to the person who caused the request, only to them."""
    user, channel = _user(body), _channel(body)
    payload = problem(message)
    try:
        if not channel or channel.startswith("D"):
            if user:
                client.chat_postMessage(channel=user, **payload)
        elif user:
            client.chat_postEphemeral(channel=channel, user=user, **payload)
    except SlackApiError as exc:
        log.warning("could not tell a user about a problem: %s", exc.response.get("error"))


@contextlib.contextmanager
def kindly(client: WebClient, body: dict[str, Any]) -> Iterator[None]:
    """Turn a domain error inside a listener into a message to the person."""
    try:
        yield
    except CasebotError as exc:
        tell(client, body, exc.message)


def install(app: App) -> None:
    @app.error
    def unexpected(error: Exception, body: dict[str, Any], client: WebClient) -> None:
        if isinstance(error, CasebotError):
            tell(client, body, error.message)
            return
        ref = uuid.uuid4().hex[:8]
        # Type and reference only: the body and the exception text may hold what someone typed.
        log.error(
            "unexpected %s handling a %s request (reference %s)",
            type(error).__name__,
            body.get("type", "slack"),
            ref,
        )
        tell(client, body, SORRY.format(ref=ref))
