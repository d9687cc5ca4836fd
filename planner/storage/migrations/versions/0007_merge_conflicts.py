"""Merging: conflicts a three-way merge of plan files left unresolved (merge_conflict).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('merge_conflict',
    sa.Column('conflict_type', sa.String(length=30), nullable=False),
    sa.Column('item_kind', sa.String(length=30), nullable=False),
    sa.Column('item_id', sa.String(length=36), nullable=False),
    sa.Column('item_label', sa.String(length=300), nullable=False),
    sa.Column('field_name', sa.String(length=80), nullable=False),
    sa.Column('conflict_key', sa.String(length=300), nullable=False),
    sa.Column('sides', sa.JSON(), nullable=False),
    sa.Column('kept', sa.String(length=10), nullable=False),
    sa.Column('involved', sa.JSON(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('sources', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merge_conflict'))
    )
    op.create_index(op.f('ix_merge_conflict_item_id'), 'merge_conflict', ['item_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_merge_conflict_item_id'), table_name='merge_conflict')
    op.drop_table('merge_conflict')
