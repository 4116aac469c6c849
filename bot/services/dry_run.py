"""What a tick would send, for ``casebot tick --dry-run``: a sender that records instead of
calling Slack, and the messages it was given (or that wait in the outbox), with when and to whom.

The previews are the messages' own text, which is what Slack would show: de-identified already.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass

from bot.ports import Pace, Payload, Posted
from bot.validation import clean_text
from storage.uow import UnitOfWork

TS_PREFIX = "dry-run."  # the timestamps the recorder hands back, so its rows can be found
PREVIEW_CHARS = 70


class RecordingNotifier:
    """A :class:`~bot.ports.Notifier` that keeps what it is given; nothing reaches Slack."""

    pace = Pace()  # nothing to wait for: one post at a time, no gap

    def __init__(self) -> None:
        self.posts: list[tuple[str, Payload]] = []
        self.edits: list[tuple[str, str, Payload]] = []

    def post(self, channel: str, payload: Payload, *, mark: str | None = None) -> Posted:
        self.posts.append((channel, payload))
        return Posted(channel, f"{TS_PREFIX}{len(self.posts)}")

    def find(self, channel: str, mark: str, since: dt.datetime) -> Posted | None:
        return None  # Slack is not asked: a message of unknown outcome shows as to be sent

    def update(self, channel: str, ts: str, payload: Payload) -> None:
        self.edits.append((channel, ts, payload))


@dataclass(frozen=True)
class Planned:
    """One message: sent by this tick (``now``), or waiting in the outbox until ``at``."""

    at: dt.datetime
    zone: str | None  # the group's time zone, when the recipient's group is known
    to: str  # a channel ID, or a member's ID for a DM
    kind: str
    preview: str
    now: bool


def planned(*, uow: UnitOfWork, notifier: RecordingNotifier, now: dt.datetime) -> list[Planned]:
    """Every message the tick handed ``notifier``, then those still waiting, soonest first."""
    with uow:
        zones = _zones(uow)
        rows = uow.outbox.waiting_or_sent_as(TS_PREFIX)
        found = [
            Planned(
                at=now if sent else row.not_before,
                zone=zones.get(row.channel),
                to=row.channel,
                kind=row.kind,
                preview=preview(json.loads(row.payload)),
                now=sent,
            )
            for row in rows
            for sent in [bool(row.slack_ts and row.slack_ts.startswith(TS_PREFIX))]
        ]
    edits = [
        Planned(now, zones.get(channel), channel, "screen edit", preview(payload), True)
        for channel, _ts, payload in notifier.edits
    ]
    return sorted([*found, *edits], key=lambda p: (not p.now, p.at))


def _zones(uow: UnitOfWork) -> dict[str, str]:
    """Each group channel's zone, and each member's: their groups' zone if they agree."""
    zones = uow.groups.channel_zones()
    seen: dict[str, set[str]] = {}
    own: dict[str, str | None] = {}
    for user, own_tz, group_tz in uow.members.zones():
        own[user] = own_tz
        if group_tz:
            seen.setdefault(user, set()).add(group_tz)
    for user, tz in own.items():
        groups = seen.get(user, set())
        chosen = next(iter(groups)) if len(groups) == 1 else tz
        if chosen:
            zones[user] = chosen
    return zones


_MENTION = re.compile(r"<[@#!]([^>|]+)(?:\|([^>]*))?>")
_LINK = re.compile(r"<([^>|]+)\|([^>]*)>")


def preview(payload: Payload) -> str:
    """The message's text on one short line, Slack's markup undone for a terminal."""
    text = payload.get("text")
    if not isinstance(text, str) or not text.strip():
        text = _first_section(payload)
    text = _MENTION.sub(lambda m: "@" + (m.group(2) or m.group(1)), text)
    text = _LINK.sub(lambda m: m.group(2), text)
    text = " ".join(clean_text(html.unescape(text)).split())
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1].rstrip() + "…"


def _first_section(payload: Payload) -> str:
    for block in payload.get("blocks") or []:
        if isinstance(block, dict) and isinstance(block.get("text"), dict):
            return str(block["text"].get("text", ""))
    return ""
