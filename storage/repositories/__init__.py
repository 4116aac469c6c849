"""Queries the services need, each a fixed number of SQL statements however many rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from bot.domain import ClientStatus, Membership, Role
from storage.models import (
    Agency,
    AuditLog,
    Client,
    ConsentRecord,
    Group,
    GroupMember,
    GroupTerm,
    Member,
    MembershipRole,
)
from storage.repositories.base import Repository

ON_AGENDA = (ClientStatus.REFERRED.value, ClientStatus.ACTIVE.value)
# Who may start, run and close a group's meetings.
RUNS_MEETINGS = frozenset({Role.FACILITATOR, Role.SECRETARIAT})


class AgencyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def by_name(self, name: str) -> Agency | None:
        return self.session.scalar(select(Agency).where(Agency.name_key == name.strip().lower()))

    def names(self) -> list[str]:
        return list(self.session.scalars(select(Agency.name).order_by(Agency.name)))

    def names_by_id(self) -> dict[int, str]:
        return {i: name for i, name in self.session.execute(select(Agency.id, Agency.name))}

    def all(self) -> Sequence[Agency]:
        return self.session.scalars(select(Agency).order_by(Agency.name)).all()

    def add(self, agency: Agency) -> None:
        self.session.add(agency)


class GroupRepository(Repository[Group]):
    model = Group

    def by_name(self, name: str) -> Group | None:
        return self.session.scalar(select(Group).where(func.lower(Group.name) == name.lower()))

    def by_channel(self, channel_id: str) -> Group | None:
        return self.session.scalar(select(Group).where(Group.channel_id == channel_id))

    def channel_zones(self) -> dict[str, str]:
        """Each group's channel ID -> its time zone."""
        return {c: tz for c, tz in self.session.execute(select(Group.channel_id, Group.tz))}

    def all(self) -> Sequence[Group]:
        return self.session.scalars(select(Group).order_by(Group.name)).all()

    def active(self) -> Sequence[Group]:
        """Groups not archived: the only ones that meet, prompt, nudge or post."""
        return self.session.scalars(
            select(Group).where(Group.archived_at.is_(None)).order_by(Group.name)
        ).all()

    def terms(self, group_id: int) -> list[str]:
        """The group's allow-list: words its channel may always show."""
        return list(
            self.session.scalars(select(GroupTerm.term).where(GroupTerm.group_id == group_id))
        )

    def allow_term(self, group_id: int, term: str) -> None:
        self.session.add(GroupTerm(group_id=group_id, term=term))

    def disallow_term(self, group_id: int, term: str) -> None:
        row = self.session.get(GroupTerm, (group_id, term))
        if row is not None:
            self.session.delete(row)

    def member_ids(self, group_id: int) -> list[int]:
        return list(
            self.session.scalars(
                select(GroupMember.member_id).where(GroupMember.group_id == group_id)
            )
        )


class MemberRepository(Repository[Member]):
    model = Member

    def by_user(self, slack_user_id: str) -> Member | None:
        return self.session.scalar(select(Member).where(Member.slack_user_id == slack_user_id))

    def all(self) -> Sequence[Member]:
        return self.session.scalars(select(Member).order_by(Member.slack_user_id)).all()

    def by_ids(self, member_ids: Sequence[int]) -> Sequence[Member]:
        return self.session.scalars(select(Member).where(Member.id.in_(member_ids))).all()

    def zones(self) -> list[tuple[str, str | None, str | None]]:
        """(Slack ID, own zone, a group's zone) for every member in each of their groups (once,
        with no group zone, for a member in none)."""
        rows = self.session.execute(
            select(Member.slack_user_id, Member.tz, Group.tz)
            .outerjoin(GroupMember, GroupMember.member_id == Member.id)
            .outerjoin(Group, Group.id == GroupMember.group_id)
        )
        return [(user, own, group) for user, own, group in rows]

    def stale_profiles(self, checked_before: dt.datetime, limit: int) -> Sequence[Member]:
        """Members whose Slack profile was never read or not since ``checked_before``, never
        read first."""
        return self.session.scalars(
            select(Member)
            .where((Member.tz_checked_at.is_(None)) | (Member.tz_checked_at < checked_before))
            .order_by(Member.tz_checked_at.is_not(None), Member.tz_checked_at)
            .limit(limit)
        ).all()

    def by_users(self, slack_user_ids: Collection[str]) -> Sequence[Member]:
        """The members with these Slack IDs (one query; unknown IDs are left out)."""
        if not slack_user_ids:
            return []
        return self.session.scalars(
            select(Member).where(Member.slack_user_id.in_(list(slack_user_ids)))
        ).all()

    def names(self) -> list[tuple[str | None, str | None]]:
        """Every member's (real name, display name) from Slack."""
        return [
            (real, display)
            for real, display in self.session.execute(
                select(Member.real_name, Member.display_name)
            )
        ]


