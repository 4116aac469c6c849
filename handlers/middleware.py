"""Global middleware: requests from elsewhere are refused and replayed interactions ignored.

A command, click or submission is claimed by its ``trigger_id``. Most listeners write nothing
before their answer, so the claim is made in the background pool with their work
(handlers.background): nothing on the way to the ack waits for the database. A form that saves
before answering is claimed here first.

Events are claimed by their listeners, in the same transaction as their work (see
bot.services.intake): a claim made here, apart from the work, would let one delivery's claim
stop another's work, and a failed work lose the event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse

from bot.context import AppContext
from bot.services import events
from handlers import background
from handlers.ids import CallbackId

SLACK_HOOKS = "https://hooks.slack.com/"
# Forms whose listener writes nothing before it answers (handlers.background.answer_form).
FORMS_ANSWERED_LATER = frozenset({CallbackId.UPDATE_MODAL})


@dataclass(frozen=True)
class Gate:
    """Who may talk to this app: one workspace and app when configured, and response URLs only
    at Slack (or the configured API host, for tests and proxies)."""

    team_id: str | None = None
    app_id: str | None = None
    hook_prefixes: tuple[str, ...] = (SLACK_HOOKS,)

    def foreign(self, body: dict[str, Any], context: BoltContext) -> bool:
        if self.team_id and context.team_id != self.team_id:
            return True
        # Slack leaves api_app_id out of some payloads (message shortcuts): judge it if present.
        app = body.get("api_app_id")
        return bool(self.app_id and app is not None and app != self.app_id)

    def hook_ok(self, url: str) -> bool:
        return not url or url.startswith(self.hook_prefixes)


def response_urls(body: dict[str, Any]) -> Iterator[str]:
    """Every URL Bolt's ``respond`` could post to for this request."""
    if isinstance(body.get("response_url"), str):
        yield body["response_url"]
    for item in body.get("response_urls") or []:
        if isinstance(item, dict) and isinstance(item.get("response_url"), str):
            yield item["response_url"]


def trigger_key(body: dict[str, Any]) -> str | None:
    """Slack makes a new trigger_id for every command, click and submission: seeing one twice
    means the request was replayed."""
    trigger = body.get("trigger_id")
    if body.get("type") == "event_callback" or not isinstance(trigger, str) or not trigger:
        return None
    return f"trigger:{trigger}"


def claimed_before_ack(body: dict[str, Any]) -> bool:
    """A submitted form saves before its answer (the answer shows what was saved, or the
    errors), so a replay must be caught first; every other request's work comes after."""
    if body.get("type") != "view_submission":
        return False
    return (body.get("view") or {}).get("callback_id") not in FORMS_ANSWERED_LATER


def install(app: App, ctx: AppContext, gate: Gate) -> None:
    @app.middleware
    def front_door(
        body: dict[str, Any], context: BoltContext, next: Callable[[], None]
    ) -> BoltResponse | None:
        if body.get("type") == "app_rate_limited":
            return BoltResponse(status=200, body="")  # Slack pauses delivery; nothing to do
        if gate.foreign(body, context):
            return BoltResponse(status=403, body="")
        if not all(gate.hook_ok(url) for url in response_urls(body)):
            return BoltResponse(status=400, body="")
        key = trigger_key(body)

        def first_delivery() -> bool:
            return events.first_delivery(uow=ctx.uow(), clock=ctx.clock, key=str(key))

        now = key is not None and claimed_before_ack(body)
        background.check_replay_with_work(None if key is None or now else first_delivery)
        if now and not first_delivery():
            return BoltResponse(status=200, body="")
        next()
        return None
