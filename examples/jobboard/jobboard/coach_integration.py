"""How this job board wires Interview Coach. This is the part to copy into your own app.

The job board never calls the plugin from its views. Instead it tells the plugin which
models to watch and how to turn a changed row into one of the plugin's events. The plugin
calls the mappers below after each flush of our session, stores the event in our own
transaction and hands it to its workers only after we commit; a rollback leaves no trace.

Two rules make the Interview watcher see whole interviews:
- Build the interview with its interviewers before adding it to the session, so the
  row and its panel are written in one flush (see ``scheduling.apply_interview_form``).
- Interviewers live in a child table. Changing only the panel does not UPDATE the interview
  row, so nothing would bump its version: the form touches ``Interview.updated_at``.

Wiring (``app.py``)::

    db.init_app(app)
    coach.init_app(app, db=db)
"""

from __future__ import annotations

from interview_coach.plugin import InterviewCoach, RowChange
from interview_coach.plugin.events import (
    Application,
    ApplicationClosed,
    ApplicationSubmitted,
    Candidate,
    Interview,
    InterviewCancelled,
    Interviewer,
    InterviewRescheduled,
    InterviewScheduled,
    Job,
)

from . import models

coach = InterviewCoach()

# A change to any of these means the candidate must be told where and when to show up.
RESCHEDULE_COLUMNS = ("starts_at", "timezone", "format", "location", "video_link")


def application_event(
    row: models.Application, change: RowChange
) -> ApplicationSubmitted | ApplicationClosed | None:
    """New application → submitted; status moved to closed → closed; anything else → nothing."""
    if change.is_deleted:
        return None
    if change.is_new:
        return ApplicationSubmitted(application=application_payload(row))
    if change.changed("status") and row.status == models.ApplicationStatus.CLOSED:
        return ApplicationClosed(application=application_payload(row))
    return None


def interview_event(
    row: models.Interview, change: RowChange
) -> InterviewScheduled | InterviewRescheduled | InterviewCancelled | None:
    """New interview → scheduled; cancelled → cancelled; moved → rescheduled.

    A change of the panel alone bumps the version but sends nothing: the candidate's next
    email (a reminder, say) is composed from the plugin's latest view of the interview.
    """
    if change.is_deleted:
        return None
    if change.is_new:
        return InterviewScheduled(application=application_payload(row.application),
                                  interview=interview_payload(row))
    if row.status == models.InterviewStatus.CANCELLED:
        if change.changed("status"):
            return InterviewCancelled(application=application_payload(row.application),
                                      interview=interview_payload(row), reason=row.cancel_reason)
        return None
    if change.changed(*RESCHEDULE_COLUMNS):
        return InterviewRescheduled(application=application_payload(row.application),
                                    interview=interview_payload(row))
    return None


def application_payload(row: models.Application) -> Application:
    job, candidate = row.job, row.candidate
    return Application(
        id=row.public_id,
        job=Job(
            id=job.public_id,
            title=job.title,
            company=job.company.name,
            company_id=job.company.slug,
            description=job.description,
            requirements=job.requirements,
            location=job.location,
            remote=job.remote,
            seniority=job.seniority or None,
        ),
        candidate=Candidate(
            id=candidate.public_id,
            name=candidate.name,
            email=candidate.email,
            timezone=candidate.timezone,
            locale=candidate.locale,
            profile=candidate.profile,
            skills=candidate.skill_list,
        ),
    )


def interview_payload(row: models.Interview) -> Interview:
    return Interview(
        id=row.public_id,
        stage=row.stage,
        format=row.format,
        starts_at=row.starts_at,  # aware, in UTC (see models.UTCDateTime)
        duration_minutes=row.duration_minutes,
        timezone=row.timezone,
        location=row.location,
        video_link=row.video_link,
        interviewers=[
            Interviewer(name=person.name, title=person.title, role=person.role or None,
                        is_hiring_manager=person.is_hiring_manager)
            for person in row.interviewers
        ],
        # The version after this flush: the plugin ignores anything older than what it has.
        version=row.version,
    )


coach.watch(models.Application, application_event)
coach.watch(models.Interview, interview_event)
