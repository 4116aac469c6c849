"""running meetings, records, escalation

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 21:16:50.125303
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting_items",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "state IN ('pending', 'discussed', 'skipped')", name=op.f("ck_meeting_items_state")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_meeting_items_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_items_meeting_id_meetings")
        ),
        sa.PrimaryKeyConstraint("meeting_id", "client_id", name=op.f("pk_meeting_items")),
    )
    op.create_table(
        "records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint("kind IN ('decision', 'note')", name=op.f("ck_records_kind")),
        sa.ForeignKeyConstraint(
            ["author_id"], ["members.id"], name=op.f("fk_records_author_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_records_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_records_meeting_id_meetings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_records")),
    )
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_records_meeting_id"), ["meeting_id"], unique=False)

    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("overdue_streak", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("escalated_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("last_reviewed_meeting_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_actions_last_reviewed_meeting_id_meetings"),
            "meetings",
            ["last_reviewed_meeting_id"],
            ["id"],
        )

    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.add_column(sa.Column("present", sa.Boolean(), nullable=True))

    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.add_column(sa.Column("client_minutes", sa.Integer(), nullable=True))
        batch_op.create_check_constraint(
            batch_op.f("ck_groups_client_minutes"), "client_minutes IS NULL OR client_minutes > 0"
        )

    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("presenter_channel", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("presenter_ts", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("current_client_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("minutes", sa.Text(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_meetings_current_client_id_clients"),
            "clients",
            ["current_client_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_groups_client_minutes"), type_="check")
        batch_op.drop_column("client_minutes")

    with op.batch_alter_table("meetings", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_meetings_current_client_id_clients"), type_="foreignkey"
        )
        batch_op.drop_column("minutes")
        batch_op.drop_column("current_client_id")
        batch_op.drop_column("presenter_ts")
        batch_op.drop_column("presenter_channel")

    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_column("present")

    with op.batch_alter_table("actions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_actions_last_reviewed_meeting_id_meetings"), type_="foreignkey"
        )
        batch_op.drop_column("removed_at")
        batch_op.drop_column("last_reviewed_meeting_id")
        batch_op.drop_column("escalated_at")
        batch_op.drop_column("overdue_streak")

    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_records_meeting_id"))

    op.drop_table("records")
    op.drop_table("meeting_items")
