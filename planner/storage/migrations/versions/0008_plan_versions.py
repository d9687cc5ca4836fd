"""Lineage: the saved versions a plan file descends from (plan_version).

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plan_version',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('saved_at', sa.DateTime(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('parents', sa.JSON(), nullable=False),
    sa.Column('scope', sa.JSON(), nullable=True),
    sa.Column('snapshot', sa.LargeBinary(), nullable=True),
    sa.Column('snapshot_of', sa.String(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_version'))
    )
    op.create_index(op.f('ix_plan_version_saved_at'), 'plan_version', ['saved_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_plan_version_saved_at'), table_name='plan_version')
    op.drop_table('plan_version')
