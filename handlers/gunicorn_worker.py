"""gunicorn's threaded worker with a deadline on reading each request.

gunicorn gives a connection a thread once its first byte arrives, and then waits as long as the
client likes for the rest of the headers: a few connections that trickle a byte every few
seconds would hold every thread. Here a request must be in within ``REQUEST_DEADLINE`` of getting
its thread; after that the connection's read side is shut (the answer can still be written), so
one slow client costs one thread for two seconds at most. A refused request's connection is
closed at once. SIGTERM tells the app before gunicorn's own graceful stop begins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gunicorn.workers.gthread import ThreadWorker

from handlers.http import DEADLINES, HUNG_UP, REQUEST_DEADLINE


class GuardedThreadWorker(ThreadWorker):  # type: ignore[misc]
    on_stopping: Callable[[], None] | None = None  # set after the worker starts (handlers.http)

    def handle_exit(self, sig: int, frame: Any) -> None:
        """SIGTERM: tell the app first (its tick stops sending new posts), then gunicorn."""
        if self.on_stopping is not None:
            self.on_stopping()
        super().handle_exit(sig, frame)

    def handle(self, conn: Any) -> Any:
        token = DEADLINES.watch(conn.sock, REQUEST_DEADLINE)
        try:
            return super().handle(conn)
        finally:
            DEADLINES.done(token)

    def _keepalive_after(self, conn: Any, keepalive: bool) -> bool:
        """A refused request's connection is closed, not kept alive (gunicorn would first try
        to read the rest of its body, however big or slow)."""
        if conn.sock in HUNG_UP:
            HUNG_UP.discard(conn.sock)
            return False
        return bool(super()._keepalive_after(conn, keepalive))
