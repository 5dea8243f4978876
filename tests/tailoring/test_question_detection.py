"""Reading the job, the interviewer and the stage: families, roles and stages."""

from __future__ import annotations

import pytest

from interview_coach.workers.tailoring.families import (
    FAMILIES,
    GENERAL,
    detect_families,
    detect_family,
    title_family,
)
from interview_coach.workers.tailoring.family_terms import CONTEXT_TERMS, TITLE_TERMS
from interview_coach.workers.tailoring.model import STAGES, InterviewerInfo, JobInfo
from interview_coach.workers.tailoring.roles import assign_roles, detect_role
from interview_coach.workers.tailoring.stages import normalise_stage

GYM_SALES = JobInfo(
    title="Membership Sales Consultant",
    company="Iron Peak Fitness",
    description=(
        "Sell memberships and personal training packages to new members at our busy gym. "
        "Help with member retention and work closely with our trainers."
    ),
)


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Senior Software Engineer", "software"),
        ("Backend Developer", "software"),
        ("Data Engineer", "data"),
        ("Data Scientist", "data"),
        ("Product Designer", "design"),
        ("UX Researcher", "design"),
        ("Product Manager", "product"),
        ("Account Executive", "sales"),
        ("Sales Engineer", "sales"),
        ("Content Marketing Manager", "marketing"),
        ("Customer Support Specialist", "customer_support"),
        ("Customer Success Manager", "customer_support"),
        ("Warehouse Associate", "operations"),
        ("Supply Chain Planner", "operations"),
        ("Staff Accountant", "finance"),
        ("Financial Analyst", "finance"),
        ("Registered Nurse (RN) - ICU", "healthcare"),
        ("Pharmacy Technician", "healthcare"),
        ("Year 5 Teacher", "education"),
        ("Barista", "retail_hospitality"),
        ("Retail Sales Associate", "retail_hospitality"),
        ("Line Cook", "retail_hospitality"),
        ("Personal Trainer", "fitness_wellness"),
        ("Yoga Instructor", "fitness_wellness"),
        ("Licensed Electrician", "skilled_trades"),
        ("HVAC Technician", "skilled_trades"),
        ("Talent Acquisition Partner", "hr_recruiting"),
        ("HR Business Partner", "hr_recruiting"),
        ("Executive Assistant", "administration"),
        ("Receptionist", "administration"),
        ("Personal Banker I (Consumer Lending Track)", "finance"),
        ("Claims Adjuster Trainee", "finance"),
        ("Facilities Coordinator", "operations"),
        ("Curriculum Developer, Elementary Math", "education"),
        ("Learning & Development Coordinator", "hr_recruiting"),
        ("Business Intelligence Developer", "data"),
        ("BI Developer", "data"),
        ("Heavy Equipment Operator Trainee", "skilled_trades"),
        ("Solutions Engineer", "sales"),
        # Session 11 (held-out round 8 and two earlier titles that had no family at all).
        ("SOC Analyst I", "software"),
        ("Grants Coordinator", "administration"),
        ("QA/QC Specialist", "operations"),
        ("Workforce Management Analyst I", "operations"),
        ("Aquatics Coordinator", "fitness_wellness"),
        ("CNC Programmer I", "skilled_trades"),
        ("Maintenance Planner/Scheduler", "skilled_trades"),
        ("Sterile Processing Technician I (Trainee)", "healthcare"),
        ("IT Asset Manager", "software"),
        ("Network Technician", "software"),
        ("Public Records Specialist", "administration"),
        ("Quality Inspector II", "skilled_trades"),
        ("Grounds Supervisor", "skilled_trades"),
        ("Production Supervisor, 2nd Shift", "operations"),
    ],
)
def test_the_title_decides_the_family(title: str, family: str) -> None:
    assert detect_family(JobInfo(title=title, company="Acme")) == family


