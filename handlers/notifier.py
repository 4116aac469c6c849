"""The only place that sends messages to Slack's Web API for the services.

slack_sdk is imported when the first call is made (:class:`LazyClient`): a tick with nothing to
send or look up, most of them, never loads it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.ports import ChannelInfo, DeliveryError, Posted, Profile

if TYPE_CHECKING:
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

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


def make_client(token: str, base_url: str | None = None) -> WebClient:
    """A WebClient that waits out 429s (Retry-After) and retries connection and 5xx errors."""
    from slack_sdk import WebClient
    from slack_sdk.http_retry.builtin_handlers import (
        ConnectionErrorRetryHandler,
        RateLimitErrorRetryHandler,
        ServerErrorRetryHandler,
    )

    client = WebClient(token=token, base_url=base_url or WebClient.BASE_URL, timeout=15)
    client.retry_handlers.extend(
        [
            RateLimitErrorRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2),
        ]
    )
    if not any(isinstance(h, ConnectionErrorRetryHandler) for h in client.retry_handlers):
        client.retry_handlers.append(ConnectionErrorRetryHandler(max_retry_count=2))
    return client


class LazyClient:
    """:func:`make_client`'s client, made the first time it is asked for (slack_sdk takes a
    twentieth of an idle `casebot tick` to import). Two threads asking at once may each make
    one; both are the same client, and the later one stays."""

    def __init__(self, token: str, base_url: str | None = None) -> None:
        self._token, self._base_url = token, base_url
        self._client: WebClient | None = None

    def __call__(self) -> WebClient:
        if self._client is None:
            self._client = make_client(self._token, self._base_url)
        return self._client


def _delivery_error(exc: SlackApiError) -> DeliveryError:
    code = str(exc.response.get("error") or f"http_{exc.response.status_code}")
    retry_after = None
    if exc.response.status_code == 429:
        retry_after = float(exc.response.headers.get("Retry-After", "30") or 30)
    return DeliveryError(
        code,
        permanent=code in PERMANENT or 400 <= exc.response.status_code < 429,
        retry_after=retry_after,
    )


class SlackNotifier:
    def __init__(self, client: Callable[[], WebClient]) -> None:
        self._client = client

    def post(self, channel: str, payload: dict[str, Any]) -> Posted:
        client = self._client()
        from slack_sdk.errors import SlackApiError

        try:
            response = client.chat_postMessage(
                channel=channel,
                text=payload.get("text", ""),
                blocks=payload.get("blocks"),
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as exc:
            raise _delivery_error(exc) from None
        except OSError as exc:
            raise DeliveryError(f"connection: {type(exc).__name__}", permanent=False) from None
        return Posted(str(response["channel"]), str(response["ts"]))

    def update(self, channel: str, ts: str, payload: dict[str, Any]) -> None:
        client = self._client()
        from slack_sdk.errors import SlackApiError

        try:
            client.chat_update(
                channel=channel, ts=ts, text=payload.get("text", ""), blocks=payload.get("blocks")
            )
        except SlackApiError as exc:
            raise _delivery_error(exc) from None
        except OSError as exc:
            raise DeliveryError(f"connection: {type(exc).__name__}", permanent=False) from None


class SlackDirectory:
    """Members' time zones and names from users.info (scope users:read)."""

    def __init__(self, client: Callable[[], WebClient]) -> None:
        self._client = client

    def profile(self, user_id: str) -> Profile | None:
        client = self._client()
        from slack_sdk.errors import SlackApiError

        try:
            user = client.users_info(user=user_id)["user"]
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

    def __init__(self, client: Callable[[], WebClient]) -> None:
        self._client = client

    def channel(self, channel_id: str) -> ChannelInfo | None:
        client = self._client()
        from slack_sdk.errors import SlackApiError

        try:
            found = client.conversations_info(channel=channel_id)["channel"]
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
