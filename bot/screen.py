"""The one path that shows a running meeting's screen (one channel message, edited in place).

Slack listeners and the scheduler's tick both come here, through the :class:`~bot.ports.Notifier`,
so a screen is edited, re-posted and failed the same way wherever the change came from. Callers
hold :data:`bot.screen_lock.SCREEN` around the change and its edit.
"""

from __future__ import annotations

import logging

from bot.context import AppContext
from bot.domain import Presenter
from bot.ports import DeliveryError
from bot.services import running

Where = tuple[str, str] | None
"""The screen's channel and message ts, or None if it was never posted."""

GONE = frozenset({"message_not_found", "cant_update_message", "edit_window_closed"})
"""Edit errors meaning the message is deleted or too old to edit: post a new one instead."""

log = logging.getLogger(__name__)


def show(ctx: AppContext, screen: Presenter, where: Where, *, post_in: str | None = None,
         repost: bool = True) -> None:
    """Edit the screen at ``where``; post it in ``post_in`` if it is not out yet, or (with
    ``repost``) post it again, once, where it was if it is gone. Raises DeliveryError."""
    payload = ctx.renderer.presenter(screen)
    if where is not None:
        try:
            ctx.notifier.update(where[0], where[1], payload)
            return
        except DeliveryError as exc:
            if not repost or exc.code not in GONE:
                raise
            post_in = where[0]
    if post_in is not None:
        posted = ctx.notifier.post(post_in, payload)
        running.attach(uow=ctx.uow(), meeting_id=screen.meeting.id, channel=posted.channel,
                       ts=posted.ts)


def show_quietly(ctx: AppContext, screen: Presenter, where: Where, *,
                 repost: bool = True) -> None:
    """:func:`show` when nobody is waiting on the screen (the tick, a change made elsewhere): a
    screen that cannot be shown is logged, not raised, as the change it shows is saved."""
    try:
        show(ctx, screen, where, repost=repost)
    except DeliveryError as exc:
        log.warning("could not update a meeting screen: %s", exc.code)
