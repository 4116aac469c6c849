"""The Bolt app: built from a Web API client and the services' context."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.context import AppContext
from handlers import logs, metadata, register_all
from handlers.middleware import Gate


def _not_token_warning(record: logging.LogRecord) -> bool:
    # Bolt also reads SLACK_BOT_TOKEN itself and warns that the client's token wins: it is the
    # same token, so the warning is noise.
    return "will be unused" not in record.getMessage()


class RecordingApp(App):
    """A Bolt app that remembers what it listens for, so the manifest can be checked against it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.registered: dict[str, set[str]] = {
            "command": set(),
            "event": set(),
            "shortcut": set(),
            "action": set(),
            "view": set(),
        }

    def _record(self, kind: str, key: Any) -> None:
        self.registered[kind].add(str(key.get("type") if isinstance(key, dict) else key))

    def command(self, command: Any, *args: Any, **kwargs: Any) -> Any:
        self._record("command", command)
        return super().command(command, *args, **kwargs)

    def event(self, event: Any, *args: Any, **kwargs: Any) -> Any:
        self._record("event", event)
        return super().event(event, *args, **kwargs)

    def shortcut(self, constraints: Any, *args: Any, **kwargs: Any) -> Any:
        self._record("shortcut", constraints)
        return super().shortcut(constraints, *args, **kwargs)

    def action(self, constraints: Any, *args: Any, **kwargs: Any) -> Any:
        self._record("action", constraints)
        return super().action(constraints, *args, **kwargs)

    def view(self, constraints: Any, *args: Any, **kwargs: Any) -> Any:
        self._record("view", constraints)
        return super().view(constraints, *args, **kwargs)


def create_app(
    *,
    client: WebClient,
    signing_secret: str | None,
    ctx: AppContext,
    socket_mode: bool = False,
    gate: Gate | None = None,
    forms_secret: str | None = None,
) -> RecordingApp:
    """The Bolt app. Listeners run before Slack is answered and hand their work to a pool of
    their own (handlers.background), so an event is answered only once its work is saved."""
    logger = logs.install()
    logger.addFilter(_not_token_warning)  # the same function object is only added once
    secret = forms_secret or signing_secret
    if secret:
        metadata.configure(secret)
    app = RecordingApp(
        client=client,
        signing_secret=signing_secret,
        request_verification_enabled=not socket_mode,
        process_before_response=True,
        raise_error_for_unhandled_request=False,
        logger=logger,
    )
    register_all(app, ctx, gate or Gate())
    return app


def run_socket_mode(app: App, app_token: str) -> None:
    """Connect out to Slack over a WebSocket (no public URL needed); blocks until stopped."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(app, app_token).start()
