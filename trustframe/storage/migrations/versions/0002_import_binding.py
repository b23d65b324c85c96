"""workbook identity: the workspace's seal key and a record binding each export to its assessment

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 20:00:00

Additive only: two new tables. The seal key is created here, so a new workspace gets one as it
is created (migrations build every workspace) and an existing workspace gets one when it is
migrated. Exports made before this revision are bound to their assessments from the
``exports`` table and marked as sealed the old way ("sha256").
"""
from __future__ import annotations

import secrets
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

#: Bytes of the HMAC-SHA-256 key (the hash's block-size-independent recommended minimum is 32).
SEAL_KEY_BYTES = 32


def upgrade() -> None:
    """Apply this revision."""
    secrets_table = op.create_table(
        'workspace_secrets',
        sa.Column('name', sa.String(length=64), nullable=False),
        sa.Column('value', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_workspace_secrets')),
    )
    op.create_table(
        'export_bindings',
        sa.Column('export_uid', sa.String(length=36), nullable=False),
        sa.Column('assessment_id', sa.Integer(), nullable=False),
        sa.Column('vendor_id', sa.Integer(), nullable=False),
        sa.Column('product_id', sa.Integer(), nullable=False),
        sa.Column('vendor_name', sa.String(length=200), nullable=False),
        sa.Column('exported_at', sa.DateTime(), nullable=False),
        sa.Column('seal', sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'],
                                name=op.f('fk_export_bindings_assessment_id_assessments'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['product_id'], ['products.id'],
                                name=op.f('fk_export_bindings_product_id_products'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['vendor_id'], ['vendors.id'],
                                name=op.f('fk_export_bindings_vendor_id_vendors'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('export_uid', name=op.f('pk_export_bindings')),
    )
    with op.batch_alter_table('export_bindings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_export_bindings_assessment_id'), ['assessment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_export_bindings_vendor_id'), ['vendor_id'], unique=False)

    op.bulk_insert(secrets_table, [{"name": "workbook_seal_key", "value": secrets.token_bytes(SEAL_KEY_BYTES),
                                    "created_at": datetime.now().replace(microsecond=0)}])
    # Exports sent before the keyed seal: bound to the assessment they were recorded for, with
    # the vendor and product of that assessment (an assessment never changes vendor).
    op.execute(
        "INSERT INTO export_bindings (export_uid, assessment_id, vendor_id, product_id, vendor_name, "
        "exported_at, seal) "
        "SELECT e.uid, e.assessment_id, a.vendor_id, a.product_id, v.name, e.exported_at, 'sha256' "
        "FROM exports e JOIN assessments a ON a.id = e.assessment_id JOIN vendors v ON v.id = a.vendor_id"
    )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('export_bindings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_export_bindings_vendor_id'))
        batch_op.drop_index(batch_op.f('ix_export_bindings_assessment_id'))
    op.drop_table('export_bindings')
    op.drop_table('workspace_secrets')
