"""The plugin's own tables. All names start with ``coach_``; Alembic migrations create them
(``flask coach db upgrade``) with their own version table, so they never mix with the host's.

Times are stored as naive UTC (SQLite has no time zone type); ``utcnow()`` is the one clock.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Boolean, DateTime, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def to_naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


class CoachBase(DeclarativeBase):
    """Declarative base of the plugin's tables, with a metadata of their own."""


class EventRow(CoachBase):
    """Inbox/outbox: one row per accepted (or rejected) event from the host."""

    __tablename__ = "coach_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str | None] = mapped_column(String(255), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(20))  # watcher | signal | webhook | api
    application_id: Mapped[str | None] = mapped_column(String(100))
    subject_id: Mapped[str | None] = mapped_column(String(100))
    payload: Mapped[dict | None] = mapped_column(JSON)
    # pending → processed | ignored (stale or duplicate intent) | failed; rejected = invalid
    status: Mapped[str] = mapped_column(String(20), default="pending")
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    enqueued_at: Mapped[datetime | None] = mapped_column(DateTime)
    processed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # When the candidate's profile text was removed from the payload (retention).
    purged_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        Index("ix_coach_event_status_created", "status", "created_at"),
        # "Is this application closed?" runs for every interview event and every send. Its
        # own index, led by the application: a planner without statistics (SQLite before
        # ANALYZE) otherwise takes the status index and reads every processed event.
        Index("ix_coach_event_application_kind", "application_id", "kind"),
    )


class InterviewRow(CoachBase):
    """The plugin's latest known state of one interview."""

    __tablename__ = "coach_interview"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    application_id: Mapped[str] = mapped_column(String(100), index=True)
    status: Mapped[str] = mapped_column(String(20))  # scheduled | cancelled | closed
    starts_at: Mapped[datetime] = mapped_column(DateTime)  # naive UTC
    timezone: Mapped[str] = mapped_column(String(64))
    # Bumped by each change the plugin applies; deliveries carry the revision they were
    # planned for, and are skipped at send time when it is no longer current.
    revision: Mapped[int] = mapped_column(Integer, default=1)
    host_version: Mapped[int | None] = mapped_column(Integer)
    occurred_at: Mapped[datetime] = mapped_column(DateTime)
    event_id: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class DeliveryRow(CoachBase):
    """One email: what, to whom, when, and what happened to it."""

    __tablename__ = "coach_delivery"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(255), unique=True)  # kind:subject:revision
    kind: Mapped[str] = mapped_column(String(40))
    event_id: Mapped[int] = mapped_column(Integer, index=True)
    application_id: Mapped[str] = mapped_column(String(100))
    interview_id: Mapped[str | None] = mapped_column(String(100))
    job_id: Mapped[str] = mapped_column(String(100), index=True)
    company_id: Mapped[str] = mapped_column(String(200))
    candidate_id: Mapped[str] = mapped_column(String(100), index=True)
    recipient: Mapped[str | None] = mapped_column(String(320))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    # pending → sending → sent | failed; or skipped / cancelled with a reason
    status: Mapped[str] = mapped_column(String(20), default="pending")
    due_at: Mapped[datetime] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str] = mapped_column(String(255))
    subject: Mapped[str | None] = mapped_column(String(300))
    # Question ids sent in this email, so a later email never repeats them.
    question_ids: Mapped[list | None] = mapped_column(JSON)
    enqueued_at: Mapped[datetime | None] = mapped_column(DateTime)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        Index("ix_coach_delivery_status_due", "status", "due_at"),
        # Planning and sending look deliveries up by application or interview *and* status
        # (questions already sent, pending emails to supersede or cancel). Led by the
        # application or interview so that a planner without statistics never prefers the
        # status index, which would read every sent email: docs/performance.md, P3.
        Index("ix_coach_delivery_application_status", "application_id", "status"),
        Index("ix_coach_delivery_interview_status", "interview_id", "status"),
    )


class JobSettingRow(CoachBase):
    """A toggle for one email kind, for one job or for a whole company."""

    __tablename__ = "coach_job_setting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope: Mapped[str] = mapped_column(String(10))  # "job" | "company"
    scope_id: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    enabled: Mapped[bool] = mapped_column(Boolean)
    reminder_offset_minutes: Mapped[int | None] = mapped_column(Integer)
    updated_by: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (UniqueConstraint("scope", "scope_id", "kind", name="uq_coach_job_setting_scope_kind"),)


class SuppressionRow(CoachBase):
    """An address that asked for no more emails."""

    __tablename__ = "coach_suppression"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    reason: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


metadata = CoachBase.metadata


class AuditRow(CoachBase):
    """Who changed what, when: every state change made from the admin or the CLI."""

    __tablename__ = "coach_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    target_type: Mapped[str] = mapped_column(String(20))  # job | company | delivery | suppression
    target_id: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_coach_audit_target", "target_type", "target_id"),)


class HeartbeatRow(CoachBase):
    """The last time a worker consumed the periodic sweep: a worker that stops consuming
    (dead, stalled, cut off from the broker) shows as an old heartbeat."""

    __tablename__ = "coach_heartbeat"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    beat_at: Mapped[datetime] = mapped_column(DateTime)
    hostname: Mapped[str | None] = mapped_column(String(200))
