"""Global middleware: Slack's retries and duplicate deliveries become no-ops."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltResponse

from bot.context import AppContext
from bot.services import events


def delivery_keys(body: dict[str, Any]) -> list[str]:
    """Keys that identify one delivery: the event_id, and for messages the message itself
    (Slack has sent the same message under two event_ids)."""
    if body.get("type") != "event_callback":
        return []
    keys = [f"event:{body['event_id']}"] if body.get("event_id") else []
    event = body.get("event") or {}
    if event.get("type") == "message" and event.get("channel") and event.get("ts"):
        keys.append(f"message:{event['channel']}:{event['ts']}")
    return keys


def install(app: App, ctx: AppContext) -> None:
    @app.middleware
    def once_per_delivery(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
        if body.get("type") == "app_rate_limited":
            return BoltResponse(status=200, body="")  # Slack pauses delivery; nothing to do
        keys = delivery_keys(body)
        fresh = [events.first_delivery(uow=ctx.uow(), clock=ctx.clock, key=k) for k in keys]
        if keys and not all(fresh):
            return BoltResponse(status=200, body="")
        next()
        return None
