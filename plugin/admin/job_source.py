"""Jobs and companies for the admin: the host's jobs provider, or, without one, the jobs the
plugin has seen in event payloads (the latest payload of each job wins)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import func, or_, select

from ..extension import coach_state
from ..tables import EventRow, JobSettingRow
from .access import admin_hooks, allowed_companies
from .hooks import AdminJob, JobPage, JobQuery

_JOB = ("application", "job")


def _path(*keys: str) -> Any:
    return EventRow.payload[(*_JOB, *keys)].as_string()


def events_jobs_provider(query: JobQuery) -> JobPage:
    """The fallback provider: distinct jobs from ``coach_event`` payloads, searched and paged
    in SQL (JSON paths work on SQLite, PostgreSQL and MySQL)."""
    job_id = _path("id")
    company_id = func.coalesce(_path("company_id"), _path("company"))
    latest = (select(job_id.label("job_id"), func.max(EventRow.id).label("event_id"))
              .where(job_id.is_not(None)).group_by(job_id).subquery())
    stmt = select(EventRow.payload).join(latest, EventRow.id == latest.c.event_id)
    if query.search:
        pattern = f"%{query.search.lower()}%"
        stmt = stmt.where(or_(func.lower(_path("title")).like(pattern), func.lower(_path("company")).like(pattern)))
    if query.company_ids is not None:
        stmt = stmt.where(company_id.in_(query.company_ids))
    if query.job_ids is not None:
        stmt = stmt.where(latest.c.job_id.in_(query.job_ids))
    with coach_state().store.begin() as session:
        total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
        payloads = session.scalars(stmt.order_by(EventRow.id.desc()).offset(query.offset).limit(query.limit)).all()
    return JobPage(total=total, jobs=[_job_from_payload(p) for p in payloads])


def _job_from_payload(payload: dict[str, Any]) -> AdminJob:
    job = payload["application"]["job"]
    return AdminJob(id=job["id"], title=job["title"], company_id=job.get("company_id") or job["company"],
                    company_name=job["company"], description=job.get("description") or "",
                    requirements=job.get("requirements") or "", location=job.get("location") or "")


def query_jobs(search: str = "", *, offset: int = 0, limit: int = 25, company_ids: Collection[str] | None = None,
               job_ids: Iterable[str] | None = None) -> JobPage:
    """Ask the provider, always within the user's scope."""
    scope = allowed_companies()
    companies = scope if company_ids is None else (
        frozenset(company_ids) if scope is None else frozenset(company_ids) & scope)
    provider = admin_hooks().jobs_provider or events_jobs_provider
    page = provider(JobQuery(search=search.strip(), company_ids=None if companies is None else tuple(sorted(companies)),
                             job_ids=None if job_ids is None else tuple(job_ids), offset=offset, limit=limit))
    jobs = [AdminJob.coerce(job) for job in page.jobs]
    # Never trust a provider to have applied the scope: a job outside it is not shown.
    if companies is not None:
        jobs = [job for job in jobs if job.company_id in companies]
    return JobPage(total=page.total, jobs=jobs)


def find_job(job_id: str) -> AdminJob | None:
    page = query_jobs(job_ids=[job_id], limit=1)
    return next((job for job in page.jobs if job.id == job_id), None)


def jobs_by_id(job_ids: Iterable[str]) -> dict[str, AdminJob]:
    wanted = sorted(set(job_ids))
    if not wanted:
        return {}
    return {job.id: job for job in query_jobs(job_ids=wanted, limit=len(wanted)).jobs}


def known_companies() -> dict[str, str]:
    """Company id → name: the companies of the user's scope (named by one of their jobs), or
    for an unscoped user every company seen in events or with saved defaults."""
    scope = allowed_companies()
    names: dict[str, str] = {}
    if scope is not None:
        for cid in scope:
            page = query_jobs(company_ids=[cid], limit=1)
            names[cid] = page.jobs[0].company_name if page.jobs else cid
    else:
        with coach_state().store.begin() as session:
            company_key = func.coalesce(_path("company_id"), _path("company"))
            stmt = (select(company_key, func.max(_path("company"))).where(company_key.is_not(None))
                    .group_by(company_key))
            names.update({str(cid): str(name) for cid, name in session.execute(stmt).all()})
            saved = session.scalars(select(JobSettingRow.scope_id).where(JobSettingRow.scope == "company").distinct())
            for cid in saved:
                names.setdefault(cid, cid)
    return dict(sorted(names.items(), key=lambda item: item[1].lower()))
