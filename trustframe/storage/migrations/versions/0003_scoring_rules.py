"""scoring rules: N/A acceptance on answers, profile version on stored scores (issue 14)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 20:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision: nullable columns only, so existing rows need no rewrite."""
    with op.batch_alter_table('answers') as batch:
        # Rule 3: a "not applicable" answer counts once a reviewer accepted it, with a reason.
        batch.add_column(sa.Column('na_accepted_reason', sa.Text(), nullable=True))
        batch.add_column(sa.Column('na_accepted_by', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('na_accepted_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('score_snapshots') as batch:
        # The scoring profile version that produced the stored score (also inside profile_id).
        batch.add_column(sa.Column('profile_version', sa.String(length=32), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('score_snapshots') as batch:
        batch.drop_column('profile_version')
    with op.batch_alter_table('answers') as batch:
        batch.drop_column('na_accepted_at')
        batch.drop_column('na_accepted_by')
        batch.drop_column('na_accepted_reason')
