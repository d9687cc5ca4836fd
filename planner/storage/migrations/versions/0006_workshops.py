"""Workshops: the presentation's slides, live ratings, saved rating rounds and sticky notes (presentation_slide,
workshop_rating, workshop_round, workshop_round_item, sticky_note).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('presentation_slide',
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_presentation_slide'))
    )
    op.create_table('sticky_note',
    sa.Column('target_kind', sa.String(length=30), nullable=False),
    sa.Column('target_id', sa.String(length=36), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('colour', sa.String(length=20), nullable=False),
    sa.Column('author', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sticky_note'))
    )
    op.create_index(op.f('ix_sticky_note_target_id'), 'sticky_note', ['target_id'], unique=False)
    op.create_table('workshop_round',
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop_round')),
    sa.UniqueConstraint('name', name=op.f('uq_workshop_round_name'))
    )
    op.create_table('workshop_round_item',
    sa.Column('round_id', sa.String(length=36), nullable=False),
    sa.Column('initiative_id', sa.String(length=36), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('votes', sa.Integer(), nullable=False),
    sa.Column('impact', sa.Integer(), nullable=True),
    sa.Column('feasibility', sa.Integer(), nullable=True),
    sa.Column('score_urgency', sa.Integer(), nullable=True),
    sa.Column('score_policy_fit', sa.Integer(), nullable=True),
    sa.Column('score_feasibility', sa.Integer(), nullable=True),
    sa.Column('score_effect', sa.Integer(), nullable=True),
    sa.Column('score_technical', sa.Integer(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['workshop_round.id'],
                            name=op.f('fk_workshop_round_item_round_id_workshop_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop_round_item')),
    sa.UniqueConstraint('round_id', 'initiative_id', name=op.f('uq_workshop_round_item_round_id_initiative_id'))
    )
    op.create_index(op.f('ix_workshop_round_item_round_id'), 'workshop_round_item', ['round_id'], unique=False)
    op.create_table('workshop_rating',
    sa.Column('initiative_id', sa.String(length=36), nullable=False),
    sa.Column('votes', sa.Integer(), nullable=False),
    sa.Column('impact', sa.Integer(), nullable=True),
    sa.Column('feasibility', sa.Integer(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['initiative_id'], ['initiative.id'],
                            name=op.f('fk_workshop_rating_initiative_id_initiative'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workshop_rating')),
    sa.UniqueConstraint('initiative_id', name=op.f('uq_workshop_rating_initiative_id'))
    )


def downgrade() -> None:
    op.drop_table('workshop_rating')
    op.drop_index(op.f('ix_workshop_round_item_round_id'), table_name='workshop_round_item')
    op.drop_table('workshop_round_item')
    op.drop_table('workshop_round')
    op.drop_index(op.f('ix_sticky_note_target_id'), table_name='sticky_note')
    op.drop_table('sticky_note')
    op.drop_table('presentation_slide')
