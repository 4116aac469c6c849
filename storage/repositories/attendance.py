"""Members' answers to "will you be at the meeting?"."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain import AttendanceResponse
from storage.models import Attendance


class AttendanceRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def answers_for(self, meeting_id: int) -> dict[int, AttendanceResponse]:
        """member id -> their answer for this meeting (absent: no answer)."""
        rows = self.session.execute(
            select(Attendance.member_id, Attendance.response).where(
                Attendance.meeting_id == meeting_id
            )
        )
        return {member_id: AttendanceResponse(response) for member_id, response in rows}
