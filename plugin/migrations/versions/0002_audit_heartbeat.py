"""audit and heartbeat

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 22:42:37.008558
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('coach_audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('target_type', sa.String(length=20), nullable=False),
    sa.Column('target_id', sa.String(length=200), nullable=False),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('coach_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coach_audit_at'), ['at'], unique=False)
        batch_op.create_index('ix_coach_audit_target', ['target_type', 'target_id'], unique=False)

    op.create_table('coach_heartbeat',
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('beat_at', sa.DateTime(), nullable=False),
    sa.Column('hostname', sa.String(length=200), nullable=True),
    sa.PrimaryKeyConstraint('name')
    )


def downgrade() -> None:
    op.drop_table('coach_heartbeat')
    with op.batch_alter_table('coach_audit', schema=None) as batch_op:
        batch_op.drop_index('ix_coach_audit_target')
        batch_op.drop_index(batch_op.f('ix_coach_audit_at'))

    op.drop_table('coach_audit')
