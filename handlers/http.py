"""HTTP mode: ``POST /slack/events`` (events, commands, interactivity), ``GET /healthz`` and
``GET /readyz`` (what they answer: bot/health.py), served by gunicorn in production.

The front door refuses, before Bolt sees anything: bodies over 1 MiB (413, unread), bodies that
arrive too slowly (408), bodies that are not UTF-8 (400: Slack's never are), and requests
without a valid, fresh Slack signature (401, checked by slack_sdk). Nothing of an unverified body
is parsed, logged or answered, so a forged request costs little and makes Casebot send nothing.
"""

from __future__ import annotations

import contextlib
import gc
import heapq
import itertools
import json
import logging
import re
import socket
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Mapping
from http import HTTPStatus
from typing import Any, Protocol

from slack_bolt import App, BoltRequest, BoltResponse
from slack_sdk.signature import Clock, SignatureVerifier

log = logging.getLogger(__name__)

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]
EVENTS_PATH = "/slack/events"
MAX_BODY = 1024 * 1024  # Slack's largest payloads (a full modal's state) are far below this
# Slack sends a request at once; one that takes longer could not be answered within Slack's 3 s
# anyway, and every second a trickling request is waited for holds one of the worker's threads.
REQUEST_DEADLINE = 2.0  # seconds for headers and body from when a thread takes the connection
READ_TIMEOUT = 1.0  # seconds of silence in the middle of a body
# How long an orderly stop (SIGTERM) may take: the tick's post under way (15 s at most, the Slack
# client's timeout), the requests in hand, then every piece of work handed to the background
# pool; past it gunicorn kills the worker and what is left of that work is lost.
GRACEFUL_TIMEOUT = 60
MAX_SKEW = 300  # Slack's own rule: a signature older (or newer) than 5 minutes is refused
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


class Health(Protocol):
    """The health answers: (healthy or ready, a JSON body with nothing secret in it)."""

    def live(self) -> tuple[bool, dict[str, Any]]: ...

    def ready(self) -> tuple[bool, dict[str, Any]]: ...


HEALTH_PATHS = {"/healthz": "live", "/readyz": "ready"}


class _Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


class _Stopped(Clock):
    """slack_sdk's clock, held at the moment the request is checked."""

    def __init__(self, at: float) -> None:
        self.at = at

    def now(self) -> float:
        return self.at


def signature_problem(
    secret: str, timestamp: str, signature: str, body: bytes | str, now: float
) -> str | None:
    """Why Slack's v0 signature fails (None: it holds): slack_sdk's SignatureVerifier gives the
    verdict; the headers' shape and the clock are checked first for a reason to log, so an
    operator can tell a skewed clock from a forgery. ``body`` must be UTF-8, as Slack's is."""
    if not _TIMESTAMP.fullmatch(timestamp) or not _SIGNATURE.fullmatch(signature):
        return "missing or malformed signature headers"
    skew = now - int(timestamp)
    if abs(skew) > MAX_SKEW:
        return (f"timestamp {round(abs(skew) / 60)} minutes {'old' if skew > 0 else 'ahead'} "
                "(if every request says so, check this server's clock)")
    verifier = SignatureVerifier(secret, clock=_Stopped(now))
    valid = verifier.is_valid(body=body, timestamp=timestamp, signature=signature)
    return None if valid else "signature does not match"


