"""A fake Slack Web API served over HTTP on 127.0.0.1, for tests and the offline demo.

Point a real ``slack_sdk.WebClient(base_url=fake.base_url)`` at it: every call is recorded as a
:class:`Call`, answered with Slack's response shapes and error codes, and every Block Kit payload is
checked against Slack's limits (``invalid_calls()`` lists the offenders). Faults are injectable:
rate limits (HTTP 429 + Retry-After), errors, slow answers, expired/reused trigger ids, used-up
response URLs, and the ones that leave a caller not knowing what happened: a 500 after the
message was stored, an answer that comes late (after the caller's timeout), a connection dropped
after storing, a message stored only some time after it was asked for; and calls held
unanswered until released (a slow Slack). Messages keep their
``metadata`` and conversations.history returns it when asked (``include_all_metadata``).
``rate_limits=RateLimits()`` enforces Slack's rate limits as Slack does (devkit/rate_limits.py);
without it, nothing is ever rate limited unless a test asks (``rate_limit``).
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import socket
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from zoneinfo import ZoneInfo

from bot.ports import SLACK_SCOPES
from devkit import block_limits
from devkit.rate_limits import Limiter, RateLimits
from devkit.slack_methods import SLACK_METHODS

TEAM_NAME = "Casebot Test"
TEAM_DOMAIN = "casebot-test"
BOT_ID = "B0CASEBOT"
APP_ID = "A0CASEBOT"
JSON_FIELDS = ("blocks", "view", "attachments", "metadata")  # sent as JSON strings in form bodies
MAX_CHAT_TEXT = 40_000
TRIGGER_TTL = 3.0
RESPONSE_URL_USES = 5
RESPONSE_URL_TTL = 30 * 60.0
VIEW_STACK_LIMIT = 3
TS_EPOCH = 1_700_000_000
MAX_METADATA = 8_000  # bytes of JSON: a bound for the fake (Slack documents none found here)
UPLOAD_PATH = "/upload/v1/"  # where files.getUploadURLExternal sends the file's bytes
MAX_UPLOAD = 1024 * 1024 * 1024  # Slack's 1 GB per file


def dm_channel_id(user_id: str) -> str:
    """The fake's DM channel id for a user: deterministic, so tests can predict it."""
    return f"D{user_id}"


@dataclass
class Call:
    """One request the fake received and what it answered."""

    method: str  # "chat.postMessage", or "response_url" for posts to a response URL
    args: dict[str, Any]  # form fields / JSON body, JSON-string fields decoded
    headers: dict[str, str]
    ok: bool
    error: str | None
    at: float  # the fake's clock (time.monotonic() unless injected)
    status: int = 200
    response: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # Slack limits this call broke
    notes: list[str] = field(default_factory=list)  # accepted, but worth knowing (truncation...)
    hook: str | None = None  # which response URL (its token), for "response_url" calls


class SlackError(Exception):
    """Raised inside a method handler; answered as ``{"ok": false, "error": code, **extra}``."""

    def __init__(
        self, error: str, *, status: int = 200, problems: list[str] | None = None, **extra: Any
    ) -> None:
        super().__init__(error)
        self.error, self.status, self.problems, self.extra = error, status, problems or [], extra


@dataclass
class _Reply:
    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (the work is already done)
    drop: bool = False  # close the connection instead of answering


@dataclass(frozen=True)
class _Aftermath:
    """A fault that lets the call do its work, then spoils the answer (or delays the work)."""

    kind: str  # "status" (answer ``status`` anyway), "late", "drop", "store_late"
    seconds: float = 0.0
    status: int = 500
    error: str = "internal_error"


@dataclass
class _Request:
    """A decoded API call as seen by a method handler; handlers add notes/problems to it."""

    args: dict[str, Any]
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def need(self, name: str, *, error: str = "invalid_arguments") -> Any:
        value = self.args.get(name)
        if value in (None, ""):
            raise SlackError(error, response_metadata={"messages": [f"[ERROR] missing {name}"]})
        return value


Handler = Callable[["FakeSlack", _Request], dict[str, Any]]
_METHODS: dict[str, Handler] = {}


def _method(name: str) -> Callable[[Handler], Handler]:
    """Register a Web API method handler (keeps dispatch a table, not an if-chain)."""

    def register(handler: Handler) -> Handler:
        _METHODS[name] = handler
        return handler

    return register


