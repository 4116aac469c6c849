"""What retention needs: when each client's retention clock started, and destroying a case record
at the end of its period (actions and exit outcomes stay, de-identified, for reports)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from storage.models import (
    Client,
    ClientExit,
    Draft,
    Meeting,
    Record,
    Referral,
    TermRequest,
    Update,
)
from storage.repositories import consent_withdrawn_on

RECORD_DESTROYED = "(case record destroyed at the end of its retention period)"


class RetentionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def clocks(self) -> dict[int, tuple[dt.date | None, dt.date | None]]:
        """client id -> (exited on, consent withdrawn on) for every client whose case record
        still exists and whose retention clock runs (an exit not ended by a re-referral, or a
        latest consent that is a withdrawal). Two statements however many clients."""
        exits: dict[int, dt.date] = {
            client_id: exited_on
            for client_id, exited_on in self.session.execute(
                select(ClientExit.client_id, func.max(ClientExit.exited_on))
                .join(Client, Client.id == ClientExit.client_id)
                .where(ClientExit.ended_at.is_(None), Client.record_purged_at.is_(None))
                .group_by(ClientExit.client_id)
            )
        }
        withdrawn_on = consent_withdrawn_on()
        withdrawals: dict[int, dt.date] = {
            client_id: on
            for client_id, on in self.session.execute(
                select(Client.id, withdrawn_on).where(
                    Client.record_purged_at.is_(None), withdrawn_on.is_not(None)
                )
            )
        }
        return {
            cid: (exits.get(cid), withdrawals.get(cid)) for cid in sorted({*exits, *withdrawals})
        }

    def minutes_naming(self, case_code: str) -> Sequence[Meeting]:
        """Closed meetings whose kept minutes list this case code."""
        return self.session.scalars(
            select(Meeting).where(Meeting.minutes.contains(f'"case_code":"{case_code}"'))
        ).all()

    def destroy_record(self, client: Client, now: dt.datetime) -> None:
        """Delete the client's updates, meeting records (decisions, notes), drafts and term
        requests, and blank the free text of their referral and exit; actions, outcomes and
        attendance stay (de-identified) for reports."""
        cid = client.id
        self.session.execute(delete(Draft).where(Draft.client_id == cid))
        self.session.execute(delete(TermRequest).where(TermRequest.client_id == cid))
        self.session.execute(delete(Update).where(Update.client_id == cid))
        self.session.execute(delete(Record).where(Record.client_id == cid))
        self.session.execute(
            update(Referral)
            .where(Referral.client_id == cid)
            .values(summary=RECORD_DESTROYED, decision_reason=None)
        )
        self.session.execute(
            update(ClientExit).where(ClientExit.client_id == cid).values(note=None)
        )
        client.record_purged_at = now
        self.session.flush()
