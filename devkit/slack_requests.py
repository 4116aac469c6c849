"""Signed requests shaped like Slack's, sent to the app's HTTP endpoint (POST /slack/events).

Shapes follow the captured payloads in the Slack reference (payloads/events/message_im__docs.json,
interactivity/block_actions_*.json, view_submission__bolt.json, message_shortcut__bolt.json,
commands/slash_command__bolt.json): commands are form fields, interactivity is a form with one
``payload`` field holding JSON, events are JSON. Every request is signed over its exact body bytes.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from devkit.fake_slack import BOT_ID, TEAM_DOMAIN, dm_channel_id

FORM = "application/x-www-form-urlencoded"
VERIFICATION_TOKEN = "legacy-verification-token"  # deprecated field Slack still sends; unused
# Which key of a block_actions action carries the user's choice, per element type.
SELECTED_KEY = {
    "static_select": "selected_option",
    "external_select": "selected_option",
    "radio_buttons": "selected_option",
    "overflow": "selected_option",
    "multi_static_select": "selected_options",
    "multi_external_select": "selected_options",
    "checkboxes": "selected_options",
    "users_select": "selected_user",
    "multi_users_select": "selected_users",
    "conversations_select": "selected_conversation",
    "multi_conversations_select": "selected_conversations",
    "channels_select": "selected_channel",
    "multi_channels_select": "selected_channels",
    "datepicker": "selected_date",
    "timepicker": "selected_time",
    "datetimepicker": "selected_date_time",
    "plain_text_input": "value",
}


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """Slack's v0 request signature: ``v0=`` + hex HMAC-SHA256 of ``v0:{ts}:{body}``.

    Written out, not slack_sdk's ``generate_signature``: the sender signs independently of the
    verifier it tests, and over exact bytes (slack_sdk signs text; the front door's tests send
    bodies that are not UTF-8)."""
    base = b"v0:" + str(timestamp).encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass
class Response:
    """What the app answered; header names are lower-cased."""

    status: int
    headers: dict[str, str]
    body: str

    def json(self) -> Any:
        return json.loads(self.body)


class SlackSender:
    """Sends requests to `url` (the app's POST /slack/events) the way Slack does: exact body
    bytes, X-Slack-Request-Timestamp, X-Slack-Signature."""

    def __init__(
        self,
        url: str,
        signing_secret: str,
        *,
        team_id: str = "T0TEAM001",
        api_app_id: str = "A0CASEBOT",
        bot_user_id: str = "UBOT00001",
        clock: Callable[[], float] = time.time,
        timeout: float = 10.0,
    ) -> None:
        """``timeout``: seconds to wait for an answer (Slack itself gives up after 3 and
        retries an event); then the request raises ``TimeoutError``."""
        self.url, self.team_id, self.api_app_id = url, team_id, api_app_id
        self.timeout = timeout
        self.bot_user_id = bot_user_id
        self._secret = signing_secret
        self._clock = clock
        self._ids = itertools.count(1)
        self._last_ts = 0.0
        # The app is local: never route through a proxy configured in the environment.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    # --- transport ----------------------------------------------------------------------------

    def raw(
        self,
        body: bytes,
        *,
        content_type: str,
        timestamp: int | None = None,
        signature: str | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Response:
        """POST `body` as is; signed with `timestamp` (default now) unless `signature` is given."""
        ts = int(self._clock()) if timestamp is None else timestamp
        headers = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": str(ts),
            "X-Slack-Signature": signature or _sign(self._secret, ts, body),
            "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
            **(extra_headers or {}),
        }
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with self._opener.open(request, timeout=self.timeout) as reply:
                return _response(reply.status, reply.headers.items(), reply.read())
        except urllib.error.HTTPError as error:  # 4xx/5xx are answers too
            return _response(error.code, error.headers.items(), error.read())

    def _form(self, fields: Mapping[str, str]) -> Response:
        return self.raw(urllib.parse.urlencode(fields).encode(), content_type=FORM)

    def _interactive(self, payload: Mapping[str, Any]) -> Response:
        return self._form({"payload": json.dumps(payload)})

    # --- ids ----------------------------------------------------------------------------------

    def _ts(self) -> str:
        """A message ts from the clock, strictly increasing (Slack ts are unique per channel)."""
        self._last_ts = max(round(self._clock(), 6), round(self._last_ts + 0.000001, 6))
        return f"{self._last_ts:.6f}"

    def _trigger(self) -> str:
        return f"{next(self._ids)}.{int(self._clock())}.{uuid.uuid4().hex}"

    def _user(self, user_id: str, name: str = "worker") -> dict[str, Any]:
        return {"id": user_id, "username": name, "name": name, "team_id": self.team_id}

    def _team(self) -> dict[str, Any]:
        return {"id": self.team_id, "domain": TEAM_DOMAIN}

    # --- slash commands and events ------------------------------------------------------------

    def command(
        self,
        text: str,
        *,
        user_id: str,
        channel_id: str,
        command: str = "/casebot",
        trigger_id: str = "",
        response_url: str = "",
        user_name: str = "worker",
    ) -> Response:
        """A slash command. Slack always sends a trigger_id, so one is made up if not given."""
        return self._form(
            {
                "token": VERIFICATION_TOKEN,
                "team_id": self.team_id,
                "team_domain": TEAM_DOMAIN,
                "channel_id": channel_id,
                "channel_name": "directmessage" if channel_id.startswith("D") else "general",
                "user_id": user_id,
                "user_name": user_name,
                "command": command,
                "text": text,
                "api_app_id": self.api_app_id,
                "is_enterprise_install": "false",
                "response_url": response_url,
                "trigger_id": trigger_id or self._trigger(),
            }
        )

    def event(
        self,
        event: Mapping[str, Any],
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str = "http_timeout",
    ) -> Response:
        """An Events API delivery of `event` in an event_callback envelope."""
        envelope = {
            "token": VERIFICATION_TOKEN,
            "team_id": self.team_id,
            "api_app_id": self.api_app_id,
            "event": dict(event),
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
            "event_time": int(self._clock()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": self.team_id,
                    "user_id": self.bot_user_id,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
        }
        headers = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": retry_reason}
        body = json.dumps(envelope).encode()
        return self.raw(body, content_type="application/json", extra_headers=headers)

    def dm(
        self,
        text: str,
        *,
        user_id: str,
        channel_id: str | None = None,
        ts: str | None = None,
        event_id: str | None = None,
        client_msg_id: str | None = None,
    ) -> Response:
        """A person's message in their DM with the app (message.im)."""
        ts = ts or self._ts()
        message = {
            "type": "message",
            "channel": channel_id or dm_channel_id(user_id),
            "user": user_id,
            "text": text,
            "ts": ts,
            "event_ts": ts,
            "channel_type": "im",
            "client_msg_id": client_msg_id or str(uuid.uuid4()),
            "team": self.team_id,
        }
        return self.event(message, event_id=event_id)

    def home_opened(self, *, user_id: str) -> Response:
        """The person opened the app's Home tab."""
        event = {
            "type": "app_home_opened",
            "user": user_id,
            "channel": dm_channel_id(user_id),
            "tab": "home",
            "event_ts": self._ts(),
        }
        return self.event(event)

    def member_joined(self, *, user_id: str, channel_id: str) -> Response:
        """`user_id` joined `channel_id` (member_joined_channel)."""
        event = {
            "type": "member_joined_channel",
            "user": user_id,
            "channel": channel_id,
            "channel_type": "G" if channel_id.startswith("G") else "C",
            "team": self.team_id,
            "event_ts": self._ts(),
        }
        return self.event(event)

    # --- interactivity ------------------------------------------------------------------------

    def block_action(
        self,
        action_id: str,
        *,
        user_id: str,
        value: str = "",
        block_id: str | None = None,
        channel_id: str | None = None,
        message: Mapping[str, Any] | None = None,
        view: Mapping[str, Any] | None = None,
        trigger_id: str = "",
        response_url: str = "",
        action_type: str = "button",
        selected: Any = None,
    ) -> Response:
        """A click/choice on an element in a message (default) or in `view` (a modal/Home tab).

        For selects/pickers, `selected` is sent as is; without it `value` becomes the selection
        (an option object for option-based elements). When `message`/`view` contains the
        element, its block_id, text and value fill in whatever is not given, as if the person
        used that very element.
        """
        surface = view if view is not None else message
        found = _find_element((surface or {}).get("blocks") or [], action_id)
        element = found[1] if found else {}
        action: dict[str, Any] = {
            "action_id": action_id,
            "block_id": block_id or (found[0] if found else "b"),
            "type": action_type,
            "action_ts": self._ts(),
        }
        if action_type == "button":
            action["value"] = value or element.get("value", "")
            action["text"] = element.get("text") or {"type": "plain_text", "text": action_id}
        elif action_type in SELECTED_KEY:
            key = SELECTED_KEY[action_type]
            action[key] = selected if selected is not None else _choice(key, value, element)
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": self._user(user_id),
            "api_app_id": self.api_app_id,
            "token": VERIFICATION_TOKEN,
            "trigger_id": trigger_id or self._trigger(),
            "team": self._team(),
            "enterprise": None,
            "is_enterprise_install": False,
        }
        if view is not None:
            full_view = _view(self, view)
            payload["container"] = {"type": "view", "view_id": full_view["id"]}
            payload["view"] = full_view
        else:
            channel = channel_id or dm_channel_id(user_id)
            shown = {"type": "message", "user": self.bot_user_id, "text": "", **(message or {})}
            shown.setdefault("ts", self._ts())
            payload["container"] = {
                "type": "message",
                "message_ts": shown["ts"],
                "channel_id": channel,
                "is_ephemeral": False,
            }
            payload["channel"] = {"id": channel, "name": "directmessage"}
            payload["message"] = shown
            payload["state"] = {"values": {}}
            payload["response_url"] = response_url
        payload["actions"] = [action]
        return self._interactive(payload)

    def view_submission(
        self,
        callback_id: str,
        values: Mapping[str, Mapping[str, Mapping[str, Any]]],
        *,
        user_id: str,
        private_metadata: str | None = None,
        view_id: str | None = None,
        hash: str | None = None,
        view: Mapping[str, Any] | None = None,
        trigger_id: str = "",
    ) -> Response:
        """The person submitted a modal; `values` is Slack's state.values shape
        ``{block_id: {action_id: {"type": ..., "value": ...}}}``.

        `view` (e.g. ``fake.view(view_id)``, the modal the bot opened) supplies id, blocks,
        title, private_metadata and hash; arguments given here win over it.
        """
        base = dict(view or {})
        overrides = {"id": view_id, "private_metadata": private_metadata, "hash": hash}
        base.update({k: v for k, v in overrides.items() if v is not None})
        submitted = {
            **_view(self, base),
            "callback_id": callback_id,
            "state": {"values": {k: dict(v) for k, v in values.items()}},
        }
        payload = {
            "type": "view_submission",
            "team": self._team(),
            "user": self._user(user_id),
            "api_app_id": self.api_app_id,
            "token": VERIFICATION_TOKEN,
            "trigger_id": trigger_id or self._trigger(),
            "view": submitted,
            "response_urls": [],
        }
        return self._interactive(payload)

    def message_shortcut(
        self,
        callback_id: str,
        *,
        user_id: str,
        channel_id: str,
        message: Mapping[str, Any],
        trigger_id: str = "",
        response_url: str = "",
    ) -> Response:
        """The person chose the app's shortcut on `message` (type message_action)."""
        shown = {"type": "message", "user": user_id, "text": "", **message}
        shown.setdefault("ts", self._ts())
        payload = {
            "type": "message_action",
            "token": VERIFICATION_TOKEN,
            "action_ts": self._ts(),
            "team": self._team(),
            "user": {"id": user_id, "name": "worker"},
            "channel": {"id": channel_id, "name": "general"},
            "callback_id": callback_id,
            "trigger_id": trigger_id or self._trigger(),
            "message_ts": shown["ts"],
            "message": shown,
            "response_url": response_url,
        }
        return self._interactive(payload)


