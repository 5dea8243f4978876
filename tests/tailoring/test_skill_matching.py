"""Skill reminders: the candidate's own skills this job needs, bridges to the ones they can
carry over, and at most two things to be ready to talk about."""

from __future__ import annotations

from interview_coach.workers.tailoring.job_skills import forget_jobs
from interview_coach.workers.tailoring.model import CandidateInfo, JobInfo
from interview_coach.workers.tailoring.skill_matching import (
    LISTED_EVIDENCE,
    SkillMatch,
    match_skills,
)

MEMBERSHIP_SALES_JOB = JobInfo(
    title="Membership Sales Consultant",
    company="Peak Fitness Club",
    description="""Peak Fitness is a community gym with three clubs.

What you'll do:
- Sell memberships to walk-ins, leads and referrals, and give club tours.
- Follow up with guests and trial members by phone, text and email.

Requirements:
- Membership sales or any sales experience
- Prospecting in the community and generating leads
- Strong customer service
- Experience with a CRM
- Clear, friendly communication in person and on the phone

Nice to have:
- CPR/AED certification
""",
)

RETAIL_ASSOCIATE = CandidateInfo(
    name="Maya Torres",
    profile="""Retail Sales Associate, BrightLine Electronics (2021 - present)
- Beat my monthly sales quota by 20% for 8 straight months.
- Upsold protection plans and accessories on 38% of TV sales.
- Greeted and helped 100+ customers a day on a busy floor.
- Opened and closed the store as keyholder three days a week.
- Known for clear, friendly communication with customers and teammates.
""",
)


def _by_skill(match: SkillMatch) -> dict[str, object]:
    return {reminder.skill: reminder for reminder in match.skills}


def test_retail_quota_selling_bridges_to_membership_sales() -> None:
    match = match_skills(MEMBERSHIP_SALES_JOB, RETAIL_ASSOCIATE)
    reminders = {r.skill: r for r in match.skills}

    membership = reminders["Membership sales"]
    assert membership.transferable_from == "Quota selling"
    assert membership.evidence == "Beat my monthly sales quota by 20% for 8 straight months."
    assert membership.required and membership.kind == "hard"
    assert "quota selling" in membership.bridge and "membership sales" in membership.bridge
    assert "asking for the sale" in membership.bridge  # the selling family's own words

    service = reminders["Customer service"]
    assert (service.kind, service.required, service.transferable_from) == ("soft", True, None)
    assert service.evidence == "Greeted and helped 100+ customers a day on a busy floor."
    communication = reminders["Communication"]
    assert communication.evidence == "Known for clear, friendly communication with customers and teammates."
    assert communication.kind == "soft"


def test_only_required_skills_without_any_evidence_are_worth_preparing() -> None:
    match = match_skills(MEMBERSHIP_SALES_JOB, RETAIL_ASSOCIATE)
    assert match.talk_about == ("Prospecting", "CRM")  # one per family: not also "Lead generation"
    assert "Lead generation" not in match.talk_about


def test_reminders_list_required_first_and_hard_before_soft() -> None:
    match = match_skills(MEMBERSHIP_SALES_JOB, RETAIL_ASSOCIATE)
    ranks = [(not r.required, r.kind != "hard") for r in match.skills]
    assert ranks == sorted(ranks)
    kinds = {s.kind for s in match.skills}
    assert kinds == {"hard", "soft"}


def test_the_limit_caps_the_list_but_keeps_both_kinds() -> None:
    match = match_skills(MEMBERSHIP_SALES_JOB, RETAIL_ASSOCIATE, limit=4)
    assert len(match.skills) == 4
    assert {r.kind for r in match.skills} == {"hard", "soft"}
    assert match_skills(MEMBERSHIP_SALES_JOB, RETAIL_ASSOCIATE, limit=0).skills == ()


def test_matching_is_deterministic() -> None:
    first = match_skills(MEMBERSHIP_SALES_JOB, RETAIL_ASSOCIATE)
    forget_jobs()
    assert match_skills(MEMBERSHIP_SALES_JOB, RETAIL_ASSOCIATE) == first


def test_a_skill_only_in_the_candidates_list_says_so() -> None:
    candidate = CandidateInfo(name="Sam", profile="Front desk at a gym.", skills=("Salesforce",))
    job = JobInfo(title="Sales Coordinator", company="Acme", requirements="- Salesforce\n")
    [salesforce] = [r for r in match_skills(job, candidate).skills if r.skill == "Salesforce"]
    assert salesforce.evidence == LISTED_EVIDENCE
    assert salesforce.listed


