"""What the Slack adapter and the scheduler's tick are given: the services' collaborators,
wired once (bot.bootstrap)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bot.ports import Clock, Notifier, Renderer, UserDirectory
from bot.services import outbox
from storage.uow import UnitOfWork


@dataclass
class AppContext:
    uow: Callable[[], UnitOfWork]
    clock: Clock
    renderer: Renderer
    notifier: Notifier
    directory: UserDirectory | None = None
    # Set when the process is shutting down: sending stops after the posts under way.
    stopping: threading.Event = field(default_factory=threading.Event)

    def deliver(self, keys: Sequence[str] | None = None) -> int:
        """Send queued messages now (just ``keys`` if given)."""
        return outbox.deliver(
            uow_factory=self.uow, notifier=self.notifier, clock=self.clock, keys=keys,
            stop=self.stopping,
        )
