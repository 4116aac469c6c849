"""Plain domain types and errors shared by every layer.

This module imports nothing from the project but two leaves (``bot.errors``, ``bot.roles``, which
the command line loads alone), so storage, services and handlers can all stand on it.
Identity values never appear in a ``repr``: tracebacks and logs must not carry a client's details.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any
from zoneinfo import ZoneInfo

from bot.errors import (  # noqa: F401  (re-exported: every layer imports them from here)
    CasebotError,
    Conflict,
    InvalidInput,
    NotAuthorised,
    NotFound,
    VaultError,
)
from bot.roles import Role


class ClientStatus(enum.StrEnum):
    """Where a client is in the coordination process."""

    REFERRED = "referred"
    ACTIVE = "active"
    EXITED = "exited"


class ReferralCriterion(enum.StrEnum):
    """Who the group takes (seed 000, slide 18): at least one must apply."""

    INTERSECTING_NEEDS = "intersecting_needs"
    REPEATED_HOMELESSNESS = "repeated_homelessness"
    FAILED_PLACEMENT = "failed_placement"
    TENANCY_AT_RISK = "tenancy_at_risk"
    MULTI_AGENCY_INPUT = "multi_agency_input"
    RAISE_PROFILE = "raise_profile"


REFERRAL_CRITERIA: Mapping[ReferralCriterion, str] = {
    ReferralCriterion.INTERSECTING_NEEDS: "Multiple intersecting needs",
    ReferralCriterion.REPEATED_HOMELESSNESS: "Repeated homelessness",
    ReferralCriterion.FAILED_PLACEMENT: "Failed placement",
    ReferralCriterion.TENANCY_AT_RISK: "Tenancy at risk",
    ReferralCriterion.MULTI_AGENCY_INPUT: "Practitioner wants multi-agency input",
    ReferralCriterion.RAISE_PROFILE: "Raise the client's profile",
}


class ReferralDecision(enum.StrEnum):
    ACCEPTED = "accepted"
    DECLINED = "declined"
    MORE_INFO = "more_info"


class ExitOutcome(enum.StrEnum):
    """Why a client left the group's list (seeds 002, 004): a fixed list, for reports."""

    HOUSED_SOCIAL = "housed_social"
    HOUSED_PRIVATE = "housed_private"
    TENANCY_SUSTAINED = "tenancy_sustained"
    TRANSFERRED = "transferred"
    DISENGAGED = "disengaged"
    MOVED_AWAY = "moved_away"
    DECEASED = "deceased"
    OTHER = "other"
    REFERRAL_DECLINED = "referral_declined"  # the group declined the referral: never active


EXIT_OUTCOMES: Mapping[ExitOutcome, str] = {
    ExitOutcome.HOUSED_SOCIAL: "Housed – social",
    ExitOutcome.HOUSED_PRIVATE: "Housed – private rental",
    ExitOutcome.TENANCY_SUSTAINED: "Tenancy sustained",
    ExitOutcome.TRANSFERRED: "Transferred",
    ExitOutcome.DISENGAGED: "Disengaged",
    ExitOutcome.MOVED_AWAY: "Moved away",
    ExitOutcome.DECEASED: "Deceased",
    ExitOutcome.OTHER: "Other",
    ExitOutcome.REFERRAL_DECLINED: "Referral declined",
}


class AutoTick(enum.StrEnum):
    """What ticks an onboarding item by itself."""

    ATTEND = "attend"  # the champion attended a meeting of the group
    PRESENT = "present"  # the champion presented a client (an update or record on one they key)
    REFER = "refer"  # the champion made a referral


@dataclass(frozen=True)
class OnboardingItem:
    """One step of a champion's onboarding; ``help`` is a short text Casebot shows in Slack."""

    key: str  # short, stable: "purpose", "observe"
    title: str
    help: str = ""
    auto: AutoTick | None = None