def test_a_skill_shown_by_a_line_of_the_profile_is_not_marked_listed() -> None:
    candidate = CandidateInfo(name="Sam", profile="Logged every call in Salesforce.", skills=("Salesforce",))
    job = JobInfo(title="Sales Coordinator", company="Acme", requirements="- Salesforce\n")
    [salesforce] = [r for r in match_skills(job, candidate).skills if r.skill == "Salesforce"]
    assert (salesforce.evidence, salesforce.listed) == ("Logged every call in Salesforce.", False)


def test_a_listed_tool_bridges_to_its_sibling_tool() -> None:
    candidate = CandidateInfo(name="Sam", profile="Inside sales rep for four years.", skills=("Salesforce",))
    job = JobInfo(title="Account Executive", company="Acme", requirements="- HubSpot CRM daily\n")
    [hubspot] = [r for r in match_skills(job, candidate).skills if r.skill == "HubSpot"]
    assert hubspot.transferable_from == "Salesforce"
    assert hubspot.bridge.startswith("You already know Salesforce, so HubSpot will feel familiar")
    assert hubspot.listed  # the bridge's evidence is the list, not a line of theirs


def test_certifications_never_bridge() -> None:
    candidate = CandidateInfo(name="Ana", profile="CPR and First Aid certified through the Red Cross.")
    job = JobInfo(title="Lifeguard", company="Pool", requirements="- BLS certification\n")
    match = match_skills(job, candidate)
    assert "BLS certification" not in _by_skill(match)
    assert "BLS certification" in match.talk_about


def test_one_of_several_alternatives_is_enough() -> None:
    candidate = CandidateInfo(name="Jake", profile="- OSHA 30 Construction card.\n- Bent EMT conduit daily.")
    job = JobInfo(title="Electrician", company="Ridgeway", requirements="- OSHA 10 or OSHA 30 card\n")
    match = match_skills(job, candidate)
    assert "OSHA 30" in _by_skill(match)
    assert "OSHA 10" not in match.talk_about


def test_an_umbrella_skill_is_met_by_any_skill_of_its_family() -> None:
    candidate = CandidateInfo(name="Lee", profile="- Cross-sold accessories on 30% of orders.")
    job = JobInfo(title="Store Associate", company="Shop", requirements="- Sales experience\n")
    [sales] = match_skills(job, candidate).skills
    assert (sales.skill, sales.transferable_from) == ("Sales", None)
    assert sales.evidence == "Cross-sold accessories on 30% of orders."


def test_a_nice_to_have_is_shown_but_not_required() -> None:
    candidate = CandidateInfo(name="Ana", profile="CPR/AED certified through the Red Cross.")
    [cpr] = [r for r in match_skills(MEMBERSHIP_SALES_JOB, candidate).skills if r.skill == "CPR certification"]
    assert not cpr.required


def test_a_candidate_with_nothing_in_common_gets_a_short_gentle_list() -> None:
    candidate = CandidateInfo(name="Kim", profile="I paint watercolours of birds on weekends.")
    match = match_skills(MEMBERSHIP_SALES_JOB, candidate)
    assert match.skills == ()
    assert len(match.talk_about) == 2


def test_a_certification_shows_what_it_certifies_with_its_own_line() -> None:
    job = JobInfo(title="Warehouse Shift Supervisor", company="Prairie Distribution",
                  requirements="- Strong understanding of OSHA rules for powered industrial trucks.")
    candidate = CandidateInfo(name="Luis", profile="- Led our weekly safety walk. OSHA 10 certified since 2022.")
    match = match_skills(job, candidate)
    osha = _by_skill(match)["OSHA compliance"]
    assert osha.evidence == "OSHA 10 certified since 2022."  # type: ignore[attr-defined]
    assert "OSHA compliance" not in match.talk_about


def test_an_umbrella_is_listed_even_when_its_line_already_shows_another_skill() -> None:
    """"LMS" shown by "modules in Canvas LMS", a line that also shows instructional design."""
    job = JobInfo(title="Instructional Designer", company="Heartland Credit Union",
                  requirements="- Instructional design experience.\n- Experience publishing to an LMS.")
    candidate = CandidateInfo(name="Emily",
                              profile="- Instructional design: built 40 self-paced modules in Canvas LMS.")
    reminders = _by_skill(match_skills(job, candidate))
    assert set(reminders) == {"Instructional design", "Learning management systems"}
    assert "Canvas LMS" in reminders["Learning management systems"].evidence  # type: ignore[attr-defined]


