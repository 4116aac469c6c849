"""What a person would see in Slack, as plain text for a terminal (demo transcripts, test output).

Mentions become ``@name`` (via `names`), links ``label (url)``, and ``&lt; &gt; &amp;`` are
unescaped. Broadcast mentions (``<!channel>``, ``<!here>``, groups) are shown exactly as sent:
a transcript must never hide that a message would ping people.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

RULE = "-" * 40
INPUT_BLANK = "____"
_CONTROL = re.compile(r"<([^<>]*)>")
_NO_NAMES: Mapping[str, str] = {}


def mrkdwn(text: str, names: Mapping[str, str] = _NO_NAMES) -> str:
    """Slack mrkdwn as displayed: control sequences resolved, entities unescaped."""

    def control(match: re.Match[str]) -> str:
        target, _, label = match.group(1).partition("|")
        if target.startswith("@"):
            return "@" + names.get(target[1:], label or target[1:])
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!date^"):
            return label or match.group(0)
        if target.startswith("!"):
            return match.group(0)  # a ping: keep it visible exactly as sent
        return f"{label} ({target})" if label and label != target else target

    # Control sequences first: escaped "&lt;!channel&gt;" is text, not a ping, and must not match.
    shown = _CONTROL.sub(control, text)
    return shown.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _text(obj: Any, names: Mapping[str, str]) -> str:
    if isinstance(obj, str):
        return obj
    if not isinstance(obj, Mapping):
        return ""
    text = str(obj.get("text", ""))
    return mrkdwn(text, names) if obj.get("type") == "mrkdwn" else text


def _element(el: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """One interactive element as a short bracketed control."""
    kind = el.get("type", "")
    if kind == "button":
        return f"[{_text(el.get('text'), names)}]"
    if kind == "image":
        return f"[image: {el.get('alt_text', '')}]"
    if kind in ("checkboxes", "radio_buttons"):
        box = "[ ]" if kind == "checkboxes" else "( )"
        return "  ".join(f"{box} {_text(o.get('text'), names)}" for o in el.get("options", []))
    if kind == "overflow":
        return "[...]"
    if kind.endswith("_input"):
        return str(el.get("initial_value") or INPUT_BLANK)
    if kind in ("datepicker", "timepicker"):
        chosen = el.get("initial_date") or el.get("initial_time")
        return f"[{chosen or _text(el.get('placeholder'), names) or kind}]"
    if kind.endswith("select"):
        initial = el.get("initial_option")
        shown = _text(initial.get("text"), names) if initial else ""
        return f"[{shown or _text(el.get('placeholder'), names) or 'Select'} v]"
    return f"[{kind}]"


def _rich_text(elements: list[Any], names: Mapping[str, str]) -> str:
    """Flatten rich_text (what people type) into one string per section/list item."""
    parts: list[str] = []
    for el in elements:
        kind = el.get("type")
        if kind in ("rich_text_section", "rich_text_preformatted", "rich_text_quote"):
            parts.append(_rich_text(el.get("elements", []), names))
        elif kind == "rich_text_list":
            parts.append("\n".join(f"- {_rich_text([i], names)}" for i in el.get("elements", [])))
        elif kind == "user":
            parts.append("@" + names.get(el.get("user_id", ""), el.get("user_id", "")))
        elif kind == "channel":
            parts.append("#" + el.get("channel_id", ""))
        elif kind == "broadcast":
            parts.append(f"<!{el.get('range', '')}>")
        elif kind == "emoji":
            parts.append(f":{el.get('name', '')}:")
        elif kind == "link":
            parts.append(el.get("text") or el.get("url", ""))
        else:
            parts.append(str(el.get("text", "")))
    return "".join(parts)


def _block(block: Mapping[str, Any], names: Mapping[str, str]) -> list[str]:
    kind = block.get("type")
    if kind == "header":
        return [f"== {_text(block.get('text'), names)} =="]
    if kind == "divider":
        return [RULE]
    if kind == "image":
        return [f"[image: {block.get('alt_text', '')}]"]
    if kind == "section":
        lines = [_text(block["text"], names)] if block.get("text") else []
        lines += [_text(field, names) for field in block.get("fields", [])]
        if block.get("accessory"):
            lines.append(_element(block["accessory"], names))
        return lines
    if kind == "context":
        parts = [
            _element(el, names) if el.get("type") == "image" else _text(el, names)
            for el in block.get("elements", [])
        ]
        return ["  " + " | ".join(parts)]
    if kind == "actions":
        return [" ".join(_element(el, names) for el in block.get("elements", []))]
    if kind == "input":
        optional = " (optional)" if block.get("optional") else ""
        label = f"{_text(block.get('label'), names)}{optional}"
        colon = "" if label.rstrip().endswith(("?", "!", ":")) else ":"
        lines = [f"{label}{colon} {_element(block.get('element', {}), names)}"]
        if block.get("hint"):
            lines.append("  " + _text(block["hint"], names))
        return lines
    if kind == "rich_text":
        return [_rich_text(block.get("elements", []), names)]
    if kind == "markdown":
        return [str(block.get("text", ""))]
    return [f"[{kind} block]"]


def _blocks(blocks: list[Any], names: Mapping[str, str]) -> list[str]:
    return [line for block in blocks for line in _block(block, names)]


def render_message(payload: Mapping[str, Any], names: Mapping[str, str] = _NO_NAMES) -> str:
    """A posted message (text + blocks) as the person would read it."""
    blocks = payload.get("blocks") or []
    lines = _blocks(blocks, names) if blocks else [mrkdwn(str(payload.get("text", "")), names)]
    for attachment in payload.get("attachments") or []:
        inner = attachment.get("blocks")
        text = attachment.get("text") or attachment.get("fallback", "")
        body = _blocks(inner, names) if inner else mrkdwn(text, names).splitlines()
        lines += [f"| {line}" for line in body]
    return "\n".join(lines)


def render_view(view: Mapping[str, Any], names: Mapping[str, str] = _NO_NAMES) -> str:
    """A modal or Home tab: title, blocks (inputs as ``Label: ____``), then its buttons."""
    title = _text(view.get("title"), names) if view.get("title") else ""
    heading = title or ("Home" if view.get("type") == "home" else "Modal")
    lines = [f"=== {heading} ===", *_blocks(view.get("blocks") or [], names)]
    if view.get("type") != "home":
        buttons = []
        if view.get("close") or view.get("submit"):
            buttons.append(f"[{_text(view.get('close'), names) or 'Cancel'}]")
        if view.get("submit"):
            buttons.append(f"[{_text(view['submit'], names)}]")
        if buttons:
            lines.append(" ".join(buttons))
    return "\n".join(lines)
