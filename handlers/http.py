"""HTTP mode: ``POST /slack/events`` (events, commands, interactivity) and ``GET /healthz``,
served by gunicorn in production."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

log = logging.getLogger(__name__)

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
EVENTS_PATH = "/slack/events"


def _reply(start: StartResponse, status: str, body: dict[str, Any]) -> list[bytes]:
    data = json.dumps(body).encode()
    start(status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
    return [data]


def wsgi_app(app: App, healthy: Callable[[], bool]) -> WSGIApp:
    """The WSGI application: Slack's endpoint plus a health check for load balancers."""
    slack = SlackRequestHandler(app)

    def application(environ: dict[str, Any], start: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if path == "/healthz" and method in ("GET", "HEAD"):
            ok = healthy()
            return _reply(
                start,
                "200 OK" if ok else "503 Service Unavailable",
                {"status": "ok" if ok else "database unreachable"},
            )
        if path == EVENTS_PATH:
            if method != "POST":
                return _reply(start, "405 Method Not Allowed", {"error": "POST only"})
            return slack(environ, start)
        return _reply(start, "404 Not Found", {"error": "not found"})

    return application


def serve(
    load: Callable[[], WSGIApp],
    *,
    host: str,
    port: int,
    workers: int = 1,
    threads: int = 8,
    on_worker_start: Callable[[], None] | None = None,
) -> None:
    """Run under gunicorn. ``load`` builds the app inside each worker (after the fork)."""
    from gunicorn.app.base import BaseApplication

    class Casebot(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("timeout", 30)
            self.cfg.set("accesslog", None)  # request lines carry nothing useful, and no bodies
            if "control_socket_disable" in self.cfg.settings:
                # gunicorn 23+ would leave a control socket in the working directory.
                self.cfg.set("control_socket_disable", True)
            if on_worker_start is not None:
                self.cfg.set("post_worker_init", lambda _worker: on_worker_start())

        def load(self) -> WSGIApp:
            return load()

    Casebot().run()
