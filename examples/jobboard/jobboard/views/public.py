"""Candidates' side: the job list, a job's page and its application form."""

from __future__ import annotations

from dataclasses import dataclass, field

from email_validator import EmailNotValidError, validate_email
from flask import Blueprint, flash, redirect, render_template, request, url_for
from sqlalchemy import or_, select
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from .. import csrf, models
from ..extensions import db
from ..zones import COMMON_TIMEZONES, ZONE_NAMES

public_blueprint = Blueprint("public", __name__)
public_blueprint.before_request(csrf.protect_form_posts)

LOCALES = ["en", "en-US", "en-GB", "de", "fr", "es", "pt", "nl"]


@dataclass
class ApplyForm:
    name: str = ""
    email: str = ""
    timezone: str = "America/New_York"
    profile: str = ""
    skills: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_request(cls, form: MultiDict[str, str]) -> ApplyForm:
        return cls(name=" ".join(form.get("name", "").split()), email=form.get("email", "").strip(),
                   timezone=form.get("timezone", ""), profile=form.get("profile", "").strip(),
                   skills=" ".join(form.get("skills", "").split()))

    def validate(self) -> bool:
        self.errors.clear()
        if not 2 <= len(self.name) <= 120:
            self.errors["name"] = "Enter your full name."
        try:
            self.email = validate_email(self.email, check_deliverability=False).normalized
        except EmailNotValidError as exc:
            self.errors["email"] = f"Enter an email address we can reach you at ({exc})."
        if self.timezone not in ZONE_NAMES:
            self.errors["timezone"] = "Choose the time zone you live in."
        if len(self.profile) < 80:
            self.errors["profile"] = "Tell us about your experience or paste your résumé (80+ characters)."
        elif len(self.profile) > 20_000:
            self.errors["profile"] = "Please keep your profile under 20,000 characters."
        skills = [s.strip() for s in self.skills.split(",") if s.strip()]
        if len(skills) > 60 or any(len(s) > 80 for s in skills):
            self.errors["skills"] = "List up to 60 skills, separated by commas."
        return not self.errors


@public_blueprint.get("/")
def job_list() -> str:
    query = request.args.get("q", "").strip()
    remote = request.args.get("remote", "")
    stmt = select(models.Job).join(models.Job.company).order_by(models.Job.posted_at.desc(), models.Job.id)
    if query:
        pattern = f"%{query}%"
        stmt = stmt.where(or_(models.Job.title.ilike(pattern), models.Company.name.ilike(pattern),
                              models.Job.location.ilike(pattern)))
    if remote in {policy.value for policy in models.RemotePolicy}:
        stmt = stmt.where(models.Job.remote == remote)
    jobs = db.session.scalars(stmt).all()
    return render_template("jobs/list.html", jobs=jobs, query=query, remote=remote,
                           policies=list(models.RemotePolicy))


@public_blueprint.route("/jobs/<int:job_id>", methods=["GET", "POST"])
def job_page(job_id: int) -> str | Response | tuple[str, int]:
    job = db.get_or_404(models.Job, job_id)
    if request.method == "GET":
        return render_template("jobs/detail.html", job=job, form=ApplyForm(), zones=COMMON_TIMEZONES)

    form = ApplyForm.from_request(request.form)
    if not form.validate():
        return render_template("jobs/detail.html", job=job, form=form, zones=COMMON_TIMEZONES), 400

    candidate = db.session.scalar(select(models.Candidate).where(models.Candidate.email == form.email))
    if candidate is None:
        locale = request.accept_languages.best_match(LOCALES) or "en"
        candidate = models.Candidate(email=form.email, locale=locale)
        db.session.add(candidate)
    elif db.session.scalar(select(models.Application).filter_by(job=job, candidate=candidate)):
        flash("You have already applied for this role. We'll be in touch by email.", "info")
        return redirect(url_for("public.job_page", job_id=job.id))
    # A returning candidate's latest profile wins.
    candidate.name, candidate.timezone = form.name, form.timezone
    candidate.profile, candidate.skills = form.profile, form.skills
    db.session.add(models.Application(job=job, candidate=candidate))
    db.session.commit()
    flash(f"Thanks, {form.name.split()[0]}! Your application to {job.company.name} is in. "
          "Look out for a confirmation email.", "success")
    # The anchor replaces the form's #apply, so the page opens where the message is.
    return redirect(url_for("public.job_page", job_id=job.id, _anchor="main"))
