"""The job board's own tables. Nothing here knows about Interview Coach: the plugin learns
about applications and interviews by watching these models (see ``coach_integration.py``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, ClassVar
from uuid import uuid4

from sqlalchemy import DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from .extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in Python, naive UTC in the database (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("store aware datetimes only; a naive one has no defined instant")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def new_public_id() -> str:
    return uuid4().hex


class PublicIdMixin:
    """A random id for everything we hand to other systems (the plugin included).

    Integer keys restart at 1 when the demo database is reset, while the plugin's event log
    lives on: "application 1" of the new database would look like a repeat of the old one.
    """

    public_id: Mapped[str] = mapped_column(String(32), unique=True, default=new_public_id)


class RemotePolicy(StrEnum):
    REMOTE = "remote"
    HYBRID = "hybrid"
    ONSITE = "onsite"


class ApplicationStatus(StrEnum):
    SUBMITTED = "submitted"
    CLOSED = "closed"


class InterviewStage(StrEnum):
    SCREEN = "screen"
    SKILLS = "skills"
    ONSITE = "onsite"
    FINAL = "final"


class InterviewFormat(StrEnum):
    PHONE = "phone"
    VIDEO = "video"
    ONSITE = "onsite"


class InterviewStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


class InterviewerRole(StrEnum):
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    PEER = "peer"
    CROSS_FUNCTIONAL = "cross_functional"
    EXECUTIVE = "executive"


class Company(db.Model):
    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    tagline: Mapped[str] = mapped_column(String(200), default="")

    jobs: Mapped[list[Job]] = relationship(back_populates="company", order_by="Job.id")
    recruiters: Mapped[list[Recruiter]] = relationship(back_populates="company")


class Job(PublicIdMixin, db.Model):
    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"))
    title: Mapped[str] = mapped_column(String(160))
    description: Mapped[str] = mapped_column(Text)
    requirements: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(String(160), default="")
    remote: Mapped[str] = mapped_column(String(10), default=RemotePolicy.ONSITE)
    seniority: Mapped[str] = mapped_column(String(40), default="")
    employment_type: Mapped[str] = mapped_column(String(80), default="Full-time")
    salary_range: Mapped[str] = mapped_column(String(80), default="")
    posted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # Joined: every page that shows a job shows its company, and so does the Interview Coach
    # mapper, which runs inside the flush (a lazy load there is one more query per apply).
    company: Mapped[Company] = relationship(back_populates="jobs", lazy="joined")
    applications: Mapped[list[Application]] = relationship(back_populates="job")


class Candidate(PublicIdMixin, db.Model):
    __tablename__ = "candidates"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    locale: Mapped[str] = mapped_column(String(16), default="en")
    profile: Mapped[str] = mapped_column(Text, default="")
    skills: Mapped[str] = mapped_column(Text, default="")  # comma-separated, as typed

    applications: Mapped[list[Application]] = relationship(back_populates="candidate")

    @property
    def skill_list(self) -> list[str]:
        return [skill.strip() for skill in self.skills.split(",") if skill.strip()]


class Application(PublicIdMixin, db.Model):
    __tablename__ = "applications"
    __table_args__ = (UniqueConstraint("job_id", "candidate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id"))
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id"))
    status: Mapped[str] = mapped_column(String(20), default=ApplicationStatus.SUBMITTED)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    job: Mapped[Job] = relationship(back_populates="applications")
    candidate: Mapped[Candidate] = relationship(back_populates="applications")
    interviews: Mapped[list[Interview]] = relationship(
        back_populates="application", cascade="all, delete-orphan", order_by="Interview.starts_at"
    )

    @property
    def is_open(self) -> bool:
        return self.status != ApplicationStatus.CLOSED

    @property
    def upcoming_interview(self) -> Interview | None:
        now = utcnow()
        upcoming = [i for i in self.interviews if i.is_scheduled and i.starts_at >= now]
        return upcoming[0] if upcoming else None


class Interview(PublicIdMixin, db.Model):
    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    stage: Mapped[str] = mapped_column(String(20), default=InterviewStage.SCREEN)
    format: Mapped[str] = mapped_column(String(10), default=InterviewFormat.VIDEO)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)  # UTC; `timezone` is how people see it
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")  # IANA name
    duration_minutes: Mapped[int] = mapped_column(default=45)
    location: Mapped[str] = mapped_column(String(300), default="")
    video_link: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(String(20), default=InterviewStatus.SCHEDULED)
    cancel_reason: Mapped[str] = mapped_column(String(300), default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # SQLAlchemy sets this to 1 on INSERT and bumps it on every UPDATE of the row (and
    # refuses an UPDATE whose version no longer matches: optimistic locking for free).
    version: Mapped[int] = mapped_column(nullable=False)

    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}

    application: Mapped[Application] = relationship(back_populates="interviews")
    interviewers: Mapped[list[Interviewer]] = relationship(
        back_populates="interview", cascade="all, delete-orphan", order_by="Interviewer.position"
    )

    @property
    def is_scheduled(self) -> bool:
        return self.status == InterviewStatus.SCHEDULED


class Interviewer(db.Model):
    """One panelist of one interview (a child row of the interview)."""

    __tablename__ = "interviewers"

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id"))
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(160), default="")
    role: Mapped[str] = mapped_column(String(30), default="")  # an InterviewerRole, or "" if unknown
    is_hiring_manager: Mapped[bool] = mapped_column(default=False)

    interview: Mapped[Interview] = relationship(back_populates="interviewers")


class Recruiter(db.Model):
    __tablename__ = "recruiters"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"))
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), unique=True)

    company: Mapped[Company] = relationship(back_populates="recruiters")
