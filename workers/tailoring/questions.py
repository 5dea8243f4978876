"""Choose the reverse-interview questions for one prep email.

``select_questions`` returns 5 to 8 questions grouped per interviewer, best-fitting first
(fewer only when the history has used up every fitting question).

- **How many.** One interviewer gets 6 questions, two get 3 each, three get 2 each; four to
  eight share 8 (at least one each, extra ones going first to the hiring manager, then the
  executive, then peers). Past eight interviewers the first eight listed get one each and
  the others no group. No interviewers listed: one group for "your interviewer", whose role
  is the stage's usual one (a screen is with a recruiter). When an interviewer runs out of
  unasked questions, the others take extra ones until the email has ``MIN_QUESTIONS``.
- **Which.** A question must suit the interviewer's role, the job's family (or any family),
  the job's seniority and work mode when it names them; it must not be in ``already_asked``
  and pay must be allowed (``question_bank.pay_allowed``). ``question_scoring`` ranks the
  candidates: family first, then stage, role, seniority, work mode and filled slots.
  Questions written for another stage are only used when an interviewer would otherwise
  get too few.
- **Diversity.** Interviewers pick in turns, each taking its best remaining question after
  penalties for a topic already in the email (``TOPIC_REPEAT``, more for the same
  interviewer) and for another question from the same family (``FAMILY_REPEAT``), so an
  email mixes the craft, the industry and general questions. A topic appears at most
  ``MAX_PER_TOPIC`` times unless nothing else is left, and no question twice.
- **The essentials first.** Each role has topics a careful coach would cover with that
  person before anything else, most essential first (``CORE_TOPICS``: with a hiring manager,
  how success is judged, then the team, the role and how the work is done; the team, then the
  work, with a peer...). With a recruiter or the hiring manager, what the job adds comes second:
  working apart for a remote or hybrid job, the way up a posting promises ("a path to loan
  officer") and how new hires learn the job when it says ("your first 90 days paired with a
  senior tech"); then the field's own (orientation, in healthcare). A question on one of them gets
  ``CORE_TOPIC`` and ``CORE_STEP`` more for each place higher, while the email has none on
  that topic yet: a hiring manager with three questions and five such topics gets the most
  essential ones, not whichever the family's questions happen to cover.
- **Deterministic.** No randomness; ties go to the smaller question id.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from .model import InterviewerInfo, InterviewerQuestions, InterviewInfo, JobInfo, QuestionPick
from .question_context import JobContext, job_context
from .question_scoring import Candidate, ranked, reasons
from .roles import STAGE_DEFAULT_ROLE, assign_roles
from .stages import normalise_stage

MIN_QUESTIONS: Final = 5
MAX_QUESTIONS: Final = 8
NO_INTERVIEWER_NAME: Final = "your interviewer"

TOPIC_REPEAT: Final = 12
SAME_INTERVIEWER_TOPIC: Final = 12
FAMILY_REPEAT: Final = 15
MAX_PER_TOPIC: Final = 2
CORE_TOPIC: Final = 14
CORE_STEP: Final = 6  # each place higher in a role's order of core topics
CORE_TOPICS: Final[dict[str, tuple[str, ...]]] = {
    # Most essential first. Pay reaches a recruiter only as the range question at a screen
    # (question_bank.pay_allowed).
    "recruiter": ("role", "process", "team", "pay"),
    "hiring_manager": ("success", "team", "role", "process"),
    "peer": ("team", "process", "role"),
    "cross_functional": ("process", "team"),
    "executive": ("business", "success", "growth"),
    "panel": ("role", "team", "success"),
}
# What a coach would add for a whole field: in nursing, how long and how supported the
# orientation is decides whether a new hire survives the first months.
FAMILY_CORE_TOPICS: Final[dict[str, tuple[str, ...]]] = {"healthcare": ("onboarding",)}
_NO_CORE: Final[Mapping[str, int]] = MappingProxyType({})
_HIRING: Final = ("recruiter", "hiring_manager")  # those who hire: they answer for the job's terms

_EXTRA_PRIORITY: Final = ("hiring_manager", "executive", "peer", "cross_functional", "panel", "recruiter")
# A slot, with a possessive after it: "Iron Peak Fitness's" but "Acme Stores'".
_SLOT: Final = re.compile(r"\{(\w+)\}('s\b)?")


def quotas(interviewers: Sequence[str]) -> tuple[int, ...]:
    """Questions per interviewer, given their roles in listed order."""
    count = len(interviewers)
    shared = min(count, MAX_QUESTIONS)
    if shared == 0:
        return ()
    total = 6 if count <= 3 else MAX_QUESTIONS
    base, extra = divmod(total, shared)
    order = sorted(range(shared), key=lambda i: (_EXTRA_PRIORITY.index(interviewers[i]), i))
    boosted = set(order[:extra])
    return tuple((base + (1 if i in boosted else 0)) if i < shared else 0 for i in range(count))


@dataclass
class _Email:
    """What has been picked so far, across all interviewers."""

    used: set[str]  # already asked in earlier emails, then picked in this one
    topics: dict[str, int]

    def best(self, candidates: Sequence[Candidate], mine: list[Candidate], capped: bool,
             core: Mapping[str, int] = _NO_CORE) -> Candidate | None:
        my_topics = [c.topic for c in mine]
        my_buckets = [c.bucket for c in mine if c.bucket != "any"]
        topics, used = self.topics, self.used
        # Only the core bonus can lift a score (-rank) and only while a core topic is unused; once
        # even that cannot reach the best so far, nothing later in the list (best first) can win.
        lift = max((bonus for topic, bonus in core.items() if topic not in topics), default=0)
        best: Candidate | None = None
        best_score = 0
        for candidate in candidates:
            if best is not None and best_score + candidate.rank > lift:
                break
            if candidate.id in used:
                continue
            topic = candidate.topic
            topic_uses = topics.get(topic, 0)
            if capped and topic_uses >= MAX_PER_TOPIC:
                continue
            score = -candidate.rank - TOPIC_REPEAT * topic_uses
            if topic_uses == 0:
                score += core.get(topic, 0)
            if my_topics:
                score -= SAME_INTERVIEWER_TOPIC * my_topics.count(topic) + FAMILY_REPEAT * my_buckets.count(
                    candidate.bucket
                )
            if best is None or score > best_score or (score == best_score and candidate.id < best.id):
                best, best_score = candidate, score
        return best

    def take(self, candidate: Candidate) -> None:
        self.used.add(candidate.id)
        topic = candidate.topic
        self.topics[topic] = self.topics.get(topic, 0) + 1


def _core_bonuses(role: str, job_core: tuple[str, ...], family_core: tuple[str, ...]) -> dict[str, int]:
    """Each core topic's bonus, the most essential first: the role's first topic, then what the
    job adds (working apart, a promised way up, how new hires learn the job), then the field's,
    then the role's others."""
    first, *rest = CORE_TOPICS[role]
    topics = list(dict.fromkeys((first, *job_core, *family_core, *rest)))
    return {topic: CORE_TOPIC + CORE_STEP * (len(topics) - 1 - i) for i, topic in enumerate(topics)}


