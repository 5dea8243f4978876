"""The prep plan: reverse-interview questions per interviewer plus skill reminders."""

from __future__ import annotations

from collections.abc import Collection

from .families import detect_family
from .model import CandidateInfo, InterviewInfo, JobInfo, PrepPlan
from .questions import select_questions
from .skill_matching import match_skills


def build_prep_plan(job: JobInfo, candidate: CandidateInfo, interview: InterviewInfo,
                    already_asked: Collection[str] = ()) -> PrepPlan:
    """Deterministic for the same input, so the admin preview is exactly what is sent."""
    family = detect_family(job)
    questions = select_questions(job, interview, already_asked=frozenset(already_asked), family=family)
    skills = match_skills(job, candidate)
    return PrepPlan(questions=questions, skills=skills.skills, talk_about=skills.talk_about, job_family=family)
