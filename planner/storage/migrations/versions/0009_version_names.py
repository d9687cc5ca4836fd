"""Named versions: a name and a note on a saved version (plan_version).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('plan_version', sa.Column('name', sa.String(length=200), nullable=True))
    op.add_column('plan_version', sa.Column('note', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('plan_version') as batch:
        batch.drop_column('note')
        batch.drop_column('name')
