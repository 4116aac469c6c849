"""Small interfaces the services depend on, so tests and the demo can pass their own."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from bot.domain import (
    ActionRecorded,
    Agenda,
    ConsentReview,
    DraftView,
    Escalation,
    HolidayQuestion,
    MeetingChange,
    Minutes,
    Nudge,
    OnboardingNotice,
    OwnerActions,
    Presenter,
    ReassignRequest,
    ReferralDecided,
    ReferralNotice,
    TermQuestion,
    UpdatePrompt,
    UpdateReceipt,
)

if TYPE_CHECKING:
    from bot.services.reports.model import Headline

Payload = dict[str, Any]
"""A rendered message (Slack's ``text`` + ``blocks``): opaque to the services."""


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current time, timezone-aware."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


class OffsetClock:
    """The system clock moved by ``offset``: Casebot as on a server whose clock is out
    (``CASEBOT_CLOCK_OFFSET``, for rehearsing clock skew between instances)."""

    def __init__(self, offset: dt.timedelta) -> None:
        self.offset = offset

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + self.offset


class FixedClock:
    """A clock that stays where it is put (tests, `casebot tick --now`)."""

    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware time")
        self.at = at

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, delta: dt.timedelta) -> None:
        self.at = self.at + delta


class Renderer(Protocol):
    """Turns domain objects into messages (implemented by the Slack adapter)."""

    def prompt(self, prompt: UpdatePrompt) -> Payload: ...

    def agenda(self, agenda: Agenda) -> list[Payload]: ...

    def nudge(self, nudge: Nudge) -> Payload: ...

    def late_update(self, receipt: UpdateReceipt) -> Payload: ...

    def meeting_changed(self, change: MeetingChange) -> Payload: ...

    def presenter(self, presenter: Presenter) -> Payload: ...

    def minutes(self, minutes: Minutes) -> list[Payload]: ...

    def meeting_actions(self, summary: OwnerActions) -> Payload: ...

    def escalation(self, escalation: Escalation) -> Payload: ...

    def action_announcement(self, recorded: ActionRecorded) -> Payload: ...

    def action_assignment(self, recorded: ActionRecorded) -> Payload: ...

    def preview(self, preview: DraftView) -> Payload: ...

    def problem(self, message: str) -> Payload: ...

    def dm_help(self) -> Payload: ...

    def edit_not_seen(self) -> Payload: ...

    def reassign_prompt(self, request: ReassignRequest) -> Payload: ...

    def holiday_question(self, question: HolidayQuestion) -> Payload: ...

    def term_request(self, question: TermQuestion) -> Payload: ...

    def consent_review(self, review: ConsentReview) -> Payload: ...

    def referral_notice(self, notice: ReferralNotice) -> Payload: ...

    def referral_decided(self, decided: ReferralDecided) -> Payload: ...

    def onboarding(self, notice: OnboardingNotice) -> Payload: ...

    def report_summary(self, headline: Headline) -> Payload: ...


class DeliveryError(Exception):
    """A message could not be delivered. ``permanent`` ones are not retried; ``retry_after``
    (seconds) comes with a rate limit; ``unknown``: it may have been delivered all the same (a
    server error or a timeout after the request went out)."""

    def __init__(
        self,
        code: str,
        *,
        permanent: bool,
        retry_after: float | None = None,
        unknown: bool = False,
    ) -> None:
        super().__init__(code)
        self.code = code
        self.permanent = permanent
        self.retry_after = retry_after
        self.unknown = unknown


class CannotCheck(DeliveryError):
    """The notifier cannot look for a message there at all (a permission the app lacks): asking
    again will not help."""

    def __init__(self, code: str) -> None:
        super().__init__(code, permanent=True)


@dataclass(frozen=True)
class Posted:
    channel: str  # where it landed: a user ID posts into a D… DM channel
    ts: str


@dataclass(frozen=True)
class Pace:
    """How fast a notifier may be given messages: ``gap`` seconds at least between two posts to
    one channel (a member's DMs are only kept in order), and up to ``parallel`` posts at once
    (each to a different channel or member)."""

    gap: float = 0.0
    parallel: int = 1


class Notifier(Protocol):
    """Sends rendered messages. Raises :class:`DeliveryError`. ``post`` and ``find`` may be
    called from several threads at once, up to ``pace.parallel``."""

    pace: Pace

    def post(self, channel: str, payload: Payload, *, mark: str | None = None) -> Posted:
        """Post to a channel or, given a user ID, to that user's DM. ``mark`` (a digest, never
        client data) goes with the message, unseen by people, so :meth:`find` can find it."""
        ...

    def find(self, channel: str, mark: str, since: dt.datetime) -> Posted | None:
        """The message posted to ``channel`` with ``mark`` no earlier than ``since``, or None if
        there is none. Raises :class:`DeliveryError` when it cannot tell (``CannotCheck`` when
        it never will)."""
        ...

    def update(self, channel: str, ts: str, payload: Payload) -> None:
        """Edit a message posted earlier (a running meeting's screen)."""
        ...


@dataclass(frozen=True)
class Profile:
    """What Slack says about a member: their zone, and their names (kept out of redaction)."""

    tz: str | None
    real_name: str | None = None
    display_name: str | None = None


class UserDirectory(Protocol):
    def profile(self, user_id: str) -> Profile | None:
        """The user's profile as Slack knows it, or None if it cannot be read."""
        ...


@dataclass(frozen=True)
class ChannelInfo:
    """What Slack's conversations.info says of a channel the bot asked about."""

    found: bool  # False: no such channel, or a private one the bot was not invited to
    is_member: bool = False  # the bot is in it (it can post there)
    archived: bool = False


class ChannelDirectory(Protocol):
    def channel(self, channel_id: str) -> ChannelInfo | None:
        """The channel as Slack knows it, or None if Slack could not be asked."""
        ...


# The bot scopes app_manifest.yml asks for (tests/slack/test_manifest_and_serve.py checks they
# agree): what `casebot doctor` expects Slack to have granted.
SLACK_SCOPES = frozenset(
    {"channels:history", "channels:read", "chat:write", "commands", "files:write",
     "groups:history", "groups:read", "im:history", "im:write", "users:read"}
)


@dataclass(frozen=True)
class SlackIdentity:
    """What Slack's auth.test says of the bot token."""

    error: str | None = None  # Slack's error code ("invalid_auth"…), or "unreachable"
    team_id: str | None = None
    team: str | None = None
    user_id: str | None = None
    scopes: frozenset[str] | None = None  # granted (the x-oauth-scopes header); None: not said


class SlackProbe(ChannelDirectory, Protocol):
    """Slack's answers `casebot doctor` needs; each call gives up quickly."""

    def identity(self) -> SlackIdentity: ...
