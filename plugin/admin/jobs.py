"""Jobs: every job with a switch per email kind (and where each value comes from), bulk
changes, and one job's page with its switches, recent emails and change log."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from sqlalchemy import String, and_, cast, or_, select
from werkzeug.wrappers import Response

from ..extension import coach_state
from ..tables import AuditRow, DeliveryRow
from ..toggles import Toggle, resolve_toggles
from .access import actor, allowed_companies
from .forms import BulkToggleForm, TogglesForm
from .hooks import AdminJob
from .job_source import find_job, known_companies, query_jobs
from .pages import KIND_LABELS, Page, Pager, page_number, safe_next
from .switches import SwitchError, apply_switches, inherited_values, saved_settings

AUDIT_ROWS = 50
RECENT_EMAILS = 10
# "Every job matching the search" walks the provider in pages of this size, up to the cap.
BULK_PAGE, BULK_CAP = 200, 20_000


def switch_defaults() -> tuple[tuple[str, ...], int]:
    state = coach_state()
    return tuple(state.setting("DEFAULT_KINDS")), int(state.setting("REMINDER_OFFSET_MINUTES"))


def effective_toggles(jobs: list[AdminJob]) -> dict[str, dict[str, Toggle]]:
    kinds, offset = switch_defaults()
    with coach_state().store.begin() as session:
        return {job.id: resolve_toggles(session, job.id, job.company_id, kinds, offset) for job in jobs}


def require_job(job_id: str) -> AdminJob:
    job = find_job(job_id)
    if job is None:
        abort(404)
    return job


def jobs() -> Page:
    search = request.args.get("q", "").strip()[:200]
    company = request.args.get("company", "").strip() or None
    per_page = int(coach_state().setting("ADMIN_PAGE_SIZE"))
    number = page_number()
    result = query_jobs(search, offset=(number - 1) * per_page, limit=per_page,
                        company_ids=[company] if company else None)
    jobs = list(result.jobs)
    scope = allowed_companies()
    return Page("jobs.html", {
        "jobs": jobs, "toggles": effective_toggles(jobs), "pager": Pager(number, per_page, result.total),
        # A company filter for recruiters of several companies (an unscoped admin searches by name).
        "search": search, "company": company, "companies": known_companies() if scope and len(scope) > 1 else {},
    })


def job(job_id: str) -> Page:
    job = require_job(job_id)
    kinds, offset = switch_defaults()
    with coach_state().store.begin() as session:
        toggles = resolve_toggles(session, job.id, job.company_id, kinds, offset)
        fallback = inherited_values(session, "job", job.company_id, kinds, offset)
        saved = saved_settings(session, "job", job.id)
        deliveries = session.scalars(select(DeliveryRow).where(DeliveryRow.job_id == job.id)
                                     .order_by(DeliveryRow.created_at.desc(), DeliveryRow.id.desc())
                                     .limit(RECENT_EMAILS)).all()
        audit = session.scalars(select(AuditRow).where(or_(
            and_(AuditRow.target_type == "job", AuditRow.target_id == job.id),
            and_(AuditRow.target_type == "company", AuditRow.target_id == job.company_id),
            and_(AuditRow.target_type == "delivery",
                 AuditRow.target_id.in_(select(cast(DeliveryRow.id, String)).where(DeliveryRow.job_id == job.id))),
        )).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(AUDIT_ROWS)).all()
    saved_offset = saved["interview_reminder"].reminder_offset_minutes if "interview_reminder" in saved else None
    form = TogglesForm(formdata=None)
    form.set_offset_choices(saved_offset or toggles["interview_reminder"].reminder_offset_minutes)
    return Page("job.html", {
        "job": job, "toggles": toggles, "inherited": fallback, "saved": saved, "saved_offset": saved_offset,
        "form": form, "deliveries": deliveries, "audit": audit,
    })


def save_switches(scope: str, scope_id: str, back: str) -> Response:
    """Validate a ``TogglesForm`` and apply it to a job or a company."""
    form = TogglesForm()
    with coach_state().store.begin() as session:
        row = saved_settings(session, scope, scope_id).get("interview_reminder")  # type: ignore[arg-type]
    form.set_offset_choices(row.reminder_offset_minutes if row else None)
    if not form.validate():
        problems = "; ".join(f"{getattr(form, name).label.text}: {' '.join(errors)}"
                             for name, errors in form.errors.items())
        flash(f"Nothing was saved. {problems}", "error")
        return redirect(back, code=303)
    try:
        with coach_state().store.begin() as session:
            changes = apply_switches(session, scope, scope_id, form.switch_values(),  # type: ignore[arg-type]
                                     form.reminder_offset.data or None, actor())
    except SwitchError as exc:
        flash(f"Nothing was saved. {exc}", "error")
        return redirect(back, code=303)
    flash("Saved: " + "; ".join(changes) if changes else "Nothing changed.", "success" if changes else "info")
    return redirect(back, code=303)


def set_job_toggles(job_id: str) -> Response:
    job = require_job(job_id)
    return save_switches("job", job.id, safe_next(url_for(".job", job_id=job.id)))


def _matching_ids(search: str) -> list[str]:
    ids: list[str] = []
    while len(ids) < BULK_CAP:
        page = query_jobs(search, offset=len(ids), limit=BULK_PAGE)
        ids.extend(job.id for job in page.jobs)
        if not page.jobs or len(ids) >= page.total:
            break
    return ids


def bulk_toggle() -> Response:
    form = BulkToggleForm()
    back = safe_next(url_for(".jobs"))
    if not form.validate():
        flash("Nothing was changed: choose an email and a value.", "error")
        return redirect(back, code=303)
    if form.target.data == "matching":
        job_ids = _matching_ids(form.q.data or "")
    else:
        wanted = request.form.getlist("job_id")
        # Only jobs the provider knows within the recruiter's scope.
        job_ids = [job.id for job in query_jobs(job_ids=wanted, limit=max(1, len(wanted))).jobs] if wanted else []
    if not job_ids:
        flash("No jobs were chosen: tick the jobs to change, or apply to every job matching the search.", "error")
        return redirect(back, code=303)
    kind, value = form.kind.data, form.value.data
    who, changed = actor(), 0
    with coach_state().store.begin() as session:
        for job_id in job_ids:
            changed += bool(apply_switches(session, "job", job_id, {kind: value}, None, who, action="bulk switch"))
    setting = {"on": "on", "off": "off", "inherit": "inherited"}[value]
    flash(f"{KIND_LABELS[kind]} is now {setting} for {len(job_ids)} job(s); {changed} changed.", "success")
    return redirect(back, code=303)
