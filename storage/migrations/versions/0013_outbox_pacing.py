"""outbox: retry holds and unknown outcomes on the database's clock; an index for pacing

Revision ID: 0013_outbox_pacing
Revises: 0012_register_version
Create Date: 2026-12-05 13:00:00

``retry_at`` holds a row after a failed attempt (Slack's Retry-After, or a backoff) on the
database's clock, which every sender shares; ``outcome_unknown_at`` records an attempt Slack may
have posted (a 5xx, a timeout, a sender gone mid-send). The index finds the channels posted to
in the last second (their next post waits).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_outbox_pacing"
down_revision = "0012_register_version"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(sa.Column("retry_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("outcome_unknown_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_outbox_sent_at"), ["sent_at"])


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_sent_at"))
        batch_op.drop_column("outcome_unknown_at")
        batch_op.drop_column("retry_at")
