"""Consent decides what the channel may see: a client is shown beyond their case code only while
their written consent is current and names every agency in the group's channel.

The lead agency always holds the client's details; other agencies see them only as consented.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Agency, GroupMember, Member
from storage.repositories import ClientRepository


def group_agencies(session: Session, group_id: int) -> set[int]:
    """The agencies whose workers sit in the group's channel."""
    return set(
        session.scalars(
            select(Member.agency_id)
            .join(GroupMember, GroupMember.member_id == Member.id)
            .where(GroupMember.group_id == group_id)
        )
    )


def covered(session: Session, client_ids: Sequence[int], today: dt.date) -> dict[int, set[int]]:
    """client id -> agencies its current consent covers (absent: no current consent)."""
    out: dict[int, set[int]] = {}
    for client_id, record in ClientRepository(session).latest_consents(client_ids).items():
        if record.expires_on is None or today <= record.expires_on:
            out[client_id] = {a.id for a in record.agencies}
    return out


def shareable(
    session: Session, group_id: int, client_ids: Sequence[int], today: dt.date
) -> set[int]:
    """Which of these clients the group's channel may see in detail today."""
    audience = group_agencies(session, group_id)
    return {cid for cid, agencies in covered(session, client_ids, today).items()
            if audience <= agencies}


def agency_names(session: Session, ids: set[int]) -> list[str]:
    return sorted(session.scalars(select(Agency.name).where(Agency.id.in_(ids))))
