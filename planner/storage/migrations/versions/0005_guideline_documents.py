"""Guideline documents: the cover's date, submission date, report year and approval box of a plan, the PIA flag
of an initiative, and the budget totals a plan declares (budget_total).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.add_column(sa.Column('document_month', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('submission_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('report_year', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('approval_columns', sa.JSON(), nullable=False, server_default='[]'))
    # The profile id plans were stamped with before profiles shipped.
    op.execute("UPDATE plan SET guideline_profile_id = 'kr-annual-implementation' "
               "WHERE guideline_profile_id = 'kr-local-master' AND plan_type = 'annual'")
    op.execute("UPDATE plan SET guideline_profile_id = 'kr-master-plan' WHERE guideline_profile_id = 'kr-local-master'")
    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.add_column(sa.Column('privacy_impact_assessment', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.create_table('budget_total',
    sa.Column('fiscal_year', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('amount_krw', sa.BigInteger(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('modified_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_budget_total')),
    sa.UniqueConstraint('fiscal_year', 'source', name=op.f('uq_budget_total_fiscal_year_source'))
    )


def downgrade() -> None:
    op.drop_table('budget_total')
    with op.batch_alter_table('initiative', schema=None) as batch_op:
        batch_op.drop_column('privacy_impact_assessment')
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_column('approval_columns')
        batch_op.drop_column('report_year')
        batch_op.drop_column('submission_date')
        batch_op.drop_column('document_month')
