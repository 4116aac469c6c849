"""Slack's Web API rate limits, for the fake Slack to enforce when asked (``FakeSlack(
rate_limits=RateLimits())``), as /work/shared/slack-reference/LIMITS.md §4 gives them.

* chat.postMessage: about one message a second per channel (a DM is a channel), short bursts
  tolerated. Slack also keeps a workspace-wide cap of "several hundred messages per minute"
  without a figure: off unless ``workspace_per_minute`` names one.
* Tier 1/2/3/4 methods: 1/20/50/100 calls a minute per method, a minute's worth in a burst;
  auth.test and chat.getPermalink a few hundred a minute.

Over a limit, Slack answers HTTP 429, ``{"ok": false, "error": "ratelimited"}`` and a
``Retry-After`` header in whole seconds; a refused call does not count against the limit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Per method, as Slack's Java SDK encodes them (specs/rate_limit_tiers.json), for the methods
# the fake answers.
TIERS: dict[str, int] = {
    "chat.update": 3, "chat.delete": 3, "chat.scheduleMessage": 3,
    "chat.postEphemeral": 4,
    "conversations.open": 3, "conversations.info": 3, "conversations.history": 3,
    "conversations.replies": 3, "conversations.join": 3,
    "conversations.members": 4,
    "conversations.list": 2, "users.list": 2,
    "users.info": 4, "users.lookupByEmail": 3,
    "views.open": 4, "views.publish": 4, "views.update": 4, "views.push": 4,
    "reactions.add": 3, "team.info": 3,
}
PER_MINUTE = {1: 1, 2: 20, 3: 50, 4: 100}
SPECIAL_PER_MINUTE = {"auth.test": 600, "chat.getPermalink": 600}
POST = "chat.postMessage"


@dataclass(frozen=True)
class RateLimits:
    """What the fake enforces. The defaults are Slack's documented ones."""

    post_gap: float = 1.0  # seconds per message, per channel
    post_burst: int = 3  # messages a channel may take at once before the gap applies
    workspace_per_minute: int | None = None  # chat.postMessage across all channels
    tiers: bool = True  # the other methods' per-minute budgets


class _Bucket:
    """A token bucket: ``capacity`` calls at once, refilled at ``rate`` a second."""

    def __init__(self, capacity: float, rate: float, now: float) -> None:
        self.capacity, self.rate = capacity, rate
        self.tokens, self.at = capacity, now

    def wait(self, now: float) -> float:
        """Seconds until a call may be made (0: now)."""
        self.tokens = min(self.capacity, self.tokens + (now - self.at) * self.rate)
        self.at = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def take(self) -> None:
        self.tokens -= 1


class Limiter:
    """Slack's limits over the fake's calls; callers hold the fake's lock."""

    def __init__(self, limits: RateLimits) -> None:
        self.limits = limits
        self._buckets: dict[tuple[str, str], _Bucket] = {}

    def _bucket(self, key: tuple[str, str], per_minute: float, burst: float,
                now: float) -> _Bucket:
        found = self._buckets.get(key)
        if found is None:
            found = self._buckets[key] = _Bucket(burst, per_minute / 60, now)
        return found

    def retry_after(self, method: str, channel: object, now: float) -> int | None:
        """Whole seconds to wait if ``method`` (to ``channel``) is over its limit now; else
        None, and the call is counted."""
        buckets = []
        if method == POST:
            limits = self.limits
            where = str(channel or "")
            where = "D" + where if where[:1] in ("U", "W") else where  # a DM by user ID
            buckets.append(self._bucket((POST, where), 60 / limits.post_gap,
                                        limits.post_burst, now))
            if limits.workspace_per_minute:
                per_minute = limits.workspace_per_minute
                buckets.append(self._bucket((POST, "*"), per_minute, per_minute, now))
        elif self.limits.tiers and (method in TIERS or method in SPECIAL_PER_MINUTE):
            per_minute = SPECIAL_PER_MINUTE.get(method) or PER_MINUTE[TIERS[method]]
            buckets.append(self._bucket((method, "*"), per_minute, per_minute, now))
        wait = max((b.wait(now) for b in buckets), default=0.0)
        if wait > 0:
            return max(1, math.ceil(wait))
        for bucket in buckets:
            bucket.take()
        return None