def test_membership_sales_at_a_gym_is_sales_with_fitness_as_the_secondary_family() -> None:
    match = detect_families(GYM_SALES)
    assert (match.primary, match.secondary) == ("sales", "fitness_wellness")


def test_a_title_with_no_family_words_falls_back_to_the_description() -> None:
    job = JobInfo(
        title="Associate",
        company="Northline",
        description="Pick and pack orders in our warehouse, load carriers, keep inventory accurate.",
    )
    assert detect_family(job) == "operations"


@pytest.mark.parametrize(
    ("title", "description", "family"),
    [
        ("Rehab Technician", "Help our physical therapists with patients at the clinic: set up each patient's "
         "exercises, clean the tables, note each visit in the EMR.", "healthcare"),
        ("Compliance Analyst", "Northwind Credit Union serves 90,000 members with deposits, loans and lending "
         "programs. Test our BSA and AML controls.", "finance"),
        # Only a hint in the title, and nothing in the posting for another family: the title stands.
        ("Data Analyst", "Join a friendly team.", "data"),
    ],
)
def test_a_title_that_only_hints_is_weighed_with_the_posting(title: str, description: str, family: str) -> None:
    assert detect_family(JobInfo(title=title, company="Acme", description=description)) == family


def test_a_job_with_nothing_to_go_on_is_general() -> None:
    job = JobInfo(title="Associate", company="Acme", description="Join a friendly team.")
    assert detect_families(job).primary == GENERAL
    assert detect_families(job).secondary is None


def test_a_passing_mention_does_not_make_a_secondary_family() -> None:
    job = JobInfo(title="Backend Developer", company="Acme", description="Our gym has showers.")
    assert detect_families(job).secondary is None


def test_every_family_has_title_and_context_terms() -> None:
    assert set(TITLE_TERMS) == set(FAMILIES) == set(CONTEXT_TERMS)
    title_terms = [t for terms in TITLE_TERMS.values() for t in terms]
    assert len(title_terms) == len(set(title_terms)), "a title term belongs to one family"


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Talent Acquisition Partner", "recruiter"),
        ("Senior Recruiter", "recruiter"),
        ("HR Business Partner", "recruiter"),
        ("People Ops Generalist", "recruiter"),
        ("VP of Sales", "executive"),
        ("CEO", "executive"),
        ("Chief Technology Officer", "executive"),
        ("Co-founder", "executive"),
        ("Director of Engineering", "executive"),
        ("Head of Product", "executive"),
        ("Senior Engineer", "peer"),
        ("Staff Engineer", "peer"),
        ("Engineering Manager", "hiring_manager"),
        ("Product Manager", "cross_functional"),
        ("Product Owner", "cross_functional"),
        ("Senior Product Designer", "cross_functional"),
    ],
)
def test_roles_for_a_software_job(title: str, role: str) -> None:
    assert detect_role(InterviewerInfo("Sam", title), ["software"]) == role


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Account Executive", "peer"),
        ("Personal Trainer", "peer"),
        ("Sales Manager", "hiring_manager"),
        ("Club Manager", "hiring_manager"),
        ("General Manager", "hiring_manager"),
        ("Regional Director", "executive"),
        ("Marketing Coordinator", "cross_functional"),
    ],
)
def test_roles_for_the_gym_sales_job(title: str, role: str) -> None:
    assert detect_role(InterviewerInfo("Sam", title), ["sales", "fitness_wellness"]) == role


def test_the_hosts_role_and_the_hiring_manager_flag_win_over_the_title() -> None:
    assert detect_role(InterviewerInfo("Sam", "CEO", role="peer")) == "peer"
    assert (
        detect_role(InterviewerInfo("Sam", "Director of Sales", is_hiring_manager=True)) == "hiring_manager"
    )
    assert detect_role(InterviewerInfo("Sam", "Recruiter", role="not-a-role")) == "recruiter"


