"""The shortcuts that make tailoring fast give the same answers as the plain way."""

from __future__ import annotations

import random
import re

import pytest

from interview_coach.workers.tailoring.evidence import _EDUCATION_RE, about_education
from interview_coach.workers.tailoring.job_skills import _ALTERNATIVES_RE, _offers_alternatives, forget_jobs
from interview_coach.workers.tailoring.model import CandidateInfo, InterviewerInfo, InterviewInfo, JobInfo
from interview_coach.workers.tailoring.question_context import _PRODUCT, _TEAM, _article_starts, _name_before
from interview_coach.workers.tailoring.questions import _job_questions, _selected, select_questions
from interview_coach.workers.tailoring.skill_matching import _candidate_skills, match_skills
from interview_coach.workers.tailoring.skill_taxonomy import load_taxonomy
from interview_coach.workers.tailoring.skills import REQUIRED, read_postings
from interview_coach.workers.tailoring.term_index import PhraseIndex, terms_of
from interview_coach.workers.tailoring.text_sections import object_spans

TRICKY = (
    "Join our Growth team. The Atlas platform and our Nova app; the Iron Peak Fitness team.",
    "Others Team, theOur Ops team, bathe Core team, The The Team, OUR Team rocks.",
    "our amazing Data Platform team works with the  Payments   Suite software\nour\nBig Team",
)


def _name_by_finditer(pattern: re.Pattern[str], text: str, company: str) -> str | None:
    """``_name_before`` as it was written first: the pattern tried at every position."""
    return _name_before(pattern, text, company, [m.start() for m in pattern.finditer(text)])


@pytest.mark.parametrize("text", TRICKY)
def test_slot_names_are_looked_for_only_after_our_or_the_with_the_same_result(text: str) -> None:
    starts = _article_starts(text)
    for pattern, company in ((_TEAM, "Iron Peak Fitness"), (_PRODUCT, "")):
        assert {m.start() for m in pattern.finditer(text)} <= set(starts)
        assert _name_before(pattern, text, company, starts) == _name_by_finditer(pattern, text, company)


def test_present_names_the_phrases_find_finds() -> None:
    index = PhraseIndex(["git", "pull request", "ci/cd", "sql", "Epic"], case_sensitive=["Epic"])
    for text in ("Pull requests; our git-based CI/CD runs SQL/Python. Charting in Epic.", "an epic pull request"):
        assert index.present(text) == set(index.find(text))


def test_the_terms_of_two_texts_add_up_to_the_terms_of_both() -> None:
    first, second = "Sales-driven team\nwith HubSpot", "CI/CD and fp&a, cold calling"
    joined = terms_of(f"{first}\n{second}")
    added = terms_of(first) + terms_of(second)
    assert (added.tokens, added.words) == (joined.tokens, joined.words)
    index = PhraseIndex(["team with", "calling", "cd"])
    assert index.find(f"{first}\n{second}", added) == index.find(f"{first}\n{second}")


def test_a_candidate_read_before_is_matched_as_if_read_afresh() -> None:
    profile = "- Beat my sales quota by 20% for six months.\n- Trained 4 new hires."
    candidate = CandidateInfo("Maya", profile, ("Excel",))
    job = JobInfo("Membership Sales Consultant", "Peak", requirements="- Sales experience\n- Excel\n- Training")
    first = match_skills(job, candidate)
    _candidate_skills.cache_clear()
    forget_jobs()
    assert match_skills(job, candidate) == first