def decode_args(content_type: str, body: bytes, query: str = "") -> dict[str, Any]:
    """Merge query-string and body arguments; decode JSON-string fields (blocks, view...)."""
    args: dict[str, Any] = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
    if body:
        form = content_type.lower().startswith("application/x-www-form-urlencoded")
        if content_type.lower().startswith("application/json") or (
            not form and body.lstrip()[:1] == b"{"  # JSON sent without a content type
        ):
            decoded = json.loads(body.decode("utf-8"))
            if not isinstance(decoded, dict):
                raise SlackError("invalid_json")
            args.update(decoded)
        else:
            args.update(urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    for key in JSON_FIELDS:
        if isinstance(args.get(key), str):
            # Undecodable JSON stays a string: the handler answers invalid_blocks_format etc.
            with contextlib.suppress(ValueError):
                args[key] = json.loads(args[key])
    return args


def _invalid(error: str, problems: list[str], **extra: Any) -> SlackError:
    messages = [f"[ERROR] {p}" for p in problems]
    return SlackError(error, problems=problems, response_metadata={"messages": messages}, **extra)


class FakeSlack:
    """A Slack workspace's Web API on 127.0.0.1:<port>; use as a context manager or start/stop.

    People exist only once added (``users=`` or ``add_user``): like Slack, the fake answers
    user_not_found / channel_not_found for anyone else. The bot user exists from the start.
    """

    def __init__(
        self,
        *,
        bot_token: str = "xoxb-test-token",
        bot_user_id: str = "UBOT00001",
        team_id: str = "T0TEAM001",
        users: Mapping[str, Mapping[str, Any]] | None = None,
        strict_triggers: bool = True,
        clock: Callable[[], float] = time.monotonic,
        open_channels: bool = False,
        scopes: Iterable[str] = SLACK_SCOPES,
        rate_limits: RateLimits | None = None,
        wall_clock_ts: bool = False,
    ) -> None:
        self.bot_token, self.bot_user_id, self.team_id = bot_token, bot_user_id, team_id
        # Message timestamps from the system clock, as Slack's are (a caller can then ask for
        # history since a time); by default a counter from 2023, the same in every run.
        self.wall_clock_ts = wall_clock_ts
        self._last_ts = 0.0
        # What the app was granted: every Web API answer says so in X-OAuth-Scopes, as Slack's.
        self.scopes = sorted(scopes)
        # Any C…/G… channel exists (public, the bot in it) for conversations.info too, as
        # posting already assumes: for tests whose groups' channels are beside the point.
        self.open_channels = open_channels
        self.strict_triggers = strict_triggers
        self.base_url = ""
        self.calls: list[Call] = []
        self._clock = clock
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._counter = itertools.count(1)
        self._users: dict[str, dict[str, Any]] = {}
        self._channels: dict[str, dict[str, Any]] = {}  # C/G ids -> {"name", "members"}
        self._dms: dict[str, str] = {}  # D id -> user id (opened DMs)
        self._messages: dict[str, list[dict[str, Any]]] = {}
        self._views: dict[str, dict[str, Any]] = {}
        self._stacks: list[list[str]] = []  # modal stacks, root first
        self._homes: dict[str, str] = {}  # user id -> published Home tab view id
        self._triggers: dict[str, dict[str, Any]] = {}
        self._hooks: dict[str, dict[str, Any]] = {}
        self._faults: dict[str, list[_Reply]] = {}
        self._aftermaths: dict[str, list[_Aftermath]] = {}
        self._delays: dict[str, float] = {}  # method -> seconds before its answer leaves
        self._files: dict[str, dict[str, Any]] = {}  # F ids -> files.uploadV2's three steps
        self._limiter = Limiter(rate_limits) if rate_limits else None
        # method -> (set when released, seconds a call waits at most)
        self._holds: dict[str, tuple[threading.Event, float]] = {}
        self._held: dict[str, int] = {}  # method -> calls waiting at the hold
        self.add_user(bot_user_id, name="casebot", real_name="Casebot", is_bot=True)
        for user_id, spec in (users or {}).items():
            self.add_user(user_id, **spec)

    # --- lifecycle ----------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        """Serve on an ephemeral port in a daemon thread; sets ``base_url``."""
        server = _Server(("127.0.0.1", 0), _handler_class(self))
        server.daemon_threads = True
        self._server = server
        # A short poll interval keeps stop() (shutdown waits for one poll) fast in tests.
        self._thread = threading.Thread(
            target=server.serve_forever, args=(0.05,), name="fake-slack", daemon=True
        )
        self._thread.start()
        self.base_url = f"http://127.0.0.1:{server.server_address[1]}/api/"
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # --- inspection ---------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def rate_limited(self) -> list[Call]:
        """Calls answered 429."""
        with self._lock:
            return [c for c in self.calls if c.status == 429]

    def invalid_calls(self) -> list[Call]:
        """Calls that broke a Slack limit: rejected blocks/views, truncated text, a trigger id
        reused or used after 3 s, a fourth stacked modal, a response URL used up or expired."""
        with self._lock:
            return [c for c in self.calls if c.problems]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until at least `count` calls of `method` were recorded; return them."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self.calls_to(method)) >= count, timeout):
                seen = "\n".join(
                    f"  {c.method}: {'ok' if c.ok else c.error}" for c in self.calls[-20:]
                )
                raise AssertionError(
                    f"expected {count} {method} call(s) within {timeout}s, got "
                    f"{len(self.calls_to(method))}; last calls:\n{seen or '  (none)'}"
                )
            return self.calls_to(method)

    def reset(self) -> None:
        """Forget recorded calls (users, channels, messages and views stay)."""
        with self._lock:
            self.calls.clear()

    def messages(self, channel: str) -> list[dict[str, Any]]:
        """Messages currently in a channel (after updates/deletes), oldest first, with their
        ``metadata`` if posted with some; a user id means their DM."""
        with self._lock:
            channel = dm_channel_id(channel) if channel[:1] in "UW" else channel
            return [json.loads(json.dumps(m)) for m in self._messages.get(channel, [])]

    def view(self, view_id: str) -> dict[str, Any]:
        """The current state of a view the bot opened, pushed, updated or published."""
        with self._lock:
            return json.loads(json.dumps(self._views[view_id]))

    def files(self, channel: str | None = None) -> list[dict[str, Any]]:
        """Files shared by files.completeUploadExternal (in ``channel``, a user id meaning their
        DM): id, filename, title, channel, initial_comment and the uploaded ``data`` (bytes)."""
        with self._lock:
            if channel and channel[:1] in "UW":
                channel = dm_channel_id(channel)
            return [dict(f) for f in self._files.values()
                    if f["shared"] and (channel is None or f["channel"] == channel)]

    # --- workspace setup and fault injection --------------------------------------------------

    def add_user(
        self,
        user_id: str,
        *,
        name: str,
        real_name: str | None = None,
        tz: str = "Australia/Brisbane",
        is_bot: bool = False,
        deleted: bool = False,
    ) -> None:
        ZoneInfo(tz)  # fail here, not inside a request, on a misspelt zone
        with self._lock:
            self._users[user_id] = {
                "name": name,
                "real_name": real_name or name,
                "tz": tz,
                "is_bot": is_bot,
                "deleted": deleted,
            }

    def set_channel_members(
        self, channel: str, members: list[str], *, name: str | None = None
    ) -> None:
        """Declare a channel and its members. The bot can post there only if it is a member."""
        with self._lock:
            entry = self._channels.setdefault(channel, {"name": name or channel.lower()})
            entry["members"] = list(members)
            if name:
                entry["name"] = name

    def rate_limit(self, method: str, *, times: int = 1, retry_after: int = 1) -> None:
        """The next `times` calls of `method` get HTTP 429, Retry-After and error ratelimited."""
        reply = _Reply(
            429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(retry_after)}
        )
        with self._lock:
            self._faults.setdefault(method, []).extend([reply] * times)

    def fail(
        self, method: str, *, error: str = "internal_error", status: int = 200, times: int = 1
    ) -> None:
        """The next `times` calls of `method` answer ``{"ok": false, "error": error}``."""
        with self._lock:
            reply = _Reply(status, {"ok": False, "error": error})
            self._faults.setdefault(method, []).extend([reply] * times)

    def fail_after_storing(
        self, method: str, *, status: int = 500, error: str = "internal_error", times: int = 1
    ) -> None:
        """The next `times` calls of `method` do their work (a post is stored) and then answer
        HTTP `status` with `error`, as Slack sometimes does after posting."""
        self._add_aftermath(method, _Aftermath("status", status=status, error=error), times)

    def answer_late(self, method: str, *, seconds: float, times: int = 1) -> None:
        """The next `times` calls of `method` do their work at once but answer only after
        `seconds` (past a caller's timeout, it never learns the outcome)."""
        self._add_aftermath(method, _Aftermath("late", seconds=seconds), times)

    def drop_after_storing(self, method: str, *, times: int = 1) -> None:
        """The next `times` calls of `method` do their work, then the connection is closed
        without an answer."""
        self._add_aftermath(method, _Aftermath("drop"), times)

    def store_late(self, method: str, *, seconds: float, times: int = 1) -> None:
        """The next `times` calls of `method` are taken, held `seconds`, and only then done and
        answered: a post shows in the channel's history that much later than it was asked for."""
        self._add_aftermath(method, _Aftermath("store_late", seconds=seconds), times)

    def _add_aftermath(self, method: str, fault: _Aftermath, times: int) -> None:
        with self._lock:
            self._aftermaths.setdefault(method, []).extend([fault] * times)

    def slow(self, method: str, seconds: float) -> None:
        """Answer every later call of `method` `seconds` late (0: on time again). The call takes
        effect (and is recorded) at once, only the answer waits: a post Slack has made whose
        answer is still on its way, as when a sender dies mid-send. Calls wait side by side."""
        with self._lock:
            self._delays[method] = seconds
    def hold(self, method: str, *, at_most: float = 60.0) -> None:
        """Calls of ``method`` wait, unanswered, until :meth:`release` (Slack being slow: the
        app's work stays busy for as long as the test likes), but never more than ``at_most``
        seconds each: below the app's 15 s timeout, a slow machine cannot turn a slow answer
        into no answer."""
        with self._lock:
            self._holds.setdefault(method, (threading.Event(), at_most))

    def release(self, method: str) -> None:
        with self._lock:
            held = self._holds.pop(method, None)
        if held is not None:
            held[0].set()

    def held(self, method: str) -> int:
        """How many calls of ``method`` are waiting at a hold now."""
        with self._lock:
            return self._held.get(method, 0)

    def _wait_if_held(self, path: str) -> None:
        method = urllib.parse.urlsplit(path).path.removeprefix("/api/")
        with self._lock:
            held = self._holds.get(method)
            if held is None:
                return
            self._held[method] = self._held.get(method, 0) + 1
        try:
            gate, at_most = held
            gate.wait(timeout=at_most)  # never forever: a test that forgot to release still ends
        finally:
            with self._lock:
                self._held[method] -= 1

    def new_trigger_id(self, *, view_id: str | None = None) -> str:
        """A trigger id usable once within 3 s; `view_id` ties it to a modal (for views.push)."""
        with self._lock:
            n = next(self._counter)
            trigger = f"{1_000_000 + n}.{TS_EPOCH}.{uuid.uuid4().hex[:24]}"
            self._triggers[trigger] = {"issued": self._clock(), "used": False, "view_id": view_id}
            return trigger

    def response_url(self, *, channel: str | None = None, message_ts: str | None = None) -> str:
        """A response URL on this server (5 posts within 30 min). With `channel`/`message_ts`
        it acts on that message: replace_original, delete_original, response_type in_channel."""
        if not self.base_url:
            raise RuntimeError("start the fake before asking for a response URL")
        if channel and channel[:1] in "UW":
            channel = dm_channel_id(channel)
        with self._lock:
            token = uuid.uuid4().hex
            self._hooks[token] = {
                "issued": self._clock(),
                "uses": 0,
                "channel": channel,
                "message_ts": message_ts,
            }
        return self.base_url.replace("/api/", f"/hooks/{token}")

    @staticmethod
    def hook_token(url: str) -> str:
        """The token that ``Call.hook`` records for posts to this response URL."""
        return url.rsplit("/hooks/", 1)[-1]

    # --- request handling (called from the HTTP thread) ---------------------------------------

    def _dispatch(self, path: str, headers: dict[str, str], body: bytes) -> _Reply:
        url = urllib.parse.urlsplit(path)
        lowered = {k.lower(): v for k, v in headers.items()}
        if url.path.startswith("/api/"):
            method = url.path[len("/api/") :]
        elif url.path.startswith("/hooks/"):
            method = "response_url"
        elif url.path.startswith(UPLOAD_PATH):
            return self._receive_upload(url.path[len(UPLOAD_PATH):], headers, body)
        else:
            return _Reply(404, {"ok": False, "error": "unknown_path"})
        request = _Request({})
        aftermath = self._next_aftermath(method) if url.path.startswith("/api/") else None
        if aftermath is not None and aftermath.kind == "store_late":
            time.sleep(aftermath.seconds)  # outside the lock: other calls go on meanwhile
        with self._changed:
            try:
                content_type = lowered.get("content-type", "")
                request.args = decode_args(content_type, body, url.query)
                if method == "response_url":
                    reply = self._hook(url.path[len("/hooks/") :], request)
                else:
                    reply = self._api(method, lowered, request)
            except (ValueError, UnicodeDecodeError):
                reply = _Reply(200, {"ok": False, "error": "invalid_form_data"})
            except SlackError as exc:
                request.problems.extend(exc.problems)
                reply = _Reply(exc.status, {"ok": False, "error": exc.error, **exc.extra})
            except Exception as exc:  # a bug in the fake: answer like Slack's 500, keep serving
                reply = _Reply(500, {"ok": False, "error": "fatal_error", "detail": repr(exc)})
            if aftermath is not None and reply.body.get("ok"):
                reply = _spoil(reply, aftermath, request)
            self.calls.append(
                Call(
                    method=method,
                    args=request.args,
                    headers=headers,
                    ok=bool(reply.body.get("ok")),
                    error=reply.body.get("error"),
                    at=self._clock(),
                    status=reply.status,
                    response=reply.body,
                    problems=request.problems,
                    notes=request.notes,
                    hook=url.path[len("/hooks/") :] if method == "response_url" else None,
                )
            )
            self._changed.notify_all()
            delay = self._delays.get(method, 0.0)
        if delay > 0:
            time.sleep(delay)  # outside the lock: other calls go on meanwhile
        return reply

    def _receive_upload(self, file_id: str, headers: dict[str, str], body: bytes) -> _Reply:
        """Step 2 of files.uploadV2: the bytes POSTed to the URL files.getUploadURLExternal gave
        (raw, whatever the content type says). Recorded as a call named "upload"."""
        with self._changed:
            entry = self._files.get(file_id)
            problems = []
            if entry is None:
                status, answer = 404, {"ok": False, "error": "file_not_found"}
            else:
                if len(body) != entry["length"]:
                    problems.append(f"uploaded {len(body)} bytes, announced {entry['length']}")
                entry["data"] = body
                status, answer = 200, {"ok": True}
            self.calls.append(Call(method="upload", args={"file_id": file_id, "bytes": len(body)},
                                   headers=headers, ok=status == 200, error=answer.get("error"),
                                   at=self._clock(), status=status, response=answer,
                                   problems=problems))
            self._changed.notify_all()
            return _Reply(status, answer)

    def _api(self, method: str, headers: dict[str, str], request: _Request) -> _Reply:
        handler = _METHODS.get(method)
        if handler is None:
            known = method in SLACK_METHODS
            raise SlackError("not_implemented_in_fake" if known else "unknown_method")
        self._authenticate(headers, request.args.pop("token", None))
        scopes = {"X-OAuth-Scopes": ",".join(self.scopes)}
        if fault := self._next_fault(method):
            return _Reply(fault.status, fault.body, {**scopes, **fault.headers})
        if self._limiter is not None:
            wait = self._limiter.retry_after(method, request.args.get("channel"), self._clock())
            if wait is not None:
                return _Reply(429, {"ok": False, "error": "ratelimited"},
                              {**scopes, "Retry-After": str(wait)})
        return _Reply(200, {"ok": True, **handler(self, request)}, scopes)

    def _authenticate(self, headers: dict[str, str], form_token: Any) -> None:
        auth = headers.get("authorization", "")
        token = auth[len("Bearer ") :] if auth.startswith("Bearer ") else form_token
        if not token:
            raise SlackError("not_authed")
        if token != self.bot_token:
            raise SlackError("invalid_auth")

    def _next_fault(self, method: str) -> _Reply | None:
        queue = self._faults.get(method)
        return queue.pop(0) if queue else None

    def _next_aftermath(self, method: str) -> _Aftermath | None:
        with self._lock:
            queue = self._aftermaths.get(method)
            return queue.pop(0) if queue else None

    def _hook(self, token: str, request: _Request) -> _Reply:
        hook = self._hooks.get(token)
        if hook is None:
            raise SlackError("no_service", status=404)
        if self._clock() - hook["issued"] > RESPONSE_URL_TTL:
            raise SlackError("expired_url", status=404, problems=["response URL older than 30 min"])
        if hook["uses"] >= RESPONSE_URL_USES:
            raise SlackError("used_url", status=404, problems=["response URL used 5 times already"])
        if fault := self._next_fault("response_url"):
            return fault
        hook["uses"] += 1
        self._apply_response(hook, request)
        return _Reply(200, {"ok": True})

    def _apply_response(self, hook: dict[str, Any], request: _Request) -> None:
        """What a response_url post does to the message it belongs to (if the URL is bound)."""
        args = request.args
        if args.get("delete_original") in (True, "true"):
            if hook["channel"] and hook["message_ts"]:
                self._remove_message(hook["channel"], hook["message_ts"])
            return
        text, blocks = self._content(request, status=400)
        if not (text or blocks or args.get("attachments")):
            raise SlackError("no_text", status=400)
        if not hook["channel"]:
            return
        if args.get("replace_original") in (True, "true") and hook["message_ts"]:
            message = self._find_message(hook["channel"], hook["message_ts"])
            message.update(text=text, blocks=blocks)
        elif args.get("response_type") == "in_channel":
            self._store_message(hook["channel"], text, blocks, args.get("thread_ts"))

    # --- shared state helpers -----------------------------------------------------------------

    def _next_ts(self) -> str:
        if self.wall_clock_ts:
            # Unique and increasing, as Slack's are within a channel.
            self._last_ts = max(round(time.time(), 6), round(self._last_ts + 0.000001, 6))
            return f"{self._last_ts:.6f}"
        micros = next(self._counter) * 100
        return f"{TS_EPOCH + micros // 1_000_000}.{micros % 1_000_000:06d}"

    def _user(self, user_id: Any, *, error: str = "user_not_found") -> dict[str, Any]:
        user = self._users.get(user_id) if isinstance(user_id, str) else None
        if user is None:
            raise SlackError(error)
        return user

    def _open_dm(self, user_id: str) -> tuple[str, bool]:
        """(DM channel id, whether it was already open)."""
        if self._user(user_id)["deleted"]:
            raise SlackError("user_disabled")
        channel = dm_channel_id(user_id)
        existed = channel in self._dms
        self._dms[channel] = user_id
        return channel, existed

    def _post_channel(self, channel: str) -> str:
        """Where a post to `channel` lands: user ids go to their DM; the bot must be a member."""
        try:
            if channel[:1] in "UW":
                return self._open_dm(channel)[0]
            if channel[:1] == "D":
                return self._open_dm(channel[1:])[0]
        except SlackError:
            raise SlackError("channel_not_found") from None
        if channel[:1] not in "CG":
            raise SlackError("channel_not_found")
        entry = self._channels.setdefault(channel, {"name": channel.lower()})
        if "members" in entry and self.bot_user_id not in entry["members"]:
            raise SlackError("not_in_channel")
        return channel

    def _content(self, request: _Request, *, status: int = 200) -> tuple[str, list[Any]]:
        """Validated (text, blocks) of a message payload; truncates text as Slack does."""
        text = str(request.args.get("text") or "")
        blocks = request.args.get("blocks") or []
        if not isinstance(blocks, list):
            problem = "/blocks: must be a JSON array of blocks"
            raise SlackError("invalid_blocks_format", status=status, problems=[problem])
        found = block_limits.problems(blocks, surface="message")
        for i, attachment in enumerate(request.args.get("attachments") or []):
            if isinstance(attachment, dict) and attachment.get("blocks"):
                inner = block_limits.problems(attachment["blocks"], surface="message")
                found += [f"/attachments/{i}{p}" for p in inner]
        if found:
            raise _invalid("invalid_blocks", found, status=status, errors=found)
        if len(text) > MAX_CHAT_TEXT:
            note = f"/text: {len(text)} characters; Slack truncates beyond {MAX_CHAT_TEXT}"
            request.notes.append(note)
            request.problems.append(note)
            text = text[:MAX_CHAT_TEXT]
        if blocks and not text:
            request.notes.append("no top-level text: notifications and screen readers get none")
        return text, blocks

    def _store_message(
        self, channel: str, text: str, blocks: list[Any], thread_ts: Any = None,
        metadata: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "ts": self._next_ts(),
            "text": text,
            "blocks": blocks,
            "user": self.bot_user_id,
        }
        if thread_ts:
            message["thread_ts"] = str(thread_ts)
        if metadata is not None:
            message["metadata"] = metadata
        self._messages.setdefault(channel, []).append(message)
        return message

    def _find_message(self, channel: str, ts: Any) -> dict[str, Any]:
        for message in self._messages.get(channel, []):
            if message["ts"] == ts:
                return message
        raise SlackError("message_not_found")

    def _remove_message(self, channel: str, ts: Any) -> None:
        self._messages[channel].remove(self._find_message(channel, ts))

    def _message_object(self, message: dict[str, Any]) -> dict[str, Any]:
        """A stored message as Slack returns it from chat.* methods."""
        return {
            "type": "message",
            "bot_id": BOT_ID,
            "app_id": APP_ID,
            "team": self.team_id,
            **message,
        }

    def _user_object(self, user_id: str) -> dict[str, Any]:
        spec = self._users[user_id]
        # Slack reports the offset in force now, so compute it at request time (DST changes it).
        now = datetime.now(ZoneInfo(spec["tz"]))
        offset = now.utcoffset()
        profile = {
            "real_name": spec["real_name"],
            "real_name_normalized": spec["real_name"],
            "display_name": spec["name"],
            "display_name_normalized": spec["name"],
            "team": self.team_id,
            "status_text": "",
            "status_emoji": "",
        }
        if spec["is_bot"]:
            profile.update(bot_id=BOT_ID, api_app_id=APP_ID, always_active=True)
        return {
            "id": user_id,
            "team_id": self.team_id,
            "name": spec["name"],
            "deleted": spec["deleted"],
            "real_name": spec["real_name"],
            "tz": spec["tz"],
            "tz_label": now.tzname(),
            "tz_offset": int(offset.total_seconds()) if offset is not None else 0,
            "profile": profile,
            "is_admin": False,
            "is_owner": False,
            "is_primary_owner": False,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "is_bot": spec["is_bot"],
            "is_app_user": False,
            "updated": TS_EPOCH,
        }

    # --- views --------------------------------------------------------------------------------

    def _consume_trigger(self, trigger_id: Any) -> str | None:
        """Check and spend a trigger id; returns the modal it came from, if known."""
        entry = self._triggers.get(trigger_id) if isinstance(trigger_id, str) else None
        if entry is None:
            if self.strict_triggers or not trigger_id:
                raise SlackError("invalid_trigger_id")
            return None
        if entry["used"]:
            raise SlackError("exchanged_trigger_id", problems=["trigger_id used twice"])
        age = self._clock() - entry["issued"]
        if age > TRIGGER_TTL:
            raise SlackError("expired_trigger_id", problems=[f"trigger_id used after {age:.1f} s"])
        entry["used"] = True
        return entry["view_id"]

    def _checked_view(
        self, request: _Request, kind: str, *, replacing: str | None = None
    ) -> dict[str, Any]:
        """The request's view if Slack would accept it as a `kind` view; else SlackError."""
        view = request.need("view")
        if not isinstance(view, dict):
            raise _invalid("invalid_arguments", ["/view: must be a JSON object"])
        found = block_limits.view_problems(view)
        if view.get("type") != kind:
            found.insert(0, f"/view/type: must be {kind} for this method")
        if block_limits.view_size(view) > block_limits.VIEW_MAX_BYTES:
            raise _invalid("view_too_large", found)
        if found:
            raise _invalid("invalid_arguments", found)
        external_id = view.get("external_id")
        if external_id and any(
            v["external_id"] == external_id and v["id"] != replacing for v in self._views.values()
        ):
            raise SlackError("duplicate_external_id")
        return view

    def _store_view(
        self, spec: dict[str, Any], view_id: str | None = None, **links: Any
    ) -> dict[str, Any]:
        """Save a view under a new (or its existing) id with a fresh hash, as Slack returns it."""
        n = next(self._counter)
        view_id = view_id or f"V0FAKE{n:04d}"
        previous = self._views.get(view_id, {})
        view = {
            "id": view_id,
            "team_id": self.team_id,
            "type": spec["type"],
            "blocks": spec.get("blocks", []),
            "private_metadata": spec.get("private_metadata", ""),
            "callback_id": spec.get("callback_id", ""),
            "state": {"values": {}},
            "hash": f"{TS_EPOCH + n}.h{n:07d}",
            "title": spec.get("title"),
            "clear_on_close": spec.get("clear_on_close", False),
            "notify_on_close": spec.get("notify_on_close", False),
            "close": spec.get("close"),
            "submit": spec.get("submit"),
            "previous_view_id": previous.get("previous_view_id"),
            "root_view_id": previous.get("root_view_id", view_id),
            "app_id": APP_ID,
            "external_id": spec.get("external_id", ""),
            "app_installed_team_id": self.team_id,
            "bot_id": BOT_ID,
            **links,
        }
        self._views[view_id] = view
        return view

    def _view_for_update(self, request: _Request) -> dict[str, Any]:
        view_id, external_id = request.args.get("view_id"), request.args.get("external_id")
        for view in self._views.values():
            if (view_id and view["id"] == view_id) or (
                external_id and view["external_id"] == external_id
            ):
                expected = request.args.get("hash")
                if expected and expected != view["hash"]:
                    raise SlackError("hash_conflict")
                return view
        if not view_id and not external_id:
            raise _invalid("invalid_arguments", ["/view_id: view_id or external_id is required"])
        raise SlackError("not_found")


