"""The Celery tasks. Arguments are ids; each task loads fresh state and checks the world
before acting. Every task name starts with ``interview_coach.``."""

from __future__ import annotations

import logging
from datetime import timedelta

from celery import Celery, Task
from flask import current_app
from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from interview_coach.plugin import config as cfg
from interview_coach.plugin.extension import coach_state
from interview_coach.plugin.health import record_heartbeat
from interview_coach.plugin.tables import DeliveryRow, EventRow, utcnow

from . import planning, retention
from .context import worker_context
from .sending import deliver
from .sending import send_delivery as send_one
from .test_send import register_send_test

log = logging.getLogger("interview_coach.tasks")

# Each sweep handles at most this many rows; the next sweep takes the rest.
SWEEP_BATCH = 500


def _ctx():  # type: ignore[no-untyped-def]
    return worker_context(current_app, coach_state().store)


def register_tasks(celery: Celery) -> None:
    @celery.task(name="interview_coach.process_event", shared=False, bind=True, max_retries=10)
    def process_event(self: Task, event_id: int) -> str:
        ctx = _ctx()
        try:
            with ctx.store.engine.begin() as connection:
                plan = planning.process_event(connection, event_id, ctx.policy, claim_due_now=True)
        except (OperationalError, IntegrityError) as exc:
            # A locked database or two workers racing on a new interview: try again.
            raise self.retry(exc=exc, countdown=min(60, 2 ** self.request.retries)) from None
        # Send what is due now right here, claimed by the planning transaction: one broker hop,
        # one queue wait and one transaction fewer per email (bench/p3_end_to_end.py).
        # Anything that needs another try goes back to the queue.
        for claimed in plan.claimed:
            try:
                result = deliver(ctx, claimed)
            except OperationalError:  # the row stays claimed; after the lease it is sent again
                _enqueue_send(claimed.delivery_id, countdown=ctx.lease.total_seconds())
                continue
            if result.outcome == "retry":
                _enqueue_send(claimed.delivery_id, countdown=result.retry_in)
        return plan.status

    @celery.task(name="interview_coach.send_delivery", shared=False, bind=True, max_retries=None)
    def send_delivery(self: Task, delivery_id: int) -> str:
        ctx = _ctx()
        try:
            result = send_one(ctx, delivery_id)
        except OperationalError as exc:
            raise self.retry(exc=exc, countdown=min(60, 2 ** min(self.request.retries, 6))) from None
        if result.outcome in ("retry", "busy"):
            raise self.retry(countdown=result.retry_in)
        return result.outcome

    @celery.task(name="interview_coach.dispatch_due", shared=False, bind=True)
    def dispatch_due(self: Task) -> int:
        """Send what has come due: reminders, retries whose message was lost, and claims
        whose worker died. Cost follows what is due, not the table's size (index on
        status, due_at)."""
        ctx = _ctx()
        now = utcnow()
        stale = now - ctx.lease
        with ctx.store.begin() as session:
            ids = session.scalars(
                select(DeliveryRow.id).where(or_(
                    and_(DeliveryRow.status == "pending", DeliveryRow.due_at <= now,
                         or_(DeliveryRow.enqueued_at.is_(None), DeliveryRow.enqueued_at <= stale)),
                    and_(DeliveryRow.status == "sending", DeliveryRow.claimed_at <= stale),
                )).order_by(DeliveryRow.due_at).limit(SWEEP_BATCH)
            ).all()
            if ids:
                session.execute(update(DeliveryRow).where(DeliveryRow.id.in_(ids)).values(enqueued_at=now))
            record_heartbeat(session, self.request.hostname)
        for delivery_id in ids:
            send_delivery.apply_async(args=[delivery_id])
        return len(ids)

    @celery.task(name="interview_coach.relay_pending", shared=False)
    def relay_pending() -> int:
        """Enqueue events whose first enqueue never happened (broker down at the time)."""
        ctx = _ctx()
        now = utcnow()
        cutoff = now - timedelta(seconds=float(current_app.config[cfg.key("RELAY_AFTER_SECONDS")]))
        return relay(ctx.store, process_event, now, cutoff)

    @celery.task(name="interview_coach.purge_personal_data", shared=False)
    def purge_personal_data() -> int:
        """Remove candidates' profile text from events past the retention period."""
        ctx = _ctx()
        with ctx.store.begin() as session:
            return retention.purge_personal_data(session, int(current_app.config[cfg.key("RETENTION_DAYS")]))

    register_send_test(celery, _ctx)

    def _enqueue_send(delivery_id: int, countdown: float | None = None) -> None:
        try:
            send_delivery.apply_async(args=[delivery_id], countdown=countdown)
        except Exception as exc:  # the due sweep will find the pending row
            log.warning("interview coach: could not enqueue delivery %s (%s)", delivery_id, type(exc).__name__)


def relay(store, process_event: Task, now, cutoff) -> int:  # type: ignore[no-untyped-def]
    with store.begin() as session:
        ids = session.scalars(
            select(EventRow.id).where(EventRow.status == "pending",
                                      func.coalesce(EventRow.enqueued_at, EventRow.created_at) <= cutoff)
            .order_by(EventRow.id).limit(SWEEP_BATCH)
        ).all()
        if ids:
            session.execute(update(EventRow).where(EventRow.id.in_(ids)).values(enqueued_at=now))
    for event_id in ids:
        process_event.apply_async(args=[event_id])
    return len(ids)
