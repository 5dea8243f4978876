"""The overview: how many emails went, failed, wait; the queue; the last errors; whether a
worker is consuming."""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import datetime, time, timedelta
from typing import Any

from flask import current_app
from kombu.exceptions import ChannelError
from sqlalchemy import Select, func, select

from .. import config as cfg
from ..extension import CoachState, coach_state
from ..health import worker_health
from ..tables import DeliveryRow, EventRow, utcnow
from .access import allowed_companies
from .job_source import jobs_by_id
from .pages import Page

log = logging.getLogger("interview_coach.admin")

LAST_ERRORS = 8


def scoped(stmt: Select[Any], companies: Collection[str] | None) -> Select[Any]:
    return stmt if companies is None else stmt.where(DeliveryRow.company_id.in_(companies))


def queue_depth(state: CoachState) -> int | None:
    """Messages waiting in the broker for the plugin's queue; None when it cannot be asked."""
    queue = current_app.config[cfg.key("TASK_QUEUE")]
    try:
        with state.celery.connection_for_read() as connection:
            connection.ensure_connection(max_retries=1, timeout=2)
            channel = connection.default_channel
            try:
                return int(channel.queue_declare(queue=queue, passive=True).message_count)
            except ChannelError:
                return 0  # the queue does not exist yet: nothing was ever waiting
    except Exception as exc:  # an admin page must load even when the broker is down
        log.info("interview coach admin: cannot read the queue depth (%s)", type(exc).__name__)
        return None


def delivery_counts(companies: Collection[str] | None, now: datetime) -> dict[str, int]:
    end_of_today = datetime.combine(now.date(), time.max)
    with coach_state().store.begin() as session:
        by_status = dict(session.execute(scoped(select(DeliveryRow.status, func.count()), companies)
                                         .group_by(DeliveryRow.status)).all())
        pending = scoped(select(func.count()).where(DeliveryRow.status == "pending"), companies)
        due_today = session.scalar(pending.where(DeliveryRow.due_at <= end_of_today)) or 0
        overdue = session.scalar(pending.where(DeliveryRow.due_at <= now - timedelta(minutes=1))) or 0
    counts = {status: int(by_status.get(status, 0)) for status in
              ("sent", "failed", "pending", "sending", "skipped", "cancelled")}
    counts.update(due_today=int(due_today), overdue=int(overdue))
    return counts


def overview() -> Page:
    state = coach_state()
    companies = allowed_companies()
    now = utcnow()
    counts = delivery_counts(companies, now)
    with state.store.begin() as session:
        errors = session.scalars(scoped(select(DeliveryRow).where(DeliveryRow.status == "failed"), companies)
                                 .order_by(DeliveryRow.updated_at.desc()).limit(LAST_ERRORS)).all()
        # Rejected events name no company, so only an admin who sees every company sees them.
        event_errors = [] if companies is not None else session.scalars(
            select(EventRow).where(EventRow.status.in_(("rejected", "failed")))
            .order_by(EventRow.id.desc()).limit(LAST_ERRORS)).all()
        health = worker_health(session, float(state.setting("DISPATCH_INTERVAL_SECONDS")))
    jobs = jobs_by_id(d.job_id for d in errors)
    return Page("overview.html", {
        "counts": counts, "errors": errors, "event_errors": event_errors, "jobs": jobs, "health": health,
        "health_text": health.describe(now), "queue_depth": queue_depth(state), "now": now,
    })
