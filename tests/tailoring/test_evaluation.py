"""The tailoring engine against hand-written cases: a coach's expectations, set before any output.

How names, umbrellas, transferables and acceptable skills are scored: see ``evaluate``.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from interview_coach.workers.tailoring import PrepPlan, build_prep_plan
from interview_coach.workers.tailoring.skill_matching import LISTED_EVIDENCE
from interview_coach.workers.tailoring.skill_selection import MAX_RIDERS
from interview_coach.workers.tailoring.skill_taxonomy import load_taxonomy
from tests.tailoring.evaluate import (
    CASES_DIR,
    HOLDOUT_DIR,
    PRECISION_FLOOR,
    RECALL_FLOOR,
    Case,
    case_problems,
    evaluate,
    format_table,
    load_case,
    load_cases,
    score_case,
    skill_key,
    topics_of,
    totals,
)

CASES = load_cases()
HOLDOUT = load_cases(HOLDOUT_DIR)
SHOWCASE = next(case for case in CASES if case.showcase)


def _plan(case: Case) -> PrepPlan:
    return build_prep_plan(case.job, case.candidate, case.interview)


def test_the_cases_cover_the_job_families_with_realistic_texts() -> None:
    assert len(CASES) >= 30
    assert len({case.family for case in CASES}) >= 14
    problems = {case.name: case_problems(case) for case in CASES}
    assert {name: p for name, p in problems.items() if p} == {}


def test_the_held_out_cases_are_valid_and_apart_from_the_tuning_cases() -> None:
    # Written blind, after the engine was tuned on cases/; ``make eval`` reports them apart.
    # Their first-run scores are the honest measure of how the engine does on applications it
    # was not shaped by (docs/tailoring-quality.md).
    assert len(HOLDOUT) >= 12
    assert not {case.name for case in HOLDOUT} & {case.name for case in CASES}
    problems = {case.name: case_problems(case) for case in HOLDOUT}
    assert {name: p for name, p in problems.items() if p} == {}


def _fail_below(cases: tuple[Case, ...], precision_floor: float, recall_floor: float, label: str) -> None:
    results = evaluate(cases)
    total = totals(results)
    precision, recall = total.precision or 0.0, total.recall or 0.0
    if precision < precision_floor or recall < recall_floor:
        pytest.fail(
            f"{label}: precision {precision:.2f} (floor {precision_floor}), "
            f"recall {recall:.2f} (floor {recall_floor})\n\n{format_table(results)}",
            pytrace=False,
        )


def test_skill_reminders_reach_the_precision_and_recall_floors() -> None:
    _fail_below(CASES, PRECISION_FLOOR, RECALL_FLOOR, "tuning cases")


# Where sessions 10 to 12 left the held-out cases, less a margin (106 cases with session 12's
# round 10: 516 of 925 found, precision 0.85, recall 0.56 on the engine as session 12 found it;
# on the 94 cases before that round, 467 of 805, 0.86, 0.58; the engine as session 11 found it:
# 463, 0.857, 0.575; as session 10 found it, on its 70 cases: 317 of 581, 0.84, 0.55): a guard
# against reading worse, not the goal, which they miss (docs/tailoring-quality.md).
HOLDOUT_PRECISION_GUARD = 0.8
HOLDOUT_RECALL_GUARD = 0.54


def test_the_held_out_cases_read_no_worse_than_sessions_10_to_12_left_them() -> None:
    _fail_below(HOLDOUT, HOLDOUT_PRECISION_GUARD, HOLDOUT_RECALL_GUARD, "held-out cases")


@pytest.mark.parametrize("case", CASES + HOLDOUT, ids=lambda case: case.name)
def test_questions_cover_the_topics_a_coach_expects(case: Case) -> None:
    topics = topics_of(_plan(case))
    assert set(case.must_topics) - topics == set(), f"topics asked: {sorted(topics)}"
    assert set(case.must_not_topics) & topics == set(), f"topics asked: {sorted(topics)}"


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w%+]+", " ", text.lower()).split())


def test_showcase_retail_seller_gets_membership_sales_bridged_from_her_own_selling() -> None:
    plan = _plan(SHOWCASE)
    taxonomy = load_taxonomy()
    membership = [s for s in plan.skills if skill_key(s.skill, taxonomy) == "membership_sales"]
    assert len(membership) == 1, [s.skill for s in plan.skills]
    reminder = membership[0]
    # Bridged from one of her own selling skills, not a direct match she never claimed.
    assert reminder.transferable_from is not None
    source = taxonomy.lookup(reminder.transferable_from)
    assert source is not None and source.family == taxonomy.by_id["membership_sales"].family
    assert reminder.bridge and "membership sales" in reminder.bridge.lower()
    # Her evidence is a line of her résumé, not "listed in your skills".
    assert reminder.evidence != LISTED_EVIDENCE
    fragments = [f for f in reminder.evidence.split("…") if f.strip()]
    assert fragments and all(_words(f) in _words(SHOWCASE.candidate.profile) for f in fragments)
    # The questions are for a sales job (at a club), never about pay at this stage.
    assert plan.job_family == "sales"
    reasons = {reason for group in plan.questions for q in group.questions for reason in q.reasons}
    assert "family: sales" in reasons
    assert "pay" not in topics_of(plan)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_same_application_always_gets_the_same_plan(case: Case) -> None:
    reloaded = load_case(CASES_DIR / f"{case.name}.toml")
    assert reloaded == case and reloaded is not case
    first = _plan(case)
    assert _plan(reloaded) == first
    assert build_prep_plan(case.job, case.candidate, case.interview, already_asked=()) == first



@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_email_shows_at_most_eight_items_of_skills(case: Case) -> None:
    plan = _plan(case)
    items = plan.hard_skill_groups + plan.soft_skill_groups
    assert len(items) <= 8
    assert len(plan.skills) <= 8 + MAX_RIDERS
    assert sum(len(item.skills) for item in items) == len(plan.skills)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_bridge_does_not_quote_the_line_the_email_shows_under_it(case: Case) -> None:
    for reminder in _plan(case).skills:
        if reminder.bridge and not reminder.listed:
            assert reminder.evidence.rstrip(".") not in reminder.bridge


def test_a_listed_certificate_meets_the_skill_it_shows_and_nothing_else() -> None:
    # "ServSafe" with its line stands for food safety (the engine folds one into the other).
    case = replace(SHOWCASE, expected_skills=("food safety", "inventory management", "customer service"),
                   expected_transferable=(), acceptable_skills=(), adjudicated_acceptable=())
    plan = _plan(SHOWCASE)
    reminder = plan.skills[0]
    listed = tuple(replace(reminder, skill=name) for name in ("ServSafe", "Customer service"))
    result = score_case(case, replace(plan, skills=listed))
    assert result.hits == {"food safety": "ServSafe", "customer service": "Customer service"}
    assert result.misses == ("inventory management",)
    assert result.false_positives == ()
