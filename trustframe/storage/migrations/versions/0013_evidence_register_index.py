"""evidence register index: the register's evidence counts read one index

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 02:40:00

The vendor register counts each vendor's expired and soon-expiring evidence with a correlated
subquery (``storage/register_sql.py``). With an index on ``(vendor_id, expires_on)`` SQLite answers
it from the index alone (a covering index) instead of reading every evidence row's table page: at
100,000 vendors and 200,000 evidence items the subquery on its own takes half the CPU time, the
whole register query about 9 % less (docs/performance.md). Additive: one index, no data change.
"""
from __future__ import annotations

from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

INDEX = 'ix_evidence_vendor_expires'


def upgrade() -> None:
    """Apply this revision."""
    op.create_index(INDEX, 'evidence', ['vendor_id', 'expires_on'])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index(INDEX, table_name='evidence')
