"""Block Kit limits (LIMITS.md §5) as a validator: what Slack would reject in a message or view.

``problems(blocks, surface=...)`` and ``view_problems(view)`` return human-readable reasons, each
starting with a JSON pointer to the offending value, e.g. ``/blocks/3/text/text: 3001 characters,
limit 3000``. An empty list means Slack would accept the payload as far as these limits go.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

MAX_BLOCKS = {"message": 50, "modal": 100, "home": 100}
VIEW_MAX_BYTES = 250_000  # "250 kB"; the decimal reading is the stricter one, so use it
MARKDOWN_TOTAL = 12_000  # cumulative over all markdown blocks of one payload
TEXT_TYPES = frozenset({"plain_text", "mrkdwn"})
BUTTON_STYLES = frozenset({"primary", "danger"})
SELECTS = frozenset(
    f"{prefix}{kind}_select"
    for prefix in ("", "multi_")
    for kind in ("static", "external", "users", "conversations", "channels")
)
INPUT_ELEMENTS = frozenset(
    {"plain_text_input", "email_text_input", "url_text_input", "number_input", "rich_text_input"}
)
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME_RE = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


class _Report:
    """Collects problems; one per pass over a payload."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.markdown_chars = 0

    def add(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def string(self, path: str, value: Any, limit: int, *, required: bool = False) -> None:
        """A plain string field (block_id, value, url, ...) of at most `limit` characters."""
        if value is None:
            if required:
                self.add(path, "is required")
            return
        if not isinstance(value, str):
            self.add(path, f"must be a string, got {type(value).__name__}")
        elif len(value) > limit:
            self.add(path, f"{len(value)} characters, limit {limit}")

    def text(
        self, path: str, obj: Any, limit: int = 3000, *, plain: bool = False, required: bool = True
    ) -> None:
        """A text object: type plain_text/mrkdwn, 1..limit characters (empty text is rejected)."""
        if obj is None:
            if required:
                self.add(path, "is required")
            return
        if not isinstance(obj, dict):
            self.add(path, "must be a text object")
            return
        kind = obj.get("type")
        if kind not in TEXT_TYPES:
            self.add(f"{path}/type", f"must be plain_text or mrkdwn, got {kind!r}")
        elif plain and kind != "plain_text":
            self.add(f"{path}/type", "must be plain_text")
        text = obj.get("text")
        if not isinstance(text, str) or not text:
            self.add(f"{path}/text", "must be a non-empty string")
        elif len(text) > min(limit, 3000):
            self.add(f"{path}/text", f"{len(text)} characters, limit {min(limit, 3000)}")

    def items(self, path: str, value: Any, limit: int, *, minimum: int = 1) -> list[Any]:
        """A list field with a size limit; returns the list (or [] if it is not one)."""
        if not isinstance(value, list):
            self.add(path, "must be a list")
            return []
        if len(value) > limit:
            self.add(path, f"{len(value)} items, limit {limit}")
        elif len(value) < minimum:
            self.add(path, f"needs at least {minimum} item(s)")
        return value


# --- elements ---------------------------------------------------------------------------------


def _confirm(r: _Report, path: str, obj: Any) -> None:
    if obj is None:
        return
    if not isinstance(obj, dict):
        r.add(path, "must be a confirmation object")
        return
    r.text(f"{path}/title", obj.get("title"), 100, plain=True)
    r.text(f"{path}/text", obj.get("text"), 300)
    r.text(f"{path}/confirm", obj.get("confirm"), 30, plain=True)
    r.text(f"{path}/deny", obj.get("deny"), 30, plain=True)
    if obj.get("style") is not None and obj["style"] not in BUTTON_STYLES:
        r.add(f"{path}/style", f"must be primary or danger, got {obj['style']!r}")


def _options(r: _Report, path: str, options: Any, limit: int, *, plain: bool) -> None:
    for i, option in enumerate(r.items(path, options, limit)):
        at = f"{path}/{i}"
        if not isinstance(option, dict):
            r.add(at, "must be an option object")
            continue
        r.text(f"{at}/text", option.get("text"), 75, plain=plain)
        r.string(f"{at}/value", option.get("value"), 150)
        r.text(f"{at}/description", option.get("description"), 75, required=False)


def _button(r: _Report, path: str, el: dict[str, Any]) -> None:
    r.text(f"{path}/text", el.get("text"), 75, plain=True)
    r.string(f"{path}/value", el.get("value"), 2000)
    r.string(f"{path}/url", el.get("url"), 3000)
    if el.get("style") is not None and el["style"] not in BUTTON_STYLES:
        r.add(f"{path}/style", f"must be primary or danger, got {el['style']!r}")


def _select(r: _Report, path: str, el: dict[str, Any]) -> None:
    r.text(f"{path}/placeholder", el.get("placeholder"), 150, plain=True, required=False)
    if el["type"].endswith("static_select"):
        if "options" in el:
            _options(r, f"{path}/options", el["options"], 100, plain=True)
        elif "option_groups" in el:
            for i, group in enumerate(r.items(f"{path}/option_groups", el["option_groups"], 100)):
                at = f"{path}/option_groups/{i}"
                r.text(f"{at}/label", group.get("label"), 75, plain=True)
                _options(r, f"{at}/options", group.get("options"), 100, plain=True)
        else:
            r.add(path, "static select needs options or option_groups")


def _choices(limit: int, *, plain: bool) -> Callable[[_Report, str, dict[str, Any]], None]:
    def check(r: _Report, path: str, el: dict[str, Any]) -> None:
        _options(r, f"{path}/options", el.get("options"), limit, plain=plain)

    return check


def _text_input(r: _Report, path: str, el: dict[str, Any]) -> None:
    r.text(f"{path}/placeholder", el.get("placeholder"), 150, plain=True, required=False)
    max_length = el.get("max_length")
    if max_length is not None and (not isinstance(max_length, int) or not 0 < max_length <= 3000):
        r.add(f"{path}/max_length", f"must be 1..3000, got {max_length!r}")


def _datepicker(r: _Report, path: str, el: dict[str, Any]) -> None:
    r.text(f"{path}/placeholder", el.get("placeholder"), 150, plain=True, required=False)
    initial = el.get("initial_date")
    if initial is not None and not (isinstance(initial, str) and DATE_RE.fullmatch(initial)):
        r.add(f"{path}/initial_date", f"must be YYYY-MM-DD, got {initial!r}")


def _timepicker(r: _Report, path: str, el: dict[str, Any]) -> None:
    r.text(f"{path}/placeholder", el.get("placeholder"), 150, plain=True, required=False)
    initial = el.get("initial_time")
    if initial is not None and not (isinstance(initial, str) and TIME_RE.fullmatch(initial)):
        r.add(f"{path}/initial_time", f"must be HH:mm (24 h), got {initial!r}")


def _image(r: _Report, path: str, el: dict[str, Any]) -> None:
    if "slack_file" not in el:
        r.string(f"{path}/image_url", el.get("image_url"), 3000, required=True)
    r.string(f"{path}/alt_text", el.get("alt_text"), 2000, required=True)


def _no_extra(r: _Report, path: str, el: dict[str, Any]) -> None:
    """Elements with no limits of their own beyond action_id/confirm."""


ELEMENTS: dict[str, Callable[[_Report, str, dict[str, Any]], None]] = {
    "button": _button,
    **dict.fromkeys(SELECTS, _select),
    "overflow": _choices(5, plain=True),
    "checkboxes": _choices(10, plain=False),
    "radio_buttons": _choices(10, plain=False),
    **dict.fromkeys(INPUT_ELEMENTS, _text_input),
    "datepicker": _datepicker,
    "timepicker": _timepicker,
    "datetimepicker": _no_extra,
    "file_input": _no_extra,
    "workflow_button": _no_extra,
    "image": _image,
}


def _element(r: _Report, path: str, el: Any, action_ids: set[str]) -> None:
    if not isinstance(el, dict):
        r.add(path, "must be an element object")
        return
    check = ELEMENTS.get(el.get("type", ""))
    if check is None:
        r.add(f"{path}/type", f"unknown element type {el.get('type')!r}")
        return
    action_id = el.get("action_id")
    if action_id is not None:
        r.string(f"{path}/action_id", action_id, 255)
        # Slack requires action_id unique within its block (not across the message).
        if action_id in action_ids:
            r.add(f"{path}/action_id", f"duplicate action_id {action_id!r} in this block")
        action_ids.add(action_id)
    _confirm(r, f"{path}/confirm", el.get("confirm"))
    check(r, path, el)


# --- blocks -----------------------------------------------------------------------------------


def _section(r: _Report, path: str, block: dict[str, Any], ids: set[str]) -> None:
    if "text" not in block and "fields" not in block:
        r.add(path, "section needs text or fields")
    r.text(f"{path}/text", block.get("text"), 3000, required=False)
    if "fields" in block:
        for i, item in enumerate(r.items(f"{path}/fields", block["fields"], 10)):
            r.text(f"{path}/fields/{i}", item, 2000)
    if "accessory" in block:
        _element(r, f"{path}/accessory", block["accessory"], ids)


def _header(r: _Report, path: str, block: dict[str, Any], ids: set[str]) -> None:
    r.text(f"{path}/text", block.get("text"), 150, plain=True)


def _context(r: _Report, path: str, block: dict[str, Any], ids: set[str]) -> None:
    for i, item in enumerate(r.items(f"{path}/elements", block.get("elements"), 10)):
        at = f"{path}/elements/{i}"
        if isinstance(item, dict) and item.get("type") == "image":
            _image(r, at, item)
        else:
            r.text(at, item)


def _actions(r: _Report, path: str, block: dict[str, Any], ids: set[str]) -> None:
    for i, el in enumerate(r.items(f"{path}/elements", block.get("elements"), 25)):
        _element(r, f"{path}/elements/{i}", el, ids)


def _input(r: _Report, path: str, block: dict[str, Any], ids: set[str]) -> None:
    r.text(f"{path}/label", block.get("label"), 2000, plain=True)
    r.text(f"{path}/hint", block.get("hint"), 2000, plain=True, required=False)
    if "element" not in block:
        r.add(f"{path}/element", "is required")
    else:
        _element(r, f"{path}/element", block["element"], ids)


def _image_block(r: _Report, path: str, block: dict[str, Any], ids: set[str]) -> None:
    _image(r, path, block)
    r.text(f"{path}/title", block.get("title"), 2000, plain=True, required=False)


def _markdown(r: _Report, path: str, block: dict[str, Any], ids: set[str]) -> None:
    text = block.get("text")
    if not isinstance(text, str) or not text:
        r.add(f"{path}/text", "must be a non-empty string")
        return
    r.markdown_chars += len(text)
    if r.markdown_chars > MARKDOWN_TOTAL:
        r.add(f"{path}/text", f"markdown blocks total {r.markdown_chars} characters, limit 12000")


def _free(r: _Report, path: str, block: dict[str, Any], ids: set[str]) -> None:
    """Blocks whose contents Slack writes (rich_text, file, video): nothing of ours to check."""


BLOCKS: dict[str, Callable[[_Report, str, dict[str, Any], set[str]], None]] = {
    "section": _section,
    "header": _header,
    "divider": _free,
    "context": _context,
    "actions": _actions,
    "input": _input,
    "image": _image_block,
    "markdown": _markdown,
    "rich_text": _free,
    "file": _free,
    "video": _free,
}


def _check_blocks(r: _Report, blocks: Any, surface: str, prefix: str = "") -> None:
    if surface not in MAX_BLOCKS:
        raise ValueError(f"surface must be one of {sorted(MAX_BLOCKS)}, got {surface!r}")
    path = f"{prefix}/blocks"
    block_ids: set[str] = set()
    for i, block in enumerate(r.items(path, blocks, MAX_BLOCKS[surface], minimum=0)):
        at = f"{path}/{i}"
        if not isinstance(block, dict):
            r.add(at, "must be a block object")
            continue
        block_id = block.get("block_id")
        if block_id is not None:
            r.string(f"{at}/block_id", block_id, 255)
            if block_id in block_ids:
                r.add(f"{at}/block_id", f"duplicate block_id {block_id!r}")
            block_ids.add(block_id)
        check = BLOCKS.get(block.get("type", ""))
        if check is None:
            r.add(f"{at}/type", f"unknown block type {block.get('type')!r}")
        else:
            check(r, at, block, set())


def problems(blocks: list[dict[str, Any]], *, surface: str) -> list[str]:
    """What Slack would reject in `blocks` on `surface` ("message", "modal" or "home")."""
    report = _Report()
    _check_blocks(report, blocks, surface)
    return report.problems


def view_size(view: dict[str, Any]) -> int:
    """Bytes of the view's JSON as Slack receives it (compact UTF-8)."""
    return len(json.dumps(view, separators=(",", ":"), ensure_ascii=False).encode())


def view_problems(view: dict[str, Any]) -> list[str]:
    """What Slack would reject in a modal or Home tab view (blocks plus the view's own fields)."""
    r = _Report()
    kind = view.get("type")
    if kind not in ("modal", "home"):
        r.add("/view/type", f"must be modal or home, got {kind!r}")
        return r.problems
    _check_blocks(r, view.get("blocks"), kind, "/view")
    r.string("/view/private_metadata", view.get("private_metadata"), 3000)
    r.string("/view/callback_id", view.get("callback_id"), 255)
    r.string("/view/external_id", view.get("external_id"), 255)
    if kind == "modal":
        r.text("/view/title", view.get("title"), 24, plain=True)
        r.text("/view/submit", view.get("submit"), 24, plain=True, required=False)
        r.text("/view/close", view.get("close"), 24, plain=True, required=False)
        blocks = view.get("blocks") if isinstance(view.get("blocks"), list) else []
        has_input = any(isinstance(b, dict) and b.get("type") == "input" for b in blocks)
        if has_input and "submit" not in view:
            r.add("/view/submit", "is required when the modal has input blocks")
    else:
        for key in ("submit", "close"):
            if key in view:
                r.add(f"/view/{key}", "a Home tab cannot have submit/close buttons")
    size = view_size(view)
    if size > VIEW_MAX_BYTES:
        r.add("/view", f"{size} bytes of JSON, limit {VIEW_MAX_BYTES}")
    return r.problems
