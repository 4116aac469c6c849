"""outbox: find a sent message by where Slack put it

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 12:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        op.f("ix_outbox_slack_channel_slack_ts"), "outbox", ["slack_channel", "slack_ts"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_outbox_slack_channel_slack_ts"), table_name="outbox")
