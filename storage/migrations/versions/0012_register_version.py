"""register version: one counter row, bumped with every change to the register, so each process
checks its decrypted copy with one read

Revision ID: 0012_register_version
Revises: 0012_tick_lease
Create Date: 2026-12-05 15:00:00
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0012_register_version"
down_revision = "0012_tick_lease"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "register_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("stamp", sa.String(length=32), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_register_version_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_version")),
    )
    op.bulk_insert(table, [{"id": 1, "version": 0, "stamp": secrets.token_hex(16)}])


def downgrade() -> None:
    op.drop_table("register_version")
