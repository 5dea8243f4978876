"""Render the showcase prep email (retail sales associate → fitness membership sales) as the
golden tests see it. `python -m tests.golden.render_showcase` rewrites the golden files;
read them before committing: they are reviewed by eye, not trusted."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from interview_coach.plugin.events import InterviewScheduled, parse_event
from interview_coach.workers.compose import compose
from interview_coach.workers.rendering import EmailRenderer, RenderedEmail
from tests.tailoring.evaluate import CASES_DIR, load_case

HERE = Path(__file__).resolve().parent
CASE = "retail_to_fitness_membership_sales"
UNSUBSCRIBE = "https://jobs.example.com/coach/unsubscribe/TOKEN"


def showcase_event() -> InterviewScheduled:
    case = load_case(CASES_DIR / f"{CASE}.toml")
    job, candidate, interview = case.job, case.candidate, case.interview
    return parse_event({  # type: ignore[return-value]
        "kind": "interview_scheduled",
        "application": {
            "id": "showcase",
            "job": {"id": "j-showcase", "title": job.title, "company": job.company, "description": job.description,
                    "requirements": job.requirements},
            "candidate": {"id": "c-showcase", "name": candidate.name, "email": "candidate@example.com",
                          "timezone": "America/Denver", "profile": candidate.profile, "skills": list(candidate.skills)},
        },
        "interview": {"id": "i-showcase", "stage": interview.stage, "format": "onsite",
                      "starts_at": datetime(2031, 3, 4, 17, 30, tzinfo=UTC).isoformat(), "timezone": "America/Denver",
                      "duration_minutes": 45, "location": f"{job.company}, 1200 Pearl St, Boulder",
                      "interviewers": [{"name": i.name, "title": i.title, "role": i.role,
                                        "is_hiring_manager": i.is_hiring_manager} for i in interview.interviewers]},
    })


def render_showcase() -> RenderedEmail:
    return compose(EmailRenderer(), "interview_prep", showcase_event(), unsubscribe_url=UNSUBSCRIBE).rendered


def main() -> int:
    rendered = render_showcase()
    (HERE / "interview_prep.txt").write_text(f"Subject: {rendered.subject}\n\n{rendered.text}")
    (HERE / "interview_prep.html").write_text(rendered.html)
    print(f"wrote {HERE / 'interview_prep.txt'} and .html: read them before committing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
