"""groups: the public-holiday calendar meetings are checked against

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 09:00:00

Existing groups get none (no checks) until the secretariat sets one with
``casebot group holidays --group NAME AU-QLD``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("groups") as batch:
        batch.add_column(sa.Column("holidays", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("groups") as batch:
        batch.drop_column("holidays")
