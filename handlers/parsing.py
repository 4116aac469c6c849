"""Pure parsing of what people type to ``/casebot`` and of Slack payload fields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.domain import InvalidInput
from bot.validation import CASE_CODE
from handlers.ids import COMMAND
from handlers.metadata import opened

# With should_escape, Slack sends a mention as <@U123|name>; without it, as @name (unusable).
MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
ACTION_USAGE = f"Try `{COMMAND} action U1R-014 @owner call the housing provider by Friday`."


@dataclass(frozen=True)
class ActionCommand:
    case_code: str
    owner: str
    text: str


def split_command(text: str) -> tuple[str, str]:
    """``"action U1R-014 …"`` → ``("action", "U1R-014 …")``."""
    head, _, rest = (text or "").strip().partition(" ")
    return head.lower(), rest.strip()


def parse_action(rest: str) -> ActionCommand:
    parts = rest.split(None, 1)
    if not parts:
        raise InvalidInput(f"Which client is the action for? {ACTION_USAGE}")
    code = parts[0].upper()
    if MENTION.match(parts[0]):  # no code: the client on a running meeting's screen
        code, after = "", rest
    elif not CASE_CODE.fullmatch(code):
        raise InvalidInput(f"Start with the client's case code. {ACTION_USAGE}")
    else:
        after = parts[1] if len(parts) > 1 else ""
    mention = MENTION.search(after)
    if mention is None:
        raise InvalidInput(
            f"Name the owner with an @-mention so I can tell who it is. {ACTION_USAGE}"
        )
    text = (after[: mention.start()] + " " + after[mention.end() :]).strip()
    text = " ".join(text.split())
    if not text:
        raise InvalidInput(f"Say what needs doing. {ACTION_USAGE}")
    return ActionCommand(code, mention.group(1), text)


def parse_record(rest: str, kind: str) -> tuple[str | None, str]:
    """``decision [CODE] text`` → (code or None for the client on screen, text)."""
    parts = rest.split(None, 1)
    code: str | None = None
    if parts and CASE_CODE.fullmatch(parts[0].upper()):
        code, rest = parts[0].upper(), (parts[1] if len(parts) > 1 else "")
    text = " ".join(rest.split())
    if not text:
        raise InvalidInput(
            f"Say what the {kind} is: `{COMMAND} {kind} U1R-014 …`, or without the case code "
            "for the client on screen."
        )
    return code, text


def parse_update_target(rest: str) -> str:
    code = rest.strip().upper()
    if not CASE_CODE.fullmatch(code):
        raise InvalidInput(f"Give the client's case code: `{COMMAND} update U1R-014`.")
    return code


def button_value(body: dict[str, Any]) -> str:
    actions = body.get("actions") or [{}]
    return str(actions[0].get("value") or "")


def metadata(view: dict[str, Any]) -> dict[str, Any]:
    """What Casebot put in the view's private_metadata (signed); InvalidInput if forged."""
    return opened(view)


def state_value(view: dict[str, Any], block_id: str, action_id: str) -> Any:
    """The submitted value of one input: text, selected user(s) or date."""
    element = ((view.get("state") or {}).get("values") or {}).get(block_id, {}).get(action_id, {})
    for key in ("value", "selected_user", "selected_users", "selected_date", "selected_option"):
        if element.get(key) is not None:
            return element[key]
    return None


_LINK = re.compile(r"<([^<>]+)>")
_SPECIAL = {"!channel": "@channel", "!here": "@here", "!everyone": "@everyone"}


def _plain_link(match: re.Match[str]) -> str:
    inner = match.group(1)
    target, _, label = inner.partition("|")
    if target in _SPECIAL:
        return _SPECIAL[target]
    if target.startswith("!subteam^"):
        return "@" + (label.lstrip("@") or "group")
    if target.startswith("!date^"):
        return label or "a date"
    if target.startswith("@"):
        return "@" + (label or target[1:])
    if target.startswith("#"):
        return "#" + (label or target[1:])
    return f"{label} ({target})" if label and label != target else target


def plain_text(slack_text: str) -> str:
    """Slack's message markup → the words the person typed.

    ``<!channel>`` becomes the harmless text "@channel", ``&lt;`` becomes "<", and so on; the
    renderers escape everything again on the way out, so nothing typed can ping or mention.
    """
    text = _LINK.sub(_plain_link, slack_text or "")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def shortcut_message_text(body: dict[str, Any]) -> str:
    """The words of the message a message shortcut was used on."""
    return plain_text((body.get("message") or {}).get("text", ""))
