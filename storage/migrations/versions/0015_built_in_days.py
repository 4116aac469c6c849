"""group allow-lists: the built-in terms added since the groups were created

Revision ID: 0015_built_in_days
Revises: 0014_outbox_checks
Create Date: 2026-12-05 16:30:00

A group's allow-list is seeded from the built-in services when the group is created, so terms
added to the built-in list later reach only new groups. This adds them to existing groups:
public holidays and days a note names ("closed King's Birthday", "born on Valentine's Day"), which
the de-identifier otherwise took for people's names, "TAFE", and regional Queensland and
community-controlled services (Policelink, Wuchopperen, Injilinji…). A group that does not want one
removes it again with `casebot allow remove`; the list here is fixed, so it is added once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_built_in_days"
down_revision = "0014_outbox_checks"
branch_labels = None
depends_on = None

TERMS = (
    "TAFE",
    "Policelink",
    "Selectability",
    "Aruma",
    "Mulungu",
    "Injilinji",
    "Wuchopperen",
    "Multilink",
    "Multilink Community Services",
    "Yulu-Burri-Ba",
    "Access Community Services",
    "Endeavour Foundation",
    "Life Without Barriers",
    "Community Corrections",
    "Palm Island Community Company",
    "PICC",
    "Apunipima",
    "Gidgee Healing",
    "Kalwun",
    "Kummara",
    "Goori House",
    "TAIHS",
    "Townsville Aboriginal and Islander Health Service",
    "Gurriny Yealamucka",
    "King's Birthday",
    "Queen's Birthday",
    "Valentine's Day",
    "Mother's Day",
    "Father's Day",
    "New Year's Day",
    "New Year's Eve",
    "Christmas Day",
    "Christmas Eve",
    "Boxing Day",
    "Australia Day",
    "Anzac Day",
    "Labour Day",
    "Good Friday",
    "Easter Monday",
    "Easter Sunday",
    "Remembrance Day",
    "National Sorry Day",
    "Sorry Day",
    "Harmony Day",
    "Reconciliation Week",
    "NAIDOC Week",
    "Ekka",
    "Show Day",
)

_terms = sa.table("group_terms", sa.column("group_id", sa.Integer), sa.column("term", sa.String))
_groups = sa.table("groups", sa.column("id", sa.Integer))


def upgrade() -> None:
    bind = op.get_bind()
    have = set(bind.execute(sa.select(_terms.c.group_id, _terms.c.term)).all())
    rows = [
        {"group_id": group_id, "term": term}
        for (group_id,) in bind.execute(sa.select(_groups.c.id)).all()
        for term in TERMS
        if (group_id, term) not in have
    ]
    if rows:
        op.bulk_insert(_terms, rows)


def downgrade() -> None:
    # The terms may have been there before (a group's own): only the built-in ones are taken
    # back, which is what upgrade added or would have.
    op.execute(_terms.delete().where(_terms.c.term.in_(TERMS)))
