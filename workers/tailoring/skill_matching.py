"""Matching a candidate's skills to a job's: ``match_skills``.

The job's side (``job_skill_sections``, read once per job) is in ``job_skills``.

- A **direct** match is a job skill the candidate names, shown with the candidate's own line
  (or "Listed in your skills" when it is only in their list of skills).
- A **transferable** match is a required hard skill the candidate does not name, bridged from
  one of theirs in the same family ("selling": quota selling, upselling, membership sales...)
  and shown with the evidence for the candidate's skill and a sentence bridging the two. At
  most two, one per family, from a real line of the profile (not a job header, a course or a
  bare list). Certifications never bridge (you hold one or you don't); families too broad to
  bridge within (``transferable = false``) only bridge a tool to a tool ("Salesforce" to
  "HubSpot").
- An **umbrella** job skill ("Sales") is met directly by any skill of its family.
- A requirement that offers alternatives ("OSHA 10 or OSHA 30") is met by any one of them.
- ``talk_about`` names at most two required job skills with no evidence at all, one per
  family: a gentle "be ready to talk about", never the list of what the candidate lacks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Final, NamedTuple

from .evidence import about_education, evidence_quality
from .job_skills import Wanted, asks_for_years, job_wants, offers_alternatives
from .model import CandidateInfo, JobInfo, SkillReminder
from .skill_selection import Draft, Pick, merge_umbrellas, select_reminders
from .skill_taxonomy import Family, Skill, load_taxonomy
from .skills import profile_evidence

LISTED_EVIDENCE: Final = "Listed in your skills"
MAX_BRIDGES: Final = 2
MAX_TALK_ABOUT: Final = 2
_CATEGORY_ORDER: Final = {"tool": 0, "certification": 0, "hard": 1, "soft": 2}


@dataclass(frozen=True)
class SkillMatch:
    """The skill half of a prep plan."""

    # Required first, then mentioned, then nice to have; hard before soft within each.
    skills: tuple[SkillReminder, ...]
    # At most two required skills with no evidence: "be ready to talk about".
    talk_about: tuple[str, ...] = ()


class _Own(NamedTuple):
    """A skill of the candidate's, with the evidence that shows it."""

    skill: Skill
    evidence: str
    listed: bool  # only in the candidate's list of skills, not in their profile
    order: int
    shown_by: str | None = None  # the skill whose line shows it: a certification, a database (``Skill.shows``)

    @property
    def quality(self) -> int:
        """``evidence_quality`` of the line; -9 when only listed. Asked only of the skills in
        the families a bridge or an umbrella looks at, so it is not worked out for the rest."""
        return -9 if self.listed else evidence_quality(self.evidence)


def match_skills(job: JobInfo, candidate: CandidateInfo, limit: int = 8) -> SkillMatch:
    """The candidate's skills this job asks for (at most ``limit`` items of the email, and at
    most ``MAX_RIDERS`` more skills than that, on lines already quoted), and what to prepare."""
    taxonomy = load_taxonomy()
    wanted = job_wants(job)
    mine = _candidate_skills(candidate)
    own_skills = mine.by_id
    picks: list[Pick] = []
    covered: set[str] = set()
    used_evidence: set[str] = set()

    def pick(want: Wanted, own: _Own, family: Family | None = None) -> None:
        bridge = _bridge_sentence(own, want.skill, family) if family else None
        source = own.skill.name if family else None
        reminder = Draft(want.skill.name, want.skill.kind, own.evidence, want.rank == 0, source, bridge, own.listed)
        # Required first; below that, a named tool or certificate the posting mentions ("we use
        # Outreach") says more than a general skill does.
        rank = 0 if want.rank == 0 else 3 * want.rank + _CATEGORY_ORDER[want.skill.category]
        picks.append(((rank, int(family is not None), want.order), reminder, want, own))
        covered.add(want.skill.id)
        used_evidence.add(own.evidence)

    rank_of: dict[str, int] = {}
    for want in wanted:
        rank_of.setdefault(want.skill.id, want.rank)
    for want in wanted:
        own = own_skills.get(want.skill.id)
        if own is None or _studied_for_years(want, own):
            continue
        if own.shown_by is not None and rank_of.get(own.shown_by, want.rank + 1) <= want.rank:
            covered.add(want.skill.id)  # what shows it is on the list too, as wanted, with the same line
        else:  # the job asks for this more than for what shows it: "an HRIS" required, "ADP" named
            pick(want, own)
    # "OSHA 10 or OSHA 30", "Salesforce, HubSpot or similar": one of them is enough.
    satisfied = {w.line for w in wanted if w.skill.id in covered and offers_alternatives(w.line)}
    # Bridges before umbrellas, so that a bridge gets the candidate's strongest line.
    bridged_families: set[str] = set()
    bridged_from: set[str] = set()
    for want in wanted:
        if len(bridged_families) < MAX_BRIDGES and _wants_bridge(want, covered, satisfied, bridged_families):
            family = taxonomy.families[want.skill.family]
            source = _bridge_source(mine.by_family.get(family.id, ()), want.skill, family, bridged_from, used_evidence)
            if source is not None:
                bridged_families.add(family.id)
                bridged_from.add(source.skill.id)
                pick(want, source, family)
    for want in wanted:
        if want.skill.broad and want.skill.id not in covered:
            source = _best_source(mine.by_family.get(want.skill.family, ()), used_evidence)
            if source is None or _studied_for_years(want, source):
                continue
            if any(p[2].skill.family == want.skill.family and p[2].rank <= want.rank for p in picks):
                covered.add(want.skill.id)  # a reminder of its family, asked for as much, shows it
            else:  # even on a line already quoted: "LMS" shown by "modules in Canvas LMS"
                pick(want, source)
    talk_about = _talk_about(wanted, covered, satisfied)
    return SkillMatch(select_reminders(merge_umbrellas(picks), limit), talk_about)


