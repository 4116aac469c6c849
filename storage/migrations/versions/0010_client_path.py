"""a client's path through the group: referrals, exits, consent over time and overrides,
retention periods and archived groups

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 10:38:45

Existing consents become "given" with no review date; existing groups keep identifiable details
2 years and the case record 7 years after a client's exit or withdrawal, and are not archived.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "client_exits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("exited_on", sa.Date(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "outcome IN ('housed_social', 'housed_private', 'tenancy_sustained', 'transferred', "
            "'disengaged', 'moved_away', 'deceased', 'other', 'referral_declined')",
            name=op.f("ck_client_exits_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_client_exits_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_client_exits_meeting_id_meetings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client_exits")),
    )
    with op.batch_alter_table("client_exits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_client_exits_client_id"), ["client_id"], unique=False)

    op.create_table(
        "consent_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_consent_overrides_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_consent_overrides_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_consent_overrides_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_overrides")),
    )
    with op.batch_alter_table("consent_overrides", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consent_overrides_client_id"), ["client_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_consent_overrides_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("referrer_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("criteria", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("consent_obtained", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("details_added_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decision", sa.String(length=10), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("meeting_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "decision IS NULL OR decision IN ('accepted', 'declined', 'more_info')",
            name=op.f("ck_referrals_decision"),
        ),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_referrals_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_referrals_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["members.id"], name=op.f("fk_referrals_decided_by_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_referrals_group_id_groups")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_referrals_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(
            ["referrer_id"], ["members.id"], name=op.f("fk_referrals_referrer_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referrals_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_group_id"), ["group_id"], unique=False)

    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("record_purged_at", sa.DateTime(timezone=True), nullable=True)
        )

    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("change", sa.String(length=10), server_default="given", nullable=False)
        )
        batch_op.add_column(sa.Column("review_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("review_reminded_at", sa.DateTime(timezone=True), nullable=True)
        )

    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("details_retention_days", sa.Integer(), server_default="730", nullable=False)
        )
        batch_op.add_column(
            sa.Column("record_retention_days", sa.Integer(), server_default="2555", nullable=False)
        )
        batch_op.add_column(sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_column("archived_at")
        batch_op.drop_column("record_retention_days")
        batch_op.drop_column("details_retention_days")

    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.drop_column("review_reminded_at")
        batch_op.drop_column("withdrawn_on")
        batch_op.drop_column("review_on")
        batch_op.drop_column("change")

    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_column("record_purged_at")

    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_group_id"))
        batch_op.drop_index(batch_op.f("ix_referrals_client_id"))

    op.drop_table("referrals")
    with op.batch_alter_table("consent_overrides", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consent_overrides_meeting_id"))
        batch_op.drop_index(batch_op.f("ix_consent_overrides_client_id"))

    op.drop_table("consent_overrides")
    with op.batch_alter_table("client_exits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_client_exits_client_id"))

    op.drop_table("client_exits")
