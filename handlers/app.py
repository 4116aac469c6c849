"""The Bolt app: built from a Web API client and the services' context."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk import WebClient

from bot.context import AppContext
from handlers import logs, metadata, register_all
from handlers.middleware import Gate


def _not_token_warning(record: logging.LogRecord) -> bool:
    # Bolt also reads SLACK_BOT_TOKEN itself and warns that the client's token wins: it is the
    # same token, so the warning is noise.
    return "will be unused" not in record.getMessage()


def create_app(
    *,
    client: WebClient,
    signing_secret: str | None,
    ctx: AppContext,
    socket_mode: bool = False,
    gate: Gate | None = None,
    forms_secret: str | None = None,
    app_class: type[App] = App,
) -> App:
    """The Bolt app. Listeners run before Slack is answered and hand their work to a pool of
    their own (handlers.background), so an event is answered only once its work is saved."""
    logger = logs.install()
    logger.addFilter(_not_token_warning)  # the same function object is only added once
    secret = forms_secret or signing_secret
    if secret:
        metadata.configure(secret)
    app = app_class(
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
    """Connect out to Slack over a WebSocket (no public URL needed); blocks until stopped. A
    SIGTERM (a service manager's stop) ends it with status 0 after the caller's clean-up
    (finishing the queued work) has run, rather than killing the process at once."""
    import signal

    from slack_bolt.adapter.socket_mode import SocketModeHandler

    def stop(_signal: int, _frame: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    SocketModeHandler(app, app_token).start()
