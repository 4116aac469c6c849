"""The only place that sends messages to Slack's Web API for the services.

slack_sdk is imported when the first call is made (:class:`LazyClient`): a tick with nothing to
send or look up, most of them, never loads it. The clients and their retry rules are in
:mod:`handlers.slack_client`.
"""

from __future__ import annotations

import datetime as dt
import logging
import socket
import threading
import urllib.error
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.ports import CannotCheck, ChannelInfo, DeliveryError, Pace, Posted, Profile

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
# Slack's own words for these: "it's possible some aspect of the operation succeeded".
MAYBE_DONE = frozenset({"internal_error", "fatal_error"})
# Slack takes about one message a second per channel, short bursts tolerated (LIMITS.md §4);
# DMs to different people go out a few at a time.
SLACK_PACE = Pace(gap=1.0, parallel=4)
# A post's mark travels as message metadata: no scope to send, shown to no one in the client
# (apps and the API can read it: it is a digest, never client data).
METADATA_TYPE = "casebot_outbox"
# A look reads up to this many messages a page, and this many pages, from the first attempt on;
# a conversation busier than that cannot be checked and the message waits.
HISTORY_PAGE = 200
HISTORY_PAGES = 3
# Errors of a look that asking again will not mend: the app may not read that conversation.
CANNOT_READ = frozenset({"missing_scope", "not_allowed_token_type", "no_permission"})


def make_client(token: str, base_url: str | None = None) -> WebClient:
    """The listeners' WebClient (:func:`handlers.slack_client.make_client`)."""
    from handlers.slack_client import make_client as make

    return make(token, base_url)


class LazyClient:
    """:func:`make_client`'s client, made the first time it is asked for. Two threads asking at
    once may each make one; both are the same client, and the later one stays."""

    def __init__(self, token: str, base_url: str | None = None) -> None:
        self._token, self._base_url = token, base_url
        self._client: WebClient | None = None

    def __call__(self) -> WebClient:
        if self._client is None:
            self._client = make_client(self._token, self._base_url)
        return self._client


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
    """Posts, and looks for earlier posts, through a twin of the client that retries nothing
    (:func:`handlers.slack_client.posting_client`; ``post_timeout``: seconds it waits for an
    answer); edits, which are safe to repeat, through the client with its retries."""

    pace = SLACK_PACE

    def __init__(self, client: Callable[[], WebClient], *, post_timeout: int | None = None
                 ) -> None:
        self._client = client
        self._post_timeout = post_timeout
        self._posting: WebClient | None = None
        self._dms: dict[str, str] = {}  # member -> their DM's channel id, as Slack answered
        self._lock = threading.Lock()

    def _poster(self) -> WebClient:
        if self._posting is None:
            from handlers.slack_client import posting_client

            self._posting = posting_client(self._client(), timeout=self._post_timeout)
        return self._posting

    def post(self, channel: str, payload: dict[str, Any], *, mark: str | None = None) -> Posted:
        client = self._poster()
        from slack_sdk.errors import SlackApiError

        metadata = None
        if mark is not None:
            metadata = {"event_type": METADATA_TYPE, "event_payload": {"key": mark}}
        try:
            response = client.chat_postMessage(
                channel=channel,
                text=payload.get("text", ""),
                blocks=payload.get("blocks"),
                unfurl_links=False,
                unfurl_media=False,
                metadata=metadata,
            )
        except SlackApiError as exc:
            raise _delivery_error(exc) from None
        except OSError as exc:
            raise _connection_error(exc) from None
        posted = Posted(str(response["channel"]), str(response["ts"]))
        if channel[:1] in ("U", "W"):
            with self._lock:
                self._dms[channel] = posted.channel
        return posted

    def find(self, channel: str, mark: str, since: dt.datetime) -> Posted | None:
        """conversations.history of ``channel`` (a member's DM: conversations.open first, unless
        a post told us its id) from ``since``, newest first, for a message carrying ``mark``."""
        client = self._poster()
        from slack_sdk.errors import SlackApiError

        try:
            conversation = self._conversation(client, channel)
            cursor = None
            for _page in range(HISTORY_PAGES):
                page = client.conversations_history(
                    channel=conversation, oldest=f"{since.timestamp():.6f}", limit=HISTORY_PAGE,
                    include_all_metadata=True, cursor=cursor,
                )
                for message in page.get("messages") or []:
                    found = message.get("metadata") or {}
                    if (found.get("event_type") == METADATA_TYPE
                            and (found.get("event_payload") or {}).get("key") == mark):
                        return Posted(conversation, str(message["ts"]))
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not page.get("has_more") or not cursor:
                    return None
        except SlackApiError as exc:
            error = _delivery_error(exc)
            if error.code in CANNOT_READ:
                raise CannotCheck(error.code) from None
            raise error from None
        except OSError as exc:
            raise _connection_error(exc) from None
        raise DeliveryError("history too long to check", permanent=False)

    def _conversation(self, client: WebClient, channel: str) -> str:
        """Where a post to ``channel`` lands: a member's DM has its own channel id."""
        if channel[:1] not in ("U", "W"):
            return channel
        with self._lock:
            known = self._dms.get(channel)
        if known is None:
            known = str(client.conversations_open(users=channel)["channel"]["id"])
            with self._lock:
                self._dms[channel] = known
        return known

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
            raise _connection_error(exc) from None


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
