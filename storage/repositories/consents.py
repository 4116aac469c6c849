"""Consent decides what the channel may see: a client is shown beyond their case code only while
their written consent is current and names every agency in the group's channel.

The lead agency always holds the client's details; other agencies see them only as consented.
The decisions are the pure functions here; the repository applies them to what is stored.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import ConsentRecord, GroupMember, Member
from storage.repositories import ClientRepository


def in_force(record: ConsentRecord, today: dt.date) -> bool:
    return record.expires_on is None or today <= record.expires_on


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
