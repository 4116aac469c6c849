"""The only place that sends messages to Slack's Web API for the services."""

from __future__ import annotations

import logging
import socket
import urllib.error
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot.ports import ChannelInfo, DeliveryError, Pace, Posted, Profile

log = logging.getLogger(__name__)

# Errors that will not go away by trying again.
PERMANENT = frozenset(
    {
        "channel_not_found", "not_in_channel", "is_archived", "user_not_found",
        "account_inactive", "user_disabled", "cannot_dm_bot", "invalid_blocks",
        "invalid_arguments", "msg_too_long", "no_text", "invalid_auth", "not_authed",
        "token_revoked", "missing_scope", "restricted_action", "message_not_found",
        "cant_update_message",
    }
)
# Slack's own words for these: "it's possible some aspect of the operation succeeded".
MAYBE_DONE = frozenset({"internal_error", "fatal_error"})
# Methods that add a message: sent twice, they show twice.
POSTING = frozenset(
    {"chat.postMessage", "chat.postEphemeral", "chat.scheduleMessage", "chat.meMessage"}
)
# Slack takes about one message a second per channel, short bursts tolerated (LIMITS.md §4);
# DMs to different people go out a few at a time.
SLACK_PACE = Pace(gap=1.0, parallel=4)


def _posts(request: HttpRequest) -> bool:
    return request.url.rsplit("/", 1)[-1] in POSTING


class _ServerErrorsUnlessPosting(ServerErrorRetryHandler):
    """A 5xx may come after Slack posted the message: retry anything but a post."""

    def _can_retry(self, *, state: RetryState, request: HttpRequest,
                   response: HttpResponse | None = None, error: Exception | None = None) -> bool:
        return not _posts(request) and super()._can_retry(
            state=state, request=request, response=response, error=error)


class _ConnectionErrorsUnlessPosting(ConnectionErrorRetryHandler):
    """A connection reset may come after Slack took the request: retry anything but a post."""

    def _can_retry(self, *, state: RetryState, request: HttpRequest,
                   response: HttpResponse | None = None, error: Exception | None = None) -> bool:
        return not _posts(request) and super()._can_retry(
            state=state, request=request, response=response, error=error)


def make_client(token: str, base_url: str | None = None) -> WebClient:
    """The listeners' WebClient: waits out 429s (Retry-After: nothing was done) and retries
    connection and 5xx errors, except for methods that post a message (a retry could show it
    twice)."""
    return WebClient(
        token=token,
        base_url=base_url or WebClient.BASE_URL,
        timeout=15,
        retry_handlers=[
            _ConnectionErrorsUnlessPosting(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
            _ServerErrorsUnlessPosting(max_retry_count=2),
        ],
    )


def posting_client(client: WebClient) -> WebClient:
    """``client``'s twin that retries nothing and never sleeps: the outbox decides when a post
    is tried again (a 429 holds the row for Retry-After; a failure waits for its backoff)."""
    return WebClient(token=client.token, base_url=client.base_url, timeout=client.timeout,
                     retry_handlers=[])


def _delivery_error(exc: SlackApiError) -> DeliveryError:
    status = exc.response.status_code
    code = str(exc.response.get("error") or f"http_{status}")
    retry_after = None
    if status == 429:
        retry_after = float(exc.response.headers.get("Retry-After", "30") or 30)
    return DeliveryError(
        code,
        permanent=code in PERMANENT or 400 <= status < 429,
        retry_after=retry_after,
        unknown=status >= 500 or code in MAYBE_DONE,
    )


def _not_sent(exc: OSError) -> bool:
    """The request never reached Slack: refused, or the name did not resolve."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    return isinstance(reason, ConnectionRefusedError | socket.gaierror)


def _connection_error(exc: OSError) -> DeliveryError:
    return DeliveryError(f"connection: {type(exc).__name__}", permanent=False,
                         unknown=not _not_sent(exc))


class SlackNotifier:
    """Posts through a client that retries nothing (:func:`posting_client`); edits, which are
    safe to repeat, through ``client`` with its retries."""

    pace = SLACK_PACE

    def __init__(self, client: WebClient, posting: WebClient | None = None) -> None:
        self.client = client
        self.posting = posting or posting_client(client)

    def post(self, channel: str, payload: dict[str, Any]) -> Posted:
        try:
            response = self.posting.chat_postMessage(
                channel=channel,
                text=payload.get("text", ""),
                blocks=payload.get("blocks"),
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as exc:
            raise _delivery_error(exc) from None
        except OSError as exc:
            raise _connection_error(exc) from None
        return Posted(str(response["channel"]), str(response["ts"]))

    def update(self, channel: str, ts: str, payload: dict[str, Any]) -> None:
        try:
            self.client.chat_update(
                channel=channel, ts=ts, text=payload.get("text", ""), blocks=payload.get("blocks")
            )
        except SlackApiError as exc:
            raise _delivery_error(exc) from None
        except OSError as exc:
            raise _connection_error(exc) from None


class SlackDirectory:
    """Members' time zones and names from users.info (scope users:read)."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def profile(self, user_id: str) -> Profile | None:
        try:
            user = self.client.users_info(user=user_id)["user"]
        except (SlackApiError, OSError) as exc:
            log.warning("users.info failed for a member: %s", type(exc).__name__)
            return None
        names = user.get("profile") or {}
        return Profile(
            tz=str(user["tz"]) if user.get("tz") else None,
            real_name=(user.get("real_name") or names.get("real_name") or None),
            display_name=(names.get("display_name") or None),
        )


class SlackChannels:
    """Whether a channel exists and the bot is in it, from conversations.info (scopes
    channels:read, groups:read)."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def channel(self, channel_id: str) -> ChannelInfo | None:
        try:
            found = self.client.conversations_info(channel=channel_id)["channel"]
        except SlackApiError as exc:
            if exc.response.get("error") == "channel_not_found":
                return ChannelInfo(found=False)
            log.warning("conversations.info failed: %s", exc.response.get("error"))
            return None
        except OSError as exc:
            log.warning("conversations.info failed: %s", type(exc).__name__)
            return None
        return ChannelInfo(
            found=True,
            is_member=bool(found.get("is_member")),
            archived=bool(found.get("is_archived")),
        )