class MembershipRepository:
    """Members' places in groups and their roles there (two statements however many)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, group_id: int, member_id: int) -> GroupMember | None:
        return self.session.get(GroupMember, (group_id, member_id))

    def add(self, membership: GroupMember) -> None:
        self.session.add(membership)

    def remove(self, membership: GroupMember) -> None:
        """Take the member out of the group (their roles there go with it)."""
        self.session.delete(membership)

    def is_member(self, member_id: int, group_id: int) -> bool:
        return self.get(group_id, member_id) is not None

    def members_of(self, group_id: int) -> Sequence[Member]:
        """The group's members, by Slack user id."""
        return self.session.scalars(
            select(Member)
            .join(GroupMember, GroupMember.member_id == Member.id)
            .where(GroupMember.group_id == group_id)
            .order_by(Member.slack_user_id)
        ).all()

    def with_role(self, group_id: int, role: Role) -> list[str]:
        """Slack user ids of the group's members holding ``role`` there."""
        return list(
            self.session.scalars(
                select(Member.slack_user_id)
                .join(MembershipRole, MembershipRole.member_id == Member.id)
                .where(MembershipRole.group_id == group_id, MembershipRole.role == role.value)
                .order_by(Member.slack_user_id)
            )
        )

    def roles_in(self, member_id: int, group_id: int) -> set[Role]:
        """The member's roles in this group (none if they are not in it)."""
        return {
            Role(r)
            for r in self.session.scalars(
                select(MembershipRole.role).where(
                    MembershipRole.group_id == group_id, MembershipRole.member_id == member_id
                )
            )
        }

    def roles_by_member(self, group_id: int) -> dict[int, set[Role]]:
        """member id -> their roles in this group (one statement)."""
        out: dict[int, set[Role]] = {}
        rows = self.session.execute(
            select(MembershipRole.member_id, MembershipRole.role)
            .where(MembershipRole.group_id == group_id)
        )
        for member_id, role in rows:
            out.setdefault(member_id, set()).add(Role(role))
        return out

    def runs_meetings(self, member_id: int, group_id: int) -> bool:
        """A facilitator or the secretariat of this group (roles elsewhere count for nothing)."""
        return bool(self.roles_in(member_id, group_id) & RUNS_MEETINGS)

    def of_member(self, member_id: int) -> dict[int, list[str]]:
        """group id -> the member's roles there."""
        out: dict[int, list[str]] = {
            g: [] for g in self.session.scalars(
                select(GroupMember.group_id).where(GroupMember.member_id == member_id)
            )
        }
        rows = self.session.execute(
            select(MembershipRole.group_id, MembershipRole.role)
            .where(MembershipRole.member_id == member_id)
            .order_by(MembershipRole.role)
        )
        for group_id, role in rows:
            out.setdefault(group_id, []).append(role)
        return out

    def members_with_role(self, group_id: int, role: Role) -> Sequence[Member]:
        """The group's members with this role there, in Slack ID order."""
        return self.session.scalars(
            select(Member)
            .join(MembershipRole, MembershipRole.member_id == Member.id)
            .where(MembershipRole.group_id == group_id, MembershipRole.role == role.value)
            .order_by(Member.slack_user_id)
        ).all()

    def views(self, member_id: int | None = None) -> dict[int, list[Membership]]:
        """member id -> each group they are in (by name) with their roles there (everyone's, or
        one member's)."""
        places_query = (
            select(GroupMember.member_id, GroupMember.group_id, Group.name)
            .join(Group, Group.id == GroupMember.group_id)
            .order_by(Group.name)
        )
        roles_query = select(
            MembershipRole.group_id, MembershipRole.member_id, MembershipRole.role
        ).order_by(MembershipRole.role)
        if member_id is not None:
            places_query = places_query.where(GroupMember.member_id == member_id)
            roles_query = roles_query.where(MembershipRole.member_id == member_id)
        places = self.session.execute(places_query).all()
        roles: dict[tuple[int, int], list[Role]] = {}
        for group_id, member_id_, role in self.session.execute(roles_query):
            roles.setdefault((group_id, member_id_), []).append(Role(role))
        out: dict[int, list[Membership]] = {}
        for member, group_id, name in places:
            out.setdefault(member, []).append(
                Membership(name, tuple(roles.get((group_id, member), ())))
            )
        return out


def consent_withdrawn_on() -> Any:
    """The withdrawal date of the client's latest consent (NULL: none, or not withdrawn): a
    client who withdrew consent leaves the agenda (and the prompts) until a new consent."""
    return (
        select(ConsentRecord.withdrawn_on)
        .where(ConsentRecord.client_id == Client.id)
        .order_by(ConsentRecord.given_on.desc(), ConsentRecord.id.desc())
        .limit(1)
        .correlate(Client)
        .scalar_subquery()
    )


