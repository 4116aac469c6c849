"""SQLAlchemy 2.0 models. Identifiable client details exist here only as encrypted blobs."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.domain import (
    ActionStatus,
    AttendanceResponse,
    ClientStatus,
    ExitOutcome,
    MeetingStatus,
    OutboxStatus,
    ReferralDecision,
    Role,
)
from storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _one_of(column: str, values: type[StrEnum]) -> str:
    return f"{column} IN ({', '.join(repr(v.value) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class VaultState(Base):
    """One row: which master key wraps the data keys (its fingerprint, never the key)."""

    __tablename__ = "vault_state"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    master_key_id: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    rotated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class RegisterVersion(Base):
    """One row: the register's version, bumped in the transaction of every change to a client's
    identity (add, edit, purge, details added to a referral) and of a key rotation, so every
    process's decrypted copy (``storage.register``) is checked with one cheap read. ``stamp``
    is random at each bump: a version seen in a transaction that was rolled back, or in a
    database restored from a backup, never matches the one that takes its number."""

    __tablename__ = "register_version"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    stamp: Mapped[str] = mapped_column(String(32))


class Group(Base):
    __tablename__ = "groups"
    __table_args__ = (
        CheckConstraint("prompt_lead_days >= 0", name="prompt_lead_days"),
        CheckConstraint("reminder_lead_days >= 0", name="reminder_lead_days"),
        CheckConstraint("agenda_lead_minutes >= 0", name="agenda_lead_minutes"),
        CheckConstraint("meeting_minutes > 0", name="meeting_minutes"),
        CheckConstraint("client_minutes IS NULL OR client_minutes > 0", name="client_minutes"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    channel_id: Mapped[str] = mapped_column(String(32), unique=True)
    rrule: Mapped[str] = mapped_column(String(500))
    tz: Mapped[str] = mapped_column(String(64))
    first_meeting_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    prompt_lead_days: Mapped[int] = mapped_column(Integer, default=3)
    reminder_lead_days: Mapped[int] = mapped_column(Integer, default=1)
    agenda_lead_minutes: Mapped[int] = mapped_column(Integer, default=120)
    nudge_lead_days: Mapped[str] = mapped_column(String(40), default="3,1")
    send_time: Mapped[str] = mapped_column(String(5), default="09:00")
    day_first: Mapped[bool] = mapped_column(Boolean, default=True)
    meeting_minutes: Mapped[int] = mapped_column(Integer, default=90)
    # The time box per client in a running meeting; None: the meeting's length ÷ its clients.
    client_minutes: Mapped[int | None] = mapped_column(Integer)
    # Whose public holidays the meetings are checked against ("AU-QLD"); None: not checked.
    holidays: Mapped[str | None] = mapped_column(String(40))
    # A word an author marks "not identifying" in a preview: ask the facilitators before it
    # joins the allow-list (confirm), add it at once (at_once), or keep it to that draft (off).
    # Checked by the service, not the database: a CHECK would make SQLite rebuild the table.
    restore_policy: Mapped[str] = mapped_column(
        String(10), default="confirm", server_default="confirm"
    )
    # After a client's exit or consent withdrawal: how long the identifiable details, then the
    # case record (updates, notes), are kept before they are destroyed. Defaults: 2 and 7 years.
    details_retention_days: Mapped[int] = mapped_column(
        Integer, default=730, server_default="730"
    )
    record_retention_days: Mapped[int] = mapped_column(
        Integer, default=2555, server_default="2555"
    )
    # Roles whose members get every prompt even with no clients and no open actions (else those
    # members get the attendance question only): comma-separated Role values.
    full_prompt_roles: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # An archived group holds no meetings and sends nothing; its history stays for reports.
    archived_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Agency(Base):
    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    # Lower-cased name: "Micah Projects" and "micah projects" are the same agency.
    name_key: Mapped[str] = mapped_column(String(120), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Member(Base):
    """A worker of one agency, known by Slack user ID (members are not clients)."""

    __tablename__ = "members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slack_user_id: Mapped[str] = mapped_column(String(32), unique=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    tz: Mapped[str | None] = mapped_column(String(64))
    # When ``tz`` (and the names) were last read from Slack's users.info (refreshed weekly).
    tz_checked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # The worker's own names, from Slack: kept out of de-identification (workers aren't clients).
    real_name: Mapped[str | None] = mapped_column(String(120))
    display_name: Mapped[str | None] = mapped_column(String(120))
    # "Snooze until tomorrow" on a nudge: the nudge comes back at this time.
    snoozed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())

    agency: Mapped[Agency] = relationship(lazy="joined")


class GroupTerm(Base):
    """Words the group's channel may always show (services, agencies): the allow-list."""

    __tablename__ = "group_terms"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), primary_key=True)
    term: Mapped[str] = mapped_column(String(120), primary_key=True)


