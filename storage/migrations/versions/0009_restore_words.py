"""restoring a word in a preview: the group's policy, the draft's kept words, term requests

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 10:30:00

Existing groups get ``confirm``: a word an author marks "not identifying" joins the group's
allow-list only once a facilitator allows it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("groups") as batch:
        batch.add_column(
            sa.Column("restore_policy", sa.String(length=10), nullable=False,
                      server_default="confirm")
        )
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("sealed_keep", sa.LargeBinary(), nullable=True))
    op.create_table(
        "term_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=True),
        sa.Column("sealed_term", sa.LargeBinary(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "status IN ('pending', 'allowed', 'declined')", name=op.f("ck_term_requests_status")
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["members.id"], name=op.f("fk_term_requests_author_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["clients.id"], name=op.f("fk_term_requests_client_id_clients")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["members.id"],
            name=op.f("fk_term_requests_decided_by_id_members"),
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_term_requests_group_id_groups")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_term_requests")),
    )
    op.create_index(op.f("ix_term_requests_group_id"), "term_requests", ["group_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_term_requests_group_id"), table_name="term_requests")
    op.drop_table("term_requests")
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("sealed_keep")
    with op.batch_alter_table("groups") as batch:
        batch.drop_column("restore_policy")
