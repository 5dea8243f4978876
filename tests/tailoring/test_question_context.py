"""Reading a posting's own words for the question slots, its level and its work mode."""

from __future__ import annotations

import pytest

from interview_coach.workers.tailoring.model import JobInfo
from interview_coach.workers.tailoring.question_context import job_context, job_level, work_mode
from interview_coach.workers.tailoring.term_index import PhraseIndex


def context(description: str = "", requirements: str = "", **fields: str) -> dict[str, str]:
    job = JobInfo(
        title=fields.get("title", "Engineer"),
        company=fields.get("company", "Acme"),
        description=description,
        requirements=requirements,
    )
    return dict(job_context(job).slots)


def test_the_team_is_the_capitalised_name_before_team() -> None:
    assert context("You will join our Growth team in London.")["team"] == "Growth"
    assert context("Meet the Customer Success Team.")["team"] == "Customer Success"


def test_filler_words_and_the_company_name_are_not_a_team() -> None:
    assert context("Join our Amazing Data Platform team!")["team"] == "Data Platform"
    assert "team" not in context("Join our amazing team!")
    assert "team" not in context("Join the Acme team.")
    assert "team" not in context("Join our Great team.")


def test_the_product_is_the_capitalised_name_before_platform_or_app() -> None:
    assert context("You will work on our Atlas platform.")["product"] == "Atlas"
    assert "product" not in context("You will work on our mobile app.")


def test_odd_characters_leave_a_slot_empty() -> None:
    assert "title" not in context(title="Nurse (RN) <ICU>")
    assert context(title="  Senior   Nurse ")["title"] == "Senior Nurse"


def test_tools_come_in_posting_order_with_requirements_first() -> None:
    job = JobInfo(
        title="Engineer",
        company="Acme",
        description="We deploy with Kubernetes on AWS.",
        requirements="Python and PostgreSQL.",
    )
    assert [name for name, _ in job_context(job).tools] == ["Python", "Kubernetes", "AWS"]


def test_everyday_words_are_not_tools_unless_written_as_the_product() -> None:
    job = JobInfo(title="Nurse", company="Acme", description="You will excel at patient care in an epic setting.")
    assert job_context(job).tools == ()
    job = JobInfo(title="Nurse", company="Acme", description="Charting in Epic; reports in Excel.")
    assert [name for name, _ in job_context(job).tools] == ["Epic", "Excel"]


def test_phrases_match_whole_words_and_parts_of_hyphenated_ones() -> None:
    index = PhraseIndex(["git", "pull request", "ci/cd", "sql"])
    found = index.find("Pull requests are reviewed; our git-based CI/CD runs SQL/Python checks.")
    assert set(found) == {"git", "ci/cd", "sql"}
    assert set(index.find("Open a pull request.")) == {"pull request"}


@pytest.mark.parametrize(
    ("title", "seniority", "level"),
    [
        ("Junior Developer", None, "entry"),
        ("Software Engineering Intern", None, "entry"),
        ("Backend Engineer", None, "mid"),
        ("Senior Backend Engineer", None, "senior"),
        ("Staff Engineer", None, "senior"),
        ("Staff Accountant", None, "mid"),
        ("Engineering Manager", None, "lead"),
        ("Product Manager", None, "mid"),
        ("Backend Engineer", "Senior", "senior"),
        ("Lead Engineer", "entry level", "entry"),
    ],
)
def test_the_level_comes_from_the_seniority_field_then_the_title(title: str, seniority: str | None, level: str) -> None:
    assert job_level(JobInfo(title=title, company="Acme", seniority=seniority)) == level


@pytest.mark.parametrize(
    ("remote", "description", "mode"),
    [
        ("remote", "", "remote"),
        ("Hybrid (3 days)", "", "hybrid"),
        ("on-site", "fully remote", "onsite"),
        (None, "This is a fully remote role.", "remote"),
        (None, "A hybrid role with two office days.", "hybrid"),
        (None, "We run a hybrid cloud.", None),
        (None, "Remote monitoring of patients.", None),
    ],
)
def test_the_work_mode_comes_from_the_field_then_the_description(
    remote: str | None, description: str, mode: str | None
) -> None:
    assert work_mode(JobInfo(title="X", company="Acme", remote=remote, description=description)) == mode


@pytest.mark.parametrize(
    ("description", "career_path", "ramp_up"),
    [
        ("After 12-18 months, personal bankers have a clear path to Consumer Loan Officer.", True, False),
        ("We promote from within.", True, False),
        ("Promotions and coupons go out every Friday.", False, False),
        # A certificate the employer will take in progress: it backs the hire's growth.
        ("aPHR, PHR or SHRM-CP, or working toward one.", True, False),
        ("Working toward our mission of affordable snacks for every family.", False, False),
        ("New techs spend their first 90 days paired with a senior tech.", False, True),
        ("A three-week paid claims training academy with your own mentor.", False, True),
        ("If you are not HACCP certified, we'll certify you in your first six months.", False, True),
        ("Work with our coaches on member retention during a new member's first 90 days.", False, False),
        ("Own employee onboarding and offboarding paperwork.", False, False),
    ],
)
def test_a_posting_that_promises_a_way_up_or_says_how_new_hires_learn(
    description: str, career_path: bool, ramp_up: bool
) -> None:
    context = job_context(JobInfo(title="Associate", company="Acme", description=description))
    assert (context.career_path, context.ramp_up) == (career_path, ramp_up)
