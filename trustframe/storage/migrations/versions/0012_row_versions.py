"""row versions: no lost update

Revision ID: 0012
Revises: 0010 (to be re-chained onto 0011 when the overlay-selection revision is merged)
Create Date: 2026-12-06 23:00:00

Assessments, answers, vendors and evidence carry a version that every save moves on. A save that
names the version it read is refused when someone else has saved the row since (team mode on
PostgreSQL: two officers editing one record never overwrite each other silently; see
docs/team-mode.md). Additive: one NOT NULL column with the default 1 on four tables, so every
existing row starts at version 1.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0012'
down_revision = '0010'
branch_labels = None
depends_on = None

TABLES = ('vendors', 'assessments', 'answers', 'evidence')


def upgrade() -> None:
    """Apply this revision."""
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column('row_version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    """Revert this revision."""
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column('row_version')
