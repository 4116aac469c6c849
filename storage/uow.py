"""Unit of work: one session, its repositories and the vault; commits or rolls back as a whole."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from storage.repositories import (
    AgencyRepository,
    AuditRepository,
    ClientRepository,
    GroupRepository,
    MemberRepository,
    MembershipRepository,
)
from storage.repositories.actions import ActionRepository
from storage.repositories.attendance import AttendanceRepository
from storage.repositories.champions import ChampionRepository
from storage.repositories.consents import ConsentRepository
from storage.repositories.drafts import DraftRepository
from storage.repositories.events import EventRepository
from storage.repositories.exits import ClientExitRepository
from storage.repositories.leases import LeaseRepository
from storage.repositories.leave import LeaveRepository
from storage.repositories.meetings import MeetingRepository
from storage.repositories.outbox import OutboxRepository
from storage.repositories.overrides import ConsentOverrideRepository
from storage.repositories.records import RecordRepository
from storage.repositories.referrals import ReferralRepository
from storage.repositories.reports import ReportRepository
from storage.repositories.retention import RetentionRepository
from storage.repositories.term_requests import TermRequestRepository
from storage.repositories.updates import UpdateRepository
from storage.repositories.vault import VaultRepository
from storage.vault import Vault


class UnitOfWork:
    """Use as ``with uow: ...; uow.commit()``. Leaving the block without commit rolls back."""

    session: Session
    agencies: AgencyRepository
    groups: GroupRepository
    members: MemberRepository
    memberships: MembershipRepository
    clients: ClientRepository
    audit: AuditRepository
    meetings: MeetingRepository
    attendance: AttendanceRepository
    leave: LeaveRepository
    records: RecordRepository
    actions: ActionRepository
    updates: UpdateRepository
    outbox: OutboxRepository
    consents: ConsentRepository
    drafts: DraftRepository
    events: EventRepository
    term_requests: TermRequestRepository
    secrets: VaultRepository  # the vault in this session
    leases: LeaseRepository
    reports: ReportRepository

    def __init__(self, sessions: sessionmaker[Session], vault: Vault) -> None:
        self._sessions = sessions
        self.vault = vault

    def __enter__(self) -> UnitOfWork:
        self.session = self._sessions()
        self.agencies = AgencyRepository(self.session)
        self.groups = GroupRepository(self.session)
        self.members = MemberRepository(self.session)
        self.memberships = MembershipRepository(self.session)
        self.clients = ClientRepository(self.session)
        self.audit = AuditRepository(self.session)
        self.meetings = MeetingRepository(self.session)
        self.attendance = AttendanceRepository(self.session)
        self.leave = LeaveRepository(self.session)
        self.records = RecordRepository(self.session)
        self.actions = ActionRepository(self.session)
        self.updates = UpdateRepository(self.session)
        self.outbox = OutboxRepository(self.session)
        self.consents = ConsentRepository(self.session)
        self.drafts = DraftRepository(self.session)
        self.events = EventRepository(self.session)
        self.term_requests = TermRequestRepository(self.session)
        self.referrals = ReferralRepository(self.session)
        self.exits = ClientExitRepository(self.session)
        self.overrides = ConsentOverrideRepository(self.session)
        self.champions = ChampionRepository(self.session)
        self.retention = RetentionRepository(self.session)
        self.secrets = VaultRepository(self.session, self.vault)
        self.leases = LeaseRepository(self.session)
        self.reports = ReportRepository(self.session)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.session.rollback()
        self.session.close()

    def add(self, obj: object) -> None:
        """Keep a new entity in this unit of work (written at the next flush or commit)."""
        self.session.add(obj)

    def flush(self) -> None:
        """Write pending changes now, e.g. to learn a new row's id."""
        self.session.flush()

    def commit(self) -> None:
        self.session.commit()