def _fill(value: str, possessive: str | None) -> str:
    if not possessive:
        return value
    return value + ("'" if value.endswith("s") else "'s")


def _pick(candidate: Candidate, role: str, stage: str, context: JobContext) -> QuestionPick:
    question = candidate.question
    text = question.fallback or question.text
    if candidate.filled:
        values = context.slot_values(question.families)
        text = _SLOT.sub(lambda m: _fill(values[m.group(1)], m.group(2)), question.text)
    return QuestionPick(
        question_id=question.id,
        text=text,
        why=question.why,
        topic=question.topic,
        reasons=reasons(candidate, role, stage, context),
    )


class _JobQuestions:
    """What the selection reads for one job, kept with it: the ranked candidates per role and
    stage, and each question as worded for this posting. Neither depends on the candidate or
    the history, so only the first email for a job pays for them."""

    def __init__(self, job: JobInfo, family: str | None) -> None:
        self.context = job_context(job, family)
        self._pools: dict[tuple[str, str, bool], tuple[Candidate, ...]] = {}
        self._picks: dict[tuple[str, str, str, str], QuestionPick] = {}

    def pool(self, role: str, stage: str, other_stages: bool = False) -> tuple[Candidate, ...]:
        key = (role, stage, other_stages)
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = tuple(ranked(role, stage, self.context, other_stages))
        return pool

    def pick(self, candidate: Candidate, role: str, stage: str) -> QuestionPick:
        key = (candidate.id, candidate.bucket, role, stage)
        pick = self._picks.get(key)
        if pick is None:
            pick = self._picks[key] = _pick(candidate, role, stage, self.context)
        return pick


