"""Candidates' data is kept only as long as configured: after ``RETENTION_DAYS`` the
profile text and listed skills are removed from stored events. Nothing generated from them
is stored in the first place (a sent email keeps only its subject and question ids)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from interview_coach.plugin.tables import EventRow, utcnow

BATCH = 500


def purge_personal_data(session: Session, retention_days: int, now: datetime | None = None) -> int:
    """Strip profile text from events older than the retention period; returns how many.
    Runs in batches so a first run over a large table stays short; the next run continues."""
    cutoff = (now or utcnow()) - timedelta(days=retention_days)
    rows = session.scalars(
        select(EventRow).where(EventRow.created_at < cutoff, EventRow.purged_at.is_(None),
                               EventRow.payload.is_not(None)).order_by(EventRow.id).limit(BATCH)
    ).all()
    for row in rows:
        payload = dict(row.payload or {})
        application = dict(payload.get("application") or {})
        candidate = dict(application.get("candidate") or {})
        candidate["profile"], candidate["skills"] = "", []
        application["candidate"] = candidate
        payload["application"] = application
        row.payload = payload  # a new dict, so the JSON column sees the change
        row.purged_at = utcnow()
    return len(rows)
