"""Which job family a posting belongs to, so the question bank can offer questions for it.

How detection works (and why):

- The **title decides the primary family.** A title names the job's function; the
  description also talks about the employer's industry, the tools and the customers, which
  would pull a "Membership Sales Consultant" at a gym towards fitness. Each family has
  weighted title terms; the family with the highest total wins, ties going to the family
  listed first in ``FAMILIES`` (function families before industry families, so "Fitness
  Sales Consultant" is sales). Terms are matched longest first and never overlap, so
  "Data Engineer" counts as data, not as data plus software.
- **The description (with the company name) names a secondary family**: the best other
  family with a title term or at least ``SECONDARY_MIN_HITS`` distinct context terms. For
  the gym's sales consultant the primary is ``sales`` and the secondary ``fitness_wellness``.
  The selection offers a secondary family only its questions marked ``industry = true``
  (about the business the job sits in, such as member retention), never its craft questions.
- A title that only hints (its best family scores ``WEAK_TITLE`` or less: "Compliance Analyst",
  "Rehab Technician") is weighed with the description: each family's title score plus its
  distinct context terms, among the families the title names or the description names
  ``PRIMARY_MIN_HITS`` times. "Rehab Technician" at a physical therapy clinic is healthcare.
- With no title term, the description alone may name the primary family (at least
  ``PRIMARY_MIN_HITS`` distinct context terms); otherwise the job is ``GENERAL`` and only
  questions for any family apply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from .family_terms import CONTEXT_TERMS, TITLE_TERMS
from .model import JobInfo
from .term_index import PhraseIndex, Terms, terms_of

GENERAL: Final = "general"

# Function families first, industry families after: the order breaks ties.
FAMILIES: Final[tuple[str, ...]] = (
    "software",
    "data",
    "design",
    "product",
    "sales",
    "marketing",
    "customer_support",
    "hr_recruiting",
    "finance",
    "administration",
    "operations",
    "healthcare",
    "education",
    "skilled_trades",
    "retail_hospitality",
    "fitness_wellness",
)

PRIMARY_MIN_HITS: Final = 3
SECONDARY_MIN_HITS: Final = 3
WEAK_TITLE: Final = 2  # a title whose best family scores this or less only hints ("analyst", "technician")



def _compile(terms: list[str]) -> re.Pattern[str]:
    # For short titles. Longest first so a phrase wins over its own words; lookarounds
    # instead of \b so terms such as "fp&a" match too.
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=lambda t: (-len(t), t)))
    return re.compile(rf"(?<![a-z0-9])(?:{alternatives})(?![a-z0-9])")


_TITLE_INDEX: Final[dict[str, tuple[str, int]]] = {
    term: (family, weight) for family, terms in TITLE_TERMS.items() for term, weight in terms.items()
}
_CONTEXT_INDEX: Final[dict[str, tuple[str, ...]]] = {
    term: tuple(f for f, terms in CONTEXT_TERMS.items() if term in terms)
    for terms in CONTEXT_TERMS.values()
    for term in terms
}
_TITLE_RE: Final = _compile(list(_TITLE_INDEX))
_CONTEXT_PHRASES: Final = PhraseIndex(_CONTEXT_INDEX)
_ORDER: Final = {family: i for i, family in enumerate(FAMILIES)}


@dataclass(frozen=True)
class FamilyMatch:
    """The job's primary family and, when the posting also points at one, a secondary."""

    primary: str
    secondary: str | None = None


def title_scores(title: str) -> dict[str, int]:
    """Family -> summed weight of the distinct title terms found in ``title``."""
    scores: dict[str, int] = {}
    for term in set(_TITLE_RE.findall(title.lower())):
        family, weight = _TITLE_INDEX[term]
        scores[family] = scores.get(family, 0) + weight
    return scores


def title_family(title: str) -> str | None:
    """The family a job title alone names (also used for an interviewer's title)."""
    return _best(title_scores(title))


@lru_cache(maxsize=1024)
def posting_terms(job: JobInfo) -> tuple[Terms, Terms, Terms]:
    """The company's, the description's and the requirements' terms, tokenised once per job
    for the readers that share them (family detection here, tools in ``question_context``)."""
    return terms_of(job.company), terms_of(job.description), terms_of(job.requirements)


def _context_hits(text: str, terms: Terms | None = None) -> dict[str, int]:
    hits: dict[str, int] = {}
    for term in _CONTEXT_PHRASES.present(text, terms):
        for family in _CONTEXT_INDEX[term]:
            hits[family] = hits.get(family, 0) + 1
    return hits


def _best(scores: dict[str, int]) -> str | None:
    if not scores:
        return None
    return min(scores, key=lambda f: (-scores[f], _ORDER[f]))


@lru_cache(maxsize=1024)
def detect_families(job: JobInfo) -> FamilyMatch:
    """Primary and optional secondary family of ``job`` (see the module docstring)."""
    titles = title_scores(job.title)
    company, description, requirements = posting_terms(job)
    context = _context_hits(
        f"{job.company}\n{job.description}\n{job.requirements}", company + description + requirements
    )
    primary = _best(titles)
    if primary is not None and titles[primary] <= WEAK_TITLE:
        # "Compliance Analyst", "Rehab Technician": the title only hints, so the posting's words count too.
        primary = _best({
            family: titles.get(family, 0) + context.get(family, 0)
            for family in FAMILIES
            if titles.get(family, 0) > 0 or context.get(family, 0) >= PRIMARY_MIN_HITS
        })
    if primary is None:
        strong = {f: n for f, n in context.items() if n >= PRIMARY_MIN_HITS}
        primary = _best(strong)
    if primary is None:
        return FamilyMatch(GENERAL)
    others = {
        family: 3 * titles.get(family, 0) + context.get(family, 0)
        for family in FAMILIES
        if family != primary
        and (titles.get(family, 0) > 0 or context.get(family, 0) >= SECONDARY_MIN_HITS)
    }
    return FamilyMatch(primary, _best(others))


def detect_family(job: JobInfo) -> str:
    """The job's primary family, or ``GENERAL`` when nothing in the posting names one."""
    return detect_families(job).primary
