"""Sending one planned delivery: claim it, check the world again, compose, SMTP, record.

The database row is the truth about an email (pending, sending, sent, failed, skipped, and
why); Celery only carries the work. A row is claimed with a lease, so a worker killed
mid-send leaves a row that is tried again once the lease runs out.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row

from interview_coach.plugin.events import parse_event
from interview_coach.plugin.privacy import redact
from interview_coach.plugin.tables import utcnow
from interview_coach.plugin.toggles import effective_toggle

from . import delivery_rows as rows
from .compose import build_message, compose
from .context import WorkerContext
from .delivery_rows import Claimed
from .mailer import PermanentSendError, TransientSendError

log = logging.getLogger("interview_coach.sending")

_INTERVIEW_STATUS_NEEDED = {"interview_prep": "scheduled", "interview_reminder": "scheduled",
                            "interview_rescheduled": "scheduled", "interview_cancelled": "cancelled"}
_PURGED = "the event's data was purged"


@dataclass(frozen=True)
class SendResult:
    outcome: str  # sent | skipped | failed | retry | busy | not_due | done
    reason: str | None = None
    retry_in: float | None = None


def backoff_seconds(attempt: int, base: float, cap: float) -> float:
    return float(min(cap, base * 2 ** max(0, attempt - 1)))


def why_not_send(delivery: Row[Any], world: Row[Any], default_kinds: Collection[str], now: datetime) -> str | None:
    """The reason this email must no longer go, or None if it still should (``world`` is
    what ``delivery_rows.world`` read for it)."""
    toggle = effective_toggle(delivery.kind, world.job_enabled, world.company_enabled, default_kinds)
    if not toggle.enabled:
        return toggle.off_reason
    if delivery.recipient and world.suppressed is not None:
        return "the candidate opted out of these emails"
    if world.closed is not None:
        return "the application was closed"
    needed = _INTERVIEW_STATUS_NEEDED.get(delivery.kind)
    if needed is None:
        return None
    if world.interview_status is None:
        return "the interview is unknown"
    if world.interview_revision != delivery.revision:
        return "superseded: the interview changed after this email was planned"
    if world.interview_status != needed:
        return f"the interview is {world.interview_status}"
    if delivery.kind == "interview_reminder" and world.interview_starts_at <= now:
        return "the interview has already started"
    return None


def _claim(ctx: WorkerContext, delivery_id: int, now: datetime) -> SendResult | Claimed:
    with ctx.store.engine.begin() as connection:
        delivery = rows.load(connection, delivery_id)
        if delivery is None or delivery.status not in ("pending", "sending"):
            return SendResult("done")
        if delivery.status == "sending" and delivery.claimed_at and delivery.claimed_at > now - ctx.lease:
            remaining = (delivery.claimed_at + ctx.lease - now).total_seconds()
            return SendResult("busy", retry_in=max(1.0, remaining))
        if delivery.due_at > now:
            return SendResult("not_due")
        reason = why_not_send(delivery, rows.world(connection, delivery), ctx.policy.default_kinds, now)
        if reason is not None:
            if not rows.take(connection, delivery, {"status": "skipped", "last_error": reason}):
                return SendResult("busy", retry_in=1.0)
            return SendResult("skipped", reason)
        if delivery.payload is None:
            rows.take(connection, delivery, {"status": "failed", "last_error": _PURGED})
            return SendResult("failed", _PURGED)
        attempts = delivery.attempts + 1
        if not rows.take(connection, delivery, {"status": "sending", "claimed_at": now, "attempts": attempts}):
            return SendResult("busy", retry_in=1.0)  # another worker took it a moment ago
        asked = rows.asked_before(connection, delivery.application_id, delivery_id) \
            if delivery.kind == "interview_prep" else []
        event = parse_event(delivery.payload)
        return Claimed(delivery_id=delivery_id, event=event, already_asked=asked, kind=delivery.kind,
                       message_id=delivery.message_id, attempts=attempts,
                       recipient=delivery.recipient or event.application.candidate.email)


def _finish(ctx: WorkerContext, delivery_id: int, **values: object) -> None:
    with ctx.store.engine.begin() as connection:
        rows.record(connection, delivery_id, values)


def send_delivery(ctx: WorkerContext, delivery_id: int) -> SendResult:
    """Claim a delivery, check the world again, and send it."""
    claimed = _claim(ctx, delivery_id, utcnow())
    if isinstance(claimed, SendResult):
        return claimed
    return deliver(ctx, claimed)


def deliver(ctx: WorkerContext, claimed: Claimed) -> SendResult:
    """Compose, send and record a delivery this worker has claimed."""
    delivery_id = claimed.delivery_id
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