def _wants_bridge(want: Wanted, covered: set[str], satisfied: set[str], bridged_families: set[str]) -> bool:
    """Bridge only to a required hard skill the candidate does not show some other way."""
    skill = want.skill
    return (
        want.rank == 0
        and skill.kind == "hard"
        and skill.category != "certification"
        and not skill.broad
        and skill.id not in covered
        and want.line not in satisfied
        and skill.family not in bridged_families
    )


class _Mine(NamedTuple):
    """A candidate's skills by id, and the same by family (for bridges and umbrellas)."""

    by_id: Mapping[str, _Own]
    by_family: Mapping[str, tuple[_Own, ...]]  # each in the order of ``by_id``


@lru_cache(maxsize=256)
def _candidate_skills(candidate: CandidateInfo) -> _Mine:
    """The candidate's skills: from their profile first, then from their list of skills.

    Cached: one candidate gets several emails (a stage each, a preview before a send).
    """
    taxonomy = load_taxonomy()
    mine: dict[str, _Own] = {}
    for order, (skill, evidence) in enumerate(profile_evidence(candidate.profile)):
        mine[skill.id] = _Own(skill, evidence, False, order)
    for label in candidate.skills:
        found = taxonomy.lookup(label)
        for skill in [found] if found else [hit[0] for hit in taxonomy.scan([label], relaxed=True)]:
            if skill.id not in mine:
                mine[skill.id] = _Own(skill, LISTED_EVIDENCE, True, len(mine))
    # A skill shows what it implies, on the same line ("OSHA 10 certified" shows OSHA
    # compliance, PostgreSQL shows SQL); that line beats a bare entry in their list of skills.
    for own in [own for own in mine.values() if own.skill.shows]:
        for shown in own.skill.shows:
            if shown not in mine or (mine[shown].listed and not own.listed):
                order = mine[shown].order if shown in mine else len(mine)
                mine[shown] = own._replace(skill=taxonomy.by_id[shown], order=order, shown_by=own.skill.id)
    by_family: dict[str, list[_Own]] = {}
    for own in mine.values():
        by_family.setdefault(own.skill.family, []).append(own)
    return _Mine(MappingProxyType(mine), MappingProxyType({f: tuple(owns) for f, owns in by_family.items()}))


def _studied_for_years(want: Wanted, own: _Own) -> bool:
    """Is a degree the candidate's line for what the job asks years of? "A.A.S. Hospitality
    Management" is no "3+ years in retail, restaurant or hospitality": the coach would not say
    so, and the candidate would be asked about years they do not have."""
    return not own.listed and about_education(own.evidence) and asks_for_years(want.line)


def _best_source(family_skills: Sequence[_Own], used: set[str]) -> _Own | None:
    """The candidate's skill of a family (``family_skills``: theirs in it) with the best line,
    their own words first."""
    return min(family_skills, key=_preferred(used), default=None)


def _bridge_source(
    family_skills: Sequence[_Own], target: Skill, family: Family, bridged: set[str], used: set[str]
) -> _Own | None:
    """A skill of the candidate's that credibly carries over to ``target``.

    From the same family, shown by a real line of their profile (not a job header, a course or
    a bare list); or any tool to a tool ("Salesforce" to "HubSpot"), even one only listed.
    """
    sources = [
        own
        for own in family_skills
        if own.skill.id not in bridged
        and own.skill.category != "certification"
        and (family.transferable or own.skill.category == target.category == "tool")
        and (own.quality >= 0 or (own.listed and own.skill.category == target.category == "tool"))
    ]
    return min(sources, key=_preferred(used), default=None)


def _preferred(used: set[str]) -> Callable[[_Own], tuple[bool, bool, int, int]]:
    """The sort key for a family's sources: their own words before a bare list, a line not
    quoted yet, the better line, then the earlier one."""
    return lambda own: (own.listed, own.evidence in used, -own.quality, own.order)


def _bridge_sentence(source: _Own, target: Skill, family: Family) -> str:
    have, need = _in_sentence(source.skill), _in_sentence(target)
    if source.skill.category == "tool" and target.category == "tool":
        return f"You already know {have}, so {need} will feel familiar: {family.bridge}."
    # No quote of the line here: the email and the preview show it right under the bridge.
    return f"Your experience in {have} carries straight over to {need}: {family.bridge}."


def _in_sentence(skill: Skill) -> str:
    """Mid-sentence "Customer service" reads "customer service"; "SQL", "Salesforce" keep case."""
    name = skill.name
    if skill.category in ("hard", "soft") and name[:1].isupper() and not any(c.isupper() for c in name[1:]):
        return name[0].lower() + name[1:]
    return name


def _talk_about(wanted: Sequence[Wanted], covered: set[str], satisfied: set[str]) -> tuple[str, ...]:
    """The first required skills with no evidence, one per family ("Prospecting", not also
    "Lead generation"), leaving out alternatives the candidate meets another way."""
    names: list[str] = []
    families: set[str] = set()
    for want in wanted:
        skill = want.skill
        if want.rank == 0 and skill.id not in covered and want.line not in satisfied and skill.family not in families:
            names.append(skill.name)
            families.add(skill.family)
    return tuple(names[:MAX_TALK_ABOUT])
