"""create the plugin's tables

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 22:16:10.430059
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('coach_delivery',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.String(length=100), nullable=False),
    sa.Column('interview_id', sa.String(length=100), nullable=True),
    sa.Column('job_id', sa.String(length=100), nullable=False),
    sa.Column('company_id', sa.String(length=200), nullable=False),
    sa.Column('candidate_id', sa.String(length=100), nullable=False),
    sa.Column('recipient', sa.String(length=320), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('message_id', sa.String(length=255), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=True),
    sa.Column('question_ids', sa.JSON(), nullable=True),
    sa.Column('enqueued_at', sa.DateTime(), nullable=True),
    sa.Column('claimed_at', sa.DateTime(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('coach_delivery', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coach_delivery_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coach_delivery_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coach_delivery_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coach_delivery_interview_id'), ['interview_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_coach_delivery_job_id'), ['job_id'], unique=False)
        batch_op.create_index('ix_coach_delivery_status_due', ['status', 'due_at'], unique=False)

    op.create_table('coach_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=255), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('application_id', sa.String(length=100), nullable=True),
    sa.Column('subject_id', sa.String(length=100), nullable=True),
    sa.Column('payload', sa.JSON(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('enqueued_at', sa.DateTime(), nullable=True),
    sa.Column('processed_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('coach_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coach_event_application_id'), ['application_id'], unique=False)
        batch_op.create_index('ix_coach_event_status_created', ['status', 'created_at'], unique=False)

    op.create_table('coach_interview',
    sa.Column('id', sa.String(length=100), nullable=False),
    sa.Column('application_id', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('host_version', sa.Integer(), nullable=True),
    sa.Column('occurred_at', sa.DateTime(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('coach_interview', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coach_interview_application_id'), ['application_id'], unique=False)

    op.create_table('coach_job_setting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope', sa.String(length=10), nullable=False),
    sa.Column('scope_id', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('reminder_offset_minutes', sa.Integer(), nullable=True),
    sa.Column('updated_by', sa.String(length=200), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('scope', 'scope_id', 'kind', name='uq_coach_job_setting_scope_kind')
    )
    op.create_table('coach_suppression',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=320), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('email')
    )


def downgrade() -> None:
    op.drop_table('coach_suppression')
    op.drop_table('coach_job_setting')
    with op.batch_alter_table('coach_interview', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coach_interview_application_id'))

    op.drop_table('coach_interview')
    with op.batch_alter_table('coach_event', schema=None) as batch_op:
        batch_op.drop_index('ix_coach_event_status_created')
        batch_op.drop_index(batch_op.f('ix_coach_event_application_id'))

    op.drop_table('coach_event')
    with op.batch_alter_table('coach_delivery', schema=None) as batch_op:
        batch_op.drop_index('ix_coach_delivery_status_due')
        batch_op.drop_index(batch_op.f('ix_coach_delivery_job_id'))
        batch_op.drop_index(batch_op.f('ix_coach_delivery_interview_id'))
        batch_op.drop_index(batch_op.f('ix_coach_delivery_event_id'))
        batch_op.drop_index(batch_op.f('ix_coach_delivery_candidate_id'))
        batch_op.drop_index(batch_op.f('ix_coach_delivery_application_id'))

    op.drop_table('coach_delivery')
