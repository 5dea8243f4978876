"""Composing one email: the template variables of its kind, rendered, as a MIME message.

Tailoring happens here (for ``interview_prep``), from the event payload the delivery was
planned for, so the admin preview and the sent email come from the same function.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import Header
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from email.utils import format_datetime, formataddr, parseaddr
from typing import Any

from interview_coach.plugin.events import Event, Interview
from interview_coach.workers.tailoring import (
    CandidateInfo,
    InterviewerInfo,
    InterviewInfo,
    JobInfo,
    PrepPlan,
    build_prep_plan,
)

from .rendering import EmailRenderer, RenderedEmail
from .timefmt import format_duration, format_when

# CRLF line endings; headers folded at RFC 5322's 998, not 78: at 78 Python folds a
# 70-character subject onto its own line, and some clients then show it with a leading space.
_POLICY = compat32.clone(linesep="\r\n", max_line_length=998)

STAGE_LABELS = {"screen": "screening call", "skills": "skills interview", "onsite": "interview",
                "final": "final interview"}


@dataclass(frozen=True)
class Composed:
    rendered: RenderedEmail
    plan: PrepPlan | None
    recipient: str
    recipient_name: str


def tailoring_inputs(event: Event) -> tuple[JobInfo, CandidateInfo, InterviewInfo | None]:
    job, candidate = event.application.job, event.application.candidate
    job_info = JobInfo(title=job.title, company=job.company, description=job.description,
                       requirements=job.requirements, location=job.location, remote=job.remote,
                       seniority=job.seniority)
    candidate_info = CandidateInfo(name=candidate.name, profile=candidate.profile, skills=tuple(candidate.skills))
    interview: Interview | None = getattr(event, "interview", None)
    interview_info = None
    if interview is not None:
        interview_info = InterviewInfo(
            stage=interview.stage, format=interview.format,
            interviewers=tuple(InterviewerInfo(name=i.name, title=i.title, role=i.role,
                                               is_hiring_manager=i.is_hiring_manager)
                               for i in interview.interviewers))
    return job_info, candidate_info, interview_info


def _interview_context(interview: Interview, zone: str) -> dict[str, Any]:
    from interview_coach.workers.tailoring.stages import normalise_stage

    stage = normalise_stage(interview.stage)
    return {
        "id": interview.id,
        "stage": stage,
        "stage_name": interview.stage,
        "stage_label": STAGE_LABELS.get(stage, "interview"),
        "format": interview.format,
        "when": format_when(interview.starts_at, zone),
        "when_interviewer_zone": format_when(interview.starts_at, interview.timezone)
        if interview.timezone != zone else None,
        "duration": format_duration(interview.duration_minutes),
        "location": interview.location,
        "video_link": interview.video_link,
        "interviewers": [i.model_dump() for i in interview.interviewers],
    }


def template_context(kind: str, event: Event, *, unsubscribe_url: str, plan: PrepPlan | None,
                     company_name: str | None = None) -> dict[str, Any]:
    """The variables every template of ``kind`` gets (listed in the README's email table)."""
    application = event.application
    candidate = application.candidate
    context: dict[str, Any] = {
        "kind": kind,
        "candidate": {"name": candidate.name, "first_name": candidate.name.split()[0],
                      "timezone": candidate.timezone},
        "job": {"id": application.job.id, "title": application.job.title, "company": application.job.company,
                "location": application.job.location, "remote": application.job.remote},
        "company_name": company_name or application.job.company,
        "unsubscribe_url": unsubscribe_url,
        "interview": None,
        "plan": plan,
        "cancel_reason": getattr(event, "reason", "") or "",
    }
    interview = getattr(event, "interview", None)
    if interview is not None:
        context["interview"] = _interview_context(interview, candidate.timezone)
    return context


def compose(renderer: EmailRenderer, kind: str, event: Event, *, unsubscribe_url: str,
            already_asked: Collection[str] = (), company_name: str | None = None) -> Composed:
    plan = None
    if kind == "interview_prep":
        job, candidate, interview = tailoring_inputs(event)
        assert interview is not None, "interview_prep is planned from interview events only"
        plan = build_prep_plan(job, candidate, interview, already_asked)
    context = template_context(kind, event, unsubscribe_url=unsubscribe_url, plan=plan, company_name=company_name)
    candidate = event.application.candidate
    return Composed(rendered=renderer.render(kind, context), plan=plan, recipient=candidate.email,
                    recipient_name=candidate.name)


def build_message(composed: Composed, *, sender: str, message_id: str, unsubscribe_url: str,
                  reply_to: str | None = None, now: datetime | None = None) -> Message:
    """A multipart/alternative message: a plain-text part, then the HTML part.

    Built with the ``compat32`` MIME classes, whose headers are plain strings: the default
    policy parses every header into objects and took 0.9 ms per email, half of all the
    CPU of sending one after tailoring (``bench/p2_throughput.py``). So the two checks
    that policy made are made here: no header may hold a line break, and non-ASCII text is
    encoded (RFC 2047). Bodies are base64, which any server takes, and the boundary comes
    from the Message-ID: ``=_`` never occurs in base64, and a fixed boundary spares the
    generator a regex compiled for each email.
    """
    for name, raw in (("Subject", composed.rendered.subject), ("To", composed.recipient_name),
                      ("To", composed.recipient), ("From", sender), ("Reply-To", reply_to or ""),
                      ("Message-ID", message_id), ("List-Unsubscribe", unsubscribe_url)):
        if "\r" in raw or "\n" in raw:
            raise ValueError(f"the {name} header would contain a line break")
    display_name, address = parseaddr(sender)
    headers = {
        "Subject": _encoded(composed.rendered.subject),
        "From": formataddr((display_name, address), charset="utf-8"),
        "To": formataddr((composed.recipient_name, composed.recipient), charset="utf-8"),
        "Reply-To": formataddr(parseaddr(reply_to), charset="utf-8") if reply_to else None,
        "Date": format_datetime(now or datetime.now(UTC)),
        "Message-ID": message_id,
        # RFC 8058 one-click unsubscribe: mail clients POST to the same URL the body links to
        # (a GET there shows a confirmation page, so link scanners unsubscribe no one).
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }
    boundary = "=_coach_" + hashlib.sha256(message_id.encode()).hexdigest()[:24]
    message = MIMEMultipart("alternative", boundary=boundary, policy=_POLICY)
    for name, value in headers.items():
        if value is not None:
            message[name] = value
    message.attach(MIMEText(composed.rendered.text, "plain", "utf-8", policy=_POLICY))
    message.attach(MIMEText(composed.rendered.html, "html", "utf-8", policy=_POLICY))
    return message


def _encoded(value: str) -> str:
    return value if value.isascii() else Header(value, "utf-8").encode()
