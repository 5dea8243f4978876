"""A sample application and interview, for test sends and previews when a job has none."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from interview_coach.plugin.events import (
    Application,
    Candidate,
    Interview,
    Interviewer,
    InterviewScheduled,
    Job,
)

SAMPLE_PROFILE = (
    "Customer success specialist with four years of experience in B2B software.\n"
    "- Kept a book of 60 accounts at 96% renewal by running quarterly business reviews.\n"
    "- Wrote the onboarding guide our support team still uses, cutting first-week tickets by a third.\n"
    "- Comfortable in Salesforce and Zendesk; built the team's weekly Excel churn report.\n"
    "Known for clear communication, patience with frustrated customers and calm prioritisation."
)


def sample_event(email: str, *, job_title: str = "Customer Success Manager", company: str = "Example Co",
                 now: datetime | None = None) -> InterviewScheduled:
    start = (now or datetime.now(UTC)) + timedelta(days=3)
    return InterviewScheduled(
        idempotency_key="sample",
        application=Application(
            id="sample-application",
            job=Job(id="sample-job", title=job_title, company=company,
                    description="Own the relationship with 50 mid-sized customers, from onboarding to renewal.",
                    requirements="Requirements:\n- Customer success or account management experience\n"
                                 "- Salesforce\n- Clear written and spoken communication"),
            candidate=Candidate(id="sample-candidate", name="Sam Sample", email=email, timezone="UTC",
                                profile=SAMPLE_PROFILE, skills=["Salesforce", "Zendesk", "Excel"]),
        ),
        interview=Interview(
            id="sample-interview", stage="onsite", format="video",
            starts_at=start.replace(minute=0, second=0, microsecond=0), duration_minutes=60, timezone="UTC",
            video_link="https://meet.example.com/sample",
            interviewers=[Interviewer(name="Alex Rivera", title="Head of Customer Success", is_hiring_manager=True),
                          Interviewer(name="Jordan Lee", title="Senior Customer Success Manager")],
        ),
    )
