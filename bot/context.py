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
    # Runs a function later on a thread of its own (the Slack adapter's pacer); without it a
    # reply waits out its channel's pace itself.
    later: Callable[[Callable[[], object]], object] | None = None
    _waiting: set[str] = field(default_factory=set, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def deliver(self, keys: Sequence[str] | None = None) -> int:
        """Send queued messages now (just ``keys``' channels if given). With ``later``, what a
        channel's pace holds back is sent from there, so a reply never waits a second per
        message queued before it in a busy channel."""
        if keys is None or self.later is None:
            return outbox.deliver(uow_factory=self.uow, notifier=self.notifier,
                                  clock=self.clock, keys=keys, stop=self.stopping)
        sent, follow = outbox.deliver_now(uow_factory=self.uow, notifier=self.notifier,
                                          clock=self.clock, keys=keys, stop=self.stopping)
        if follow and not self.stopping.is_set():
            with self._lock:
                queued = bool(self._waiting)  # one pass sends everything held back so far
                self._waiting.update(keys)
            if not queued:
                try:
                    self.later(self._send_held)
                except Exception:  # e.g. the pacer shut down: the tick sends them instead
                    with self._lock:
                        self._waiting.clear()
        return sent

    def _send_held(self) -> None:
        with self._lock:
            keys, self._waiting = sorted(self._waiting), set()
        outbox.deliver(uow_factory=self.uow, notifier=self.notifier, clock=self.clock,
                       keys=keys, stop=self.stopping)
