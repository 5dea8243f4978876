"""The reverse-interview question bank: load ``data/questions.toml`` once, validate, index.

Each ``[[questions]]`` entry has:

- ``id``: stable, dotted, lower case (``sales.quota-attainment``); emails record it, so never
  reuse an id for a different question;
- ``text``: the question, ending with "?"; may hold slots ``{team}``, ``{product}``,
  ``{tool}``, ``{company}``, ``{title}`` filled from the job's own words;
- ``fallback``: required exactly when ``text`` has slots, with no slots itself. It is used
  when any slot cannot be filled from the posting, so a slotted question is never skipped
  and never sent with a hole in it;
- ``why``: one sentence, ending with ".", saying what the answer tells the candidate;
- ``topic``: one of ``TOPICS``; ``roles`` (subset of ``ROLES``); ``stages`` (of ``STAGES``);
- ``families``: ``["any"]`` or job families from ``families.FAMILIES``;
- optional ``seniority`` (subset of ``LEVELS``): the question only suits those levels;
- optional ``work_modes`` (subset of ``WORK_MODES``): only for jobs known to be remote/hybrid;
- optional ``industry = true``: a family question about the business the job sits in
  (member retention at a gym), so it also suits a job whose *secondary* family this is.

Pay (``topic = "pay"``) is only allowed at the final stage, or with a recruiter at the screen
when it asks about the range; ``load_bank`` rejects an entry that breaks this, and the
selection checks it again for the actual interview (``pay_allowed``).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Final

from .families import FAMILIES
from .model import ROLES, STAGES

TOPICS: Final[tuple[str, ...]] = (
    "role", "success", "team", "manager", "growth", "culture",
    "process", "business", "remote", "onboarding", "pay",
)
SLOTS: Final[tuple[str, ...]] = ("team", "product", "tool", "company", "title")
LEVELS: Final[tuple[str, ...]] = ("entry", "mid", "senior", "lead")
WORK_MODES: Final[tuple[str, ...]] = ("remote", "hybrid", "onsite")
ANY_FAMILY: Final = "any"

_ID: Final = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$")
_SLOT: Final = re.compile(r"\{([^{}]*)\}")
_REQUIRED: Final = ("id", "text", "why", "topic", "roles", "stages", "families")
_OPTIONAL: Final = ("fallback", "seniority", "work_modes", "industry")


class QuestionBankError(ValueError):
    """The question bank file is invalid; the message names the entry and the field."""


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    why: str
    topic: str
    roles: frozenset[str]
    stages: frozenset[str]
    families: frozenset[str]  # {"any"} or family names
    seniority: frozenset[str] = frozenset()  # empty: every level
    work_modes: frozenset[str] = frozenset()  # empty: every work mode
    industry: bool = False
    fallback: str | None = None
    slots: tuple[str, ...] = ()

    @property
    def for_any_family(self) -> bool:
        return ANY_FAMILY in self.families


@dataclass(frozen=True)
class QuestionBank:
    questions: tuple[Question, ...]  # sorted by id
    by_id: Mapping[str, Question]
    # (role, family or "any") -> those questions, sorted by id; the selection scores these.
    by_role_family: Mapping[tuple[str, str], tuple[Question, ...]]


def pay_allowed(question: Question, role: str, stage: str) -> bool:
    """Pay comes up only at the final stage, or as the range with a recruiter at the screen."""
    if question.topic != "pay":
        return True
    if stage == "final":
        return True
    return stage == "screen" and role == "recruiter" and "range" in question.text.lower()


def _subset(entry: dict[str, Any], key: str, allowed: tuple[str, ...], qid: str) -> frozenset[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise QuestionBankError(f"question {qid!r}: {key} must be a list of strings")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise QuestionBankError(f"question {qid!r}: unknown {key} {unknown} (expected {allowed})")
    return frozenset(value)


def _text(entry: dict[str, Any], key: str, qid: str, end: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip() or not value.endswith(end):
        raise QuestionBankError(f"question {qid!r}: {key} must be a non-empty string ending with {end!r}")
    if value != " ".join(value.split()):
        raise QuestionBankError(f"question {qid!r}: {key} has stray whitespace")
    return value


def _slots(text: str, qid: str, key: str) -> tuple[str, ...]:
    names = _SLOT.findall(text)
    unknown = sorted(set(names) - set(SLOTS))
    if unknown or text.count("{") != len(names) or text.count("}") != len(names):
        raise QuestionBankError(f"question {qid!r}: {key} has unknown slots {unknown} (expected {SLOTS})")
    return tuple(dict.fromkeys(names))


def _question(entry: dict[str, Any]) -> Question:
    qid = entry.get("id")
    if not isinstance(qid, str) or not _ID.match(qid):
        raise QuestionBankError(f"question id {qid!r} must look like 'topic.some-words'")
    missing = [k for k in _REQUIRED if k not in entry]
    extra = sorted(set(entry) - set(_REQUIRED) - set(_OPTIONAL))
    if missing or extra:
        raise QuestionBankError(f"question {qid!r}: missing fields {missing}, unknown fields {extra}")
    text = _text(entry, "text", qid, "?")
    slots = _slots(text, qid, "text")
    fallback = _text(entry, "fallback", qid, "?") if "fallback" in entry else None
    if bool(slots) != (fallback is not None):
        raise QuestionBankError(f"question {qid!r}: a fallback is required exactly when text has slots")
    if fallback is not None and _slots(fallback, qid, "fallback"):
        raise QuestionBankError(f"question {qid!r}: fallback must not have slots")
    why = _text(entry, "why", qid, ".")
    if _SLOT.search(why):
        raise QuestionBankError(f"question {qid!r}: why must not have slots")
    topic = entry["topic"]
    if topic not in TOPICS:
        raise QuestionBankError(f"question {qid!r}: unknown topic {topic!r} (expected {TOPICS})")
    families = _subset(entry, "families", (ANY_FAMILY, *FAMILIES), qid)
    if not families or (ANY_FAMILY in families and len(families) > 1):
        raise QuestionBankError(f"question {qid!r}: families is ['any'] or a list of families")
    industry = entry.get("industry", False)
    if not isinstance(industry, bool) or (industry and ANY_FAMILY in families):
        raise QuestionBankError(f"question {qid!r}: industry is a boolean, only for family questions")
    question = Question(
        id=qid,
        text=text,
        why=why,
        topic=topic,
        roles=_subset(entry, "roles", ROLES, qid),
        stages=_subset(entry, "stages", STAGES, qid),
        families=families,
        seniority=_subset(entry, "seniority", LEVELS, qid),
        work_modes=_subset(entry, "work_modes", WORK_MODES, qid),
        industry=industry,
        fallback=fallback,
        slots=slots,
    )
    if not question.roles or not question.stages:
        raise QuestionBankError(f"question {qid!r}: roles and stages must not be empty")
    if not all(pay_allowed(question, role, stage) for role in question.roles for stage in question.stages):
        raise QuestionBankError(
            f"question {qid!r}: pay questions are for the final stage, or a recruiter at the screen "
            "asking about the range"
        )
    return question


def parse_bank(text: str) -> QuestionBank:
    """Parse and validate a question bank in TOML; raises ``QuestionBankError``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise QuestionBankError(f"questions.toml is not valid TOML: {exc}") from exc
    entries = data.get("questions")
    if not isinstance(entries, list) or set(data) != {"questions"}:
        raise QuestionBankError("questions.toml must hold only [[questions]] tables")
    questions = sorted((_question(e) for e in entries), key=lambda q: q.id)
    duplicates = sorted(i for i, n in Counter(q.id for q in questions).items() if n > 1)
    if duplicates:
        raise QuestionBankError(f"duplicate question ids: {duplicates}")
    by_role_family: dict[tuple[str, str], list[Question]] = {}
    for question in questions:
        for role in question.roles:
            for family in question.families:
                by_role_family.setdefault((role, family), []).append(question)
    return QuestionBank(
        questions=tuple(questions),
        by_id=MappingProxyType({q.id: q for q in questions}),
        by_role_family=MappingProxyType({key: tuple(qs) for key, qs in by_role_family.items()}),
    )


@cache
def load_bank() -> QuestionBank:
    """The package's own bank, read and validated once per process."""
    source = resources.files(__package__).joinpath("data", "questions.toml")
    return parse_bank(source.read_text(encoding="utf-8"))
