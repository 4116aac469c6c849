"""leases: one scheduler tick per minute for the whole deployment

Revision ID: 0012_tick_lease
Revises: 0011
Create Date: 2026-12-10 09:00:00

Every gunicorn worker and every instance runs the minute scheduler; the first to claim the minute
(on the database's clock) in this table runs the tick, the others skip it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_tick_lease"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "leases",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("slot", sa.BigInteger(), nullable=False),
        sa.Column("holder", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_leases")),
    )


def downgrade() -> None:
    op.drop_table("leases")