def test_a_certification_and_what_it_shows_are_one_reminder_when_the_job_asks_for_both() -> None:
    job = JobInfo(title="Warehouse Supervisor", company="Prairie Distribution",
                  requirements="- OSHA 10 certification.\n- Knowledge of OSHA regulations.")
    candidate = CandidateInfo(name="Luis", profile="- OSHA 10 certified since 2022.", skills=("OSHA compliance",))
    match = match_skills(job, candidate)
    assert [(r.skill, r.evidence) for r in match.skills] == [("OSHA 10", "OSHA 10 certified since 2022.")]
    assert "OSHA compliance" not in match.talk_about


def test_a_required_skill_shown_by_a_tool_the_job_only_names_is_listed_itself() -> None:
    # "An HRIS" is required; ADP is only named as an example. Folding the HRIS into ADP, which
    # ranks below every requirement, could drop both from a full email.
    job = JobInfo(title="HR Coordinator", company="Mercy Ridge",
                  requirements="Requirements\n- Experience with an HRIS.\n\nNice to have\n- ADP Workforce Now.")
    candidate = CandidateInfo(name="Rosa", profile="- Ran biweekly payroll for 1,100 employees in ADP Workforce Now.")
    reminders = _by_skill(match_skills(job, candidate))
    assert reminders["HRIS"].required  # type: ignore[attr-defined]
    assert "ADP Workforce Now" in reminders["HRIS"].evidence  # type: ignore[attr-defined]


def test_a_certifications_line_beats_a_bare_entry_in_the_list_of_skills() -> None:
    job = JobInfo(title="Warehouse Supervisor", company="Prairie Distribution",
                  requirements="- Knowledge of OSHA regulations.")
    candidate = CandidateInfo(name="Luis", profile="- OSHA 10 certified since 2022.", skills=("OSHA compliance",))
    reminders = _by_skill(match_skills(job, candidate))
    assert reminders["OSHA compliance"].evidence == "OSHA 10 certified since 2022."  # type: ignore[attr-defined]


def test_a_required_umbrella_is_not_hidden_by_a_nice_to_have_of_its_family() -> None:
    job = JobInfo(title="Office Coordinator", company="Acme",
                  requirements="Requirements:\n- Strong spreadsheet skills.\n\nNice to have:\n- Google Sheets.")
    candidate = CandidateInfo(name="Ana", profile="- Kept the team's schedule in Google Sheets.\n"
                                                  "- Built weekly Excel dashboards for 12 managers.")
    reminders = _by_skill(match_skills(job, candidate))
    assert reminders["Spreadsheets"].required  # type: ignore[attr-defined]
    assert not reminders["Google Sheets"].required  # type: ignore[attr-defined]


def test_a_database_shows_sql_directly_rather_than_by_a_bridge() -> None:
    line = "Rewrote the heaviest PostgreSQL queries and cut p95 latency from 900 ms to 120 ms."
    candidate = CandidateInfo(name="Tomasz", profile=f"- {line}")
    sql_only = JobInfo(title="Backend Engineer", company="Freightly", requirements="- Strong SQL.")
    [reminder] = match_skills(sql_only, candidate).skills
    assert (reminder.skill, reminder.evidence, reminder.transferable_from) == ("SQL", line, None)
    both = JobInfo(title="Backend Engineer", company="Freightly", requirements="- Strong SQL.\n- PostgreSQL.")
    assert [r.skill for r in match_skills(both, candidate).skills] == ["PostgreSQL"]


FRONT_OFFICE_JOB = JobInfo(
    title="Office Administrator", company="Hale & Ortiz LLP",
    description="- Manage attorneys' appointment scheduling and book conference rooms.",
    requirements="Requirements\n- 2+ years in a front office or reception role.\n"
                 "- A calm, kind phone manner.\n- Organised filing.",
)
MEDICAL_RECEPTIONIST = CandidateInfo(name="Angela", profile=(
    "Medical Receptionist, Bluegrass Family Medicine, 2020 - present\n"
    "- Scheduling for six providers in Epic; cut no-shows 15% by setting up reminder calls.\n"
    "- Answer a six-line phone system and route calls to nurses, billing and providers.\n"
    "- Scan, index and file records for 4,000 paper charts.\n"
))


