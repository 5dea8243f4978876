"""``flask jobboard seed``: demo companies, jobs, candidates and applications.

Everything goes through the ORM like any other change, so with Interview Coach installed
the seeded applications (and the one seeded interview) produce events and emails too.
"""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

import click
from flask.cli import AppGroup
from sqlalchemy import select

from . import models
from .extensions import db
from .seed_data.candidates_professional import PROFESSIONAL_CANDIDATES
from .seed_data.candidates_sales_support import SALES_SUPPORT_CANDIDATES
from .seed_data.companies import COMPANIES
from .seed_data.jobs_frontline import FRONTLINE_JOBS
from .seed_data.jobs_office import OFFICE_JOBS
from .zones import in_zone, wall_clock_to_utc

jobboard_cli = AppGroup("jobboard", help="The example job board's commands.")

# Only the job board's own tables: the plugin's tables have their own migrations.
HOST_MODELS = (models.Company, models.Recruiter, models.Job, models.Candidate, models.Application,
               models.Interview, models.Interviewer)


@jobboard_cli.command("seed")
@click.option("--reset", is_flag=True, help="Drop the job board's tables and start over.")
def seed_command(reset: bool) -> None:
    """Fill an empty database with demo data (does nothing if there is data already)."""
    if reset:
        tables = [model.__table__ for model in HOST_MODELS]
        db.metadata.drop_all(db.engine, tables=tables)
        db.metadata.create_all(db.engine, tables=tables)
    counts = seed_database()
    if counts is None:
        click.echo("The database already has data; nothing to do (use --reset to start over).")
    else:
        click.echo("Seeded {companies} companies with {recruiters} recruiters, {jobs} jobs, "
                   "{candidates} candidates with {applications} applications, and {interviews} "
                   "interview.".format(**counts))


def seed_database() -> dict[str, int] | None:
    """Add the demo data and commit; None (and no change) when any company exists."""
    db.create_all()
    if db.session.scalar(select(models.Company).limit(1)) is not None:
        return None
    now = models.utcnow()
    companies = {}
    for spec in COMPANIES:
        company = models.Company(slug=spec["slug"], name=spec["name"], tagline=spec["tagline"])
        company.recruiters.append(models.Recruiter(**spec["recruiter"]))
        companies[spec["slug"]] = company
        db.session.add(company)

    jobs = {}
    for spec in [*OFFICE_JOBS, *FRONTLINE_JOBS]:
        fields = {k: v for k, v in spec.items() if k not in ("company", "days_ago")}
        jobs[spec["title"]] = models.Job(company=companies[spec["company"]],
                                         posted_at=now - timedelta(days=spec["days_ago"] + 7), **fields)
    db.session.add_all(jobs.values())

    applications = []
    for spec in [*SALES_SUPPORT_CANDIDATES, *PROFESSIONAL_CANDIDATES]:
        fields = {k: v for k, v in spec.items() if k not in ("applies_to", "days_ago")}
        applications.append(models.Application(
            job=jobs[spec["applies_to"]], candidate=models.Candidate(**fields),
            created_at=now - timedelta(days=spec["days_ago"], hours=len(applications) * 3),
        ))
    db.session.add_all(applications)
    # Commit the applications first: each becomes an "application submitted" event.
    db.session.commit()

    interview = _membership_screen(applications[0])
    db.session.add(interview)
    db.session.commit()
    return {"companies": len(companies), "recruiters": len(companies), "jobs": len(jobs),
            "candidates": len(applications), "applications": len(applications), "interviews": 1}


def _membership_screen(application: models.Application) -> models.Interview:
    """A video screen for the retail associate's membership sales application, three days
    from now at 10:00 club time: the demo's prep email."""
    zone = "America/Denver"
    day = in_zone(models.utcnow(), zone).date() + timedelta(days=3)
    panel: list[dict[str, Any]] = [
        {"name": "Luis Ortega", "title": "General Manager, Highlands club", "role": "hiring_manager",
         "is_hiring_manager": True},
        {"name": "Tasha Greene", "title": "Talent Partner", "role": "recruiter", "is_hiring_manager": False},
    ]
    return models.Interview(
        application=application,
        stage=models.InterviewStage.SCREEN,
        format=models.InterviewFormat.VIDEO,
        starts_at=wall_clock_to_utc(day, time(10, 0), zone),
        timezone=zone,
        duration_minutes=30,
        video_link="https://meet.example.com/summit-highlands-screen",
        interviewers=[models.Interviewer(position=i, **person) for i, person in enumerate(panel)],
    )


def seeded_recruiter(slug: str) -> models.Recruiter | None:
    """The recruiter of a seeded company (handy in tests and shells)."""
    return db.session.scalar(select(models.Recruiter).join(models.Company).where(models.Company.slug == slug))
