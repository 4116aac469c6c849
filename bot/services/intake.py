"""What people write to Casebot in a DM, handled exactly once per message.

Slack may deliver a message several times (its retries, sometimes at once with the original).
The delivery is claimed in the same transaction as the work and the reply, and the reply goes
through the outbox: whichever delivery wins does everything, the others nothing, and a delivery
whose work fails leaves no trace, so Slack's next retry does it.
"""

from __future__ import annotations

from bot.domain import CasebotError
from bot.ports import Clock, Payload, Renderer
from bot.services import drafts, updates
from storage.uow import UnitOfWork


def _reply(uow: UnitOfWork, key: str, user_id: str, payload: Payload, clock: Clock) -> str:
    uow.outbox.enqueue(key=key, kind="dm-reply", channel=user_id, payload=payload,
                       now=clock.now())
    return key


def direct_message(
    *, uow: UnitOfWork, clock: Clock, renderer: Renderer, delivery: str, user_id: str, text: str
) -> tuple[str, ...]:
    """A person's DM: an update becomes a draft shown for them to confirm; anything else gets
    a kind answer. Returns the outbox keys to send now (none for a repeated delivery)."""
    now = clock.now()
    with uow:
        if not uow.events.claim(delivery, now):
            return ()
        parsed = updates.parse_dm(text)
        if parsed is None:
            key = _reply(uow, f"dm-reply:{delivery}", user_id, renderer.dm_help(), clock)
        else:
            code, words = parsed
            try:
                preview = drafts.stage_update(uow, now, user_id=user_id, case_code=code,
                                                text=words)
            except CasebotError as exc:  # checks come before any write: nothing to undo
                key = _reply(uow, f"dm-reply:{delivery}", user_id, renderer.problem(exc.message),
                             clock)
            else:
                key = _reply(uow, drafts.preview_key(preview.draft_id, now), user_id,
                             renderer.preview(preview), clock)
        uow.commit()
    return (key,)


def edited_message(
    *, uow: UnitOfWork, clock: Clock, renderer: Renderer, delivery: str, user_id: str
) -> tuple[str, ...]:
    """A person edited a DM shaped like an update: say edits are not picked up (once)."""
    with uow:
        if not uow.events.claim(delivery, clock.now()):
            return ()
        key = _reply(uow, f"dm-reply:{delivery}", user_id, renderer.edit_not_seen(), clock)
        uow.commit()
    return (key,)