class _Deadlines:
    """One thread that cuts off requests still arriving after their deadline.

    A per-read socket timeout alone does not stop a client that sends a byte every few seconds;
    shutting the socket's read side ends the read at once, wherever it is."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, socket.socket]] = []
        self._live: set[int] = set()
        self._ids = itertools.count()
        self._wake = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, sock: socket.socket, seconds: float) -> int:
        token = next(self._ids)
        with self._wake:
            heapq.heappush(self._heap, (time.monotonic() + seconds, token, sock))
            self._live.add(token)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="casebot-request-deadlines", daemon=True
                )
                self._thread.start()
            self._wake.notify()
        return token

    def done(self, token: int) -> None:
        with self._wake:
            self._live.discard(token)

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._heap:
                    self._wake.wait()
                due, token, sock = self._heap[0]
                left = due - time.monotonic()
                if left > 0:
                    self._wake.wait(left)
                    continue
                heapq.heappop(self._heap)
                late = token in self._live
                self._live.discard(token)
            if late:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RD)


DEADLINES = _Deadlines()


def read_body(environ: Mapping[str, Any]) -> bytes:
    """The request body, at most MAX_BODY bytes, read without long silences; else _Refused."""
    raw_length = str(environ.get("CONTENT_LENGTH") or "").strip()
    if raw_length and not raw_length.isdigit():
        raise _Refused(400, "bad content length")
    length = int(raw_length) if raw_length else None
    if length is not None and length > MAX_BODY:
        raise _Refused(413, "body too large")
    stream = environ.get("wsgi.input")
    if stream is None or length == 0:
        return b""
    # Under gunicorn, Casebot's worker already holds the whole request to REQUEST_DEADLINE
    # (handlers.gunicorn_worker); a silence mid-body ends the read sooner still.
    sock = environ.get("gunicorn.socket")  # absent under other servers (tests use wsgiref)
    previous = None
    if isinstance(sock, socket.socket):
        previous = sock.gettimeout()
        sock.settimeout(READ_TIMEOUT)
    try:
        # Without a length (chunked), read one byte past the limit to know it was exceeded.
        want = length if length is not None else MAX_BODY + 1
        chunks, got = [], 0
        while got < want:
            chunk = stream.read(min(65536, want - got))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
    except (OSError, ValueError) as exc:  # a read timeout, or the deadline shut the socket
        raise _Refused(408, "body too slow") from exc
    finally:
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.settimeout(previous)  # writing the answer is gunicorn's, on its terms
    body = b"".join(chunks)
    if len(body) > MAX_BODY:
        raise _Refused(413, "body too large")
    if length is not None and len(body) < length:
        raise _Refused(408, "body incomplete")
    return body


def _headers(environ: Mapping[str, Any]) -> dict[str, str]:
    headers = {}
    for key, value in environ.items():
        if key in ("CONTENT_LENGTH", "CONTENT_TYPE"):
            headers[key.lower().replace("_", "-")] = str(value)
        elif key.startswith("HTTP_"):
            headers[key[5:].lower().replace("_", "-")] = str(value)
    return headers


def _reply(start: StartResponse, status: int, body: dict[str, Any]) -> list[bytes]:
    data = json.dumps(body).encode()
    start(_status(status), [("Content-Type", "application/json"),
                            ("Content-Length", str(len(data)))])
    return [data]


class _ThenHangUp(list[bytes]):
    """A response after which the connection is cut (WSGI servers call ``close`` once it is
    sent): gunicorn would otherwise read the rest of an unread body to keep the connection
    alive, holding a thread while it trickles or streams in."""

    def __init__(self, data: list[bytes], sock: socket.socket) -> None:
        super().__init__(data)
        self._sock = sock

    def close(self) -> None:
        HUNG_UP.add(self._sock)  # the worker closes it rather than keep it alive
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)


HUNG_UP: weakref.WeakSet[socket.socket] = weakref.WeakSet()


def _status(code: int) -> str:
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        return f"{code} Unknown"


def _bolt_reply(start: StartResponse, response: BoltResponse) -> list[bytes]:
    data = (response.body or "").encode("utf-8")
    headers = [(k, v) for k, values in response.headers.items() if k.lower() != "content-length"
               for v in values]
    headers.append(("Content-Length", str(len(data))))
    start(_status(response.status), headers)
    return [data]


def _refuse(
    environ: Mapping[str, Any], start: StartResponse, status: int, reason: str
) -> Iterable[bytes]:
    reply = _reply(start, status, {"error": reason})
    sock = environ.get("gunicorn.socket")  # absent under other servers (tests)
    return _ThenHangUp(reply, sock) if isinstance(sock, socket.socket) else reply


def wsgi_app(app: App | Callable[[], App], health: Health, *, signing_secret: str) -> WSGIApp:
    """The WSGI application: Slack's endpoint behind the front door, and the health checks.
    ``app`` may be a function that gives the Bolt app when a signed request first needs it (an
    idle serving process loads none: ``handlers.serving``)."""
    bolt: Callable[[], App] = (lambda: app) if isinstance(app, App) else app
    if not signing_secret:
        raise ValueError("HTTP mode needs the signing secret to check requests")

    def slack(environ: dict[str, Any], start: StartResponse) -> Iterable[bytes]:
        try:
            body = read_body(environ)
            headers = _headers(environ)
            # Slack sends UTF-8 and slack_sdk verifies text: anything else is refused unsigned.
            text = body.decode("utf-8")
            problem = signature_problem(
                signing_secret, headers.get("x-slack-request-timestamp", ""),
                headers.get("x-slack-signature", ""), text, time.time(),
            )
            if problem is not None:
                log.info("refused a request: invalid request (%s)", problem)
                return _refuse(environ, start, 401, "invalid request")
        except _Refused as refused:
            # The reason only: never the body, which may hold what someone typed.
            log.info("refused a request: %s", refused.reason)
            return _refuse(environ, start, refused.status, refused.reason)
        except UnicodeDecodeError:
            return _refuse(environ, start, 400, "not UTF-8")
        try:
            request = BoltRequest(body=text, query=environ.get("QUERY_STRING", ""),
                                  headers=headers)
        except Exception:  # signed, yet no payload Slack would send (bad JSON, a list…)
            request = None
        if request is None or not isinstance(request.body, dict):
            log.warning("refused a signed request whose payload could not be read")
            return _refuse(environ, start, 400, "unreadable payload")
        try:
            loaded = bolt()
        except Exception as exc:  # the worker's first request, and the application will not load
            log.error("could not load the application: %s", type(exc).__name__)
            return _reply(start, 503, {"error": "starting"})  # Slack tries again
        return _bolt_reply(start, loaded.dispatch(request))

    def application(environ: dict[str, Any], start: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "GET")
        if path in HEALTH_PATHS and method in ("GET", "HEAD"):
            ok, body = getattr(health, HEALTH_PATHS[path])()
            return _reply(start, 200 if ok else 503, body)
        if path == EVENTS_PATH:
            if method != "POST":
                return _reply(start, 405, {"error": "POST only"})
            return slack(environ, start)
        return _reply(start, 404, {"error": "not found"})

    return application


def _freeze(_arbiter: Any, _worker: Any) -> None:
    """Before each fork: what the master has loaded moves out of the garbage collector's
    reach, so a worker's collections never write to those objects (copying their pages)."""
    gc.freeze()