def _on_agenda_now() -> tuple[Any, ...]:
    """Referred or active, not purged, consent not withdrawn: on agendas from now on."""
    return (Client.status.in_(ON_AGENDA), Client.purged_at.is_(None),
            consent_withdrawn_on().is_(None))


class AgendaClient(NamedTuple):
    id: int
    case_code: str
    status: str


class ClientRepository(Repository[Client]):
    model = Client

    def add_consent(self, record: ConsentRecord) -> None:
        self.session.add(record)

    def unpurged(self) -> Sequence[Client]:
        """Every client whose details still exist."""
        return self.session.scalars(select(Client).where(Client.purged_at.is_(None))).all()

    def unpurged_codes(self) -> list[str]:
        return list(
            self.session.scalars(select(Client.case_code).where(Client.purged_at.is_(None)))
        )

    def codes_not_exited(self) -> list[str]:
        return list(
            self.session.scalars(
                select(Client.case_code).where(Client.status != ClientStatus.EXITED.value)
            )
        )

    def by_code(self, code: str) -> Client | None:
        return self.session.scalar(select(Client).where(Client.case_code == code))

    def on_agenda(self, group_id: int) -> Sequence[Client]:
        """The group's referred and active clients (not purged): referrals first, by code."""
        return self.session.scalars(
            select(Client)
            .where(Client.group_id == group_id, *_on_agenda_now())
            .order_by(Client.status.desc(), Client.case_code)  # "referred" sorts before "active"
        ).all()

    def on_agenda_brief(self, group_id: int) -> list[AgendaClient]:
        """:meth:`on_agenda`'s clients, in its order, as id, case code and status only: a
        thousand full rows (and their joined agency, worker and group) cost tens of ms."""
        return [
            AgendaClient(*row)
            for row in self.session.execute(
                select(Client.id, Client.case_code, Client.status)
                .where(Client.group_id == group_id, *_on_agenda_now())
                .order_by(Client.status.desc(), Client.case_code)
            )
        ]

    def by_ids(self, client_ids: Sequence[int]) -> Sequence[Client]:
        if not client_ids:
            return []
        return self.session.scalars(
            select(Client).where(Client.id.in_(client_ids)).order_by(Client.case_code)
        ).all()

    def codes_on_agenda_of_worker(self, member_id: int) -> list[str]:
        """Case codes of the member's referred and active clients (not purged)."""
        return [c.case_code for c in self.on_agenda_of_worker(member_id)]

    def on_agenda_of_worker(self, member_id: int) -> Sequence[Client]:
        """The member's referred and active clients (not purged, consent not withdrawn), by
        case code."""
        return self.session.scalars(
            select(Client)
            .where(Client.key_worker_id == member_id, *_on_agenda_now())
            .order_by(Client.case_code)
        ).all()

    def codes(self, client_ids: Sequence[int]) -> dict[int, str]:
        return {
            i: code
            for i, code in self.session.execute(
                select(Client.id, Client.case_code).where(Client.id.in_(client_ids))
            )
        }

    def existing_codes(self, codes: Sequence[str]) -> set[str]:
        return set(
            self.session.scalars(select(Client.case_code).where(Client.case_code.in_(codes)))
        )

    def listing(
        self, *, status: str | None = None, group_id: int | None = None
    ) -> Sequence[Client]:
        query = select(Client).order_by(Client.case_code)
        if status:
            query = query.where(Client.status == status)
        if group_id is not None:
            query = query.where(Client.group_id == group_id)
        return self.session.scalars(query).unique().all()

    def latest_consents(self, client_ids: Sequence[int]) -> dict[int, ConsentRecord]:
        if not client_ids:
            return {}
        rows = self.session.scalars(
            select(ConsentRecord)
            .where(ConsentRecord.client_id.in_(client_ids))
            .order_by(ConsentRecord.client_id, ConsentRecord.given_on, ConsentRecord.id)
            .options(selectinload(ConsentRecord.agencies))
        ).all()
        return {row.client_id: row for row in rows}  # later rows (newer consent) win


class AuditRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self,
        *,
        at: dt.datetime,
        actor: str,
        action: str,
        client: Client | None = None,
        reason: str | None = None,
        detail: str | None = None,
    ) -> None:
        self.session.add(
            AuditLog(
                at=at,
                actor=actor,
                action=action,
                client_id=client.id if client else None,
                case_code=client.case_code if client else None,
                reason=reason,
                detail=detail,
            )
        )

    def entries(self, *, case_code: str | None = None, limit: int = 100) -> Sequence[AuditLog]:
        query = select(AuditLog).order_by(AuditLog.at.desc(), AuditLog.id.desc()).limit(limit)
        if case_code:
            query = query.where(AuditLog.case_code == case_code)
        return self.session.scalars(query).all()
