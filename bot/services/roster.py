"""Group membership facts the cycle needs, each in one query."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain import AttendanceResponse, ClientStatus, Role
from storage.models import Attendance, Group, GroupMember, Member, MembershipRole

ON_AGENDA = (ClientStatus.REFERRED.value, ClientStatus.ACTIVE.value)
RUNS_MEETINGS = frozenset({Role.FACILITATOR, Role.SECRETARIAT})


def members(session: Session, group_id: int) -> Sequence[Member]:
    return session.scalars(
        select(Member)
        .join(GroupMember, GroupMember.member_id == Member.id)
        .where(GroupMember.group_id == group_id)
        .order_by(Member.slack_user_id)
    ).all()


def with_role(session: Session, group_id: int, role: Role) -> list[str]:
    return list(
        session.scalars(
            select(Member.slack_user_id)
            .join(MembershipRole, MembershipRole.member_id == Member.id)
            .where(MembershipRole.group_id == group_id, MembershipRole.role == role.value)
            .order_by(Member.slack_user_id)
        )
    )


def is_member_of(session: Session, member_id: int, group_id: int) -> bool:
    return session.get(GroupMember, (group_id, member_id)) is not None


def roles_in(session: Session, member_id: int, group_id: int) -> set[Role]:
    """The member's roles in this group (none if they are not in it)."""
    return {
        Role(r)
        for r in session.scalars(
            select(MembershipRole.role).where(
                MembershipRole.group_id == group_id, MembershipRole.member_id == member_id
            )
        )
    }


def runs_meetings(session: Session, member_id: int, group_id: int) -> bool:
    """A facilitator or the secretariat of this group (roles elsewhere count for nothing)."""
    return bool(roles_in(session, member_id, group_id) & RUNS_MEETINGS)


def zone_of(member: Member, group: Group) -> str:
    """The member's own zone (from Slack), else the group's."""
    return member.tz or group.tz


def local_today(now: dt.datetime, tz: str) -> dt.date:
    return now.astimezone(ZoneInfo(tz)).date()


def answers_for(session: Session, meeting_id: int) -> dict[int, AttendanceResponse]:
    rows = session.execute(
        select(Attendance.member_id, Attendance.response).where(Attendance.meeting_id == meeting_id)
    )
    return {member_id: AttendanceResponse(response) for member_id, response in rows}