# --- Web API methods --------------------------------------------------------------------------


@_method("auth.test")
def _auth_test(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    return {
        "url": f"https://{TEAM_DOMAIN}.slack.com/",
        "team": TEAM_NAME,
        "user": fake._users[fake.bot_user_id]["name"],
        "team_id": fake.team_id,
        "user_id": fake.bot_user_id,
        "bot_id": BOT_ID,
        "is_enterprise_install": False,
    }


@_method("chat.postMessage")
def _chat_post_message(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    channel = fake._post_channel(request.need("channel", error="channel_not_found"))
    text, blocks = fake._content(request)
    if not (text or blocks or request.args.get("attachments")):
        raise SlackError("no_text")
    metadata = _metadata(request.args.get("metadata"))
    message = fake._store_message(channel, text, blocks, request.args.get("thread_ts"), metadata)
    return {"channel": channel, "ts": message["ts"], "message": fake._message_object(message)}


def _metadata(value: Any) -> dict[str, Any] | None:
    """Message metadata as Slack checks it: an object with a string ``event_type`` and an
    object ``event_payload``."""
    if value in (None, ""):
        return None
    if not isinstance(value, dict):
        raise SlackError("invalid_metadata_format")
    if not isinstance(value.get("event_type"), str) or not isinstance(
        value.get("event_payload"), dict
    ):
        raise SlackError("invalid_metadata_schema")
    if len(json.dumps(value)) > MAX_METADATA:
        raise SlackError("metadata_too_large")
    return {"event_type": value["event_type"], "event_payload": value["event_payload"]}


# Reading a conversation's history needs the scope of its kind (Slack: conversations.history).
HISTORY_SCOPES = {"C": "channels:history", "G": "groups:history", "D": "im:history"}
HISTORY_LIMIT = 999


def _truthy(value: Any) -> bool:
    return value in (True, 1, "1", "true", "True")


@_method("conversations.history")
def _conversations_history(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    """Newest first, between ``oldest`` and ``latest`` (exclusive unless ``inclusive``), a page
    of ``limit`` with a cursor; ``metadata`` only with ``include_all_metadata``."""
    channel = str(request.need("channel", error="channel_not_found"))
    needed = HISTORY_SCOPES.get(channel[:1])
    if needed is None:
        raise SlackError("channel_not_found")
    if needed not in fake.scopes:
        raise SlackError("missing_scope", needed=needed, provided=",".join(fake.scopes))
    if channel[:1] == "D":
        if channel not in fake._dms:
            raise SlackError("channel_not_found")
    else:
        entry = fake._channels.get(channel)
        if entry is None and fake.open_channels:
            entry = fake._channels.setdefault(channel, {"name": channel.lower()})
        if entry is None:
            raise SlackError("channel_not_found")
        if "members" in entry and fake.bot_user_id not in entry["members"]:
            raise SlackError("not_in_channel")
    try:
        oldest = float(request.args.get("oldest") or 0)
        latest = float(request.args["latest"]) if request.args.get("latest") else None
        limit = min(int(request.args.get("limit") or 100), HISTORY_LIMIT) or 100
        start = int(request.args.get("cursor") or 0)
    except ValueError:
        raise SlackError("invalid_arguments") from None
    inclusive = _truthy(request.args.get("inclusive"))
    with_metadata = _truthy(request.args.get("include_all_metadata"))

    def within(ts: float) -> bool:
        after = ts >= oldest if inclusive else ts > oldest
        before = latest is None or (ts <= latest if inclusive else ts < latest)
        return after and before

    found = [m for m in reversed(fake._messages.get(channel, [])) if within(float(m["ts"]))]
    page = found[start : start + limit]
    more = start + limit < len(found)
    messages = []
    for message in page:
        shown = {"type": "message", "bot_id": BOT_ID, "app_id": APP_ID, "team": fake.team_id,
                 **message}
        if not with_metadata:
            shown.pop("metadata", None)
        messages.append(shown)
    return {
        "messages": messages,
        "has_more": more,
        "pin_count": 0,
        "response_metadata": {"next_cursor": str(start + limit) if more else ""},
    }


@_method("chat.postEphemeral")
def _chat_post_ephemeral(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    channel = fake._post_channel(request.need("channel", error="channel_not_found"))
    user = request.need("user", error="user_not_in_channel")
    fake._user(user)
    members = fake._channels.get(channel, {}).get("members")
    if members is not None and user not in members:
        raise SlackError("user_not_in_channel")
    if channel in fake._dms and fake._dms[channel] != user:
        raise SlackError("user_not_in_channel")
    text, blocks = fake._content(request)
    if not (text or blocks or request.args.get("attachments")):
        raise SlackError("no_text")
    return {"message_ts": fake._next_ts()}


@_method("chat.update")
def _chat_update(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    channel = fake._post_channel(request.need("channel", error="channel_not_found"))
    message = fake._find_message(channel, request.need("ts", error="message_not_found"))
    text, blocks = fake._content(request)
    if not any(key in request.args for key in ("text", "blocks", "attachments")):
        raise SlackError("no_text")
    # Slack keeps a field the update leaves out, and replaces one it includes.
    if "text" in request.args:
        message["text"] = text
    if "blocks" in request.args:
        message["blocks"] = blocks
    return {
        "channel": channel,
        "ts": message["ts"],
        "text": message["text"],
        "message": fake._message_object(message),
    }


@_method("chat.delete")
def _chat_delete(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    channel = fake._post_channel(request.need("channel", error="channel_not_found"))
    ts = request.need("ts", error="message_not_found")
    fake._remove_message(channel, ts)
    return {"channel": channel, "ts": ts}


@_method("chat.getPermalink")
def _chat_get_permalink(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    channel = fake._post_channel(request.need("channel", error="channel_not_found"))
    ts = fake._find_message(channel, request.need("message_ts", error="message_not_found"))["ts"]
    link = f"https://{TEAM_DOMAIN}.slack.com/archives/{channel}/p{ts.replace('.', '')}"
    return {"channel": channel, "permalink": link}


@_method("users.info")
def _users_info(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    user_id = request.need("user", error="user_not_found")
    fake._user(user_id)
    return {"user": fake._user_object(user_id)}


@_method("conversations.open")
def _conversations_open(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    if request.args.get("channel"):
        channel = request.args["channel"]
        if channel not in fake._dms:
            raise SlackError("channel_not_found")
        return {"channel": {"id": channel}, "no_op": True, "already_open": True}
    users = [
        u.strip() for u in str(request.need("users", error="users_list_not_supplied")).split(",")
    ]
    if len(users) == 1:
        channel, existed = fake._open_dm(users[0])
    else:  # a group DM: a stable id per set of users
        for user in users:
            fake._user(user)
        digest = hashlib.sha1(",".join(sorted(users)).encode()).hexdigest()[:9].upper()
        channel = f"G{digest}"
        existed = channel in fake._channels
        fake._channels.setdefault(channel, {"name": f"mpdm-{channel.lower()}", "members": users})
        fake._channels[channel]["members"] = sorted({*users, fake.bot_user_id})
    body: dict[str, Any] = {"channel": {"id": channel}}
    if existed:
        body.update(no_op=True, already_open=True)
    return body


@_method("conversations.info")
def _conversations_info(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    channel = request.need("channel", error="channel_not_found")
    if channel in fake._dms:
        user = fake._dms[channel]
        return {
            "channel": {
                "id": channel,
                "created": TS_EPOCH,
                "is_im": True,
                "is_org_shared": False,
                "user": user,
                "is_user_deleted": fake._users[user]["deleted"],
                "priority": 0,
            }
        }
    entry = fake._channels.get(channel)
    if entry is None and fake.open_channels and channel[:1] in ("C", "G"):
        entry = fake._channels.setdefault(channel, {"name": channel.lower()})
    if entry is None:
        raise SlackError("channel_not_found")
    members = entry.get("members")
    private = channel.startswith("G")
    return {
        "channel": {
            "id": channel,
            "name": entry["name"],
            "is_channel": not private,
            "is_group": private,
            "is_im": False,
            "is_mpim": entry["name"].startswith("mpdm-"),
            "is_private": private,
            "is_archived": False,
            "is_member": members is None or fake.bot_user_id in members,
            "created": TS_EPOCH,
            "creator": fake.bot_user_id,
        }
    }


@_method("conversations.members")
def _conversations_members(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    channel = request.need("channel", error="channel_not_found")
    if channel in fake._dms:
        members = [fake._dms[channel], fake.bot_user_id]
    elif channel in fake._channels:
        members = fake._channels[channel].get("members", [fake.bot_user_id])
    else:
        raise SlackError("channel_not_found")
    start = int(request.args.get("cursor") or 0)
    limit = int(request.args.get("limit") or 100)
    page = members[start : start + limit]
    more = start + limit < len(members)
    return {
        "members": page,
        "response_metadata": {"next_cursor": str(start + limit) if more else ""},
    }


@_method("views.open")
def _views_open(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    view = fake._checked_view(request, "modal")
    fake._consume_trigger(
        request.args.get("trigger_id") or request.args.get("interactivity_pointer")
    )
    stored = fake._store_view(view)
    fake._stacks.append([stored["id"]])
    return {"view": stored}


@_method("views.push")
def _views_push(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    view = fake._checked_view(request, "modal")
    origin = fake._consume_trigger(
        request.args.get("trigger_id") or request.args.get("interactivity_pointer")
    )
    # The trigger names the modal it came from when the test said so; else the latest modal.
    stack = next((s for s in fake._stacks if origin in s), None) or (
        fake._stacks[-1] if fake._stacks else None
    )
    if stack is None:
        stack = []
        fake._stacks.append(stack)
    if len(stack) >= VIEW_STACK_LIMIT:
        raise SlackError("push_limit_reached", problems=["a modal stack holds at most 3 views"])
    links = {"previous_view_id": stack[-1], "root_view_id": stack[0]} if stack else {}
    stored = fake._store_view(view, **links)
    stack.append(stored["id"])
    return {"view": stored}


@_method("views.update")
def _views_update(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    current = fake._view_for_update(request)
    view = fake._checked_view(request, current["type"], replacing=current["id"])
    return {"view": fake._store_view(view, current["id"])}


@_method("views.publish")
def _views_publish(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    user_id = request.need("user_id", error="user_not_found")
    fake._user(user_id)
    current = fake._views.get(fake._homes.get(user_id, ""))
    view = fake._checked_view(request, "home", replacing=current and current["id"])
    expected = request.args.get("hash")
    if current and expected and expected != current["hash"]:
        raise SlackError("hash_conflict")
    stored = fake._store_view(view, current and current["id"])
    fake._homes[user_id] = stored["id"]
    return {"view": stored}


@_method("files.getUploadURLExternal")
def _files_get_upload_url(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    """Step 1 of files.uploadV2: a file id and the URL to POST its bytes to."""
    filename = request.need("filename")
    try:
        length = int(request.need("length"))
    except ValueError:
        raise SlackError("invalid_arguments") from None
    if not 0 < length <= MAX_UPLOAD:
        raise SlackError("invalid_arguments", problems=[f"length {length} out of range"])
    file_id = f"F{next(fake._counter):09d}"
    fake._files[file_id] = {"id": file_id, "filename": str(filename), "length": length,
                            "data": None, "shared": False, "title": None, "channel": None,
                            "initial_comment": None}
    return {"upload_url": fake.base_url.replace("/api/", f"{UPLOAD_PATH}{file_id}"),
            "file_id": file_id}


@_method("files.completeUploadExternal")
def _files_complete_upload(fake: FakeSlack, request: _Request) -> dict[str, Any]:
    """Step 3: share the uploaded files in ``channel_id`` (a user's DM is its D… id)."""
    files = request.need("files")
    if isinstance(files, str):
        try:
            files = json.loads(files)
        except ValueError:
            raise SlackError("invalid_arguments") from None
    if not isinstance(files, list) or not files:
        raise SlackError("invalid_arguments")
    channel = request.args.get("channel_id") or None
    if channel is not None:
        channel = fake._post_channel(str(channel))
    done = []
    for item in files:
        entry = fake._files.get(str((item or {}).get("id")))
        if entry is None or entry["data"] is None:
            raise SlackError("file_not_found")
        entry.update(shared=True, title=item.get("title") or entry["filename"], channel=channel,
                     initial_comment=request.args.get("initial_comment"))
        done.append({"id": entry["id"], "name": entry["filename"], "title": entry["title"]})
    if channel is not None:
        message = fake._store_message(channel, str(request.args.get("initial_comment") or ""),
                                      [])
        message["files"] = done
    return {"files": done}


def _spoil(reply: _Reply, fault: _Aftermath, request: _Request) -> _Reply:
    """The answer to a call that did its work, as ``fault`` leaves it."""
    if fault.kind == "status":
        request.notes.append(f"done, then answered {fault.status}")
        return _Reply(fault.status, {"ok": False, "error": fault.error}, reply.headers)
    if fault.kind == "late":
        request.notes.append(f"done, answered after {fault.seconds} s")
        return _Reply(reply.status, reply.body, reply.headers, delay=fault.seconds)
    if fault.kind == "drop":
        request.notes.append("done, then the connection was dropped")
        return _Reply(reply.status, reply.body, reply.headers, drop=True)
    request.notes.append(f"done {fault.seconds} s after it was asked for")
    return reply

class _Server(ThreadingHTTPServer):
    # Slack takes every connection: the listen queue must not refuse a burst of calls (the
    # default of 5 does, under the load bench/ack_load.py puts on it).
    request_queue_size = 128


def _handler_class(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._serve()

        def do_POST(self) -> None:
            self._serve()

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            fake._wait_if_held(self.path)
            reply = fake._dispatch(self.path, dict(self.headers.items()), body)
            if reply.drop:
                self.close_connection = True
                with contextlib.suppress(OSError):
                    self.connection.shutdown(socket.SHUT_RDWR)
                return
            if reply.delay:
                time.sleep(reply.delay)
            data = json.dumps(reply.body).encode()
            with contextlib.suppress(OSError):  # the caller may be gone (timed out, killed)
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: tests read calls from the fake, not from stderr."""

    return _Handler
