"""outbox: when a message was first tried, and how often it was posted again after an unknown
outcome

Revision ID: 0014_outbox_checks
Revises: 0013_outbox_pacing
Create Date: 2026-12-05 14:00:00

Before a message whose outcome is unknown is tried again, the sender looks for it in Slack from a
little before ``first_tried_at`` (the database's clock). ``reposts`` counts the posts made after
an unknown outcome: a DM is posted again once at most. Rows already tried get their due time as
their first attempt (no earlier attempt can have been made), so a look finds what they posted.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_outbox_checks"
down_revision = "0013_outbox_pacing"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(sa.Column("first_tried_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("reposts", sa.Integer(), nullable=False, server_default="0")
        )
    op.execute(
        "UPDATE outbox SET first_tried_at = not_before "
        "WHERE attempts > 0 AND status = 'pending' AND first_tried_at IS NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("reposts")
        batch_op.drop_column("first_tried_at")
