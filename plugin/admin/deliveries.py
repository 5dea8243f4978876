"""The delivery log: every email with its status and the reason for each skip or failure;
re-send a failed one, cancel a pending one."""

from __future__ import annotations

import logging

from flask import abort, flash, redirect, request, url_for
from sqlalchemy import func, or_, select
from werkzeug.wrappers import Response

from ..config import EMAIL_KINDS
from ..extension import coach_state
from ..operations import OperationError, cancel_delivery, requeue_delivery
from ..tables import DeliveryRow
from .access import actor, allowed_companies, in_scope
from .forms import ConfirmForm
from .job_source import jobs_by_id
from .overview import scoped
from .pages import STATUSES, Page, Pager, page_number, safe_next

log = logging.getLogger("interview_coach.admin")


def _filters() -> dict[str, str]:
    args = request.args
    status, kind = args.get("status", ""), args.get("kind", "")
    return {"status": status if status in STATUSES else "", "kind": kind if kind in EMAIL_KINDS else "",
            "job": args.get("job", "").strip()[:100], "candidate": args.get("candidate", "").strip()[:320]}


def deliveries() -> Page:
    filters = _filters()
    stmt = scoped(select(DeliveryRow), allowed_companies())
    if filters["status"]:
        stmt = stmt.where(DeliveryRow.status == filters["status"])
    if filters["kind"]:
        stmt = stmt.where(DeliveryRow.kind == filters["kind"])
    if filters["job"]:
        stmt = stmt.where(DeliveryRow.job_id == filters["job"])
    if filters["candidate"]:
        text = filters["candidate"].lower()
        stmt = stmt.where(or_(DeliveryRow.candidate_id == filters["candidate"],
                              func.lower(DeliveryRow.recipient).contains(text, autoescape=True)))
    per_page = int(coach_state().setting("ADMIN_PAGE_SIZE"))
    number = page_number()
    with coach_state().store.begin() as session:
        total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        rows = session.scalars(stmt.order_by(DeliveryRow.created_at.desc(), DeliveryRow.id.desc())
                               .offset((number - 1) * per_page).limit(per_page)).all()
    return Page("deliveries.html", {
        "deliveries": rows, "filters": filters, "pager": Pager(number, per_page, total),
        "jobs": jobs_by_id(row.job_id for row in rows), "action_form": ConfirmForm(formdata=None),
    })


def _own_delivery(delivery_id: int) -> DeliveryRow:
    with coach_state().store.begin() as session:
        delivery = session.get(DeliveryRow, delivery_id)
    if delivery is None or not in_scope(delivery.company_id, allowed_companies()):
        abort(404)
    return delivery


def resend_delivery(delivery_id: int) -> Response:
    _own_delivery(delivery_id)
    back = safe_next(url_for(".deliveries"))
    state = coach_state()
    try:
        with state.store.begin() as session:
            requeue_delivery(session, delivery_id, actor())
    except OperationError as exc:
        flash(str(exc), "error")
        return redirect(back, code=303)
    try:
        state.celery.tasks["interview_coach.send_delivery"].apply_async(args=[delivery_id], retry=False)
    except Exception as exc:  # the row is pending and due: the periodic sweep sends it
        log.warning("interview coach admin: could not enqueue delivery %s (%s)", delivery_id, type(exc).__name__)
    flash(f"Email {delivery_id} is queued to be sent again.", "success")
    return redirect(back, code=303)


def cancel_pending(delivery_id: int) -> Response:
    _own_delivery(delivery_id)
    back = safe_next(url_for(".deliveries"))
    try:
        with coach_state().store.begin() as session:
            cancel_delivery(session, delivery_id, actor())
    except OperationError as exc:
        flash(str(exc), "error")
        return redirect(back, code=303)
    flash(f"Email {delivery_id} is cancelled; it will not be sent.", "success")
    return redirect(back, code=303)
