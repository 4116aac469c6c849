"""previews and allow-lists

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 19:48:08.825732
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "group_terms",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_group_terms_group_id_groups")
        ),
        sa.PrimaryKeyConstraint("group_id", "term", name=op.f("pk_group_terms")),
    )
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("update_id", sa.Integer(), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("sealed_raw", sa.LargeBinary(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('update', 'action')", name=op.f("ck_drafts_kind")),
        sa.ForeignKeyConstraint(
            ["author_id"], ["members.id"], name=op.f("fk_drafts_author_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_drafts_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["members.id"], name=op.f("fk_drafts_owner_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["update_id"], ["updates.id"], name=op.f("fk_drafts_update_id_updates")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drafts")),
    )
    with op.batch_alter_table("drafts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_drafts_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_drafts_expires_at"), ["expires_at"], unique=False)

    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("real_name", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("display_name", sa.String(length=120), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("display_name")
        batch_op.drop_column("real_name")

    with op.batch_alter_table("drafts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_drafts_expires_at"))
        batch_op.drop_index(batch_op.f("ix_drafts_client_id"))

    op.drop_table("drafts")
    op.drop_table("group_terms")
