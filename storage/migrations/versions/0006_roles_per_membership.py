"""roles per membership: a member's roles belong to each group they are in

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 10:00:00

Roles used to belong to the member, so a facilitator in one group was a facilitator in every
group they were in. Each (member, role) is carried over to every group the member is in. A member
in no group had roles that no check honoured (every role check also asked for membership), so
those rows have nowhere to go and are dropped; ``casebot member add --group …`` restores them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ROLE_CHECK = "role IN ('worker', 'facilitator', 'secretariat', 'champion', 'mentor')"


def upgrade() -> None:
    op.create_table(
        "membership_roles",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.CheckConstraint(ROLE_CHECK, name=op.f("ck_membership_roles_role")),
        sa.ForeignKeyConstraint(
            ["group_id", "member_id"],
            ["group_members.group_id", "group_members.member_id"],
            name=op.f("fk_membership_roles_group_id_group_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_id", "member_id", "role", name=op.f("pk_membership_roles")),
    )
    op.create_index(
        op.f("ix_membership_roles_group_id_role"), "membership_roles", ["group_id", "role"]
    )
    op.execute(
        "INSERT INTO membership_roles (group_id, member_id, role) "
        "SELECT gm.group_id, gm.member_id, mr.role "
        "FROM group_members gm JOIN member_roles mr ON mr.member_id = gm.member_id"
    )
    op.drop_table("member_roles")


def downgrade() -> None:
    op.create_table(
        "member_roles",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.CheckConstraint(ROLE_CHECK, name=op.f("ck_member_roles_role")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_member_roles_member_id_members")
        ),
        sa.PrimaryKeyConstraint("member_id", "role", name=op.f("pk_member_roles")),
    )
    # Going back merges a member's roles across groups: the old model cannot say more.
    op.execute(
        "INSERT INTO member_roles (member_id, role) "
        "SELECT DISTINCT member_id, role FROM membership_roles"
    )
    op.drop_index(op.f("ix_membership_roles_group_id_role"), table_name="membership_roles")
    op.drop_table("membership_roles")
