"""row versions: no lost update

Revision ID: 0012
Revises: 0011 (re-chained onto the overlay-selection revision when it was merged)
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
down_revision = '0011'
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
    # The database's own DROP COLUMN (SQLite 3.35+, PostgreSQL), not a batch table rebuild: rebuilding
    # ``assessments`` or ``vendors`` with foreign keys on would cascade-delete their answers and links.
    for table in reversed(TABLES):
        op.execute(f"ALTER TABLE {table} DROP COLUMN row_version")
