"""Slack's side of `casebot doctor`: the bot token, its scopes and the groups' channels.

A client of its own with a short timeout and no retries: a check that waits out a rate limit
or a dead network would leave the person running it staring at nothing.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.ports import ChannelInfo, SlackIdentity
from handlers.notifier import SlackChannels

log = logging.getLogger(__name__)
TIMEOUT = 5  # seconds for each call


class SlackChecks:
    def __init__(self, token: str, base_url: str | None = None) -> None:
        self.client = WebClient(
            token=token, base_url=base_url or WebClient.BASE_URL, timeout=TIMEOUT,
            retry_handlers=[],
        )

    def identity(self) -> SlackIdentity:
        try:
            response = self.client.auth_test()
        except SlackApiError as exc:
            code = exc.response.get("error") or f"http_{exc.response.status_code}"
            return SlackIdentity(error=str(code))
        except (OSError, ValueError) as exc:  # no network, a timeout, an answer that is no JSON
            log.info("auth.test failed: %s", type(exc).__name__)
            return SlackIdentity(error="unreachable")
        headers = {k.lower(): v for k, v in (response.headers or {}).items()}
        granted = headers.get("x-oauth-scopes")
        if isinstance(granted, list):  # some transports keep a header's values as a list
            granted = ",".join(granted)
        return SlackIdentity(
            team_id=response.get("team_id"),
            team=response.get("team"),
            user_id=response.get("user_id"),
            scopes=None if granted is None else frozenset(
                s.strip() for s in str(granted).split(",") if s.strip()
            ),
        )

    def channel(self, channel_id: str) -> ChannelInfo | None:
        return SlackChannels(lambda: self.client).channel(channel_id)
