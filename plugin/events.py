"""The host contract: one versioned event schema for signals, model watchers and the webhook.

Every way in produces one of the five event models below. They are pydantic v2 models so a
bad payload is rejected with the path of the field at fault; ``docs/event-schema.json`` is
exported from them (``flask coach schema``).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StringConstraints,
    TypeAdapter,
    field_validator,
)

SCHEMA_VERSION = 1

EventKind = Literal[
    "application_submitted",
    "interview_scheduled",
    "interview_rescheduled",
    "interview_cancelled",
    "application_closed",
]
EVENT_KINDS: tuple[str, ...] = EventKind.__args__  # type: ignore[attr-defined]

# Names, titles and ids travel into email headers and subjects: one line, bounded length.
# No control characters and nothing any email library reads as a line break (Python's
# str.splitlines also breaks on \x1c-\x1e, \x85, \u2028 and \u2029).
_ONE_LINE = r"^[^\x00-\x1f\x7f\x85\u2028\u2029]*$"
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=_ONE_LINE)]
OptionalLine = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300, pattern=_ONE_LINE)]
Identifier = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=_ONE_LINE)]
LongText = Annotated[str, StringConstraints(max_length=50_000)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


def _check_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown IANA time zone {value!r} (expected e.g. 'Europe/London')") from None
    return value


class Job(_Model):
    id: Identifier
    title: Line
    company: Line
    company_id: Identifier | None = Field(default=None, description="Defaults to the company name.")
    description: LongText = ""
    requirements: LongText = ""
    location: OptionalLine = ""
    remote: Literal["remote", "hybrid", "onsite"] | None = None
    seniority: OptionalLine | None = None

    @property
    def company_key(self) -> str:
        return self.company_id or self.company


class Candidate(_Model):
    id: Identifier
    name: Line
    email: EmailStr
    timezone: str = "UTC"
    locale: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")] = "en"
    profile: LongText = Field(default="", description="Profile or résumé text.")
    skills: list[Line] = Field(default_factory=list, max_length=200)

    _zone = field_validator("timezone")(_check_zone)


class Interviewer(_Model):
    name: Line
    title: OptionalLine = ""
    role: Literal["recruiter", "hiring_manager", "peer", "cross_functional", "executive", "panel"] | None = None
    is_hiring_manager: bool = False


class Interview(_Model):
    id: Identifier
    stage: Line = Field(description="screen, skills/technical, onsite/loop, final, or the host's own word.")
    format: Literal["phone", "video", "onsite"] = "video"
    starts_at: AwareDatetime
    duration_minutes: int = Field(default=60, ge=5, le=24 * 60)
    timezone: str = "UTC"
    location: OptionalLine = ""
    video_link: OptionalLine = ""
    interviewers: list[Interviewer] = Field(default_factory=list, max_length=20)
    version: int | None = Field(default=None, ge=0, description="Host's revision number; newer wins.")

    _zone = field_validator("timezone")(_check_zone)


class Application(_Model):
    id: Identifier
    job: Job
    candidate: Candidate


class _Event(_Model):
    schema_version: Literal[1] = SCHEMA_VERSION
    idempotency_key: Identifier | None = Field(
        default=None, description="Host's event id. Without one: kind + resource id + version."
    )
    occurred_at: AwareDatetime = Field(default_factory=lambda: datetime.now(UTC))
    application: Application

    def subject_id(self) -> str:
        return self.application.id

    def version_marker(self) -> str:
        return ""

    def key(self) -> str:
        """The idempotency key: a repeated event with the same key is a no-op."""
        if self.idempotency_key:
            return self.idempotency_key
        marker = self.version_marker()
        if not marker:
            # No host id and no version: the event's own content identifies it, so the very
            # same payload sent twice is one event.
            body = self.model_dump(mode="json", exclude={"idempotency_key", "occurred_at"})
            marker = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:24]
        return f"{self.kind}:{self.subject_id()}:{marker}"  # type: ignore[attr-defined]


class ApplicationSubmitted(_Event):
    kind: Literal["application_submitted"] = "application_submitted"

    def version_marker(self) -> str:
        return "1"  # an application is submitted once


class ApplicationClosed(_Event):
    kind: Literal["application_closed"] = "application_closed"

    def version_marker(self) -> str:
        return "1"


class _InterviewEvent(_Event):
    interview: Interview

    def subject_id(self) -> str:
        return self.interview.id

    def version_marker(self) -> str:
        return "" if self.interview.version is None else f"v{self.interview.version}"


class InterviewScheduled(_InterviewEvent):
    kind: Literal["interview_scheduled"] = "interview_scheduled"


class InterviewRescheduled(_InterviewEvent):
    kind: Literal["interview_rescheduled"] = "interview_rescheduled"


class InterviewCancelled(_InterviewEvent):
    kind: Literal["interview_cancelled"] = "interview_cancelled"
    reason: OptionalLine = ""


Event = Annotated[
    ApplicationSubmitted | InterviewScheduled | InterviewRescheduled | InterviewCancelled | ApplicationClosed,
    Field(discriminator="kind"),
]
event_adapter: TypeAdapter[Event] = TypeAdapter(Event)


def parse_event(data: Any) -> Event:
    """Validate a dict (or JSON bytes/str) into an event; raises ``pydantic.ValidationError``."""
    if isinstance(data, (bytes, str)):
        return event_adapter.validate_json(data)
    return event_adapter.validate_python(data)


def json_schema() -> dict[str, Any]:
    schema = event_adapter.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Interview Coach event, schema version {SCHEMA_VERSION}"
    return schema


def schema_text() -> str:
    """The schema as committed in ``docs/event-schema.json``."""
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