def serve(
    load: Callable[[], WSGIApp],
    *,
    host: str,
    port: int,
    workers: int = 1,
    threads: int = 32,
    on_worker_start: Callable[[], None] | None = None,
    on_worker_stopping: Callable[[], None] | None = None,
    on_worker_exit: Callable[[], None] | None = None,
) -> None:
    """Run under gunicorn. ``load`` builds the app inside each worker (after the fork);
    ``on_worker_stopping`` runs in a worker when it is told to stop (SIGTERM, from the signal
    handler: it must only raise a flag), ``on_worker_exit`` once its requests are answered."""
    from gunicorn.app.base import BaseApplication

    class Casebot(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            # Threads are cheap and a slow client holds one until the body deadline: plenty of
            # them keep Slack's requests answered while a few connections trickle.
            self.cfg.set("threads", threads)
            self.cfg.set("worker_class", "handlers.gunicorn_worker.GuardedThreadWorker")
            self.cfg.set("timeout", 30)
            # Slack's requests have short lines and few headers: refuse anything bigger early.
            self.cfg.set("limit_request_line", 4094)
            self.cfg.set("limit_request_fields", 50)
            self.cfg.set("limit_request_field_size", 8190)
            self.cfg.set("accesslog", None)  # request lines carry nothing useful, and no bodies
            if "control_socket_disable" in self.cfg.settings:
                # gunicorn 23+ would leave a control socket in the working directory.
                self.cfg.set("control_socket_disable", True)
            self.cfg.set("pre_fork", _freeze)
            # SIGTERM: each worker answers the requests it has, its tick finishes the post under
            # way, gives back what it leased (on_worker_exit), and it exits, all within this.
            self.cfg.set("graceful_timeout", GRACEFUL_TIMEOUT)

            def started(worker: Any) -> None:
                worker.on_stopping = on_worker_stopping  # GuardedThreadWorker.handle_exit
                if on_worker_start is not None:
                    on_worker_start()

            self.cfg.set("post_worker_init", started)
            if on_worker_exit is not None:
                self.cfg.set("worker_exit", lambda _server, _worker: on_worker_exit())

        def load(self) -> WSGIApp:
            return load()

    Casebot().run()
