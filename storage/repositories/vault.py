"""The vault, bound to the unit of work's session, so services never hand a session over."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy.orm import Session

from bot.domain import ClientIdentity
from storage.crypto import MasterKey
from storage.models import Client, VaultState
from storage.vault import Vault

T = TypeVar("T")


class VaultRepository:
    """Each method is :class:`storage.vault.Vault`'s of the same name, in this session."""

    def __init__(self, session: Session, vault: Vault) -> None:
        self.session = session
        self.vault = vault

    def state(self) -> VaultState | None:
        return self.vault.state(self.session)

    def initialise(self, now: dt.datetime) -> str:
        return self.vault.initialise(self.session, now)

    def verify(self) -> str:
        return self.vault.verify(self.session)

    def store_identity(self, client: Client, identity: ClientIdentity) -> None:
        self.vault.store_identity(self.session, client, identity)

    def read_identity(self, client: Client) -> ClientIdentity:
        return self.vault.read_identity(self.session, client)

    def read_register(self, keep: Callable[[Sequence[tuple[str, ClientIdentity]]], T]) -> T:
        return self.vault.read_register(self.session, keep)

    def seal_text(self, client: Client, text: str, *, purpose: str) -> bytes:
        return self.vault.seal_text(self.session, client, text, purpose=purpose)

    def open_text(self, client: Client, blob: bytes, *, purpose: str) -> str:
        return self.vault.open_text(self.session, client, blob, purpose=purpose)

    def rotate(self, new_key: MasterKey, now: dt.datetime) -> int:
        return self.vault.rotate(self.session, new_key, now)

    def shred(self, client: Client, now: dt.datetime) -> dt.datetime:
        return self.vault.shred(self.session, client, now)

    def unfinished_purges(self) -> list[Client]:
        return self.vault.unfinished_purges(self.session)
