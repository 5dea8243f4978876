"""Sending one planned delivery: claim it, check the world again, compose, SMTP, record.

The database row is the truth about an email (pending, sending, sent, failed, skipped, and
why); Celery only carries the work. A row is claimed with a lease, so a worker killed
mid-send leaves a row that is tried again once the lease runs out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from interview_coach.plugin.events import Event, parse_event
from interview_coach.plugin.privacy import redact
from interview_coach.plugin.suppression import is_suppressed
from interview_coach.plugin.tables import DeliveryRow, EventRow, InterviewRow, utcnow
from interview_coach.plugin.toggles import resolve_toggles

from .compose import build_message, compose
from .context import WorkerContext
from .mailer import PermanentSendError, TransientSendError

log = logging.getLogger("interview_coach.sending")

_INTERVIEW_STATUS_NEEDED = {"interview_prep": "scheduled", "interview_reminder": "scheduled",
                            "interview_rescheduled": "scheduled", "interview_cancelled": "cancelled"}


@dataclass(frozen=True)
class SendResult:
    outcome: str  # sent | skipped | failed | retry | busy | not_due | done
    reason: str | None = None
    retry_in: float | None = None


def backoff_seconds(attempt: int, base: float, cap: float) -> float:
    return float(min(cap, base * 2 ** max(0, attempt - 1)))


def why_not_send(session: Session, ctx: WorkerContext, delivery: DeliveryRow, now: datetime) -> str | None:
    """The reason this email must no longer go, or None if it still should."""
    toggles = resolve_toggles(session, delivery.job_id, delivery.company_id, ctx.policy.default_kinds,
                              ctx.policy.default_reminder_offset_minutes)
    toggle = toggles[delivery.kind]
    if not toggle.enabled:
        return toggle.off_reason
    if delivery.recipient and is_suppressed(session, delivery.recipient):
        return "the candidate opted out of these emails"
    closed = session.scalar(select(EventRow.id).where(
        EventRow.application_id == delivery.application_id, EventRow.kind == "application_closed",
        EventRow.status == "processed").limit(1))
    if closed is not None:
        return "the application was closed"
    needed = _INTERVIEW_STATUS_NEEDED.get(delivery.kind)
    if needed is None:
        return None
    interview = session.get(InterviewRow, delivery.interview_id)
    if interview is None:
        return "the interview is unknown"
    if interview.revision != delivery.revision:
        return "superseded: the interview changed after this email was planned"
    if interview.status != needed:
        return f"the interview is {interview.status}"
    if delivery.kind == "interview_reminder" and interview.starts_at <= now:
        return "the interview has already started"
    return None


@dataclass(frozen=True)
class _Claimed:
    """What a successful claim read, so sending needs no second look at the row."""

    event: Event
    already_asked: list[str]
    kind: str
    message_id: str
    attempts: int
    recipient: str


def _claim(ctx: WorkerContext, delivery_id: int, now: datetime) -> SendResult | _Claimed:
    with ctx.store.begin() as session:
        delivery = session.get(DeliveryRow, delivery_id, with_for_update=True)
        if delivery is None or delivery.status not in ("pending", "sending"):
            return SendResult("done")
        if delivery.status == "sending" and delivery.claimed_at and delivery.claimed_at > now - ctx.lease:
            remaining = (delivery.claimed_at + ctx.lease - now).total_seconds()
            return SendResult("busy", retry_in=max(1.0, remaining))
        if delivery.due_at > now:
            return SendResult("not_due")
        reason = why_not_send(session, ctx, delivery, now)
        if reason is not None:
            delivery.status, delivery.last_error = "skipped", reason
            return SendResult("skipped", reason)
        delivery.status, delivery.claimed_at = "sending", now
        delivery.attempts += 1
        payload = session.get(EventRow, delivery.event_id)
        if payload is None or payload.payload is None:
            delivery.status, delivery.last_error = "failed", "the event's data was purged"
            return SendResult("failed", delivery.last_error)
        asked = session.scalars(select(DeliveryRow.question_ids).where(
            DeliveryRow.application_id == delivery.application_id, DeliveryRow.status == "sent",
            DeliveryRow.id != delivery.id)).all()
        event = parse_event(payload.payload)
        return _Claimed(event=event, already_asked=[q for ids in asked if ids for q in ids], kind=delivery.kind,
                        message_id=delivery.message_id, attempts=delivery.attempts,
                        recipient=delivery.recipient or event.application.candidate.email)


def _finish(ctx: WorkerContext, delivery_id: int, **values: object) -> None:
    with ctx.store.begin() as session:
        delivery = session.get(DeliveryRow, delivery_id, with_for_update=True)
        if delivery is not None:
            for name, value in values.items():
                setattr(delivery, name, value)


def send_delivery(ctx: WorkerContext, delivery_id: int) -> SendResult:
    claimed = _claim(ctx, delivery_id, utcnow())
    if isinstance(claimed, SendResult):
        return claimed
    event, already_asked, kind = claimed.event, claimed.already_asked, claimed.kind
    message_id, attempts = claimed.message_id, claimed.attempts
    try:
        unsubscribe_url = ctx.unsubscribe_url(claimed.recipient)
        composed = compose(ctx.renderer, kind, event, unsubscribe_url=unsubscribe_url,
                           already_asked=already_asked, company_name=ctx.company_name)
        message = build_message(composed, sender=ctx.mail_from, message_id=message_id,
                                unsubscribe_url=unsubscribe_url, reply_to=ctx.reply_to)
    except Exception as exc:  # a template or data bug: retrying will not fix it
        log.error("interview coach: could not compose delivery %s (%s): %s", delivery_id, kind, type(exc).__name__)
        reason = f"could not compose the email: {type(exc).__name__}: {exc}"[:500]
        _finish(ctx, delivery_id, status="failed", last_error=reason)
        return SendResult("failed", reason)
    try:
        ctx.mailer.send(message)
    except TransientSendError as exc:
        if attempts >= ctx.max_attempts:
            reason = f"gave up after {attempts} attempts: {exc.reason}"
            _finish(ctx, delivery_id, status="failed", last_error=reason)
            return SendResult("failed", reason)
        delay = backoff_seconds(attempts, ctx.backoff_base, ctx.backoff_cap)
        retry_at = utcnow() + timedelta(seconds=delay)
        # Back to pending, due at the retry time: if the retry message were lost, the due
        # sweep still finds it.
        _finish(ctx, delivery_id, status="pending", last_error=exc.reason, due_at=retry_at, enqueued_at=retry_at)
        log.info("interview coach: delivery %s deferred %.1fs (attempt %s): %s", delivery_id, delay, attempts,
                 redact(exc.reason))
        return SendResult("retry", exc.reason, retry_in=delay)
    except PermanentSendError as exc:
        _finish(ctx, delivery_id, status="failed", last_error=exc.reason)
        log.warning("interview coach: delivery %s failed permanently: %s", delivery_id, redact(exc.reason))
        return SendResult("failed", exc.reason)
    plan = composed.plan
    _finish(ctx, delivery_id, status="sent", sent_at=utcnow(), last_error=None, subject=composed.rendered.subject,
            question_ids=list(plan.question_ids) if plan else None)
    return SendResult("sent")
