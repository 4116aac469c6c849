"""Clients leaving the group's list, with their outcome."""

from __future__ import annotations

from storage.models import ClientExit
from storage.repositories.base import Repository


class ClientExitRepository(Repository[ClientExit]):
    model = ClientExit
