"""Block Kit primitives that respect Slack's limits, and splitting long content across messages.

Limits (docs.slack.dev, see shared/slack-reference/LIMITS.md): 50 blocks a message, 100 in a view,
3,000 characters of section text, 150 in a header, 75 in a button label, 10 context elements.
"""

from __future__ import annotations

from typing import Any

from handlers.text import truncate

Block = dict[str, Any]

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
SECTION_TEXT = 3000
HEADER_TEXT = 150
BUTTON_TEXT = 75
BUTTON_VALUE = 2000


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text or " ", "emoji": True}


def mrkdwn(text: str) -> dict[str, Any]:
    # verbatim: Slack must not auto-link #channel or URL-looking words in what people typed.
    return {"type": "mrkdwn", "text": text or " ", "verbatim": True}


def header(text: str) -> Block:
    return {"type": "header", "text": plain(truncate(text, HEADER_TEXT))}


def section(text: str, *, accessory: Block | None = None, block_id: str | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(truncate(text, SECTION_TEXT))}
    if accessory is not None:
        block["accessory"] = accessory
    if block_id is not None:
        block["block_id"] = block_id
    return block


def context(*texts: str, block_id: str | None = None) -> Block:
    block: Block = {
        "type": "context",
        "elements": [mrkdwn(truncate(t, SECTION_TEXT)) for t in texts[:10]],
    }
    if block_id is not None:
        block["block_id"] = block_id
    return block


def divider() -> Block:
    return {"type": "divider"}


def button(
    label: str,
    action_id: str,
    value: str = "",
    *,
    style: str | None = None,
    confirm: Block | None = None,
) -> Block:
    element: Block = {
        "type": "button",
        "text": plain(truncate(label, BUTTON_TEXT)),
        "action_id": action_id,
    }
    if value:
        element["value"] = value[:BUTTON_VALUE]
    if style in ("primary", "danger"):
        element["style"] = style
    if confirm is not None:
        element["confirm"] = confirm
    return element


def actions(*elements: Block, block_id: str | None = None) -> Block:
    block: Block = {"type": "actions", "elements": list(elements[:25])}
    if block_id is not None:
        block["block_id"] = block_id
    return block


def split_text(text: str, limit: int = SECTION_TEXT) -> list[str]:
    """Cut long mrkdwn at line breaks (or spaces) into pieces of at most ``limit`` characters."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit)
        if cut < limit // 2:
            cut = rest.rfind(" ", 0, limit)
        if cut < limit // 2:
            cut = limit
        # Never cut inside an escaped entity such as "&amp;".
        amp = rest.rfind("&", max(0, cut - 5), cut)
        if amp != -1 and ";" not in rest[amp:cut]:
            cut = amp
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip("\n ")
    pieces.append(rest)
    return [p for p in pieces if p.strip()] or [" "]


def paginate(
    intro: list[Block], body: list[list[Block]], *, continued: str, limit: int = MESSAGE_BLOCKS
) -> list[list[Block]]:
    """Pack groups of blocks (kept together) into messages of at most ``limit`` blocks.

    The first message starts with ``intro``; later ones start with a "continued" context line.
    """
    pages: list[list[Block]] = [list(intro)]
    for group in body:
        if len(pages[-1]) + len(group) > limit:
            pages.append([context(continued)])
        # A group too big for any message (a client with a very long history) is split too.
        while len(pages[-1]) + len(group) > limit:
            room = limit - len(pages[-1])
            pages[-1].extend(group[:room])
            group = group[room:]
            pages.append([context(continued)])
        pages[-1].extend(group)
    return pages
