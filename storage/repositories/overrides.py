"""Secretariat overrides of consent for one meeting."""

from __future__ import annotations

from storage.models import ConsentOverride
from storage.repositories.base import Repository


class ConsentOverrideRepository(Repository[ConsentOverride]):
    model = ConsentOverride
