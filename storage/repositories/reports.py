"""What a group's report is made of, read as plain rows: one statement per kind of fact, however
many meetings, clients or actions the group has. No identifier is read: case codes and the
register stay out of reports altogether."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bot.domain import ActionStatus
from storage.models import (
    Action,
    Agency,
    Attendance,
    Champion,
    Client,
    ClientExit,
    Meeting,
    MeetingItem,
    Member,
    Referral,
    Update,
)


class MeetingRow(NamedTuple):
    id: int
    scheduled_at: dt.datetime
    status: str
    ended_at: dt.datetime | None


class PersonRow(NamedTuple):
    id: int
    agency: str
    name: str  # the Slack display name, else the real name, else the Slack ID


class ActionRow(NamedTuple):
    owner_id: int
    status: str
    created_at: dt.datetime
    completed_at: dt.datetime | None
    due_on: dt.date
    carried_count: int
    escalated_at: dt.datetime | None


class ReferralRow(NamedTuple):
    client_id: int
    created_at: dt.datetime
    decision: str | None
    decided_at: dt.datetime | None


class ExitRow(NamedTuple):
    client_id: int
    outcome: str
    exited_on: dt.date


class ChampionRow(NamedTuple):
    member_id: int
    agency: str
    completed_at: dt.datetime


class ReportRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def meetings(self, group_id: int) -> list[MeetingRow]:
        """Every meeting row of the group, soonest first (a few dozen a year)."""
        rows = self.session.execute(
            select(Meeting.id, Meeting.scheduled_at, Meeting.status, Meeting.ended_at)
            .where(Meeting.group_id == group_id)
            .order_by(Meeting.scheduled_at, Meeting.id)
        )
        return [MeetingRow(*row) for row in rows]

    def people(self) -> dict[int, PersonRow]:
        """Every member with their agency's name (members are few; former ones count too)."""
        rows = self.session.execute(
            select(Member.id, Agency.name, Member.display_name, Member.real_name,
                   Member.slack_user_id).join(Agency, Agency.id == Member.agency_id)
        )
        return {
            member_id: PersonRow(member_id, agency, display or real or user)
            for member_id, agency, display, real, user in rows
        }

    def attendance(self, meeting_ids: Collection[int]) -> list[tuple[int, int, str, bool | None]]:
        """(meeting, member, answer, present) for these meetings."""
        if not meeting_ids:
            return []
        rows = self.session.execute(
            select(Attendance.meeting_id, Attendance.member_id, Attendance.response,
                   Attendance.present).where(Attendance.meeting_id.in_(meeting_ids))
        )
        return [(m, who, response, present) for m, who, response, present in rows]

    def update_authors(self, meeting_ids: Collection[int]) -> list[tuple[int, int, int]]:
        """(meeting, author, how many updates) for these meetings."""
        if not meeting_ids:
            return []
        rows = self.session.execute(
            select(Update.meeting_id, Update.author_id, func.count())
            .where(Update.meeting_id.in_(meeting_ids))
            .group_by(Update.meeting_id, Update.author_id)
        )
        return [(m, author, n) for m, author, n in rows]

    def items_discussed(self, meeting_ids: Collection[int]) -> dict[int, int]:
        """meeting -> clients discussed at it."""
        if not meeting_ids:
            return {}
        rows = self.session.execute(
            select(MeetingItem.meeting_id, func.count())
            .where(MeetingItem.meeting_id.in_(meeting_ids), MeetingItem.state == "discussed")
            .group_by(MeetingItem.meeting_id)
        )
        return {meeting_id: n for meeting_id, n in rows}

    def actions(self, group_id: int, before: dt.datetime, since: dt.datetime) -> list[ActionRow]:
        """The group's clients' actions (not removed) made before ``before`` that could count
        from ``since``: still open, or done, carried or escalated since then (or created so)."""
        rows = self.session.execute(
            select(Action.owner_id, Action.status, Action.created_at, Action.completed_at,
                   Action.due_on, Action.carried_count, Action.escalated_at)
            .join(Client, Client.id == Action.client_id)
            .where(
                Client.group_id == group_id,
                Action.removed_at.is_(None),
                Action.created_at < before,
                or_(
                    Action.created_at >= since,
                    Action.status == ActionStatus.OPEN.value,
                    Action.completed_at >= since,
                    Action.escalated_at >= since,
                    Action.carried_count > 0,
                ),
            )
            .order_by(Action.id)
        )
        return [ActionRow(*row) for row in rows]

    def referrals(self, group_id: int, start: dt.datetime, end: dt.datetime) -> list[ReferralRow]:
        """The group's referrals made or decided in [start, end)."""
        rows = self.session.execute(
            select(Referral.client_id, Referral.created_at, Referral.decision,
                   Referral.decided_at)
            .where(
                Referral.group_id == group_id,
                or_(
                    and_(Referral.created_at >= start, Referral.created_at < end),
                    and_(Referral.decided_at >= start, Referral.decided_at < end),
                ),
            )
            .order_by(Referral.id)
        )
        return [ReferralRow(*row) for row in rows]

    def referred_at(self, client_ids: Collection[int]) -> dict[int, list[dt.datetime]]:
        """client -> when each of their referrals was made, oldest first."""
        if not client_ids:
            return {}
        out: dict[int, list[dt.datetime]] = {}
        for client_id, at in self.session.execute(
            select(Referral.client_id, Referral.created_at)
            .where(Referral.client_id.in_(client_ids))
            .order_by(Referral.created_at)
        ):
            out.setdefault(client_id, []).append(at)
        return out

    def exits(self, group_id: int, first: dt.date, last: dt.date) -> list[ExitRow]:
        """Exits of the group's clients dated ``first`` to ``last`` (the group's calendar)."""
        rows = self.session.execute(
            select(ClientExit.client_id, ClientExit.outcome, ClientExit.exited_on)
            .join(Client, Client.id == ClientExit.client_id)
            .where(Client.group_id == group_id, ClientExit.exited_on >= first,
                   ClientExit.exited_on <= last)
            .order_by(ClientExit.exited_on, ClientExit.id)
        )
        return [ExitRow(*row) for row in rows]

    def champions_completed(
        self, group_id: int, start: dt.datetime, end: dt.datetime
    ) -> list[ChampionRow]:
        """Champions of the group who finished their onboarding in [start, end)."""
        rows = self.session.execute(
            select(Champion.member_id, Agency.name, Champion.completed_at)
            .join(Agency, Agency.id == Champion.agency_id)
            .where(Champion.group_id == group_id, Champion.completed_at >= start,
                   Champion.completed_at < end)
            .order_by(Champion.completed_at)
        )
        return [ChampionRow(*row) for row in rows]
