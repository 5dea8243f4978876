"""Opt-outs: the suppression list, and removing an address after a confirmation.

An address belongs to no company, so a recruiter limited to some companies sees only the
addresses their companies have emailed (or planned to)."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from sqlalchemy import Select, func, select
from werkzeug.wrappers import Response

from ..extension import coach_state
from ..operations import record_audit
from ..suppression import unsuppress
from ..tables import DeliveryRow, SuppressionRow
from .access import actor, allowed_companies
from .forms import ConfirmForm
from .pages import Page, Pager, page_number


def _visible(stmt: Select) -> Select:  # type: ignore[type-arg]
    companies = allowed_companies()
    if companies is None:
        return stmt
    emailed = select(func.lower(DeliveryRow.recipient)).where(DeliveryRow.company_id.in_(companies))
    return stmt.where(SuppressionRow.email.in_(emailed))


def opt_outs() -> Page:
    search = request.args.get("q", "").strip()[:320]
    stmt = _visible(select(SuppressionRow))
    if search:
        stmt = stmt.where(SuppressionRow.email.contains(search.lower(), autoescape=True))
    per_page = int(coach_state().setting("ADMIN_PAGE_SIZE"))
    number = page_number()
    with coach_state().store.begin() as session:
        total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        rows = session.scalars(stmt.order_by(SuppressionRow.created_at.desc(), SuppressionRow.id.desc())
                               .offset((number - 1) * per_page).limit(per_page)).all()
    return Page("opt_outs.html", {"opt_outs": rows, "search": search, "pager": Pager(number, per_page, total)})


def _own_opt_out(opt_out_id: int) -> SuppressionRow:
    with coach_state().store.begin() as session:
        row = session.scalars(_visible(select(SuppressionRow).where(SuppressionRow.id == opt_out_id))).first()
    if row is None:
        abort(404)
    return row


def confirm_remove_opt_out(opt_out_id: int) -> Page:
    return Page("opt_out_remove.html", {"opt_out": _own_opt_out(opt_out_id), "form": ConfirmForm(formdata=None)})


def remove_opt_out(opt_out_id: int) -> Response:
    row = _own_opt_out(opt_out_id)
    with coach_state().store.begin() as session:
        removed = unsuppress(session, row.email)
        if removed:
            record_audit(session, actor(), "remove opt-out", "suppression", row.email,
                         f"opted out {row.created_at:%Y-%m-%d} ({row.reason})")
    if removed:
        flash(f"{row.email} will receive emails again.", "success")
    else:
        flash(f"{row.email} was not on the list any more.", "info")
    return redirect(url_for(".opt_outs"), code=303)
