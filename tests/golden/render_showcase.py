"""Render the golden prep emails as the golden tests see them: the showcase (retail sales
associate → fitness membership sales) and two more evaluation cases that show what the
showcase does not (``GOLDEN_CASES``). `python -m tests.golden.render_showcase` rewrites the
golden files; read them before committing: they are reviewed by eye, not trusted."""

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
# Case -> the stem of its golden files. Besides the showcase: two interviewers and two bridges
# (the designer); a skill only in the candidate's list, an item that quotes one line for two
# skills, and two things to be ready to talk about (the events coordinator).
GOLDEN_CASES = {
    CASE: "interview_prep",
    "graphic_designer_to_product_designer": "interview_prep_designer",
    "event_coordinator_to_executive_assistant": "interview_prep_assistant",
}
UNSUBSCRIBE = "https://jobs.example.com/coach/unsubscribe/TOKEN"


def showcase_event(name: str = CASE) -> InterviewScheduled:
    case = load_case(CASES_DIR / f"{name}.toml")
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


def render_showcase(name: str = CASE) -> RenderedEmail:
    return compose(EmailRenderer(), "interview_prep", showcase_event(name), unsubscribe_url=UNSUBSCRIBE).rendered


def main() -> int:
    for name, stem in GOLDEN_CASES.items():
        rendered = render_showcase(name)
        (HERE / f"{stem}.txt").write_text(f"Subject: {rendered.subject}\n\n{rendered.text}")
        (HERE / f"{stem}.html").write_text(rendered.html)
        print(f"wrote {HERE / stem}.txt and .html: read them before committing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
