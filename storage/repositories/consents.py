"""Consent decides what the channel may see: a client is shown beyond their case code only while
their written consent is current and names every agency in the group's channel.

The lead agency always holds the client's details; other agencies see them only as consented.
The decisions are the pure functions here; the repository applies them to what is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, selectinload

from storage.models import Client, ConsentRecord, GroupMember, Member
from storage.repositories import ON_AGENDA, ClientRepository


def in_force(record: ConsentRecord, today: dt.date) -> bool:
    """A withdrawn consent covers nobody; an expired one (past ``expires_on``) neither."""
    if record.withdrawn_on is not None:
        return False
    return record.expires_on is None or today <= record.expires_on


def review_due(record: ConsentRecord | None, today: dt.date) -> bool:
    """Whether the client must be asked again: no consent, withdrawn, expired, or the review
    date has come (a consent under review still covers its agencies until it expires)."""
    if record is None:
        return False  # never given: "no current consent" says it already
    if not in_force(record, today):
        return True
    return record.review_on is not None and today >= record.review_on


def covered_agencies(
    latest: Mapping[int, ConsentRecord], today: dt.date
) -> dict[int, set[int]]:
    """client id -> agencies its latest consent covers, if that consent is still in force."""
    return {
        client_id: {a.id for a in record.agencies}
        for client_id, record in latest.items()
        if in_force(record, today)
    }


def visible_to(audience: set[int], covered: Mapping[int, set[int]]) -> set[int]:
    """The clients whose consent names every agency in the audience."""
    return {client_id for client_id, agencies in covered.items() if audience <= agencies}


class ConsentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def group_agencies(self, group_id: int) -> set[int]:
        """The agencies whose workers sit in the group's channel."""
        return set(
            self.session.scalars(
                select(Member.agency_id)
                .join(GroupMember, GroupMember.member_id == Member.id)
                .where(GroupMember.group_id == group_id)
            )
        )

    def covered(self, client_ids: Sequence[int], today: dt.date) -> dict[int, set[int]]:
        """client id -> agencies its current consent covers (absent: no current consent)."""
        latest = ClientRepository(self.session).latest_consents(client_ids)
        return covered_agencies(latest, today)

    def shareable(self, group_id: int, client_ids: Sequence[int], today: dt.date) -> set[int]:
        """Which of these clients the group's channel may see in detail today."""
        return visible_to(self.group_agencies(group_id), self.covered(client_ids, today))

    def history(self, client_id: int) -> Sequence[ConsentRecord]:
        """Every consent record of the client, oldest first (the last one counts)."""
        return self.session.scalars(
            select(ConsentRecord)
            .where(ConsentRecord.client_id == client_id)
            .order_by(ConsentRecord.given_on, ConsentRecord.id)
            .options(selectinload(ConsentRecord.agencies))
        ).all()

    def reviews_to_remind(self, until: dt.date) -> Sequence[tuple[ConsentRecord, Client]]:
        """Latest consents of clients on an agenda whose review date is on or before ``until``
        and whose key worker has not been reminded; withdrawn ones have nothing to review."""
        newer = aliased(ConsentRecord)
        latest_id = (
            select(newer.id)
            .where(newer.client_id == Client.id)
            .order_by(newer.given_on.desc(), newer.id.desc())
            .limit(1)
            .correlate(Client)
            .scalar_subquery()
        )
        rows = self.session.execute(
            select(ConsentRecord, Client)
            .join(Client, Client.id == ConsentRecord.client_id)
            .where(
                ConsentRecord.id == latest_id,
                ConsentRecord.review_on.is_not(None),
                ConsentRecord.review_on <= until,
                ConsentRecord.review_reminded_at.is_(None),
                ConsentRecord.withdrawn_on.is_(None),
                Client.status.in_(ON_AGENDA),
                Client.purged_at.is_(None),
            )
            .order_by(ConsentRecord.review_on, Client.case_code)
        ).all()
        return [(record, client) for record, client in rows]
