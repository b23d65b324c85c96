"""decision justification

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 20:05:00

A decision that departs from the recommendation (or is taken on too few answers) carries a
written justification; it is kept with the decision (and in the change log) so reports show it.
Additive: one nullable column.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('assessments') as batch:
        batch.add_column(sa.Column('decision_justification', sa.Text(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('assessments') as batch:
        batch.drop_column('decision_justification')
