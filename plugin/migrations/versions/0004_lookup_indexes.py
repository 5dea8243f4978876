"""indexes led by the application or interview, with the column each lookup also filters on

Every interview event and every send asks "is this application closed?" (coach_event by
application and kind) and "which questions were already sent?" (coach_delivery by
application and status); planning asks which pending emails of an interview to supersede
(coach_delivery by interview and status). With single-column indexes, SQLite without
statistics chose the (status, ...) index for all three and read every processed event or
sent email: the cost of one event grew with the table (P3 fell from 219 to 48 events/s
after 20,000 events). Each composite index also serves the single-column lookups it replaces.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coach_event", schema=None) as batch_op:
        batch_op.create_index("ix_coach_event_application_kind", ["application_id", "kind"], unique=False)
        batch_op.drop_index("ix_coach_event_application_id")
    with op.batch_alter_table("coach_delivery", schema=None) as batch_op:
        batch_op.create_index("ix_coach_delivery_application_status", ["application_id", "status"], unique=False)
        batch_op.create_index("ix_coach_delivery_interview_status", ["interview_id", "status"], unique=False)
        batch_op.drop_index("ix_coach_delivery_application_id")
        batch_op.drop_index("ix_coach_delivery_interview_id")


def downgrade() -> None:
    with op.batch_alter_table("coach_delivery", schema=None) as batch_op:
        batch_op.create_index("ix_coach_delivery_interview_id", ["interview_id"], unique=False)
        batch_op.create_index("ix_coach_delivery_application_id", ["application_id"], unique=False)
        batch_op.drop_index("ix_coach_delivery_interview_status")
        batch_op.drop_index("ix_coach_delivery_application_status")
    with op.batch_alter_table("coach_event", schema=None) as batch_op:
        batch_op.create_index("ix_coach_event_application_id", ["application_id"], unique=False)
        batch_op.drop_index("ix_coach_event_application_kind")