@lru_cache(maxsize=1024)
def _job_questions(job: JobInfo, family: str | None) -> _JobQuestions:
    return _JobQuestions(job, family)


def select_questions(
    job: JobInfo,
    interview: InterviewInfo,
    already_asked: Collection[str] = frozenset(),
    family: str | None = None,
) -> tuple[InterviewerQuestions, ...]:
    """The questions for one prep email, grouped per interviewer (see the module docstring).

    ``family`` overrides the detected primary family (``families.detect_family``);
    ``already_asked`` holds the question ids earlier emails for this application sent.

    The choice depends on the job, the interview and the history only, never on the
    candidate, so it is cached: the candidates a job's panel meets at one stage get the same
    questions, and only the first pays for choosing them.
    """
    asked = frozenset(already_asked)
    try:
        hash((job, interview))
    except TypeError:  # a host passed a list of interviewers: choose without the cache
        return _select(job, interview, asked, family)
    return _selected(job, interview, asked, family)


@lru_cache(maxsize=1024)
def _selected(
    job: JobInfo, interview: InterviewInfo, already_asked: frozenset[str], family: str | None
) -> tuple[InterviewerQuestions, ...]:
    return _select(job, interview, already_asked, family)


def _select(
    job: JobInfo, interview: InterviewInfo, already_asked: frozenset[str], family: str | None
) -> tuple[InterviewerQuestions, ...]:
    stage = normalise_stage(interview.stage)
    cached = _job_questions(job, family)
    context = cached.context
    interviewers: Sequence[InterviewerInfo] = interview.interviewers  # a host may pass a list
    if interviewers:
        job_families = [f for f in (context.primary, context.secondary) if f]
        roles = assign_roles(interviewers, job_families, stage)
    else:
        interviewers = (InterviewerInfo(name=NO_INTERVIEWER_NAME),)
        roles = (STAGE_DEFAULT_ROLE[stage],)
    wanted = quotas(roles)
    pools = {role: cached.pool(role, stage) for role in dict.fromkeys(roles)}
    email = _Email(used=set(already_asked), topics={})
    # A remote or hybrid job: those who set the policy should say how the team works apart.
    remote_core = ("remote",) if context.work_mode in ("remote", "hybrid") else ()
    family_core = FAMILY_CORE_TOPICS.get(context.primary or "", ())
    # A promised way up: the people who hire should say what it takes.
    path_core = ("growth",) if context.career_path else ()
    # How new hires learn the job, when the posting describes it: worth asking how it goes.
    ramp_core = ("onboarding",) if context.ramp_up else ()
    hiring = remote_core + path_core + ramp_core
    cores = {role: _core_bonuses(role, hiring if role in _HIRING else (), family_core) for role in pools}
    picked: list[list[Candidate]] = [[] for _ in interviewers]

    def pick_one(index: int) -> bool:
        role, mine = roles[index], picked[index]
        pool = pools[role]
        choice = email.best(pool, mine, capped=True, core=cores[role]) or email.best(pool, mine, capped=False)
        if choice is None:  # other stages' questions, ranked only when needed
            choice = email.best(cached.pool(role, stage, other_stages=True), mine, capped=False)
        if choice is not None:
            email.take(choice)
            mine.append(choice)
        return choice is not None

    for _round in range(max(wanted, default=0)):
        for index in range(len(roles)):
            if len(picked[index]) < wanted[index]:
                pick_one(index)
    # Someone ran out (a long history): the others top the email up to the minimum.
    topping_up = True
    while topping_up and sum(map(len, picked)) < MIN_QUESTIONS:
        topping_up = False
        for index in range(min(len(roles), MAX_QUESTIONS)):
            if sum(map(len, picked)) < MIN_QUESTIONS and pick_one(index):
                topping_up = True
    return tuple(
        InterviewerQuestions(
            interviewer_name=interviewer.name,
            interviewer_title=interviewer.title,
            role=role,
            questions=tuple(cached.pick(c, role, stage) for c in chosen),
        )
        for interviewer, role, chosen in zip(interviewers, roles, picked, strict=True)
        if chosen
    )