# The default pathway, from the seeds (000 slide 34: champions "share information about U1R within
# agencies and are a contact point for referrals"). A group can replace it from a YAML/TOML file.
DEFAULT_CHECKLIST: tuple[OnboardingItem, ...] = (
    OnboardingItem("purpose", "The purpose of case coordination",
                   "Why agencies meet: clients with needs no single service can meet, reviewed "
                   "together so actions have owners and nobody falls through the gaps."),
    OnboardingItem("privacy", "Consent and privacy obligations",
                   "Clients are discussed only with their written informed consent, by case "
                   "code; their details stay in the encrypted register and never go into Slack."),
    OnboardingItem("refer", "How to refer a client",
                   "/casebot refer: the criteria, a short de-identified summary and the consent "
                   "record. The secretariat adds the details.", AutoTick.REFER),
    OnboardingItem("cycle", "How updates, actions and nudges work",
                   "Workers who can't attend send updates by DM; actions get an owner and a due "
                   "date; Casebot nudges owners before the next meeting."),
    OnboardingItem("observe", "Observe a meeting",
                   "Come to a meeting and watch how the facilitator runs through the agenda.",
                   AutoTick.ATTEND),
    OnboardingItem("present", "Present a client at a meeting",
                   "Give an update on one of your agency's clients at a meeting.",
                   AutoTick.PRESENT),
    OnboardingItem("brief", "Brief your agency's team",
                   "Tell your colleagues what the group does and how to bring a client to it."),
    OnboardingItem("contact", "Be the referral contact point",
                   "Colleagues come to you to refer a client: you know the criteria and consent."),
)


@dataclass(frozen=True)
class ChampionProgress:
    """A champion's onboarding, as the champion, their mentor and the secretariat see it."""

    champion: str  # Slack user ID
    agency: str
    group: str
    mentor: str | None
    items: tuple[OnboardingItem, ...]
    ticked: frozenset[str]  # item keys
    started_on: dt.date
    completed_on: dt.date | None = None
    last_progress_on: dt.date | None = None
    champion_id: int = 0  # the champion row: buttons carry "<champion_id>:<item key>"

    @property
    def done(self) -> int:
        return sum(1 for i in self.items if i.key in self.ticked)


class OnboardingNoticeKind(enum.StrEnum):
    """Which onboarding message: who it goes to and why."""

    CHECKLIST = "checklist"  # to a new champion: the checklist, with tick and help buttons
    PAIRED = "paired"  # to a mentor: a new mentee
    STALLED = "stalled"  # to a champion: no progress for two weeks
    MENTEE_STALLED = "mentee_stalled"  # to their mentor
    NUDGE = "nudge"  # to a champion: their mentor pressed Nudge
    COMPLETE = "complete"  # to the mentor and the secretariat
    COMPLETE_WELCOME = "complete_welcome"  # to a facilitator, with the Welcome button
    CHANNEL_WELCOME = "channel_welcome"  # in the group's channel
    DIGEST = "digest"  # to a mentor, weekly: their mentees' progress


@dataclass(frozen=True)
class OnboardingNotice:
    """A message about a champion's onboarding. ``progress`` is the champion's (the digest's
    first mentee); ``mentees`` is the whole digest."""

    kind: OnboardingNoticeKind
    to: str  # Slack user or channel ID
    progress: ChampionProgress
    today: dt.date
    by: str | None = None  # who nudged or welcomed
    mentees: tuple[ChampionProgress, ...] = ()


class ConsentChange(enum.StrEnum):
    """What a consent record did: the first one is given; later ones renew, narrow (fewer
    agencies) or withdraw."""

    GIVEN = "given"
    RENEWED = "renewed"
    NARROWED = "narrowed"
    WITHDRAWN = "withdrawn"


class MeetingStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    RUNNING = "running"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class AttendanceResponse(enum.StrEnum):
    ATTENDING = "attending"
    APOLOGIES = "apologies"


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


# --- errors: in bot.errors (a leaf, for the command line), re-exported here ---

# --- client identity ---------------------------------------------------------------------------

IDENTITY_FIELDS: tuple[str, ...] = (
    "full_name",
    "aliases",
    "date_of_birth",
    "address",
    "phone",
    "email",
    "medicare",
    "crn",
    "notes",
)


