"""Company defaults: the same switches one level up. A job that says "inherit" takes its
company's value; a company that says "inherit" takes the plugin's default."""

from __future__ import annotations

from flask import abort, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from ..extension import coach_state
from ..tables import AuditRow
from .access import allowed_companies, require_company
from .forms import TogglesForm
from .job_source import known_companies
from .jobs import save_switches, switch_defaults
from .pages import Page, safe_next
from .switches import inherited_values, saved_settings

AUDIT_ROWS = 50


def _company_name(company_id: str) -> str:
    require_company(company_id)
    names = known_companies()
    if company_id not in names and allowed_companies() is not None:
        abort(404)
    return names.get(company_id, company_id)


def _levels(company_id: str) -> tuple[dict, dict]:  # type: ignore[type-arg]
    kinds, offset = switch_defaults()
    with coach_state().store.begin() as session:
        return saved_settings(session, "company", company_id), inherited_values(session, "company", company_id,
                                                                                 kinds, offset)


def companies() -> Page:
    rows = []
    for company_id, name in known_companies().items():
        saved, defaults = _levels(company_id)
        rows.append({"id": company_id, "name": name, "saved": saved, "defaults": defaults})
    return Page("companies.html", {"companies": rows})


def company(company_id: str) -> Page:
    name = _company_name(company_id)
    saved, defaults = _levels(company_id)
    with coach_state().store.begin() as session:
        audit = session.scalars(select(AuditRow).where(AuditRow.target_type == "company",
                                                       AuditRow.target_id == company_id)
                                .order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(AUDIT_ROWS)).all()
    saved_offset = saved["interview_reminder"].reminder_offset_minutes if "interview_reminder" in saved else None
    form = TogglesForm(formdata=None)
    form.set_offset_choices(saved_offset or defaults["interview_reminder"].reminder_offset_minutes)
    return Page("company.html", {"company_id": company_id, "company_name": name, "saved": saved,
                                 "saved_offset": saved_offset, "inherited": defaults, "form": form, "audit": audit})


def set_company_toggles(company_id: str) -> Response:
    _company_name(company_id)
    return save_switches("company", company_id, safe_next(url_for(".company", company_id=company_id)))
