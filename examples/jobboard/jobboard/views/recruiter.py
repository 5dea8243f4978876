"""Recruiters' side: a trivial sign-in, the dashboard, and scheduling interviews.

Every change here is plain SQLAlchemy. The plugin hears about it through its model watchers
(see ``coach_integration.py``), after the commit.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request, session, url_for
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response

from .. import csrf, models
from ..extensions import db
from ..scheduling import FORMATS, MAX_PANEL, ROLES, STAGES, InterviewForm, apply_interview_form, new_interview
from ..zones import COMMON_TIMEZONES

recruiter_blueprint = Blueprint("recruiter", __name__, url_prefix="/recruiter")
recruiter_blueprint.before_request(csrf.protect_form_posts)

CONCURRENT_EDIT = "Someone else changed this interview while you were editing. Here is the latest version."


@recruiter_blueprint.before_app_request
def load_recruiter() -> None:
    recruiter_id = session.get("recruiter_id")
    g.recruiter = db.session.get(models.Recruiter, recruiter_id) if recruiter_id else None


def signed_in(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if g.recruiter is None:
            return redirect(url_for("recruiter.login", next=request.path))
        return view(*args, **kwargs)

    return wrapper


def own_application(application_id: int) -> models.Application:
    application = db.get_or_404(models.Application, application_id)
    if application.job.company_id != g.recruiter.company_id:
        abort(404)
    return application


def own_interview(interview_id: int) -> models.Interview:
    interview = db.get_or_404(models.Interview, interview_id)
    if interview.application.job.company_id != g.recruiter.company_id:
        abort(404)
    return interview


def form_context(form: InterviewForm) -> dict[str, Any]:
    return {"form": form, "zones": COMMON_TIMEZONES, "stages": STAGES, "formats": FORMATS, "roles": ROLES,
            "max_panel": MAX_PANEL}


@recruiter_blueprint.route("/login", methods=["GET", "POST"])
def login() -> str | Response:
    recruiters = db.session.scalars(select(models.Recruiter).order_by(models.Recruiter.name)).all()
    if request.method == "POST":
        chosen = db.session.get(models.Recruiter, request.form.get("recruiter_id", type=int) or 0)
        if chosen is not None:
            session.clear()  # a fresh session on sign-in (and a fresh CSRF token)
            session["recruiter_id"] = chosen.id
            flash(f"Signed in as {chosen.name}, {chosen.company.name}.", "success")
            target = request.args.get("next", "")
            return redirect(target if target.startswith("/recruiter") else url_for("recruiter.dashboard"))
        flash("Choose who you are from the list.", "error")
    return render_template("recruiter/login.html", recruiters=recruiters)


@recruiter_blueprint.post("/logout")
def logout() -> Response:
    session.clear()
    flash("Signed out.", "info")
    return redirect(url_for("public.job_list"))


@recruiter_blueprint.get("/")
@signed_in
def dashboard() -> str:
    status = request.args.get("status", "open")
    stmt = (select(models.Application).join(models.Application.job)
            .where(models.Job.company_id == g.recruiter.company_id)
            .order_by(models.Application.created_at.desc(), models.Application.id.desc()))
    if status == "open":
        stmt = stmt.where(models.Application.status == models.ApplicationStatus.SUBMITTED)
    elif status == "closed":
        stmt = stmt.where(models.Application.status == models.ApplicationStatus.CLOSED)
    applications = db.session.scalars(stmt).all()
    return render_template("recruiter/dashboard.html", applications=applications, status=status)


@recruiter_blueprint.get("/applications/<int:application_id>")
@signed_in
def application_page(application_id: int) -> str:
    application = own_application(application_id)
    form = InterviewForm.blank(application.candidate.timezone)
    return render_template("recruiter/application.html", application=application, **form_context(form))


@recruiter_blueprint.post("/applications/<int:application_id>/interviews")
@signed_in
def schedule_interview(application_id: int) -> str | Response | tuple[str, int]:
    application = own_application(application_id)
    form = InterviewForm.from_request(request.form)
    if not application.is_open:
        flash("This application is closed; no new interviews.", "error")
        return redirect(url_for("recruiter.application_page", application_id=application.id))
    if not form.validate():
        return render_template("recruiter/application.html", application=application,
                               **form_context(form)), 400
    # Built whole, then added: the interview and its panel are written in one flush.
    db.session.add(new_interview(application, form))
    db.session.commit()
    flash("Interview scheduled.", "success")
    return redirect(url_for("recruiter.application_page", application_id=application.id))


@recruiter_blueprint.route("/interviews/<int:interview_id>/edit", methods=["GET", "POST"])
@signed_in
def reschedule_interview(interview_id: int) -> str | Response | tuple[str, int]:
    interview = own_interview(interview_id)
    back = url_for("recruiter.application_page", application_id=interview.application_id)
    if not interview.is_scheduled:
        flash("This interview was cancelled. Schedule a new one instead.", "error")
        return redirect(back)
    if request.method == "GET":
        return render_template("recruiter/interview_edit.html", interview=interview,
                               **form_context(InterviewForm.from_interview(interview)))

    form = InterviewForm.from_request(request.form)
    if form.version != str(interview.version):
        flash(CONCURRENT_EDIT, "error")
        return redirect(url_for("recruiter.reschedule_interview", interview_id=interview.id))
    if not form.validate():
        page = render_template("recruiter/interview_edit.html", interview=interview, **form_context(form))
        return page, 400
    if not apply_interview_form(interview, form):
        flash("Nothing changed.", "info")
        return redirect(back)
    try:
        db.session.commit()
    except StaleDataError:  # changed between our read and our write: version_id_col caught it
        db.session.rollback()
        flash(CONCURRENT_EDIT, "error")
        return redirect(url_for("recruiter.reschedule_interview", interview_id=interview.id))
    flash("Interview updated.", "success")
    return redirect(back)


@recruiter_blueprint.post("/interviews/<int:interview_id>/cancel")
@signed_in
def cancel_interview(interview_id: int) -> Response:
    interview = own_interview(interview_id)
    if interview.is_scheduled:
        interview.status = models.InterviewStatus.CANCELLED
        interview.cancel_reason = " ".join(request.form.get("reason", "").split())[:300]
        db.session.commit()
        flash("Interview cancelled.", "success")
    return redirect(url_for("recruiter.application_page", application_id=interview.application_id))


@recruiter_blueprint.post("/applications/<int:application_id>/close")
@signed_in
def close_application(application_id: int) -> Response:
    application = own_application(application_id)
    if application.is_open:
        application.status = models.ApplicationStatus.CLOSED
        # A closed application keeps no interview on the calendar.
        for interview in application.interviews:
            if interview.is_scheduled and interview.starts_at > models.utcnow():
                interview.status = models.InterviewStatus.CANCELLED
                interview.cancel_reason = "The application was closed."
        db.session.commit()
        flash("Application closed.", "success")
    return redirect(url_for("recruiter.application_page", application_id=application.id))
