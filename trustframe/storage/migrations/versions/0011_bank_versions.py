"""overlays, buyer-module version and scoring-profile version per assessment; answer confirm notes

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 23:00:00

Question bank 1.1 (issue 15): an assessment records the regulatory overlays that apply to it
(``overlays``: a JSON list of ``{"id", "version"}``), the buyer-module version its buyer answers
belong to (``buyer_module_version``) and the scoring-profile version it is scored with
(``scoring_profile_version``). Existing assessments are pinned to profile 2.0.0 (the version in
force before per-domain weights), so their scores do not move; their buyer answers stay on the
module version they were given with (1.0.0, the only one before). An answer carried into a
reassessment on a newer bank may say why it must be confirmed (``confirm_note``: "reworded").
Additive: nullable columns only.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    # Plain ADD COLUMN, not batch mode: batch mode may recreate the table, and dropping the old
    # ``assessments`` table with foreign keys on would cascade to every answer and link.
    op.add_column('assessments', sa.Column('overlays', sa.JSON(), nullable=True))
    op.add_column('assessments', sa.Column('buyer_module_version', sa.String(length=32), nullable=True))
    op.add_column('assessments', sa.Column('scoring_profile_version', sa.String(length=32), nullable=True))
    op.add_column('answers', sa.Column('confirm_note', sa.Text(), nullable=True))
    # Pin what existing assessments were scored with, so upgrading never moves a score.
    op.execute("UPDATE assessments SET scoring_profile_version = '2.0.0' WHERE scoring_profile_version IS NULL")
    op.execute("UPDATE assessments SET buyer_module_version = '1.0.0' WHERE buyer_module_version IS NULL "
               "AND id IN (SELECT assessment_id FROM answers WHERE question_id LIKE 'BUY-%')")


def downgrade() -> None:
    """Revert this revision."""
    # SQLite's own DROP COLUMN (3.35+), for the same reason: a table rebuild of ``assessments``
    # would delete its answers through the cascading foreign keys.
    for table, column in (('answers', 'confirm_note'), ('assessments', 'scoring_profile_version'),
                          ('assessments', 'buyer_module_version'), ('assessments', 'overlays')):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
