"""Baselines: named snapshots of the schedule and budget (baseline, baseline_item, baseline_budget).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('baseline',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_baseline')),
    sa.UniqueConstraint('name', name=op.f('uq_baseline_name'))
    )
    op.create_table('baseline_item',
    sa.Column('baseline_id', sa.String(length=36), nullable=False),
    sa.Column('initiative_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('planned_start', sa.Integer(), nullable=False),
    sa.Column('duration_months', sa.Integer(), nullable=False),
    sa.Column('es', sa.Integer(), nullable=False),
    sa.Column('ef', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['baseline_id'], ['baseline.id'], name=op.f('fk_baseline_item_baseline_id_baseline'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_baseline_item')),
    sa.UniqueConstraint('baseline_id', 'initiative_id', name=op.f('uq_baseline_item_baseline_id_initiative_id'))
    )
    with op.batch_alter_table('baseline_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_baseline_item_baseline_id'), ['baseline_id'], unique=False)

    op.create_table('baseline_budget',
    sa.Column('baseline_id', sa.String(length=36), nullable=False),
    sa.Column('initiative_id', sa.String(length=36), nullable=False),
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('planned_krw', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['baseline_id'], ['baseline.id'], name=op.f('fk_baseline_budget_baseline_id_baseline'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_baseline_budget')),
    sa.UniqueConstraint('baseline_id', 'initiative_id', 'fiscal_year', 'source', name=op.f('uq_baseline_budget_baseline_id_initiative_id_fiscal_year_source'))
    )
    with op.batch_alter_table('baseline_budget', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_baseline_budget_baseline_id'), ['baseline_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('baseline_budget', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_baseline_budget_baseline_id'))

    op.drop_table('baseline_budget')
    with op.batch_alter_table('baseline_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_baseline_item_baseline_id'))

    op.drop_table('baseline_item')
    op.drop_table('baseline')
