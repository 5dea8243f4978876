"""The question bank as a whole: size, validity, tone and the rules every entry must keep."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

from interview_coach.workers.tailoring.families import FAMILIES
from interview_coach.workers.tailoring.model import ROLES, STAGES
from interview_coach.workers.tailoring.question_bank import (
    ANY_FAMILY,
    SLOTS,
    TOPICS,
    Question,
    QuestionBankError,
    load_bank,
    parse_bank,
)

BANK = load_bank()
QUESTIONS = BANK.questions


def _word_list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Words that would make a question about a protected characteristic (age, family status,
# religion, health or disability, pregnancy, ethnicity or race, nationality or citizenship,
# sexual orientation, gender). "Orientation" alone is new-starter onboarding, so only
# "sexual" is listed for that one.
PROTECTED_WORDS = _word_list(
    """
    age aged ageing aging old older young younger retire retirement birthday married marriage
    marital spouse husband wife children child kids family families childcare pregnant pregnancy
    maternity paternity parental religion religious church faith pray prayer health disability
    disabilities disabled illness sick race racial ethnic ethnicity nationality citizen
    citizenship visa immigration born native accent sexual sexuality gay lesbian transgender
    gender sex dating caste
    """
)
PAY_WORDS = (
    *_word_list(
        """
    pay paid salary salaries compensation bonus bonuses equity commission commissions benefits
    pto vacation raise raises 401k pension overtime tips wage wages perks earn earns earnings
    """
    ),
    "stock options",
)


def _words(question: Question) -> list[str]:
    return [t for t in (question.text, question.fallback, question.why) if t]


def _has_word(text: str, words: tuple[str, ...]) -> list[str]:
    lowered = text.lower()
    return [w for w in words if re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", lowered)]


def _tokens(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9']+", re.sub(r"\{\w+\}", " ", text.lower())))


def test_the_bank_holds_at_least_220_questions() -> None:
    assert len(QUESTIONS) >= 220


def test_every_entry_uses_known_topics_roles_stages_and_families() -> None:
    for q in QUESTIONS:
        assert q.topic in TOPICS, q.id
        assert q.roles, q.id
        assert q.roles <= set(ROLES), q.id
        assert q.stages, q.id
        assert q.stages <= set(STAGES), q.id
        assert q.families == {ANY_FAMILY} or q.families <= set(FAMILIES), q.id


def test_every_why_is_one_sentence_ending_with_a_period() -> None:
    for q in QUESTIONS:
        assert q.why.endswith("."), q.id
        assert not re.search(r"[.!?] [A-Z]", q.why), f"{q.id}: more than one sentence"
        assert len(q.why.split()) >= 6, q.id


def test_every_question_is_a_question() -> None:
    for q in QUESTIONS:
        assert q.text.endswith("?"), q.id
        assert q.fallback is None or q.fallback.endswith("?"), q.id


def test_slotted_questions_use_known_slots_and_carry_a_slot_free_fallback() -> None:
    slotted = [q for q in QUESTIONS if q.slots]
    assert len(slotted) >= 20
    for q in slotted:
        assert set(q.slots) <= set(SLOTS), q.id
        assert q.fallback, q.id
        assert "{" not in q.fallback, q.id
    assert {s for q in slotted for s in q.slots} == set(SLOTS)


def test_no_question_touches_a_protected_characteristic() -> None:
    for q in QUESTIONS:
        for text in _words(q):
            assert not _has_word(text, PROTECTED_WORDS), f"{q.id}: {_has_word(text, PROTECTED_WORDS)}"


def test_pay_and_benefits_only_at_the_final_stage_or_as_the_range_with_a_recruiter_at_the_screen() -> None:
    for q in QUESTIONS:
        mentions_pay = any(_has_word(t, PAY_WORDS) for t in (q.text, q.fallback) if t)
        if q.topic != "pay":
            assert not mentions_pay, f"{q.id} talks about pay but is not a pay question"
            continue
        for stage in q.stages:
            assert stage == "final" or (
                stage == "screen" and q.roles == {"recruiter"} and "range" in q.text
            ), q.id


def test_no_two_questions_are_near_duplicates() -> None:
    texts = [(q.id, t) for q in QUESTIONS for t in (q.text, q.fallback) if t]
    for (id_a, a), (id_b, b) in itertools.combinations(texts, 2):
        if id_a == id_b:
            continue
        ta, tb = _tokens(a), _tokens(b)
        assert len(ta & tb) / len(ta | tb) < 0.8, (id_a, id_b)


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_has_its_own_questions(family: str) -> None:
    own = [q for q in QUESTIONS if family in q.families]
    assert len(own) >= 8
    assert len({q.topic for q in own}) >= 4


def test_there_are_at_least_fourteen_families() -> None:
    assert len(FAMILIES) >= 14


@pytest.mark.parametrize(("role", "stage"), [(r, s) for r in ROLES for s in ("onsite", "final")])
def test_every_role_has_general_questions_at_the_main_stages(role: str, stage: str) -> None:
    general = [q for q in QUESTIONS if q.for_any_family and role in q.roles and stage in q.stages]
    assert len(general) >= 5
    assert len({q.topic for q in general}) >= 4


def test_topics_are_all_used_and_balanced() -> None:
    counts = Counter(q.topic for q in QUESTIONS)
    assert set(counts) == set(TOPICS)
    assert max(counts.values()) < len(QUESTIONS) / 3


def test_ids_are_unique_and_sorted() -> None:
    ids = [q.id for q in QUESTIONS]
    assert ids == sorted(set(ids))


ENTRY = """
[[questions]]
id = "role.example"
topic = "{topic}"
roles = ["{role}"]
stages = ["{stage}"]
families = ["any"]
text = "{text}"
why = "It tells you something useful."
"""


def test_loader_accepts_a_valid_entry() -> None:
    bank = parse_bank(ENTRY.format(topic="role", role="peer", stage="onsite", text="What is it like?"))
    assert [q.id for q in bank.questions] == ["role.example"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"topic": "weather"}, "unknown topic"),
        ({"role": "boss"}, "unknown roles"),
        ({"stage": "lunch"}, "unknown stages"),
        ({"topic": "pay", "text": "What is the bonus?"}, "pay questions"),
        ({"topic": "pay", "stage": "screen", "text": "What is the bonus?", "role": "recruiter"}, "pay"),
        ({"text": "How is the {team} team?"}, "fallback is required"),
        ({"text": "How is the {budget}?"}, "unknown slots"),
        ({"text": "No question mark."}, "ending with '?'"),
    ],
)
def test_loader_rejects_an_invalid_entry_naming_the_problem(fields: dict[str, str], message: str) -> None:
    values = {"topic": "role", "role": "peer", "stage": "onsite", "text": "What is it like?"} | fields
    with pytest.raises(QuestionBankError, match=re.escape(message)):
        parse_bank(ENTRY.format(**values))


def test_loader_rejects_duplicate_ids() -> None:
    entry = ENTRY.format(topic="role", role="peer", stage="onsite", text="What is it like?")
    with pytest.raises(QuestionBankError, match="duplicate"):
        parse_bank(entry + entry)