_sign = signature  # SlackSender.raw has a parameter named `signature`


def _response(status: int, headers: Any, body: bytes) -> Response:
    return Response(status, {k.lower(): v for k, v in headers}, body.decode("utf-8", "replace"))


def _find_element(blocks: list[Any], action_id: str) -> tuple[str, dict[str, Any]] | None:
    """(block_id, element) of the element with `action_id` in these blocks, if any."""
    for block in blocks:
        candidates = [*block.get("elements", []), block.get("accessory"), block.get("element")]
        for element in candidates:
            if isinstance(element, dict) and element.get("action_id") == action_id:
                return block.get("block_id", "b"), element
    return None


def _choice(key: str, value: str, element: Mapping[str, Any]) -> Any:
    """The selection Slack reports when the person picks `value` (an option object if needed)."""
    if key not in ("selected_option", "selected_options"):
        return [value] if key.endswith("s") else value
    options = element.get("options") or []
    option = next((o for o in options if o.get("value") == value), None)
    option = option or {"text": {"type": "plain_text", "text": value}, "value": value}
    return option if key == "selected_option" else [option]


def _view(sender: SlackSender, view: Mapping[str, Any]) -> dict[str, Any]:
    """A view as Slack includes it in interactivity payloads: `view` over the full field set."""
    view_id = str(view.get("id") or "V0FAKE001")
    full = {
        "id": view_id,
        "team_id": sender.team_id,
        "type": "modal",
        "blocks": [],
        "private_metadata": "",
        "callback_id": "",
        "state": {"values": {}},
        "hash": "h",
        "title": {"type": "plain_text", "text": "Casebot"},
        "clear_on_close": False,
        "notify_on_close": False,
        "close": None,
        "submit": None,
        "previous_view_id": None,
        "root_view_id": view_id,
        "app_id": sender.api_app_id,
        "external_id": "",
        "app_installed_team_id": sender.team_id,
        "bot_id": BOT_ID,
        **view,
    }
    full["id"] = view_id
    full["root_view_id"] = full.get("root_view_id") or view_id
    return full
