"""A job's skills, read once per job: ``job_wants`` (for matching) and ``job_skill_sections``.

The reading is cached on the ``JobInfo``: one posting is matched against many candidates,
and nothing here depends on the candidate. How sections rank a skill is in
``text_sections``; what ``skill_matching`` does with these, there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, NamedTuple

from .model import JobInfo
from .skill_taxonomy import Skill
from .skills import MENTIONED, OTHER, RANK, REQUIRED, SkillMention, mention, posting_skills

# A requirement that offers alternatives: "OSHA 10 or OSHA 30", "Salesforce/HubSpot".
_ALTERNATIVES_RE: Final = re.compile(r"\b(?:or|either|one of|any of|similar)\b|/")
# The regex starts with \b, so ``re`` tries it at every position of every line: slow on a long
# posting. On ASCII, a copy of the line with its non-word characters as spaces answers the same
# (bytes.translate, several times faster than str.translate): "or" between word boundaries is
# " or " there. For "one of" and "any of" the regex also wants a real space, so it confirms those.
_NON_WORD: Final = bytes(c if chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(128)).ljust(256)
_ALTERNATIVE_WORDS: Final = (b" or ", b" either ", b" similar ")
_ALTERNATIVE_PHRASES: Final = (b" one of ", b" any of ")
# A line that asks for time spent doing something: "3+ years in", "at least one year as", "1-2 years of",
# "3+ years managing"; not "our clubs have served Denver for 20 years".
_YEARS_RE: Final = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:\+|(?:-|–|to)\s*\d+)?\s*(?:or more\s+)?"
    r"years?'?\s+(?:of|in|as|at|on|with|experience|\w+ing)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class JobSkills:
    """A job's skills by how much the posting asks for them, each group in posting order."""

    required: tuple[SkillMention, ...]
    mentioned: tuple[SkillMention, ...]
    nice_to_have: tuple[SkillMention, ...]
    has_requirements_section: bool


# Per rank (required, mentioned, nice to have): skill id -> (skill, its line, the line's section)
_Groups = tuple[dict[str, tuple[Skill, str, "str | None"]], ...]


@lru_cache(maxsize=256)
def _read_job(job: JobInfo) -> tuple[_Groups, bool]:
    """The job's skills by rank, each in posting order, and whether it has requirements.

    A skill counts once, at the highest rank any of its lines gives it; a posting without a
    requirements section asks for everything it mentions. Cached: one job, many candidates.
    """
    read = posting_skills(((job.title, REQUIRED), (job.requirements, REQUIRED), (job.description, None)))
    has_requirements = read[2][1] or bool(job.requirements.strip())
    groups: _Groups = ({}, {}, {})
    ranks: dict[str, int] = {}
    for found, _ in read:
        for skill, evidence, section in found:
            rank = RANK[section]
            if rank == RANK[MENTIONED] and not has_requirements:
                rank = RANK[REQUIRED]
            old = ranks.get(skill.id)
            if rank == RANK[OTHER] or (old is not None and old <= rank):
                continue
            if old is not None:
                del groups[old][skill.id]
            ranks[skill.id] = rank
            groups[rank][skill.id] = (skill, evidence, section)
    return groups, has_requirements


def job_skill_sections(job: JobInfo) -> JobSkills:
    """The job's skills sorted into required / mentioned / nice to have (see ``text_sections``)."""
    groups, has_requirements = _read_job(job)
    required, mentioned, nice_to_have = (tuple(mention(*entry) for entry in group.values()) for group in groups)
    return JobSkills(required=required, mentioned=mentioned, nice_to_have=nice_to_have,
                     has_requirements_section=has_requirements)


class Wanted(NamedTuple):
    """A skill the job asks for."""

    skill: Skill
    rank: int  # 0 required, 1 mentioned, 2 nice to have
    order: int  # in the posting
    line: str  # the posting's line that names it


@lru_cache(maxsize=256)
def job_wants(job: JobInfo) -> tuple[Wanted, ...]:
    """The job's skills in the order ``match_skills`` walks them: required, mentioned, nice to
    have, each in posting order. Cached with the reading: none of it depends on the candidate."""
    wanted: list[Wanted] = []
    for rank, group in enumerate(_read_job(job)[0]):
        for skill, line, _ in group.values():
            wanted.append(Wanted(skill, rank, len(wanted), line))
    return tuple(wanted)


def forget_jobs() -> None:
    """Empty the per-job caches (tests that check a job read afresh reads the same)."""
    _read_job.cache_clear()
    job_wants.cache_clear()


@lru_cache(maxsize=4096)
def offers_alternatives(line: str) -> bool:
    """Does this line of a posting offer alternatives ("OSHA 10 or OSHA 30", "Salesforce/HubSpot")?

    Asked only of the lines whose skill a candidate shows, and cached: lines recur per job."""
    return _offers_alternatives(line)


def asks_for_years(line: str) -> bool:
    """Does this line of a posting ask for years of doing something ("3+ years in hospitality")?"""
    return "year" in line.lower() and _YEARS_RE.search(line) is not None


def _offers_alternatives(line: str) -> bool:
    """``_ALTERNATIVES_RE.search(line)``, faster (see ``_NON_WORD``)."""
    if "/" in line:
        return True
    if not line.isascii():
        return _ALTERNATIVES_RE.search(line) is not None
    padded = b" %s " % line.encode("ascii").translate(_NON_WORD)
    if any(word in padded for word in _ALTERNATIVE_WORDS):
        return True
    return any(phrase in padded for phrase in _ALTERNATIVE_PHRASES) and _ALTERNATIVES_RE.search(line) is not None