def test_front_office_work_shows_with_the_candidates_own_lines() -> None:
    match = match_skills(FRONT_OFFICE_JOB, MEDICAL_RECEPTIONIST)
    shown = {r.skill: (r.evidence, r.transferable_from) for r in match.skills}
    lines = MEDICAL_RECEPTIONIST.profile.splitlines()
    # Answering and routing calls is phone manner itself, not a bridge from another skill.
    assert shown["Phone etiquette"] == (lines[2].lstrip("- "), None)
    # "Appointment scheduling" in the posting is the scheduling the candidate did.
    assert shown["Scheduling"] == (lines[1].lstrip("- "), None)
    assert shown["Filing and records management"] == (lines[3].lstrip("- "), None)
    # A medical receptionist has done reception: no "be ready to talk about" for it.
    assert shown["Reception duties"] == (lines[0], None)
    assert "Reception duties" not in match.talk_about


def test_scheduling_is_not_an_umbrella_met_by_any_office_skill() -> None:
    job = JobInfo(title="Office Assistant", company="Acme", requirements="- Scheduling skills.")
    candidate = CandidateInfo(name="Ana", profile="- Scan, index and file records for 4,000 paper charts.")
    match = match_skills(job, candidate)
    assert "Scheduling" not in {r.skill for r in match.skills}
    assert match.talk_about == ("Scheduling",)


def test_past_the_limit_a_skill_joins_a_line_already_quoted_but_adds_no_line() -> None:
    job = JobInfo(title="Staff Accountant", company="Acme", requirements="""- Account reconciliation
- QuickBooks
- Microsoft Excel
- Accounts payable
- Payroll
""")
    candidate = CandidateInfo(name="Lee", profile="""Reconcile the bank accounts every month.
Built a vendor aging tracker in Excel.
Run accounts payable in QuickBooks: 600 vendor invoices a month, all paid on time.
Run payroll for 40 people every two weeks.
""")
    match = match_skills(job, candidate, limit=3)
    names = [r.skill for r in match.skills]
    # The first three, then accounts payable (shown by the QuickBooks line); payroll needs a
    # line of its own, so it stays out.
    assert names[:3] == ["Account reconciliation", "QuickBooks", "Microsoft Excel"]
    assert "Accounts payable" in names and "Payroll" not in names
    assert len({r.evidence for r in match.skills}) == 3


def test_a_duty_of_the_role_beats_a_nice_to_have_tool() -> None:
    job = JobInfo(title="Staff Accountant", company="Acme", description="""What you'll do:
- Run the month-end close.

Requirements:
- Account reconciliation

Nice to have:
- QuickBooks
""")
    candidate = CandidateInfo(name="Lee", profile="""Reconcile the bank accounts every month.
Closed the books by the 5th business day each month.
Entered 600 vendor invoices a month in QuickBooks.
""")
    names = [r.skill for r in match_skills(job, candidate, limit=2).skills]
    assert names == ["Account reconciliation", "Month-end close"]


def test_the_limit_counts_the_lines_of_the_email_and_a_shared_line_adds_skills() -> None:
    job = JobInfo(title="Staff Accountant", company="Acme", requirements="""- QuickBooks
- Accounts payable
- Invoicing
- Account reconciliation
- Payroll
""")
    candidate = CandidateInfo(name="Lee", profile="""Run accounts payable and invoicing in QuickBooks for 40 vendors.
Reconcile the bank accounts every month.
Run payroll for 40 people every two weeks.
""")
    match = match_skills(job, candidate, limit=2)
    # Two lines of the email: the QuickBooks line with all three skills it shows, then the
    # reconciliation line; payroll would need a third line.
    assert [r.skill for r in match.skills] == ["QuickBooks", "Accounts payable", "Invoicing and billing",
                                               "Account reconciliation"]
    assert len({r.evidence for r in match.skills}) == 2


def test_a_degree_is_not_the_years_of_experience_a_line_asks_for() -> None:
    candidate = CandidateInfo(name="Renee", profile="""Ran the dining room of a 180-seat restaurant: 40 staff.
A.A.S. Hospitality Management, Greenville Technical College, 2014
""")
    years = JobInfo(title="Store Manager", company="Acme",
                    requirements="- 3+ years in a retail, restaurant or hospitality business")
    degree = JobInfo(title="Store Manager", company="Acme", requirements="- A degree in hospitality management")
    assert "Hospitality" not in {r.skill for r in match_skills(years, candidate).skills}
    assert "Hospitality" in {r.skill for r in match_skills(degree, candidate).skills}
