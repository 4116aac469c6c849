"""Agency champions' onboarding: the checklist, its ticks, and who sees whose progress.

The contract the App Home relies on (``champion_progress``, ``mentees_of``) is here; the rest of
the pathway (pairing, ticks, digests, stall nudges, completion) is built on it.
"""

from __future__ import annotations

from bot.domain import ChampionProgress
from storage.uow import UnitOfWork


def champion_progress(uow: UnitOfWork, member_id: int) -> list[ChampionProgress]:
    """The member's current onboarding as a champion, one per group they champion in (call
    inside ``with uow:``). Empty when they champion nowhere."""
    return []


def mentees_of(uow: UnitOfWork, member_id: int) -> list[ChampionProgress]:
    """The current champions the member mentors, with their progress (call inside ``with uow:``);
    never anyone else's mentees."""
    return []
