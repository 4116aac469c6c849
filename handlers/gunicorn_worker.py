"""gunicorn's threaded worker with a deadline on reading each request.

gunicorn gives a connection a thread once its first byte arrives, and then waits as long as the
client likes for the rest of the headers: a few connections that trickle a byte every few
seconds would hold every thread. Here a request must be in within ``REQUEST_DEADLINE`` of getting
its thread; after that the connection's read side is shut (the answer can still be written), so
one slow client costs one thread for two seconds at most.
"""

from __future__ import annotations

from typing import Any

from gunicorn.workers.gthread import ThreadWorker

from handlers.http import DEADLINES, REQUEST_DEADLINE


class GuardedThreadWorker(ThreadWorker):  # type: ignore[misc]
    def handle(self, conn: Any) -> Any:
        token = DEADLINES.watch(conn.sock, REQUEST_DEADLINE)
        try:
            return super().handle(conn)
        finally:
            DEADLINES.done(token)