def test_questions_chosen_before_for_a_panel_are_the_ones_chosen_afresh() -> None:
    job = JobInfo("Membership Sales Consultant", "Peak Fitness", "Sell memberships on the gym floor.")
    panel = (InterviewerInfo("Dana", "Sales Manager", is_hiring_manager=True), InterviewerInfo("Lee", "Recruiter"))
    interview = InterviewInfo("onsite", "in person", panel)
    first = select_questions(job, interview)
    _selected.cache_clear()
    _job_questions.cache_clear()
    assert select_questions(job, interview) == first
    # The history is part of what the choice depends on: a later email never repeats one.
    asked = {q.question_id for group in first for q in group.questions}
    later = select_questions(job, interview, already_asked=asked)
    assert later and asked.isdisjoint(q.question_id for group in later for q in group.questions)
    # A host that passes its interviewers as a list (unhashable) gets the same choice.
    listed = InterviewInfo("onsite", "in person", list(panel))  # type: ignore[arg-type]
    assert select_questions(job, listed) == first


def test_the_alternatives_shortcut_agrees_with_the_pattern() -> None:
    pieces = ["or", " or ", "Or", "either", "similar", "one of", "any of", "one  of", "one\tof", "one,of",
              "for", "store", "/", "_", "-", ",", "(", ")", " ", "\t", "é", "–", "1", "x", "\x7f"]
    rng = random.Random(3)
    lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(20_000)]
    for line in lines:
        assert _offers_alternatives(line) == bool(_ALTERNATIVES_RE.search(line)), line


def test_the_scan_flags_every_sentence_that_says_what_a_company_sells() -> None:
    # Only the sentences the scan flags (a hit starts with a word of OBJECT_WORDS) are read for
    # what a company sells or whom someone sells to: each verb the patterns know must be
    # flagged, or its sentences would never be read. One verb per sentence, so that no other
    # flagged word hides a missing one.
    verbs = ["sells", "builds", "makes", "offers", "provides", "develops", "designs", "creates", "manufactures",
             "produces", "sell", "selling", "sold", "prospect", "prospects", "prospecting", "prospected", "pitch",
             "pitches", "pitching", "pitched", "We build", "We're making", "We are selling", "we offer"]
    names = ["Acme", "Iron Peak", "Northwind of Ohio", "the", "HR"]
    objects = ["to", "into", "to", "payroll", "software", "HR", "teams", "for", "the"]
    gaps = [" ", " ", " ", " ", ", ", "; ", ": ", "-", "'", "’"]
    rng = random.Random(11)
    taxonomy = load_taxonomy()
    spoken = 0
    for verb in verbs:
        for _ in range(300):
            words = [*rng.choices(names, k=rng.randint(0, 2)), verb, *rng.choices(objects, k=rng.randint(0, 4))]
            sentence = "".join(word + rng.choice(gaps) for word in words)
            if object_spans(sentence):
                spoken += 1
                flagged: set[int] = set()
                taxonomy.scan([sentence], objects=flagged)
                assert flagged == {0}, sentence
    assert spoken > 300  # the sentences do exercise the patterns (470 with this seed)


def test_the_education_shortcut_agrees_with_the_pattern() -> None:
    pieces = ["University", "university", "UNIVERSITY", "College", "coursework", "Course", "degree", "Degrees",
              "bootcamp", "Student", "diploma", "Bachelor's", "bachelors", "Masters", "master", "B.S.", "BS.", "B.A.",
              "BA.", "BS", "b.s.", "GPA", "gpa", "Academy", "Certificate program", "certificate", "jobs.", "Cuba.",
              "x", "un", "iversity", "-", " ", "'", ".", "3.9", "é", "\t"]
    rng = random.Random(5)
    lines = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(20_000)]
    lines += [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(20_000)]
    for line in lines:
        assert about_education(line) == bool(_EDUCATION_RE.search(line)), line


def test_a_posting_read_in_one_scan_reads_as_its_parts_one_by_one() -> None:
    parts = [
        ("Senior Go Developer", REQUIRED),
        ("- Go and SQL\n- Salesforce or HubSpot", REQUIRED),
        ("We write Go. Our store manager trains you.\nNice to have:\n- Excel (pivot tables)", None),
        ("", None),
    ]
    assert read_postings(parts) == [read_postings([part])[0] for part in parts]
