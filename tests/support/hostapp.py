"""A minimal host job board for the plugin's tests: two models, model watchers, no signals.

Both the test process and the Celery worker subprocess load it (``FLASK_APP`` points at
this file); configuration comes from the ``COACH_TEST_CONFIG`` environment variable (JSON)
so both processes see the same database, broker, queue and SMTP server.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from typing import Any

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from interview_coach.plugin import InterviewCoach, RowChange
from interview_coach.plugin.events import (
    Application,
    ApplicationClosed,
    ApplicationSubmitted,
    Candidate,
    Event,
    Interview,
    InterviewCancelled,
    Interviewer,
    InterviewRescheduled,
    InterviewScheduled,
    Job,
)


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
coach = InterviewCoach()


class JobApplication(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "host_application"
    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[str] = mapped_column(default="job-1")
    job_title: Mapped[str] = mapped_column(default="Membership Sales Consultant")
    company: Mapped[str] = mapped_column(default="Peak Fitness")
    job_description: Mapped[str] = mapped_column(default="Sell memberships and welcome new members.")
    job_requirements: Mapped[str] = mapped_column(default="Requirements:\n- Sales experience\n- Customer service")
    candidate_name: Mapped[str] = mapped_column(default="Maria Lopez")
    candidate_email: Mapped[str] = mapped_column(default="maria@example.com")
    candidate_timezone: Mapped[str] = mapped_column(default="America/Chicago")
    profile: Mapped[str] = mapped_column(
        default="Retail sales associate.\n- Beat my monthly sales quota by 20% for 8 straight months.\n"
                "- Greeted and helped 100+ customers a day with friendly customer service.")
    status: Mapped[str] = mapped_column(default="submitted")


class HostInterview(db.Model):  # type: ignore[name-defined,misc]
    __tablename__ = "host_interview"
    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(db.ForeignKey("host_application.id"))
    stage: Mapped[str] = mapped_column(default="onsite")
    starts_at: Mapped[datetime]  # naive UTC
    timezone: Mapped[str] = mapped_column(default="America/Chicago")
    status: Mapped[str] = mapped_column(default="scheduled")
    version: Mapped[int] = mapped_column(default=1)
    application: Mapped[JobApplication] = db.relationship()
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


def application_payload(row: JobApplication) -> Application:
    return Application(
        id=f"app-{row.id}",
        job=Job(id=row.job_id, title=row.job_title, company=row.company, description=row.job_description,
                requirements=row.job_requirements),
        candidate=Candidate(id=f"cand-{row.id}", name=row.candidate_name, email=row.candidate_email,
                            timezone=row.candidate_timezone, profile=row.profile),
    )


def application_event(row: JobApplication, change: RowChange) -> Event | None:
    if change.is_new:
        return ApplicationSubmitted(application=application_payload(row))
    if change.changed("status") and row.status == "closed":
        return ApplicationClosed(application=application_payload(row))
    return None


def interview_event(row: HostInterview, change: RowChange) -> Event | None:
    interview = Interview(
        id=f"int-{row.id}", stage=row.stage, starts_at=row.starts_at.replace(tzinfo=UTC), timezone=row.timezone,
        version=row.version, interviewers=[
            Interviewer(name="Dana Brooks", title="Membership Sales Manager", is_hiring_manager=True),
            Interviewer(name="Chris Young", title="Membership Consultant"),
        ])
    payload = {"application": application_payload(row.application), "interview": interview}
    if change.is_new:
        return InterviewScheduled(**payload)
    if change.changed("status") and row.status == "cancelled":
        return InterviewCancelled(**payload)
    if change.changed("starts_at", "timezone"):
        return InterviewRescheduled(**payload)
    return None


coach.watch(JobApplication, application_event)
coach.watch(HostInterview, interview_event)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(SECRET_KEY="test-secret", INTERVIEW_COACH_BASE_URL="http://jobs.test",
                      INTERVIEW_COACH_MAIL_FROM="Peak Fitness Careers <careers@peak.test>")
    app.config.update(json.loads(os.environ.get("COACH_TEST_CONFIG", "{}")))
    app.config.update(config or {})
    db.init_app(app)
    coach.init_app(app, db=db)
    return app
