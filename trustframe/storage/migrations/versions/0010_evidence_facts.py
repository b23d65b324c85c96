"""evidence facts

Revision ID: 0010
Revises: 0004
Create Date: 2026-12-06 20:20:00

Machine-readable evidence (SBOM, VEX) is parsed when it is added; what it says about itself (its
facts: format, component counts, shares of NTIA minimum elements, vulnerabilities by status) is
kept beside the evidence record so the evidence view, `evidence list --json` and the scoring
read it without parsing the file again. Additive: one new table.
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


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table('evidence_facts')