class MemberLeave(Base):
    """A period away (``/casebot away``): no prompts or nudges, "on leave" on the agenda."""

    __tablename__ = "member_leave"
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="order"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Attendance(Base):
    """A member's answer to a meeting's prompt."""

    __tablename__ = "attendance"
    __table_args__ = (CheckConstraint(_one_of("response", AttendanceResponse), name="response"),)

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    response: Mapped[str] = mapped_column(String(12))
    responded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # Marked by the facilitator in the meeting (None: not taken yet).
    present: Mapped[bool | None] = mapped_column(Boolean)


class ProcessedEvent(Base):
    """Slack deliveries already handled (event_id, or a message's client_msg_id): retries no-op."""

    __tablename__ = "processed_events"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    received_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)


class GroupMember(Base):
    """A membership: one member in one group. Roles belong here, never to the member alone."""

    __tablename__ = "group_members"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)

    roles: Mapped[list[MembershipRole]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="MembershipRole.role"
    )


class MembershipRole(Base):
    """What a member does in one group: a facilitator in one group may be a worker in another."""

    __tablename__ = "membership_roles"
    __table_args__ = (
        CheckConstraint(_one_of("role", Role), name="role"),
        ForeignKeyConstraint(
            ["group_id", "member_id"],
            ["group_members.group_id", "group_members.member_id"],
            ondelete="CASCADE",
        ),
        Index(None, "group_id", "role"),
    )

    group_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class Client(Base):
    """A client known by case code. ``identity_blob`` is sealed with the client's data key."""

    __tablename__ = "clients"
    __table_args__ = (CheckConstraint(_one_of("status", ClientStatus), name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_code: Mapped[str] = mapped_column(String(20), unique=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default=ClientStatus.ACTIVE.value)
    lead_agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    key_worker_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    identity_blob: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    status_changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    purged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # The case record (updates, notes, drafts) destroyed at the end of its retention; actions
    # and outcomes stay, de-identified, for reports.
    record_purged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    lead_agency: Mapped[Agency] = relationship(lazy="joined")
    key_worker: Mapped[Member] = relationship(lazy="joined")
    group: Mapped[Group | None] = relationship(lazy="joined")


class ClientKey(Base):
    """A client's data key, wrapped by the master key. Deleting the row crypto-shreds the client."""

    __tablename__ = "client_keys"

    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), primary_key=True)
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    master_key_id: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class ConsentRecord(Base):
    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    given_on: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(40))
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # given, renewed, narrowed or withdrawn (ConsentChange); checked by the service.
    change: Mapped[str] = mapped_column(String(10), default="given", server_default="given")
    review_on: Mapped[dt.date | None] = mapped_column(Date)  # when to ask the client again
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    # The key worker's reminder, 14 days before ``review_on``: sent once.
    review_reminded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    agencies: Mapped[list[Agency]] = relationship(secondary="consent_agencies", lazy="selectin")


