"""Editing the DM a button was pressed on, safely.

The payload says which message the button was on; Casebot edits it only if the outbox shows it
sent that message to the person who pressed, and builds the new content from what it stored,
never from the blocks echoed back in the payload.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.context import AppContext
from bot.services import sent

Blocks = list[dict[str, Any]]
log = logging.getLogger(__name__)


def _clicked(ctx: AppContext, body: dict[str, Any]) -> sent.SentMessage | None:
    channel = str((body.get("channel") or {}).get("id") or "")
    ts = str((body.get("message") or {}).get("ts") or "")
    user = str((body.get("user") or {}).get("id") or "")
    return sent.to_person(uow=ctx.uow(), user_id=user, channel=channel, ts=ts)


def _show(ctx: AppContext, client: WebClient, found: sent.SentMessage,
          payload: dict[str, Any]) -> None:
    client.chat_update(channel=found.channel, ts=found.ts, **payload)
    sent.revise(uow=ctx.uow(), key=found.key, payload=payload)


def replace_clicked(
    ctx: AppContext, client: WebClient, body: dict[str, Any], payload: dict[str, Any]
) -> bool:
    """Show ``payload`` instead of the clicked message; False if it is not the person's own."""
    found = _clicked(ctx, body)
    if found is not None:
        _show(ctx, client, found, payload)
    return found is not None


def change_clicked(
    ctx: AppContext, client: WebClient, body: dict[str, Any], change: Callable[[Blocks], Blocks]
) -> bool:
    """Change the clicked message's blocks (as Casebot stored them) with ``change``."""
    found = _clicked(ctx, body)
    if found is not None:
        blocks = change(list(found.payload.get("blocks") or []))
        _show(ctx, client, found, {**found.payload, "blocks": blocks})
    return found is not None


def replace_by_key(
    ctx: AppContext, client: WebClient, key: str, user: str, payload: dict[str, Any]
) -> bool:
    """Show ``payload`` in the DM Casebot sent ``user`` under outbox ``key``."""
    found = sent.by_key(uow=ctx.uow(), key=key, user_id=user)
    if found is not None:
        _show(ctx, client, found, payload)
    return found is not None


def replace_copies(
    ctx: AppContext,
    client: WebClient,
    copies: Iterable[tuple[str, str]],
    user: str,
    payload: dict[str, Any],
    shown: bool,
) -> bool:
    """Show ``payload`` in every (outbox key, user) copy of a question sent to several people,
    so each says what was decided; True once the presser's own copy does. One old copy that
    cannot be edited stops no one."""
    for key, other in copies:
        if other == user and shown:
            continue
        try:
            if replace_by_key(ctx, client, key, other, payload) and other == user:
                shown = True
        except SlackApiError as exc:
            log.warning("could not edit a copy of a question: %s", exc.response.get("error"))
    return shown
