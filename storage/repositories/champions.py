"""Agency champions, their mentors, and their onboarding checklists and ticks."""

from __future__ import annotations

from storage.models import Champion
from storage.repositories.base import Repository


class ChampionRepository(Repository[Champion]):
    model = Champion