@dataclass(frozen=True, repr=False)
class ClientIdentity:
    """A client's identifiable details: stored only encrypted, never logged or sent to Slack."""

    full_name: str | None = None
    aliases: tuple[str, ...] = field(default=())
    date_of_birth: dt.date | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    medicare: str | None = None
    crn: str | None = None
    notes: str | None = None

    def __repr__(self) -> str:
        present = [f.name for f in fields(self) if getattr(self, f.name)]
        return f"ClientIdentity(<redacted: {', '.join(present) or 'empty'}>)"

    __str__ = __repr__

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def to_dict(self) -> dict[str, Any]:
        """Serialisable form (used only to encrypt, or to print on an audited reveal)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ClientIdentity:
        dob = data.get("date_of_birth")
        return cls(
            full_name=data.get("full_name"),
            aliases=tuple(data.get("aliases") or ()),
            date_of_birth=dt.date.fromisoformat(dob) if dob else None,
            address=data.get("address"),
            phone=data.get("phone"),
            email=data.get("email"),
            medicare=data.get("medicare"),
            crn=data.get("crn"),
            notes=data.get("notes"),
        )

    def mentioned_in(self, text: str, *, names_only: bool = False) -> bool:
        """Whether ``text`` quotes any of these identifiers (name words, numbers, dates).

        ``names_only`` checks the names and aliases alone (an address's suburb is no name).
        """
        lowered = text.lower()
        digits = re.sub(r"\D", "", text)
        values = [self.full_name or "", *self.aliases] if names_only else self.values()
        for value in values:
            if value == self.notes:
                continue
            value_digits = re.sub(r"\D", "", value)
            if len(value_digits) >= 6 and value_digits in digits:
                return True
            for word in re.findall(r"[^\W\d_][\w'’-]{2,}", value.lower()):
                if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered):
                    return True
        return False

    def values(self) -> list[str]:
        """Every identifying string in the record, for leak checks (never for display)."""
        out: list[str] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, tuple):
                out.extend(value)
            elif isinstance(value, dt.date):
                out.append(value.isoformat())
            elif value:
                out.append(str(value))
        return out


@dataclass(frozen=True)
class Consent:
    given_on: dt.date
    method: str
    agencies: tuple[str, ...]
    expires_on: dt.date | None = None

    def is_current(self, today: dt.date) -> bool:
        return self.expires_on is None or today <= self.expires_on


# --- read models --------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupView:
    id: int
    name: str
    channel_id: str
    rrule: str
    tz: str
    first_meeting_at: dt.datetime
    next_meeting_at: dt.datetime | None = None
    holidays: str | None = None  # the public-holiday calendar ("AU-QLD"); None: not checked


@dataclass(frozen=True)
class Membership:
    """A member's place in one group, with the roles they have there."""

    group: str
    roles: tuple[Role, ...]


@dataclass(frozen=True)
class MemberView:
    slack_user_id: str
    agency: str
    memberships: tuple[Membership, ...] = ()


@dataclass(frozen=True)
class ClientSummary:
    """What may be shown about a client anywhere: no identifiable details."""

    case_code: str
    status: ClientStatus
    lead_agency: str
    key_worker: str
    group: str | None
    consent: Consent | None
    purged: bool = False


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    actor: str
    action: str
    case_code: str | None
    reason: str | None
    detail: str | None


# --- the meeting cycle --------------------------------------------------------------------------
# What services hand to renderers: case codes and de-identified text only, never ORM objects.


@dataclass(frozen=True)
class MeetingRef:
    id: int
    group: str
    channel_id: str
    starts_at: dt.datetime
    tz: str
    minutes: int = 90

    @property
    def local_start(self) -> dt.datetime:
        return self.starts_at.astimezone(ZoneInfo(self.tz))


@dataclass(frozen=True)
class UpdateView:
    id: int
    case_code: str
    text: str
    author: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class ActionView:
    id: int
    case_code: str
    text: str
    owner: str
    due_on: dt.date
    status: ActionStatus
    overdue: bool
    created_by: str | None = None
    carried: int = 0
    # The day ``overdue`` was judged on; a due date far from it is shown with its year.
    as_of: dt.date | None = None


@dataclass(frozen=True)
class PromptClient:
    case_code: str
    status: ClientStatus
    updates: int


@dataclass(frozen=True)
class UpdatePrompt:
    """The DM asking a member about a meeting: attendance, and an update per client.

    When a nudge falls due at the same moment, the member's open actions ride along, so the
    morning brings one DM from Casebot, not two."""

    meeting: MeetingRef
    member: str
    clients: tuple[PromptClient, ...]
    attendance: AttendanceResponse | None
    reminder: bool = False
    actions: tuple[ActionView, ...] = ()
    today: dt.date | None = None
    # No clients and no open actions in the group (and no role the group prompts in full):
    # the attendance question only, with no update prompt and no reminder.
    attendance_only: bool = False


@dataclass(frozen=True)
class AgendaItem:
    case_code: str
    status: ClientStatus
    key_worker: str
    lead_agency: str
    updates: tuple[UpdateView, ...]
    actions: tuple[ActionView, ...]
    # No current consent covering every agency in the channel: shown by case code only.
    withheld: bool = False
    # The consent expired, was withdrawn, or its review date has come: ask the client again.
    review_due: bool = False
    # Discussed at this one meeting under a secretariat's consent override (de-identified reason).
    override: str | None = None
    referral: ReferralView | None = None  # a referral waiting for the group's decision


@dataclass(frozen=True)
class ConsentReview:
    """A DM to a key worker: a client's consent is due to be asked again (case code only)."""

    member: str
    case_code: str
    review_on: dt.date
    today: dt.date  # on the worker's own clock


@dataclass(frozen=True)
class Agenda:
    meeting: MeetingRef
    facilitators: tuple[str, ...]
    attending: tuple[str, ...]
    apologies: tuple[str, ...]
    on_leave: tuple[str, ...]
    items: tuple[AgendaItem, ...]


@dataclass(frozen=True)
class Nudge:
    """One DM to an owner listing all their open actions before a meeting."""

    member: str
    meeting: MeetingRef
    actions: tuple[ActionView, ...]
    today: dt.date


@dataclass(frozen=True)
class UpdateReceipt:
    update: UpdateView
    meeting: MeetingRef
    replaced: tuple[str, ...]  # kinds of identifier replaced, e.g. ("name", "phone")
    edited: bool = False
    outbox_keys: tuple[str, ...] = ()  # a late note for the channel, to send now


@dataclass(frozen=True)
class ActionRecorded:
    action: ActionView
    meeting: MeetingRef | None
    channel_id: str | None
    replaced: tuple[str, ...] = ()
    withheld: bool = False  # the channel sees the case code only (consent)
    live: bool = False  # recorded in a meeting that is running (it can be taken back)


@dataclass(frozen=True)
class LeavePeriod:
    starts_on: dt.date
    ends_on: dt.date


@dataclass(frozen=True)
class HomeClient:
    """A client on the member's Home: case code and the latest de-identified status."""

    case_code: str
    status: ClientStatus
    latest: str | None = None  # first line of the latest update (de-identified)
    latest_on: dt.date | None = None
    since: dt.date | None = None  # no update ever: since the client was added
    withheld: bool = False  # no current consent covering the group: the case code only


@dataclass(frozen=True)
class Readiness:
    """How ready a group's coming agenda is, for its facilitators and secretariat."""

    group: str
    meeting: MeetingRef | None
    clients: int  # on the agenda
    updated: int  # of them with an update for the meeting
    apologies: int
    nothing_new: tuple[str, ...] = ()  # case codes with no update for the meeting
    referrals: tuple[str, ...] = ()  # case codes waiting for a decision
    overdue: tuple[tuple[str, int], ...] = ()  # (agency, overdue actions), most first


@dataclass(frozen=True)
class HomeView:
    user: str
    is_member: bool
    meetings: tuple[MeetingRef, ...] = ()  # in the member's own time zone
    clients: tuple[HomeClient, ...] = ()
    actions: tuple[ActionView, ...] = ()
    leave: tuple[LeavePeriod, ...] = ()
    today: dt.date | None = None
    answers: Mapping[int, AttendanceResponse] = field(default_factory=dict)  # by meeting id
    roles: frozenset[Role] = frozenset()  # in any of their groups
    readiness: tuple[Readiness, ...] = ()  # groups they facilitate or are secretariat of
    checklist: tuple[ChampionProgress, ...] = ()  # their own onboarding as a champion
    mentees: tuple[ChampionProgress, ...] = ()  # the champions they mentor


@dataclass(frozen=True)
class DraftView:
    """What the author of an update or action sees before it is accepted: the de-identified text
    with the replaced places marked (positions in ``text``, never anything of the original)."""

    draft_id: int
    kind: str  # "update" or "action"
    case_code: str
    text: str
    replaced: tuple[str, ...]
    spans: tuple[tuple[int, int, str], ...]
    meeting: MeetingRef | None
    owner: str | None = None
    due_on: dt.date | None = None
    editing: bool = False
    today: dt.date | None = None  # in the group's zone, for showing ``due_on``
    # Some replacement may be a harmless word the author can mark "not identifying" (not
    # a registered client's case code).
    restorable: bool = False


@dataclass(frozen=True)
class MeetingChange:
    """A meeting moved (``meeting`` is where it is now) or cancelled (``next`` replaces it)."""

    meeting: MeetingRef
    was: dt.datetime
    cancelled: bool = False
    next: MeetingRef | None = None
    asked: int = 0  # people already asked about it, each told by DM
    channel_told: bool = False


RESTORE_POLICIES = ("confirm", "at_once", "off")


@dataclass(frozen=True)
class RestoreChoices:
    """The replaced words of a draft its author may restore, shown to the author alone.

    ``version`` names the draft's de-identified text the list was made from: a choice made on
    an older list is refused rather than restoring a different word."""

    draft_id: int
    case_code: str
    words: tuple[str, ...]
    version: str


@dataclass(frozen=True)
class Restored:
    """A word restored in a draft, and what became of it for the group."""

    preview: DraftView
    outcome: str  # "draft" (this draft only), "allowed" (the group's list), "asked"
    group: str
    outbox_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class TermQuestion:
    """To a facilitator: may a word an author marked "not identifying" join the allow-list?"""

    request_id: int
    group: str
    author: str  # Slack ID
    case_code: str
    word: str


@dataclass(frozen=True)
class TermDecision:
    """A facilitator's answer to a :class:`TermQuestion` (``already``: decided before)."""

    request_id: int
    group: str
    allowed: bool
    by: str | None  # Slack ID of who decided
    word: str | None  # shown only when allowed (it is on the group's list, in the clear)
    already: bool = False
    copies: tuple[tuple[str, str], ...] = ()  # every facilitator's DM: (outbox key, user)


@dataclass(frozen=True)
class HolidayQuestion:
    """To a facilitator, a week ahead: the meeting falls on a public holiday; move or cancel?"""

    meeting: MeetingRef  # on the holiday
    holiday: str  # its name, e.g. "Australia Day"
    facilitator: str
    # The same time on the next working day with no public holiday and no meeting of the group.
    suggested: dt.datetime | None


@dataclass(frozen=True)
class HolidayAnswer:
    """What became of a meeting on a public holiday: moved (``meeting`` is where it is now) or
    cancelled (``next`` is the one after)."""

    meeting: MeetingRef
    on: dt.date  # the holiday, in the group's zone
    holiday: str | None
    cancelled: bool
    by: str | None  # who answered; None when it was changed another way (a command)
    already: bool = False  # handled before this press
    next: MeetingRef | None = None


# --- running the meeting -------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordView:
    id: int
    kind: str  # "decision" or "note"
    case_code: str
    text: str
    author: str


@dataclass(frozen=True)
class PresenterItem:
    item: AgendaItem
    records: tuple[RecordView, ...]  # decisions and notes taken so far in this meeting
    new_actions: tuple[ActionView, ...]  # actions recorded in this meeting


@dataclass(frozen=True)
class Presenter:
    """The one message a meeting is run in: where we are, the current client, the time left."""

    meeting: MeetingRef
    position: int  # 1-based place of the current client; 0 when all are done
    total: int
    done: int  # discussed
    minutes_left: int
    minutes_per_client: int
    client_minutes_left: int | None
    current: PresenterItem | None
    attending: tuple[str, ...]
    apologies: tuple[str, ...]
    present: tuple[str, ...]
    ended: bool = False
    skipped: tuple[str, ...] = ()  # case codes skipped so far (to come back to)


@dataclass(frozen=True)
class MinutesClient:
    case_code: str
    reached: bool
    withheld: bool
    decisions: tuple[RecordView, ...]
    actions: tuple[ActionView, ...]
    notes: tuple[RecordView, ...]
    override: str | None = None  # discussed under a consent override: the (de-identified) reason


@dataclass(frozen=True)
class AgencyAttendance:
    agency: str
    present: tuple[str, ...]
    apologies: tuple[str, ...]
    on_leave: tuple[str, ...]
    absent: tuple[str, ...]


@dataclass(frozen=True)
class Minutes:
    meeting: MeetingRef
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    facilitator: str | None
    attendance: tuple[AgencyAttendance, ...]
    clients: tuple[MinutesClient, ...]
    attendance_taken: bool = False  # the facilitator marked who was there ("absent" is known)

    @property
    def not_reached(self) -> tuple[str, ...]:
        return tuple(c.case_code for c in self.clients if not c.reached)

    def counts(self) -> dict[str, int]:
        return {
            "clients": len(self.clients),
            "discussed": sum(1 for c in self.clients if c.reached),
            "decisions": sum(len(c.decisions) for c in self.clients),
            "actions": sum(len(c.actions) for c in self.clients),
            "notes": sum(len(c.notes) for c in self.clients),
        }


@dataclass(frozen=True)
class Escalation:
    """An action overdue at two meetings in a row, for the owner's agency champion."""

    champion: str
    action: ActionView
    meeting: MeetingRef
    withheld: bool = False  # the client's consent no longer names the agency: case code only


@dataclass(frozen=True)
class ReassignRequest:
    facilitator: str
    asked_by: str
    action: ActionView
    withheld: bool = False  # the client's consent does not name the facilitator's agency


@dataclass(frozen=True)
class OwnerActions:
    """After a meeting: one DM per owner with the actions it gave them."""

    member: str
    meeting: MeetingRef
    actions: tuple[ActionView, ...]


# --- Referrals and exits (issue 13, items 1 and 3) ---------------------------------------------


@dataclass(frozen=True)
class ReferralView:
    """A referral as the group sees it: case code, people by Slack ID, de-identified text."""

    case_code: str
    group: str
    referrer: str
    agency: str
    key_worker: str
    criteria: tuple[ReferralCriterion, ...]
    summary: str
    consent_obtained: bool
    created_at: dt.datetime
    details_added: bool
    decision: ReferralDecision | None = None
    decision_reason: str | None = None

    @property
    def criteria_labels(self) -> tuple[str, ...]:
        return tuple(REFERRAL_CRITERIA[c] for c in self.criteria)


@dataclass(frozen=True)
class ReferralPreview:
    """A referral checked but not saved: the summary as the group would see it."""

    summary: str
    replaced: tuple[str, ...]  # kinds of detail taken out ("name", "phone"…)


@dataclass(frozen=True)
class ReferralNotice:
    """To the group's secretariat: a new referral needs its details added from the CLI."""

    secretariat: str
    referral: ReferralView


@dataclass(frozen=True)
class ReferralDecided:
    """The group's decision on a referral, for the referrer and the person who made it."""

    referral: ReferralView
    decision: ReferralDecision
    reason: str | None
    decided_by: str
    meeting: MeetingRef | None


@dataclass(frozen=True)
class ExitView:
    """A client's exit as recorded: outcome, date, de-identified note, actions it closed."""

    case_code: str
    outcome: ExitOutcome
    exited_on: dt.date
    note: str | None
    actions_closed: int
    meeting: MeetingRef | None

    @property
    def outcome_label(self) -> str:
        return EXIT_OUTCOMES[self.outcome]
