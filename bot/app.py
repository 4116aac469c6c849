"""Composition root: builds the database, vault and unit of work from ``Settings``.

The only module that wires layers together; the CLI (and later the Slack app) start here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from bot.ports import Clock, SystemClock
from storage.db import make_engine, session_factory
from storage.keyfile import FileKeySource, InlineKeySource, KeySource
from storage.uow import UnitOfWork
from storage.vault import Vault


def key_source(settings: Settings) -> KeySource:
    if settings.master_key is not None:
        return InlineKeySource(settings.master_key.value)
    assert settings.key_file is not None
    return FileKeySource(settings.key_file)


@dataclass
class Container:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    vault: Vault
    clock: Clock = field(default_factory=SystemClock)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.vault)

    def close(self) -> None:
        self.engine.dispose()


def build(settings: Settings, *, clock: Clock | None = None) -> Container:
    engine = make_engine(settings.database_url)
    return Container(
        settings=settings,
        engine=engine,
        sessions=session_factory(engine),
        vault=Vault(key_source(settings)),
        clock=clock or SystemClock(),
    )
