"""Requests that a word restored in a preview join a group's allow-list."""

from __future__ import annotations

from storage.models import TermRequest
from storage.repositories.base import Repository


class TermRequestRepository(Repository[TermRequest]):
    model = TermRequest
