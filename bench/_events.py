"""Realistic events for the benchmarks, built from the example board's seed data.

Each candidate applies to the job their seed entry names; every event gets its own ids and
recipient address, and every profile its own reference line, so nothing the workers cache
per candidate makes a later email cheaper than a real one would be.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from _support import use_example_board

from interview_coach.plugin.events import (
    Application,
    ApplicationSubmitted,
    Candidate,
    Interview,
    Interviewer,
    InterviewScheduled,
    Job,
)

use_example_board()

from jobboard.seed_data.candidates_professional import PROFESSIONAL_CANDIDATES  # noqa: E402
from jobboard.seed_data.candidates_sales_support import SALES_SUPPORT_CANDIDATES  # noqa: E402
from jobboard.seed_data.companies import COMPANIES  # noqa: E402
from jobboard.seed_data.jobs_frontline import FRONTLINE_JOBS  # noqa: E402
from jobboard.seed_data.jobs_office import OFFICE_JOBS  # noqa: E402

_COMPANY_NAMES = {spec["slug"]: spec["name"] for spec in COMPANIES}
_JOBS = {spec["title"]: spec for spec in [*OFFICE_JOBS, *FRONTLINE_JOBS]}
_CANDIDATES: list[dict[str, Any]] = [*SALES_SUPPORT_CANDIDATES, *PROFESSIONAL_CANDIDATES]
_STAGES = ("screen", "skills", "onsite", "final")
_PANELS = (
    (("Luis Ortega", "General Manager", "hiring_manager", True),
     ("Tasha Greene", "Talent Partner", "recruiter", False)),
    (("Dana Brooks", "Engineering Manager", "hiring_manager", True), ("Chris Young", "Senior Engineer", "peer", False)),
    (("Amara Osei", "Director of Operations", "executive", False), ("Ben Clarke", "Team Lead", None, False)),
)

KINDS = ("application_submitted", "interview_scheduled")


def _job(spec: dict[str, Any]) -> Job:
    slug = re.sub(r"[^a-z0-9]+", "-", spec["title"].lower()).strip("-")[:90]
    return Job(id=f"job-{slug}", title=spec["title"],
               company=_COMPANY_NAMES[spec["company"]], company_id=spec["company"], description=spec["description"],
               requirements=spec.get("requirements", ""), location=spec.get("location", ""),
               remote=spec.get("remote"), seniority=spec.get("seniority") or None)


_JOB_MODELS = {title: _job(spec) for title, spec in _JOBS.items()}


def application(prefix: str, index: int) -> Application:
    spec = _CANDIDATES[index % len(_CANDIDATES)]
    candidate = Candidate(
        id=f"{prefix}-cand-{index}", name=spec["name"], email=recipient(prefix, index), timezone=spec["timezone"],
        locale=spec.get("locale", "en"),
        profile=f"{spec['profile']}\nReference: {prefix}-{index}",
        skills=[s.strip() for s in spec.get("skills", "").split(",") if s.strip()])
    return Application(id=f"{prefix}-app-{index}", job=_JOB_MODELS[spec["applies_to"]], candidate=candidate)


def recipient(prefix: str, index: int) -> str:
    return f"{prefix}-{index}@bench.example"


def index_of(address: str) -> int:
    return int(address.partition("@")[0].rpartition("-")[2])


def event(prefix: str, index: int, kind: str, now: datetime | None = None) -> ApplicationSubmitted | InterviewScheduled:
    """``application_submitted`` (a confirmation email) or ``interview_scheduled`` (a tailored
    prep email now, and a reminder planned for the day before)."""
    app = application(prefix, index)
    if kind == "application_submitted":
        return ApplicationSubmitted(application=app)
    start = (now or datetime.now(UTC)) + timedelta(days=3 + index % 7)
    panel = _PANELS[index % len(_PANELS)]
    return InterviewScheduled(application=app, interview=Interview(
        id=f"{prefix}-int-{index}", stage=_STAGES[index % len(_STAGES)], format="video",
        starts_at=start.replace(minute=0, second=0, microsecond=0), duration_minutes=45,
        timezone=app.candidate.timezone, video_link="https://meet.example.com/bench", version=1,
        interviewers=[Interviewer(name=n, title=t, role=r, is_hiring_manager=h) for n, t, r, h in panel]))


def mixed(prefix: str, index: int) -> ApplicationSubmitted | InterviewScheduled:
    """Half confirmations, half tailored prep emails."""
    return event(prefix, index, KINDS[index % 2])
