"""How this job board mounts Interview Coach's recruiter admin. The other file to copy.

The plugin's admin knows nothing about our users or our jobs; four small functions tell it:

- ``is_recruiter``: the guard. Only a signed-in recruiter gets in; anyone else is sent to
  the sign-in page (a guard may answer with a response instead of False, which means 403).
- ``recruiter_companies``: the scope. A recruiter sees and changes their own company only.
- ``signed_in_recruiter``: who is changing things (the audit log) and where "send a test
  to me" goes.
- ``board_jobs``: our jobs, searched and paged in our database, for the Jobs page.

Wiring (``app.py``), before ``coach.init_app``::

    configure_admin(app.config)
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from flask import g, redirect, request, url_for
from sqlalchemy import func, or_, select
from werkzeug.wrappers import Response

from interview_coach.plugin.admin import AdminJob, AdminUser, JobPage, JobQuery

from . import models
from .extensions import db

ADMIN_URL_PREFIX = "/recruiter/emails"


def is_recruiter() -> bool | Response:
    if g.get("recruiter") is not None:
        return True
    return redirect(url_for("recruiter.login", next=request.path))


def recruiter_companies() -> list[str]:
    recruiter = g.get("recruiter")
    return [recruiter.company.slug] if recruiter is not None else []


def signed_in_recruiter() -> AdminUser | None:
    recruiter = g.get("recruiter")
    return AdminUser(name=recruiter.name, email=recruiter.email) if recruiter is not None else None


def board_jobs(query: JobQuery) -> JobPage:
    stmt = select(models.Job).join(models.Company)
    if query.search:
        pattern = f"%{query.search.lower()}%"
        stmt = stmt.where(or_(func.lower(models.Job.title).like(pattern),
                              func.lower(models.Company.name).like(pattern)))
    if query.company_ids is not None:
        stmt = stmt.where(models.Company.slug.in_(query.company_ids))
    if query.job_ids is not None:
        stmt = stmt.where(models.Job.public_id.in_(query.job_ids))
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    jobs = db.session.scalars(stmt.order_by(models.Job.posted_at.desc(), models.Job.id.desc())
                              .offset(query.offset).limit(query.limit)).all()
    return JobPage(total=total, jobs=[
        AdminJob(id=job.public_id, title=job.title, company_id=job.company.slug, company_name=job.company.name,
                 description=job.description, requirements=job.requirements, location=job.location)
        for job in jobs])


def configure_admin(config: MutableMapping[str, Any]) -> None:
    """The admin's settings; values already in the config (a test's, say) win."""
    config.setdefault("INTERVIEW_COACH_ADMIN_URL_PREFIX", ADMIN_URL_PREFIX)
    config.setdefault("INTERVIEW_COACH_ADMIN_BASE_TEMPLATE", "base.html")  # our layout: blocks title and content
    config.setdefault("INTERVIEW_COACH_ADMIN_GUARD", is_recruiter)
    config.setdefault("INTERVIEW_COACH_ADMIN_SCOPE", recruiter_companies)
    config.setdefault("INTERVIEW_COACH_ADMIN_CURRENT_USER", signed_in_recruiter)
    config.setdefault("INTERVIEW_COACH_ADMIN_JOBS_PROVIDER", board_jobs)
