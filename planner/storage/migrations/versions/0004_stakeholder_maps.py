"""Stakeholder maps: grid snapshots and network-map positions (stakeholder_snapshot, stakeholder_snapshot_item, network_position).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('stakeholder_snapshot',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stakeholder_snapshot')),
    sa.UniqueConstraint('name', name=op.f('uq_stakeholder_snapshot_name'))
    )
    op.create_table('stakeholder_snapshot_item',
    sa.Column('snapshot_id', sa.String(length=36), nullable=False),
    sa.Column('stakeholder_id', sa.String(length=36), nullable=False),
    sa.Column('influence', sa.Integer(), nullable=False),
    sa.Column('interest', sa.Integer(), nullable=False),
    sa.Column('attitude', sa.String(length=20), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['snapshot_id'], ['stakeholder_snapshot.id'],
                            name=op.f('fk_stakeholder_snapshot_item_snapshot_id_stakeholder_snapshot'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stakeholder_snapshot_item')),
    sa.UniqueConstraint('snapshot_id', 'stakeholder_id',
                        name=op.f('uq_stakeholder_snapshot_item_snapshot_id_stakeholder_id'))
    )
    with op.batch_alter_table('stakeholder_snapshot_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stakeholder_snapshot_item_snapshot_id'), ['snapshot_id'], unique=False)

    op.create_table('network_position',
    sa.Column('stakeholder_id', sa.String(length=36), nullable=False),
    sa.Column('x', sa.Float(), nullable=False),
    sa.Column('y', sa.Float(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['stakeholder_id'], ['stakeholder.id'],
                            name=op.f('fk_network_position_stakeholder_id_stakeholder'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_position')),
    sa.UniqueConstraint('stakeholder_id', name=op.f('uq_network_position_stakeholder_id'))
    )


def downgrade() -> None:
    op.drop_table('network_position')
    with op.batch_alter_table('stakeholder_snapshot_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stakeholder_snapshot_item_snapshot_id'))

    op.drop_table('stakeholder_snapshot_item')
    op.drop_table('stakeholder_snapshot')
