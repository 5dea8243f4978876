"""Preview: exactly what an email would say for a real application or interview of a job
(or a sample candidate), why its questions and skills were chosen, and "send a test to me"."""

from __future__ import annotations

from dataclasses import asdict

from flask import abort, current_app, flash, redirect, request, url_for
from werkzeug.wrappers import Response

from interview_coach.workers.context import worker_context
from interview_coach.workers.preview import SAMPLE, SampleJob, build_preview, preview_sources

from .. import config as cfg
from ..config import EMAIL_KINDS
from ..extension import coach_state
from ..operations import record_audit
from ..suppression import is_suppressed
from ..toggles import resolve_toggles
from .access import current_user
from .forms import SendTestForm
from .hooks import AdminJob
from .jobs import require_job, switch_defaults
from .pages import KIND_LABELS, Page
from .rate_limit import send_test_limiter


def sample_job(job: AdminJob) -> SampleJob:
    return SampleJob(id=job.id, title=job.title, company=job.company_name, company_id=job.company_id,
                     description=job.description, requirements=job.requirements, location=job.location)


def _kind(value: str | None) -> str:
    kind = value or "interview_prep"
    if kind not in EMAIL_KINDS:
        abort(404)
    return kind


def preview_page(job: AdminJob, kind: str, source: str, *, status: int = 200, problem: str | None = None) -> Page:
    state = coach_state()
    ctx = worker_context(current_app, state.store)
    kinds, offset = switch_defaults()
    context: dict[str, object] = {"job": job, "kind": kind, "problem": problem, "preview": None,
                                  "mail_from": state.setting("MAIL_FROM"), "reply_to": state.setting("MAIL_REPLY_TO")}
    with state.store.begin() as session:
        sources = preview_sources(session, job.id, kind)
        chosen = source or (sources[0].value if sources else SAMPLE)
        try:
            result = build_preview(session, ctx, sample_job(job), kind, chosen)
        except cfg.ConfigError as exc:
            context.update(sources=sources, source=chosen, problem=str(exc), user=current_user())
            return Page("preview.html", context, status=500)
        toggle = resolve_toggles(session, job.id, job.company_id, kinds, offset)[kind]
        recipient = result.composed.recipient
        suppressed = not result.is_sample and is_suppressed(session, recipient)
    context.update(sources=sources, source=result.source, preview=result, toggle=toggle, suppressed=suppressed,
                   user=current_user(), test_form=SendTestForm(formdata=None, kind=kind, source=result.source),
                   limit=send_test_limiter(current_app).description)
    return Page("preview.html", context, status=status)


def preview(job_id: str) -> Page:
    job = require_job(job_id)
    return preview_page(job, _kind(request.args.get("kind")), request.args.get("source", ""))


def send_test(job_id: str) -> Response | Page:
    job = require_job(job_id)
    form = SendTestForm()
    back = url_for(".preview", job_id=job.id, kind=form.kind.data if form.kind.data in EMAIL_KINDS else None,
                   source=form.source.data or None)
    if not form.validate():
        flash("Choose an email to send.", "error")
        return redirect(back, code=303)
    kind, source = form.kind.data, form.source.data
    user = current_user()
    if user is None or not user.email:
        flash(f"There is no address to send a test to: the host's {cfg.key('ADMIN_CURRENT_USER')} gives none.",
              "error")
        return redirect(back, code=303)
    limiter = send_test_limiter(current_app)
    verdict = limiter.hit(user.email)
    if not verdict.allowed:
        minutes = max(1, round(verdict.retry_after_seconds / 60))
        problem = (f"You have sent {limiter.description} tests already; you can send another in about "
                   f"{minutes} minute{'s' if minutes != 1 else ''}.")
        return preview_page(job, kind, source, status=429, problem=problem)
    state = coach_state()
    with state.store.begin() as session:
        record_audit(session, user.actor, "send test", "job", job.id,
                     f"{KIND_LABELS[kind]} ({'sample candidate' if source == SAMPLE else f'event {source}'}) "
                     f"to {user.email}")
    try:
        state.celery.tasks["interview_coach.send_test"].apply_async(
            args=[asdict(sample_job(job)), kind, source, user.email, user.name, user.actor], retry=False)
    except Exception as exc:
        flash(f"The test could not be queued ({type(exc).__name__}): is the broker running?", "error")
        return redirect(back, code=303)
    flash(f"A test of “{KIND_LABELS[kind]}” is on its way to {user.email}.", "success")
    return redirect(back, code=303)
