"""The mappers of ``coach_integration.py``, with a hand-made stand-in for the plugin's
``RowChange`` and rows that never touch a database: the mapping rules, nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any


@dataclass
class Change:
    """Stands in for the plugin's RowChange: the same four members, nothing else."""

    is_new: bool = False
    is_deleted: bool = False
    changed_attrs: set[str] = field(default_factory=set)

    def changed(self, *names: str) -> bool:
        return any(name in self.changed_attrs for name in names)

    def previous(self, name: str) -> Any:
        return None


def _rows() -> tuple[Any, Any]:
    from jobboard import models

    company = models.Company(slug="summit-street-fitness", name="Summit Street Fitness")
    job = models.Job(public_id="job1", company=company, title="Membership Sales Consultant",
                     description="Sell memberships.", requirements="## What you'll need\n- Sales",
                     location="Denver, CO", remote="onsite", seniority="")
    candidate = models.Candidate(public_id="cand1", name="Jordan Alvarez", email="jordan.alvarez@example.com",
                                 timezone="America/Denver", locale="en-US", profile="- Beat quota by 20%",
                                 skills="Sales, Upselling, ")
    application = models.Application(public_id="app1", job=job, candidate=candidate, status="submitted")
    interview = models.Interview(
        public_id="int1", application=application, stage="screen", format="video",
        starts_at=datetime(2030, 3, 4, 17, 0, tzinfo=UTC), timezone="America/Denver", duration_minutes=30,
        location="", video_link="https://meet.example.com/x", status="scheduled", cancel_reason="", version=3,
        interviewers=[models.Interviewer(name="Luis Ortega", title="GM", role="hiring_manager",
                                         is_hiring_manager=True),
                      models.Interviewer(name="Ana Lee", title="Coach", role="", is_hiring_manager=False)],
    )
    return application, interview


def test_application_mapper_follows_the_rules() -> None:
    from jobboard.coach_integration import application_event

    application, _ = _rows()
    submitted = application_event(application, Change(is_new=True))
    assert submitted is not None
    assert submitted.kind == "application_submitted"
    assert submitted.application.id == "app1"
    assert submitted.application.job.company_id == "summit-street-fitness"
    assert submitted.application.job.seniority is None
    assert submitted.application.candidate.skills == ["Sales", "Upselling"]

    assert application_event(application, Change(changed_attrs={"status"})) is None  # still submitted
    application.status = "closed"
    closed = application_event(application, Change(changed_attrs={"status"}))
    assert closed is not None
    assert closed.kind == "application_closed"
    assert application_event(application, Change(is_deleted=True)) is None


def test_interview_mapper_follows_the_rules() -> None:
    from jobboard.coach_integration import interview_event

    _, interview = _rows()
    scheduled = interview_event(interview, Change(is_new=True))
    assert scheduled is not None
    assert scheduled.kind == "interview_scheduled"
    assert scheduled.interview.starts_at == datetime(2030, 3, 4, 17, 0, tzinfo=UTC)
    assert scheduled.interview.version == 3
    assert [(p.name, p.role, p.is_hiring_manager) for p in scheduled.interview.interviewers] == [
        ("Luis Ortega", "hiring_manager", True), ("Ana Lee", None, False)]

    for column in ("starts_at", "timezone", "format", "location", "video_link"):
        moved = interview_event(interview, Change(changed_attrs={column, "version"}))
        assert moved is not None
        assert moved.kind == "interview_rescheduled", column
    assert interview_event(interview, Change(changed_attrs={"stage", "updated_at", "version"})) is None

    interview.status, interview.cancel_reason = "cancelled", "The role was filled."
    cancelled = interview_event(interview, Change(changed_attrs={"status", "version"}))
    assert cancelled is not None
    assert cancelled.kind == "interview_cancelled"
    assert cancelled.reason == "The role was filled."
    assert interview_event(interview, Change(changed_attrs={"starts_at"})) is None  # moving a cancelled one
