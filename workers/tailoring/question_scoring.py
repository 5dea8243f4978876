"""How well a bank question fits one interviewer of one job, best first.

Scores (higher is better):

- family: the job's primary family ``FAMILY_PRIMARY``; its secondary family
  ``FAMILY_SECONDARY`` (questions marked ``industry`` only); a question for any family 0;
- stage: written for this stage ``STAGE_MATCH``; otherwise ``STAGE_DISTANCE`` off per step
  to its nearest stage (such questions are only used when an interviewer would get too few);
- ``FOCUSED_ROLE`` for a question written for this role alone (half for two roles);
- ``SENIORITY_MATCH`` / ``WORK_MODE_MATCH`` for a question limited to the job's level or work
  mode (others never qualify); ``SLOTS_FILLED`` when the posting fills its slots.

Everything but the job-dependent parts is computed once per (role, stage, family) and kept,
so a call only filters the few conditional questions and adds the family and slot bonuses.
"""

from __future__ import annotations

from functools import cache
from typing import Final, NamedTuple

from .families import FAMILIES
from .model import STAGES
from .question_bank import ANY_FAMILY, Question, load_bank, pay_allowed
from .question_context import JobContext

FAMILY_PRIMARY: Final = 30
FAMILY_SECONDARY: Final = 20
STAGE_MATCH: Final = 10
STAGE_DISTANCE: Final = 8
FOCUSED_ROLE: Final = 4
SENIORITY_MATCH: Final = 5
WORK_MODE_MATCH: Final = 3
SLOTS_FILLED: Final = 3


class Candidate(NamedTuple):
    rank: int  # minus the score, so candidates sort best first, then by id
    id: str
    question: Question
    bucket: str  # the family it was chosen for, or "any"
    filled: bool  # the posting fills its slots (else the fallback wording is used)
    topic: str  # the question's, at hand for the selection's inner loop

    @property
    def score(self) -> int:
        return -self.rank


class _Pool(NamedTuple):
    fixed: tuple[Candidate, ...]  # scores that do not depend on the job
    conditional: tuple[tuple[int, Question], ...]  # seniority, work mode or slots to check


def _nearest_stage(question: Question, stage: str) -> tuple[int, str]:
    here = STAGES.index(stage)
    return min((abs(STAGES.index(s) - here), s) for s in question.stages)


@cache
def _static(role: str, stage: str, family: str, secondary: bool, other_stages: bool) -> _Pool:
    """The bank's questions for one role, stage and family, scored once and kept."""
    bonus = FAMILY_SECONDARY if secondary else FAMILY_PRIMARY if family != ANY_FAMILY else 0
    fixed: list[Candidate] = []
    conditional: list[tuple[int, Question]] = []
    for question in load_bank().by_role_family.get((role, family), ()):
        if (secondary and not question.industry) or not pay_allowed(question, role, stage):
            continue
        if (stage in question.stages) == other_stages:
            continue
        score = bonus + {1: FOCUSED_ROLE, 2: FOCUSED_ROLE // 2}.get(len(question.roles), 0)
        score += SENIORITY_MATCH if question.seniority else 0
        score += WORK_MODE_MATCH if question.work_modes else 0
        if other_stages:
            score -= STAGE_DISTANCE * _nearest_stage(question, stage)[0]
        else:
            score += STAGE_MATCH
        if question.seniority or question.work_modes or question.slots or secondary:
            conditional.append((score, question))
        else:
            fixed.append(Candidate(-score, question.id, question, family, False, question.topic))
    return _Pool(tuple(fixed), tuple(conditional))


def ranked(role: str, stage: str, context: JobContext, other_stages: bool = False) -> list[Candidate]:
    """Candidates written for ``stage`` (or, with ``other_stages``, for other stages), best first."""
    sources = [(ANY_FAMILY, False)]
    if context.primary in FAMILIES:
        sources.append((context.primary, False))
    if context.secondary in FAMILIES:
        sources.append((context.secondary, True))
    candidates: list[Candidate] = []
    for family, secondary in sources:
        pool = _static(role, stage, family, secondary, other_stages)
        candidates.extend(pool.fixed)
        for score, question in pool.conditional:
            if question.seniority and context.level not in question.seniority:
                continue
            if question.work_modes and context.work_mode not in question.work_modes:
                continue
            if secondary and context.primary in question.families:
                continue  # already offered for the primary family
            filled = bool(question.slots) and context.can_fill(question.slots, question.families)
            total = score + SLOTS_FILLED if filled else score
            candidates.append(Candidate(-total, question.id, question, family, filled, question.topic))
    candidates.sort()
    return candidates


def reasons(candidate: Candidate, role: str, stage: str, context: JobContext) -> tuple[str, ...]:
    """Why the candidate was chosen, for the admin preview."""
    question = candidate.question
    why = [f"family: {candidate.bucket}", f"role: {role.replace('_', ' ')}"]
    if stage in question.stages:
        why.append(f"stage: {stage}")
    else:
        why.append(f"stage: written for {_nearest_stage(question, stage)[1]}, nearest to {stage}")
    if question.seniority:
        why.append(f"seniority: {context.level}")
    if question.work_modes:
        why.append(f"work mode: {context.work_mode}")
    if candidate.filled:
        why.append("from the posting: " + ", ".join(question.slots))
    return tuple(why)
