"""Who said they would come to a meeting, and who was there."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain import AttendanceResponse
from storage.models import Attendance


class AttendanceRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, meeting_id: int, member_id: int) -> Attendance | None:
        return self.session.get(Attendance, (meeting_id, member_id))

    def add(
        self, meeting_id: int, member_id: int, response: AttendanceResponse, now: dt.datetime
    ) -> Attendance:
        row = Attendance(
            meeting_id=meeting_id, member_id=member_id, response=response.value, responded_at=now
        )
        self.session.add(row)
        return row

    def answers(self, meeting_id: int) -> dict[int, AttendanceResponse]:
        """member id -> their answer to the prompt (absent: no answer)."""
        rows = self.session.execute(
            select(Attendance.member_id, Attendance.response).where(
                Attendance.meeting_id == meeting_id
            )
        )
        return {member_id: AttendanceResponse(response) for member_id, response in rows}

    def rows(self, meeting_id: int) -> list[tuple[int, str, bool | None]]:
        """(member id, answer, present) for everyone who answered or was marked."""
        rows = self.session.execute(
            select(Attendance.member_id, Attendance.response, Attendance.present).where(
                Attendance.meeting_id == meeting_id
            )
        ).all()
        return [(member_id, response, present) for member_id, response, present in rows]

    def taken(self, meeting_id: int) -> bool:
        """Whether anyone was marked present or not (the roll was called)."""
        found = self.session.scalar(
            select(Attendance.member_id)
            .where(Attendance.meeting_id == meeting_id, Attendance.present.is_not(None))
            .limit(1)
        )
        return found is not None
