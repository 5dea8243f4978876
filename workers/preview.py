"""Previews: what an email of a given kind would say for a real application or interview
(or a sample candidate), composed by the very function that sends it.

The admin's preview page and the "send a test to me" task both come through here, so a
test is the preview, only addressed to the recruiter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from interview_coach.plugin.events import Event, Job, parse_event
from interview_coach.plugin.tables import DeliveryRow, EventRow

from .compose import Composed, compose
from .context import WorkerContext
from .rendering import RenderedEmail
from .samples import sample_event
from .timefmt import format_when

SAMPLE = "sample"
SAMPLE_ADDRESS = "sam.sample@example.com"
INTERVIEW_KINDS = ("interview_prep", "interview_reminder", "interview_rescheduled", "interview_cancelled")
_APPLICATION_EVENTS = ("application_submitted",)
_INTERVIEW_EVENTS = ("interview_scheduled", "interview_rescheduled", "interview_cancelled")
# A job's recent events are enough to offer a choice; older ones can still be previewed by id.
_RECENT_EVENTS = 300


@dataclass(frozen=True)
class SampleJob:
    """What the host knows about a job that has no applications yet."""

    id: str
    title: str
    company: str
    company_id: str = ""
    description: str = ""
    requirements: str = ""
    location: str = ""


@dataclass(frozen=True)
class PreviewSource:
    """An application or interview a preview can be composed for (its latest event)."""

    value: str  # the event id, as posted by the form
    label: str


@dataclass(frozen=True)
class Preview:
    kind: str
    source: str  # an event id, or "sample"
    event: Event
    composed: Composed
    delivery: DeliveryRow | None  # the email planned from this event, if there is one
    is_sample: bool


def _job_id_of(row: EventRow) -> str | None:
    payload: dict[str, Any] = row.payload or {}
    return payload.get("application", {}).get("job", {}).get("id")


def _label(event: Event) -> str:
    candidate = event.application.candidate.name
    interview = getattr(event, "interview", None)
    if interview is None:
        return f"{candidate}: application of {event.occurred_at:%d %b %Y}"
    status = {"interview_cancelled": "cancelled", "interview_rescheduled": "moved"}.get(event.kind, "scheduled")
    return f"{candidate}: {interview.stage}, {format_when(interview.starts_at, interview.timezone)} ({status})"


def preview_sources(session: Session, job_id: str, kind: str) -> list[PreviewSource]:
    """The applications (for ``application_received``) or interviews (other kinds) of this
    job, newest first, each by its latest event."""
    kinds = _INTERVIEW_EVENTS if kind in INTERVIEW_KINDS else _APPLICATION_EVENTS
    rows = session.scalars(
        select(EventRow).where(EventRow.kind.in_(kinds), EventRow.payload.is_not(None),
                               EventRow.payload[("application", "job", "id")].as_string() == job_id)
        .order_by(EventRow.id.desc()).limit(_RECENT_EVENTS)).all()
    sources: list[PreviewSource] = []
    seen: set[str] = set()
    for row in rows:
        subject = row.subject_id or str(row.id)
        if subject in seen or row.payload is None:
            continue
        seen.add(subject)
        sources.append(PreviewSource(str(row.id), _label(parse_event(row.payload))))
    return sources


def sample_for(job: SampleJob, email: str = SAMPLE_ADDRESS, now: datetime | None = None) -> Event:
    """The sample candidate and interview, for this job (its own text where the host gave it)."""
    event = sample_event(email, job_title=job.title, company=job.company, now=now or datetime.now(UTC))
    base = event.application.job
    posting = Job(id=job.id, title=job.title, company=job.company, company_id=job.company_id or None,
                  description=job.description or base.description, requirements=job.requirements or base.requirements,
                  location=job.location)
    return event.model_copy(update={"application": event.application.model_copy(update={"job": posting})})


def load_event(session: Session, job_id: str, source: str) -> Event | None:
    """The event behind a source, if it exists and belongs to this job."""
    if not source.isdigit():
        return None
    row = session.get(EventRow, int(source))
    if row is None or row.payload is None or _job_id_of(row) != job_id:
        return None
    return parse_event(row.payload)


def already_asked(session: Session, application_id: str, exclude_delivery: int | None) -> list[str]:
    """Questions earlier emails of this application sent: the sender leaves them out, so
    the preview must too."""
    stmt = select(DeliveryRow.question_ids).where(DeliveryRow.application_id == application_id,
                                                  DeliveryRow.status == "sent")
    if exclude_delivery is not None:
        stmt = stmt.where(DeliveryRow.id != exclude_delivery)
    return [q for ids in session.scalars(stmt).all() if ids for q in ids]


def build_preview(session: Session, ctx: WorkerContext, job: SampleJob, kind: str, source: str,
                  unsubscribe_email: str | None = None) -> Preview:
    """Compose ``kind`` for ``source`` (an event id of this job, or "sample"). An unknown
    source falls back to the sample. The unsubscribe link is the candidate's, or that of
    ``unsubscribe_email`` (a test send must never carry a link that unsubscribes the candidate)."""
    event = load_event(session, job.id, source) if source != SAMPLE else None
    delivery = None
    asked: list[str] = []
    if event is not None:
        event_id = int(source)
        delivery = session.scalars(select(DeliveryRow).where(DeliveryRow.event_id == event_id,
                                                             DeliveryRow.kind == kind)).first()
        asked = already_asked(session, event.application.id, delivery.id if delivery else None)
    if event is None or (kind in INTERVIEW_KINDS and getattr(event, "interview", None) is None):
        event, source, delivery, asked = sample_for(job), SAMPLE, None, []
    unsubscribe_url = ctx.unsubscribe_url(unsubscribe_email or event.application.candidate.email)
    composed = compose(ctx.renderer, kind, event, unsubscribe_url=unsubscribe_url, already_asked=asked,
                       company_name=ctx.company_name)
    return Preview(kind=kind, source=source, event=event, composed=composed, delivery=delivery,
                   is_sample=source == SAMPLE)


def addressed_to(composed: Composed, email: str, name: str, subject_prefix: str = "[Test] ") -> Composed:
    """The same email, sent to someone else (a recruiter's test)."""
    rendered = composed.rendered
    return Composed(rendered=RenderedEmail(subject=subject_prefix + rendered.subject, html=rendered.html,
                                           text=rendered.text),
                    plan=composed.plan, recipient=email, recipient_name=name)
