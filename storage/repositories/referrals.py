"""Referrals to the group and the meeting's decision on them."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from bot.domain import ClientStatus
from storage.models import Client, ConsentRecord, Referral
from storage.repositories.base import Repository


class ReferralRepository(Repository[Referral]):
    model = Referral

    def latest_for_client(self, client_id: int) -> Referral | None:
        """The client's most recent referral (a re-referral makes a new one)."""
        return self.session.scalar(
            select(Referral)
            .where(Referral.client_id == client_id)
            .order_by(Referral.created_at.desc(), Referral.id.desc())
            .limit(1)
        )

    def latest_for_clients(self, client_ids: Sequence[int]) -> dict[int, Referral]:
        if not client_ids:
            return {}
        rows = self.session.scalars(
            select(Referral)
            .where(Referral.client_id.in_(client_ids))
            .order_by(Referral.client_id, Referral.created_at, Referral.id)
        ).all()
        return {row.client_id: row for row in rows}  # later rows win

    def waiting(self, group_id: int | None = None) -> Sequence[tuple[Referral, Client]]:
        """Referrals of clients still ``referred`` (waiting for a decision or their details),
        oldest first."""
        query = (
            select(Referral, Client)
            .join(Client, Client.id == Referral.client_id)
            .where(Client.status == ClientStatus.REFERRED.value, Client.purged_at.is_(None))
            .order_by(Referral.created_at, Referral.id)
        )
        if group_id is not None:
            query = query.where(Referral.group_id == group_id)
        latest: dict[int, tuple[Referral, Client]] = {}
        for referral, client in self.session.execute(query).all():
            latest[client.id] = (referral, client)  # a re-referred client: its newest referral
        return list(latest.values())

    def decided_in(self, meeting_id: int) -> Sequence[Referral]:
        return self.session.scalars(
            select(Referral)
            .where(Referral.meeting_id == meeting_id, Referral.decision.is_not(None))
            .order_by(Referral.decided_at, Referral.id)
        ).all()

    def group_codes(self, group_id: int) -> list[str]:
        """Case codes of the group's clients, to pick a new referral's prefix from."""
        return list(self.session.scalars(select(Client.case_code).where(
            Client.group_id == group_id)))

    def codes_starting(self, prefix: str) -> list[str]:
        """Every case code (any group) starting ``prefix-``: the next number must be free."""
        return list(self.session.scalars(select(Client.case_code).where(
            Client.case_code.like(f"{prefix}-%"))))

    def consents_of(self, client_id: int) -> Sequence[ConsentRecord]:
        """Every consent record of the client (a merged referral takes them along)."""
        return self.session.scalars(
            select(ConsentRecord).where(ConsentRecord.client_id == client_id)).all()
