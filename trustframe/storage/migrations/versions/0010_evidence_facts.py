"""evidence facts and answer provenance

Revision ID: 0010
Revises: 0004
Create Date: 2026-12-06 20:20:00

Machine-readable evidence (SBOM, VEX) is parsed when it is added; what it says about itself (its
facts: format, component counts, shares of NTIA minimum elements, vulnerabilities by status) is
kept beside the evidence record so the evidence view, `evidence list --json` and the scoring
read it without parsing the file again. Answers pre-filled from the vendor's answer library
keep where they came from (the earlier assessment and the date it was answered). Additive: one
new table and two nullable columns.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        'evidence_facts',
        sa.Column('evidence_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('format', sa.String(length=40), nullable=False),
        sa.Column('facts', sa.JSON(), nullable=False),
        sa.Column('parsed_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['evidence_id'], ['evidence.id'], name=op.f('fk_evidence_facts_evidence_id_evidence'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('evidence_id', name=op.f('pk_evidence_facts')),
    )
    with op.batch_alter_table('answers') as batch:
        batch.add_column(sa.Column('origin_assessment_id', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('origin_date', sa.Date(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('answers') as batch:
        batch.drop_column('origin_date')
        batch.drop_column('origin_assessment_id')
    op.drop_table('evidence_facts')
