"""What an operator can do to one email (from the admin or the CLI), each recorded in
``coach_audit``: re-send a failed one, cancel a pending one."""

from __future__ import annotations

from sqlalchemy.orm import Session

from .tables import AuditRow, DeliveryRow, utcnow

RESENDABLE = ("failed", "skipped", "cancelled")


class OperationError(ValueError):
    """The operation does not apply to this email as it is; the message says why."""


def record_audit(session: Session, actor: str, action: str, target_type: str, target_id: str,
                 detail: str | None = None) -> None:
    session.add(AuditRow(actor=actor[:200], action=action, target_type=target_type, target_id=str(target_id)[:200],
                         detail=detail, at=utcnow()))


def requeue_delivery(session: Session, delivery_id: int, actor: str) -> DeliveryRow:
    """Make a failed, skipped or cancelled email pending again, due now. The caller enqueues
    ``send_delivery`` after the commit; the send re-checks toggles, opt-outs and the
    interview, so a re-send can still be skipped (with the reason)."""
    delivery = session.get(DeliveryRow, delivery_id, with_for_update=True)
    if delivery is None:
        raise OperationError(f"no email {delivery_id}")
    if delivery.status not in RESENDABLE:
        raise OperationError(f"email {delivery_id} is {delivery.status}; only failed, skipped or cancelled emails "
                             "can be re-sent")
    previous = delivery.status
    now = utcnow()
    delivery.status, delivery.due_at, delivery.attempts, delivery.enqueued_at = "pending", now, 0, now
    delivery.last_error = f"re-sent by {actor} (was {previous})"
    record_audit(session, actor, "resend", "delivery", str(delivery_id), f"was {previous}")
    return delivery


def cancel_delivery(session: Session, delivery_id: int, actor: str) -> DeliveryRow:
    delivery = session.get(DeliveryRow, delivery_id, with_for_update=True)
    if delivery is None:
        raise OperationError(f"no email {delivery_id}")
    if delivery.status != "pending":
        raise OperationError(f"email {delivery_id} is {delivery.status}; only pending emails can be cancelled")
    delivery.status, delivery.last_error = "cancelled", f"cancelled by {actor}"
    record_audit(session, actor, "cancel", "delivery", str(delivery_id))
    return delivery
