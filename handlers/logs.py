"""Slack payloads stay out of logs, at every level.

Bolt logs whole request bodies (at INFO when a signature fails, at WARNING for requests nothing
handled, at DEBUG everywhere) and slack_sdk logs API bodies at DEBUG; a body may hold a client's
name as someone typed it. Their loggers are held at WARNING whatever the root level says, and
what they still say is cut before any payload.
"""

from __future__ import annotations

import logging

SLACK_LOGGERS = ("slack_bolt", "slack_sdk", "casebot.slack")
APP_LOGGER = "casebot.slack"  # Bolt copies this logger's level and filters to its own loggers
WITHHELD = " [payload withheld]"


class WithoutPayloads(logging.Filter):
    """Cuts a Slack library's message at its first ``(``, ``{`` or ``[`` and drops tracebacks:
    what follows is where those libraries put bodies and arguments."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(SLACK_LOGGERS):
            return True
        message = record.getMessage()
        cuts = [i for i in (message.find("("), message.find("{"), message.find("[")) if i >= 0]
        if cuts:
            message = message[: min(cuts)].rstrip(" :,-") + WITHHELD
        record.msg, record.args = message, None
        if record.exc_info:  # exception texts may quote the request too: the type is enough
            error = record.exc_info[1]
            record.msg += f" ({type(error).__name__})" if error is not None else ""
            record.exc_info, record.exc_text = None, None
        return True


FILTER = WithoutPayloads()


def install() -> logging.Logger:
    """Hold Slack's loggers at WARNING with the filter on; returns the logger to give Bolt.

    Idempotent: safe to call for every app built in one process."""
    for name in SLACK_LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(logging.WARNING)
        if FILTER not in logger.filters:
            logger.addFilter(FILTER)
    # Loggers Bolt made earlier copied the old level: hold them too.
    for name, existing in list(logging.root.manager.loggerDict.items()):
        if isinstance(existing, logging.Logger) and name.startswith(SLACK_LOGGERS):
            existing.setLevel(max(existing.level, logging.WARNING))
            if FILTER not in existing.filters:
                existing.addFilter(FILTER)
    return logging.getLogger(APP_LOGGER)


def protect(handler: logging.Handler) -> None:
    """Also filter at a handler (the operator's own), for records that reach it another way."""
    if FILTER not in handler.filters:
        handler.addFilter(FILTER)


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure(level: str | int) -> None:
    """A serving process's log (the server, its workers, the minute's tick): one line per
    record at ``level``, Slack's loggers held and every handler filtered."""
    logging.basicConfig(level=level, format=LOG_FORMAT)
    install()
    for handler in logging.root.handlers:  # the operator's handlers filter Slack's payloads too
        protect(handler)