def test_individual_contributor_managers_are_peers_in_their_own_field() -> None:
    assert detect_role(InterviewerInfo("Sam", "Senior Product Manager"), ["product"]) == "peer"
    assert detect_role(InterviewerInfo("Sam", "Account Manager"), ["sales"]) == "peer"
    assert detect_role(InterviewerInfo("Sam", "Product Management Lead"), ["product"]) == "hiring_manager"


def test_recruiters_are_peers_when_the_job_is_in_recruiting() -> None:
    assert detect_role(InterviewerInfo("Sam", "Senior Recruiter"), ["hr_recruiting"]) == "peer"
    assert detect_role(InterviewerInfo("Sam", "Recruiting Manager"), ["hr_recruiting"]) == "hiring_manager"


def test_an_interviewers_title_family_is_read_like_a_jobs() -> None:
    assert title_family("Senior Product Manager") == "product"
    assert title_family("Club Manager") is None


def test_only_one_unflagged_manager_is_taken_for_the_hiring_manager() -> None:
    panel = (InterviewerInfo("A", "Sales Manager"), InterviewerInfo("B", "Club Manager"))
    assert assign_roles(panel, ["sales", "fitness_wellness"], "onsite") == ("hiring_manager", "peer")


def test_a_flagged_hiring_manager_demotes_other_managers_to_peers() -> None:
    panel = (
        InterviewerInfo("A", "Sales Manager"),
        InterviewerInfo("B", "Club Manager", is_hiring_manager=True),
    )
    assert assign_roles(panel, ["sales"], "onsite") == ("peer", "hiring_manager")


def test_a_general_manager_beside_the_hiring_manager_is_the_one_above_them() -> None:
    panel = (
        InterviewerInfo("A", "Director of Sales & Marketing", is_hiring_manager=True),
        InterviewerInfo("B", "General Manager"),
        InterviewerInfo("C", "Banquet Manager"),
    )
    assert assign_roles(panel, ["retail_hospitality"], "final") == ("hiring_manager", "executive", "peer")
    alone = (InterviewerInfo("B", "General Manager"),)
    assert assign_roles(alone, ["sales", "fitness_wellness"], "final") == ("hiring_manager",)


def test_several_untitled_interviewers_are_a_panel() -> None:
    people = (InterviewerInfo("A"), InterviewerInfo("B"), InterviewerInfo("C", "Recruiter"))
    assert assign_roles(people, ["software"], "onsite") == ("panel", "panel", "recruiter")


@pytest.mark.parametrize(
    ("stage", "role"), [("screen", "recruiter"), ("skills", "peer"), ("final", "hiring_manager")]
)
def test_a_lone_untitled_interviewer_gets_the_stages_usual_role(stage: str, role: str) -> None:
    assert assign_roles((InterviewerInfo("A"),), ["software"], stage) == (role,)


@pytest.mark.parametrize(
    ("words", "stage"),
    [
        ("phone screen", "screen"),
        ("Recruiter call", "screen"),
        ("Initial chat", "screen"),
        ("hiring manager screen", "screen"),
        ("technical", "skills"),
        ("Technical phone screen", "skills"),
        ("take-home review", "skills"),
        ("Skills assessment", "skills"),
        ("Portfolio review", "skills"),
        ("Trial shift", "skills"),
        ("onsite", "onsite"),
        ("On-site loop", "onsite"),
        ("Panel interview", "onsite"),
        ("culture fit", "onsite"),
        ("Second round", "onsite"),
        ("final round", "final"),
        ("Final panel", "final"),
        ("Offer conversation", "final"),
        ("Meet the CEO", "final"),
        ("", "onsite"),
        ("something else", "onsite"),
    ],
)
def test_host_stage_words_map_onto_the_four_stages(words: str, stage: str) -> None:
    assert normalise_stage(words) == stage


def test_the_four_stages_map_onto_themselves() -> None:
    assert [normalise_stage(s.upper()) for s in STAGES] == list(STAGES)
