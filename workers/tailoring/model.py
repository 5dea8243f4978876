"""Plain values in and out of tailoring.

Tailoring sees only these frozen dataclasses: no pydantic event models, no ORM rows, so the
engine can be tested (and benchmarked) without Flask, Celery or a database. The composer in
``workers/compose.py`` converts an event payload into these inputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# Interview stages, earliest first. Hosts may send other words; ``stages.normalise_stage``
# maps them onto these.
STAGES: tuple[str, ...] = ("screen", "skills", "onsite", "final")

# Who is across the table. ``tailoring.roles.detect_role`` maps a job title onto these.
ROLES: tuple[str, ...] = (
    "recruiter",
    "hiring_manager",
    "peer",
    "cross_functional",
    "executive",
    "panel",
)


@dataclass(frozen=True)
class JobInfo:
    title: str
    company: str
    description: str = ""
    requirements: str = ""
    location: str = ""
    remote: str | None = None  # "remote" | "hybrid" | "onsite" | None (unknown)
    seniority: str | None = None


@dataclass(frozen=True)
class CandidateInfo:
    name: str
    profile: str = ""
    skills: tuple[str, ...] = ()


@dataclass(frozen=True)
class InterviewerInfo:
    name: str
    title: str = ""
    role: str | None = None  # one of ROLES when the host knows it
    is_hiring_manager: bool = False


@dataclass(frozen=True)
class InterviewInfo:
    stage: str
    format: str = "video"
    # A tuple lets the chosen questions be cached; a host's list works too, uncached.
    interviewers: Sequence[InterviewerInfo] = ()


@dataclass(frozen=True)
class QuestionPick:
    """One reverse-interview question chosen for one interviewer."""

    question_id: str
    text: str
    why: str
    topic: str
    # Why the engine chose it, for the admin preview (e.g. "stage: onsite", "family: sales").
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class InterviewerQuestions:
    interviewer_name: str
    interviewer_title: str
    role: str
    questions: tuple[QuestionPick, ...]


@dataclass(frozen=True)
class SkillReminder:
    """A skill of the candidate's that the job asks for, with the line that shows it."""

    skill: str
    kind: str  # "hard" | "soft"
    evidence: str
    required: bool
    # For a transferable skill: the candidate's own skill that bridges to the job's.
    transferable_from: str | None = None
    bridge: str | None = None
    # Only in the candidate's list of skills: ``evidence`` is then no line of theirs.
    listed: bool = False


@dataclass(frozen=True)
class SkillGroup:
    """Reminders an email shows as one item, because one line of the candidate's shows them
    all ("Sales" and "Upselling", both from "Upsold protection plans on 38% of TV sales"), or
    because they are all only in the candidate's list of skills. A transferable reminder stands
    alone: its bridge speaks of one skill."""

    skills: tuple[SkillReminder, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.skill for s in self.skills)

    @property
    def required_names(self) -> tuple[str, ...]:
        """The skills of the group the job requires (the others it mentions or would like)."""
        return tuple(s.skill for s in self.skills if s.required)

    @property
    def evidence(self) -> str:
        return self.skills[0].evidence

    @property
    def bridge(self) -> str | None:
        return self.skills[0].bridge

    @property
    def transferable_from(self) -> str | None:
        return self.skills[0].transferable_from

    @property
    def listed(self) -> bool:
        return self.skills[0].listed


def item_of(kind: str, evidence: str, listed: bool, bridged: bool) -> tuple[str, str, bool] | None:
    """The item of the email a reminder is shown in (``group_reminders``; matching uses it to
    know what a reminder costs the email); None for a transferable one, an item of its own."""
    return None if bridged else (kind, evidence, listed)


def group_reminders(reminders: Sequence[SkillReminder]) -> tuple[SkillGroup, ...]:
    """``reminders`` as the items an email shows, in order: each group where its first skill was."""
    groups: list[list[SkillReminder]] = []
    by_item: dict[tuple[str, str, bool], list[SkillReminder]] = {}
    for reminder in reminders:
        item = item_of(reminder.kind, reminder.evidence, reminder.listed,
                       bool(reminder.bridge or reminder.transferable_from))
        if item is None:
            groups.append([reminder])
        elif item in by_item:
            by_item[item].append(reminder)
        else:
            by_item[item] = [reminder]
            groups.append(by_item[item])
    return tuple(SkillGroup(tuple(group)) for group in groups)


@dataclass(frozen=True)
class PrepPlan:
    questions: tuple[InterviewerQuestions, ...]
    skills: tuple[SkillReminder, ...]
    # One or two required skills with no evidence: "be ready to talk about".
    talk_about: tuple[str, ...] = ()
    # Family detected for the job, for the admin preview.
    job_family: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(q.question_id for group in self.questions for q in group.questions)

    @property
    def hard_skills(self) -> tuple[SkillReminder, ...]:
        return tuple(s for s in self.skills if s.kind == "hard")

    @property
    def soft_skills(self) -> tuple[SkillReminder, ...]:
        return tuple(s for s in self.skills if s.kind == "soft")

    @property
    def hard_skill_groups(self) -> tuple[SkillGroup, ...]:
        """``hard_skills`` as the email shows them (``SkillGroup``)."""
        return group_reminders(self.hard_skills)

    @property
    def soft_skill_groups(self) -> tuple[SkillGroup, ...]:
        """``soft_skills`` as the email shows them (``SkillGroup``)."""
        return group_reminders(self.soft_skills)
