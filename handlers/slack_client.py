"""Casebot's two Web API clients and their retry rules (imported only when Slack is called:
slack_sdk is a twentieth of an idle `casebot tick`).

- The listeners' client waits out 429s (nothing was done) and retries connection and 5xx errors,
  except for methods that post a message: Slack may have posted before failing, and a retry
  would show it twice.
- The outbox's posting client retries nothing and never sleeps: the outbox decides when a post
  is tried again (a 429 holds the row for Retry-After; a failure waits for its backoff).
"""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

# Methods that add a message: sent twice, they show twice.
POSTING = frozenset(
    {"chat.postMessage", "chat.postEphemeral", "chat.scheduleMessage", "chat.meMessage"}
)


def _posts(request: HttpRequest) -> bool:
    return request.url.rsplit("/", 1)[-1] in POSTING


class _ServerErrorsUnlessPosting(ServerErrorRetryHandler):
    """A 5xx may come after Slack posted the message: retry anything but a post."""

    def _can_retry(self, *, state: RetryState, request: HttpRequest,
                   response: HttpResponse | None = None, error: Exception | None = None) -> bool:
        return not _posts(request) and super()._can_retry(
            state=state, request=request, response=response, error=error)


class _ConnectionErrorsUnlessPosting(ConnectionErrorRetryHandler):
    """A connection reset may come after Slack took the request: retry anything but a post."""

    def _can_retry(self, *, state: RetryState, request: HttpRequest,
                   response: HttpResponse | None = None, error: Exception | None = None) -> bool:
        return not _posts(request) and super()._can_retry(
            state=state, request=request, response=response, error=error)


def make_client(token: str, base_url: str | None = None) -> WebClient:
    """The listeners' WebClient (see the module's docstring)."""
    return WebClient(
        token=token,
        base_url=base_url or WebClient.BASE_URL,
        timeout=15,
        retry_handlers=[
            _ConnectionErrorsUnlessPosting(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
            _ServerErrorsUnlessPosting(max_retry_count=2),
        ],
    )


def posting_client(client: WebClient, *, timeout: int | None = None) -> WebClient:
    """``client``'s twin for the outbox's posts and its looks for them: no retries, no
    sleeping; ``timeout`` seconds for an answer (default: ``client``'s)."""
    return WebClient(token=client.token, base_url=client.base_url,
                     timeout=timeout or client.timeout,
                     retry_handlers=[])
