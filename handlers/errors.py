"""Failures become kind messages to the person; details stay out of logs (no request bodies)."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from slack_bolt import App, BoltRequest
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


LAST_RETRY = 3  # Slack retries an event three times, then gives up


def _retry_number(request: BoltRequest) -> int:
    raw = (request.headers.get("x-slack-retry-num") or ["0"])[0]
    return int(raw) if raw.isdigit() else 0


def install(app: App) -> None:
    @app.error
    def unexpected(
        error: Exception, body: dict[str, Any], client: WebClient, request: BoltRequest
    ) -> None:
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
        if body.get("type") == "event_callback" and _retry_number(request) < LAST_RETRY:
            return  # the event is answered 500 and Slack sends it again: nothing is lost yet
        tell(client, body, SORRY.format(ref=ref))
