"""A running meeting's screen kept current from outside the meeting's own steps: an action done
from a DM, and the "2 minutes left" the tick shows."""

from __future__ import annotations

from bot.domain import Presenter
from bot.ports import Clock
from bot.services.running import Where, presenter, shown_in
from storage.uow import UnitOfWork


def screen_for_action(*, uow: UnitOfWork, clock: Clock,
                      action_id: int) -> tuple[Presenter, Where] | None:
    """If the action's client is on a running meeting's screen, that screen as it is now."""
    with uow:
        action = uow.actions.get(action_id)
        client = uow.clients.get(action.client_id) if action else None
        if client is None or client.group_id is None:
            return None
        meeting = uow.meetings.live(client.group_id)
        if meeting is None or meeting.current_client_id != client.id or not shown_in(meeting):
            return None
        group = uow.groups.get(client.group_id)
        assert group is not None
        return presenter(uow, group, meeting, clock.now()), shown_in(meeting)


def timeboxes_due(*, uow: UnitOfWork, clock: Clock) -> list[tuple[str, Presenter, Where]]:
    """Running meetings whose client on screen has 2 minutes left: (key, screen, where), once."""
    now = clock.now()
    out = []
    with uow:
        for meeting, group in uow.meetings.all_live():
            if not shown_in(meeting) or meeting.current_client_id is None:
                continue
            shown = presenter(uow, group, meeting, now)
            left = shown.client_minutes_left
            if left is None or left > 2 or left < 0:
                continue
            key = f"timebox:{meeting.id}:{meeting.current_client_id}:{shown.position}"
            if uow.outbox.mark(key=key, kind="timebox", channel=group.channel_id,
                               note="2 minutes left shown", now=now):
                out.append((key, shown, shown_in(meeting)))
        uow.commit()
    return out
