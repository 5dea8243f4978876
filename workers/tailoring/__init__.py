"""Tailoring: reverse-interview questions and skill reminders, as pure functions over plain
data (no Flask, Celery or I/O besides reading the package's own data once)."""

from .model import (
    CandidateInfo,
    InterviewerInfo,
    InterviewerQuestions,
    InterviewInfo,
    JobInfo,
    PrepPlan,
    QuestionPick,
    SkillGroup,
    SkillReminder,
)
from .prep import build_prep_plan

__all__ = [
    "CandidateInfo",
    "InterviewInfo",
    "InterviewerInfo",
    "InterviewerQuestions",
    "JobInfo",
    "PrepPlan",
    "QuestionPick",
    "SkillGroup",
    "SkillReminder",
    "build_prep_plan",
]
