"""A job's skills, read once per job: ``job_skill_sections`` and ``job_wants``.

Both are cached on the ``JobInfo``: one posting is matched against many candidates, and
nothing here depends on the candidate. How sections rank a skill is in ``text_sections``;
what ``skill_matching`` does with these, there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .model import JobInfo
from .skill_taxonomy import Skill, load_taxonomy
from .skills import MENTIONED, NICE_TO_HAVE, OTHER, RANK, REQUIRED, SkillMention, read_postings

# A requirement that offers alternatives: "OSHA 10 or OSHA 30", "Salesforce/HubSpot".
_ALTERNATIVES_RE = re.compile(r"\b(?:or|either|one of|any of|similar)\b|/")
# The regex starts with \b, so ``re`` tries it at every position of every line: slow on a long
# posting. On ASCII, a copy of the line with its non-word characters as spaces answers the same
# (bytes.translate, several times faster than str.translate): "or" between word boundaries is
# " or " there. For "one of" and "any of" the regex also wants a real space, so it confirms those.
_NON_WORD = bytes(c if chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(128)).ljust(256)
_ALTERNATIVE_WORDS = (b" or ", b" either ", b" similar ")
_ALTERNATIVE_PHRASES = (b" one of ", b" any of ")


@dataclass(frozen=True)
class JobSkills:
    """A job's skills by how much the posting asks for them, each group in posting order."""

    required: tuple[SkillMention, ...]
    mentioned: tuple[SkillMention, ...]
    nice_to_have: tuple[SkillMention, ...]
    has_requirements_section: bool


@lru_cache(maxsize=256)
def job_skill_sections(job: JobInfo) -> JobSkills:
    """The job's skills sorted into required / mentioned / nice to have (see ``text_sections``).

    Cached: one job is matched against many candidates.
    """
    read = read_postings(((job.title, REQUIRED), (job.requirements, REQUIRED), (job.description, None)))
    texts = [mentions for mentions, _ in read]
    has_requirements = read[2][1] or bool(job.requirements.strip())
    groups: dict[str, dict[str, SkillMention]] = {REQUIRED: {}, MENTIONED: {}, NICE_TO_HAVE: {}}
    ranks: dict[str, int] = {}
    for mention in (m for mentions in texts for m in mentions):
        section = mention.section or MENTIONED
        if section == MENTIONED and not has_requirements:
            section = REQUIRED
        if section == OTHER or ranks.get(mention.skill_id, 9) <= RANK[section]:
            continue
        for group in groups.values():
            group.pop(mention.skill_id, None)
        ranks[mention.skill_id] = RANK[section]
        groups[section][mention.skill_id] = mention
    return JobSkills(
        required=tuple(groups[REQUIRED].values()),
        mentioned=tuple(groups[MENTIONED].values()),
        nice_to_have=tuple(groups[NICE_TO_HAVE].values()),
        has_requirements_section=has_requirements,
    )


class Wanted(NamedTuple):
    """A skill the job asks for."""

    skill: Skill
    rank: int  # 0 required, 1 mentioned, 2 nice to have
    order: int  # in the posting
    line: str  # the posting's line that names it


@lru_cache(maxsize=256)
def job_wants(job: JobInfo) -> tuple[tuple[Wanted, ...], frozenset[str]]:
    """The job's skills in the order ``match_skills`` walks them, and the lines among theirs
    that offer alternatives. Cached with the sections: neither depends on the candidate."""
    by_id = load_taxonomy().by_id
    sections = job_skill_sections(job)
    wanted = tuple(
        Wanted(by_id[m.skill_id], rank, order, m.evidence)
        for order, (rank, m) in enumerate(
            (rank, m)
            for rank, group in enumerate((sections.required, sections.mentioned, sections.nice_to_have))
            for m in group
        )
    )
    return wanted, frozenset(line for line in {w.line for w in wanted} if _offers_alternatives(line))


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
