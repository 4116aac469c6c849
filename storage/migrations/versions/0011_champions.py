"""agency champions and their mentors, onboarding checklists and ticks, and which roles get
every prompt

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 11:13:09

Existing groups use the default checklist and give members with no clients and no open actions the
attendance question only (no role gets every prompt) — mentors stop receiving update prompts.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "onboarding_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=150), nullable=False),
        sa.Column("help", sa.Text(), nullable=False),
        sa.Column("auto", sa.String(length=10), nullable=True),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_onboarding_steps_group_id_groups")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_onboarding_steps")),
        sa.UniqueConstraint("group_id", "key", name=op.f("uq_onboarding_steps_group_id_key")),
    )
    with op.batch_alter_table("onboarding_steps", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_onboarding_steps_group_id"), ["group_id"], unique=False
        )

    op.create_table(
        "champions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("announced_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("welcomed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_progress_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("stall_nudged_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_champions_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_champions_group_id_groups")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_champions_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["mentor_id"], ["members.id"], name=op.f("fk_champions_mentor_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_champions")),
    )
    with op.batch_alter_table("champions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_champions_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_champions_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_champions_mentor_id"), ["mentor_id"], unique=False)

    op.create_table(
        "onboarding_ticks",
        sa.Column("champion_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("ticked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("how", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["champion_id"],
            ["champions.id"],
            name=op.f("fk_onboarding_ticks_champion_id_champions"),
        ),
        sa.PrimaryKeyConstraint("champion_id", "key", name=op.f("pk_onboarding_ticks")),
    )
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("full_prompt_roles", sa.String(length=100), server_default="", nullable=False)
        )



def downgrade() -> None:
    with op.batch_alter_table("groups", schema=None) as batch_op:
        batch_op.drop_column("full_prompt_roles")

    op.drop_table("onboarding_ticks")
    with op.batch_alter_table("champions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_champions_mentor_id"))
        batch_op.drop_index(batch_op.f("ix_champions_member_id"))
        batch_op.drop_index(batch_op.f("ix_champions_group_id"))

    op.drop_table("champions")
    with op.batch_alter_table("onboarding_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_onboarding_steps_group_id"))

    op.drop_table("onboarding_steps")
