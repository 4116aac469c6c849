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
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.session.rollback()
        self.session.close()

    def commit(self) -> None:
        self.session.commit()
