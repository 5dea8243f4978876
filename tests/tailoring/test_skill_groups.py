"""How the prep email groups skill reminders: one item per line of the candidate's."""

from __future__ import annotations

from typing import Any

from interview_coach.workers.tailoring import PrepPlan, SkillGroup, SkillReminder
from interview_coach.workers.tailoring.model import group_reminders

UPSOLD = "Upsold protection plans on 38% of TV sales."
QUOTA = "Beat monthly quota by 20% for 8 straight months."
LISTED = "Listed in your skills"


def _r(skill: str, evidence: str, required: bool = True, kind: str = "hard", **more: Any) -> SkillReminder:
    return SkillReminder(skill, kind, evidence, required, **more)


def test_reminders_on_the_same_line_are_one_item_where_the_first_was() -> None:
    groups = group_reminders([_r("Sales", UPSOLD), _r("Quota selling", QUOTA), _r("Upselling", UPSOLD, False)])
    assert [g.names for g in groups] == [("Sales", "Upselling"), ("Quota selling",)]
    assert groups[0].evidence == UPSOLD
    assert groups[0].required_names == ("Sales",)


def test_a_bridged_reminder_stands_alone_even_on_a_line_already_quoted() -> None:
    bridged = _r("Membership sales", QUOTA, transferable_from="Quota selling", bridge="Your experience in ...")
    groups = group_reminders([_r("Quota selling", QUOTA), bridged, _r("Closing sales", QUOTA)])
    assert [g.names for g in groups] == [("Quota selling", "Closing sales"), ("Membership sales",)]
    assert groups[1].bridge == "Your experience in ..." and groups[1].transferable_from == "Quota selling"
    assert groups[0].bridge is None


def test_skills_only_in_the_list_group_together_and_say_so() -> None:
    groups = group_reminders([_r("Outlook", LISTED, listed=True), _r("Excel", UPSOLD),
                              _r("Word", LISTED, False, listed=True)])
    assert [(g.names, g.listed) for g in groups] == [(("Outlook", "Word"), True), (("Excel",), False)]


def test_a_line_that_reads_like_the_list_marker_is_still_the_candidates_own() -> None:
    # A profile line that happens to say the same words is evidence, not the list.
    groups = group_reminders([_r("Outlook", LISTED, listed=True), _r("Excel", LISTED)])
    assert [(g.names, g.listed) for g in groups] == [(("Outlook",), True), (("Excel",), False)]


def test_the_plan_groups_hard_and_soft_skills_apart() -> None:
    plan = PrepPlan(questions=(), skills=(
        _r("Sales", UPSOLD), _r("Communication", UPSOLD, kind="soft"), _r("Upselling", UPSOLD, False)))
    assert plan.hard_skill_groups == (SkillGroup((plan.skills[0], plan.skills[2])),)
    assert [g.names for g in plan.soft_skill_groups] == [("Communication",)]