class Champion(Base):
    """An agency's champion in a group, with their mentor. One current (``ended_at`` null) per
    agency per group; a hand-over ends the old row and keeps it."""

    __tablename__ = "champions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    completed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    announced_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())  # completion, once
    welcomed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())  # in the channel
    last_progress_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    stall_nudged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class OnboardingStep(Base):
    """A group's own onboarding checklist (none: the default, ``DEFAULT_CHECKLIST``)."""

    __tablename__ = "onboarding_steps"
    __table_args__ = (UniqueConstraint("group_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(150))
    help: Mapped[str] = mapped_column(Text, default="")
    auto: Mapped[str | None] = mapped_column(String(10))  # AutoTick value


class OnboardingTick(Base):
    """An onboarding item done by a champion: ticked by hand or automatically."""

    __tablename__ = "onboarding_ticks"

    champion_id: Mapped[int] = mapped_column(ForeignKey("champions.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    ticked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    how: Mapped[str] = mapped_column(String(10))  # "hand" or an AutoTick value


class ConsentOverride(Base):
    """A secretariat member's override of missing or withdrawn consent for one meeting, for an
    urgent risk to life or safety. The reason is de-identified text; it expires with the meeting."""

    __tablename__ = "consent_overrides"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    actor: Mapped[str] = mapped_column(String(64))  # who, as the audit log names them
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Referral(Base):
    """A referral to the group. No identifiable detail comes through Slack: the client is a new
    case code until the secretariat adds the details from the command line."""

    __tablename__ = "referrals"
    __table_args__ = (
        CheckConstraint(
            "decision IS NULL OR " + _one_of("decision", ReferralDecision), name="decision"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    referrer_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"))  # the referring agency
    criteria: Mapped[str] = mapped_column(String(200))  # ReferralCriterion values, comma-separated
    summary: Mapped[str] = mapped_column(Text)  # de-identified
    consent_obtained: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    details_added_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    decision: Mapped[str | None] = mapped_column(String(10))
    decision_reason: Mapped[str | None] = mapped_column(Text)  # de-identified
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))


class ClientExit(Base):
    """A client leaving the group's list, with the outcome (for reports) and a de-identified
    note. A re-referral under the same case code ends it (``ended_at``)."""

    __tablename__ = "client_exits"
    __table_args__ = (CheckConstraint(_one_of("outcome", ExitOutcome), name="outcome"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    exited_on: Mapped[dt.date] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)  # de-identified
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    actor: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class ConsentAgency(Base):
    __tablename__ = "consent_agencies"

    consent_id: Mapped[int] = mapped_column(ForeignKey("consents.id"), primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), primary_key=True)


class Meeting(Base):
    """One occurrence of a group's schedule; ``scheduled_at`` differs from the slot when moved."""

    __tablename__ = "meetings"
    __table_args__ = (
        UniqueConstraint("group_id", "occurrence_at"),
        CheckConstraint(_one_of("status", MeetingStatus), name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"))
    occurrence_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    scheduled_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    status: Mapped[str] = mapped_column(String(12), default=MeetingStatus.SCHEDULED.value)
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # The one channel message the meeting is run in (updated in place, never re-posted).
    presenter_channel: Mapped[str | None] = mapped_column(String(32))
    presenter_ts: Mapped[str | None] = mapped_column(String(32))
    current_client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"))
    # The minutes as posted when it closed (JSON, de-identified), for re-posts and exports.
    minutes: Mapped[str | None] = mapped_column(Text)


class Update(Base):
    """A worker's update on a client for a meeting: de-identified text; the raw text only sealed."""

    __tablename__ = "updates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    text: Mapped[str] = mapped_column(Text)
    sealed_raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    source: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Action(Base):
    __tablename__ = "actions"
    __table_args__ = (
        CheckConstraint(_one_of("status", ActionStatus), name="status"),
        CheckConstraint("carried_count >= 0", name="carried_count"),
        Index(None, "owner_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    text: Mapped[str] = mapped_column(Text)
    due_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default=ActionStatus.OPEN.value)
    carried_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    completed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # Meetings in a row at which it was overdue; escalated to the agency's champion at two.
    overdue_streak: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    escalated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_reviewed_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    removed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class Draft(Base):
    """An update or action waiting for its author to confirm the de-identified preview.

    The author's own words are sealed with the client's data key; only the de-identified text is
    in the clear. Unconfirmed drafts expire and are deleted.
    """

    __tablename__ = "drafts"
    __table_args__ = (CheckConstraint("kind IN ('update', 'action')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    update_id: Mapped[int | None] = mapped_column(ForeignKey("updates.id"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    sealed_raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Words the author marked "not identifying", kept in this draft (sealed like its words).
    sealed_keep: Mapped[bytes | None] = mapped_column(LargeBinary)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)


class TermRequest(Base):
    """An author's ask that a word restored in a preview join the group's allow-list, for the
    group's facilitators to allow or decline. The word is sealed with the client's data key
    (purging the client makes it unreadable); only the decision is in the clear."""

    __tablename__ = "term_requests"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'allowed', 'declined')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    draft_id: Mapped[int | None] = mapped_column(Integer)  # drafts are deleted: no key
    sealed_term: Mapped[bytes] = mapped_column(LargeBinary)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class MeetingItem(Base):
    """A client's place in a running meeting: its order and whether it was discussed."""

    __tablename__ = "meeting_items"
    __table_args__ = (
        CheckConstraint("state IN ('pending', 'discussed', 'skipped')", name="state"),
    )

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(10), default="pending")
    started_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class Record(Base):
    """A decision or note taken in a meeting about a client (de-identified)."""

    __tablename__ = "records"
    __table_args__ = (CheckConstraint("kind IN ('decision', 'note')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    kind: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    edited_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    removed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())


class ActionProgress(Base):
    __tablename__ = "action_progress"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class OutboxMessage(Base):
    """A message to send exactly once; ``idempotency_key`` makes a second enqueue a no-op."""

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint(_one_of("status", OutboxStatus), name="status"),
        Index(None, "status", "not_before"),
        # A button press names the message it was on: found here, never trusted from the payload.
        Index(None, "slack_channel", "slack_ts"),
        # Pacing: the channels posted to in the last second.
        Index(None, "sent_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default=OutboxStatus.PENDING.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Two clocks (see bot/services/outbox.py). The services' clock: when the message is due,
    # and when it was queued.
    not_before: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # The database's clock, which every sender shares. A sender's lease on the row: others skip
    # it until then (a crash frees it again).
    claimed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # Who holds the lease: only that sender may mark the row sent.
    claim_token: Mapped[str | None] = mapped_column(String(32))
    # Held back after a failed attempt until then (Slack's Retry-After, or a backoff).
    retry_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # The last attempt whose outcome is unknown (a 5xx, a timeout, a sender gone mid-send):
    # Slack may have posted it, so before trying again the sender looks for it in Slack.
    outcome_unknown_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # When the first attempt was leased (the database's clock): a look for the message in Slack
    # reads the conversation from a little before then.
    first_tried_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # Posts made again after an unknown outcome (a DM is posted again once at most).
    reposts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # When Slack took it, on the database's clock (a row marked done without being sent has no
    # slack_ts, and the services' time of that).
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    slack_channel: Mapped[str | None] = mapped_column(String(32))
    slack_ts: Mapped[str | None] = mapped_column(String(32))
    last_error: Mapped[str | None] = mapped_column(String(500))


class AuditLog(Base):
    """Who did what to which client, and why. Never holds identifiable details."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id"), index=True)
    case_code: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)


class Lease(Base):
    """A job that must run once per period for the whole deployment (the scheduler's tick):
    ``slot`` is the last period claimed, counted on the database's clock, so workers and
    instances agree whatever their own clocks say."""

    __tablename__ = "leases"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    slot: Mapped[int] = mapped_column(BigInteger)
    holder: Mapped[str] = mapped_column(String(100))  # host:pid, for the debug log
