"""The prep plan: reverse-interview questions per interviewer plus skill reminders."""

from __future__ import annotations

from collections.abc import Collection

from .evidence import evidence_quality
from .families import detect_family
from .job_skills import offers_alternatives
from .model import CandidateInfo, InterviewInfo, JobInfo, PrepPlan
from .questions import select_questions
from .skill_matching import match_skills
from .text_sections import _read_heading, object_spans


def build_prep_plan(job: JobInfo, candidate: CandidateInfo, interview: InterviewInfo,
                    already_asked: Collection[str] = ()) -> PrepPlan:
    """Deterministic for the same input, so the admin preview is exactly what is sent."""
    family = detect_family(job)
    questions = select_questions(job, interview, already_asked=frozenset(already_asked), family=family)
    skills = match_skills(job, candidate)
    return PrepPlan(questions=questions, skills=skills.skills, talk_about=skills.talk_about, job_family=family)


def forget_lines() -> None:
    """Empty the caches kept per line across texts (a line's evidence quality, a heading's
    section, whether a requirement offers alternatives, what a sentence says a company sells),
    so that the next text is new line by line too. ``bench/tailoring.py`` does this for its
    "new text" cases: the worst case, as a real text often shares a heading or two with
    earlier ones."""
    evidence_quality.cache_clear()
    offers_alternatives.cache_clear()
    _read_heading.cache_clear()
    object_spans.cache_clear()
