"""The guards that decide whether an alias found in a sentence names the skill there.

- A case-sensitive alias ("Go", "Excel", "QA") must match its case; at the start of a sentence,
  in Title Case text, or always for a ``strict`` skill, it needs a context word or a skill of a
  context family in the same sentence.
- A guarded alias ("talked" for communication) always needs a context word in its sentence.
- An alias that names a person ("store manager") counts only for the candidate, not after
  "the", "my", "our" or "under a" ("reported to the store manager"); nor does a shorter alias
  inside it ("sales" in "our grocery sales reps").
- A skill that names another person or group ("from the marketing manager", "our grocery sales
  reps", "worked with the analytics team", "passed orders to the inside sales desk") is their
  work, not the candidate's.
- ``not_before`` / ``not_after`` words make an alias mean something else ("Excel at").
- A skill the sentence denies ("since we don't have a CRM", "we do no new construction") is no
  skill at all, unless what follows is an outcome ("no safety incidents in four years").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from .alias_forms import plural_of
from .tokens import BOUNDARY, tokenize

if TYPE_CHECKING:
    from .skill_taxonomy import Skill

# An alias ending in one of these names a person ("store manager", "recruiter"). It counts
# only in the singular and not after "the", "my", "our"... ("reported to the store manager",
# "under a licensed electrician" is someone else).
_ROLE_NOUN_WORDS: Final = """
    manager representative rep associate consultant advisor agent specialist coordinator assistant
    supervisor foreman superintendent recruiter engineer developer designer analyst scientist architect
    administrator officer technician tech clerk cashier teacher tutor trainer coach instructor nurse
    therapist counselor counsellor electrician plumber carpenter mechanic driver lead leader owner
    director planner buyer broker operator attendant aide host hostess barista bartender chef cook
    cleaner guard dispatcher accountant bookkeeper auditor paralegal writer editor reporter
    photographer marketer salesperson welder machinist assembler courier receptionist secretary
    estimator realtor hygienist phlebotomist
"""
ROLE_NOUNS: Final = frozenset(_ROLE_NOUN_WORDS.split())
_ROLE_PLURALS: Final = frozenset(filter(None, map(plural_of, ROLE_NOUNS)))
_SOMEONE_ELSE: Final = frozenset({"the", "my", "our", "your", "his", "her", "their", "each", "every", "other"})
_AS_SELF: Final = frozenset({"as", "was", "became", "become", "am", "named"})  # "as the store manager"
# "a teacher meeting", "the store manager handbook": the role describes something else.
_ROLE_AS_MODIFIER: Final = frozenset({"meeting", "meetings", "handbook", "appreciation", "evaluations", "training"})
_ALONGSIDE: Final = frozenset({
    "under", "with", "alongside", "for", "by", "from", "helped", "assisted", "assisting", "supported", "supporting",
})


# "with the analytics team", "to our inside sales desk": a skill before one of these words, after
# "the", "our"... and one of the words before them, names another group. Not "led the sales
# team" or "with my team", which are the candidate's own.
_UNITS: Final = frozenset({"team", "teams", "department", "departments", "dept", "desk", "group"})
# A skill before one of these may be someone else's: ``theirs`` says whether it is.
FOLLOWERS: Final = _UNITS | ROLE_NOUNS | _ROLE_PLURALS
# The words that put a role with someone else ("helped a", "with a") do the same for a group,
# as do these; "under the ... team" is left as it was.
_TO_THEM: Final = (_ALONGSIDE - {"under"}) | {"to", "across", "between", "among"}
_THEIR: Final = frozenset({"the", "our", "their", "its", "your", "his", "her"})


# A skill right after "no", "without"... ("no new construction", "without a CRM"), or after
# "don't have" or "don't use" ("since we don't have a CRM"), is denied, not shown.
_NO: Final = frozenset({"no", "without", "nor", "never"})
_DONT: Final = frozenset({"dont", "doesnt", "didnt"})
_DONT_VERBS: Final = frozenset({"have", "use", "need", "know"})
_ANY: Final = frozenset({"a", "an", "any"})
DENIERS: Final = _NO | _DONT  # a skill within three words after one of these may be denied
_OUTCOMES: Final = frozenset({
    "incident", "incidents", "injury", "injuries", "finding", "findings", "violation", "violations", "accident",
    "accidents", "complaint", "complaints", "error", "errors", "issue", "issues", "breach", "breaches", "losses",
})


@dataclass(frozen=True)
class Claim:
    skill: Any  # a Skill: that name exists here only for type checkers, and a compiled build reads it at import
    cased: tuple[str, ...] | None  # the exact tokens of a case-sensitive alias
    plain: bool  # no guard at all: accepted on sight
    role: bool = False  # names a person: see ROLE_NOUNS
    guarded: bool = False  # needs a context word in its sentence (``Skill.guarded``)


def judge(
    claims: tuple[Claim, ...],
    lows: list[str],
    start: int,
    stop: int,
    relaxed: bool,
    sentences: Sequence[str],
    bounds: list[int],
) -> tuple[str, Skill]:
    """("yes" | "context" | "no", skill) for the first claim whose guards let it through;
    "theirs" when the alias names someone else's role, which no shorter alias may then claim."""
    for claim in claims:
        skill = claim.skill
        if claim.plain or relaxed:
            return "yes", skill
        if lows[stop] in skill.not_before or lows[start - 1] in skill.not_after:
            continue
        if claim.role and (lows[stop] in _ROLE_AS_MODIFIER or _someone_else(lows, start)):
            return "theirs", skill
        if claim.guarded:
            return "context", skill
        if claim.cased is None:
            return "yes", skill
        sentence = bisect_right(bounds, start)
        first = bounds[sentence - 1] + 1 if sentence else 0
        verdict = _judge_cased(claim, tokenize(sentences[sentence]), start - first, stop - first)
        if verdict != "no":
            return verdict, skill
    return "no", claims[0].skill


def denied(lows: list[str], start: int, stop: int) -> bool:
    """Is the skill at ``lows[start:stop]`` denied by the words before it? Not when what follows
    is an outcome: "no safety incidents in 4 years" shows safety."""
    before = lows[start - 3:start] if start >= 3 else lows[:start]
    if BOUNDARY in before:
        before = before[before.index(BOUNDARY) + 1:]
    if not before:
        return False
    if before[-1] in _NO or (len(before) >= 2 and before[-2] in _NO and not before[-1].endswith(("ing", "ed"))):
        return lows[stop] not in _OUTCOMES
    if before[-1] in _ANY:
        before = before[:-1]
    return len(before) >= 2 and before[-2] in _DONT and before[-1] in _DONT_VERBS


def theirs(lows: list[str], start: int, stop: int) -> bool:
    """Is the skill at ``lows[start:stop]``, before a word of ``FOLLOWERS``, someone else's?

    - Before a role, when the role is someone else's: "from the marketing manager", "under a
      senior network engineer"; not "as the store manager".
    - Before a plural role, after "our", "the"... or a number: "our grocery sales reps", "9
      massage therapists" (staff, not the candidate); not "managing sales reps".
    - Before a group, after "with the", "to our"...: "with the analytics team". Up to two words
      may sit between "the" and the skill.
    """
    after = lows[stop]
    if after in ROLE_NOUNS or after in _ROLE_PLURALS:
        # Only a one-word skill may have a word between it and "our": "our grocery sales reps",
        # but not "the register, trained two new baristas".
        reach = 2 if stop - start == 1 else 1
        return (after in _ROLE_PLURALS and lows[start - 1].isdigit()) or _someone_else(lows, start, reach)
    for before in range(start - 1, start - 4, -1):
        word = lows[before]
        if word in _THEIR:
            return lows[before - 1] in _TO_THEM
        if word == BOUNDARY:
            break
    return False


def _someone_else(lows: list[str], start: int, reach: int = 2) -> bool:
    """Does the role before ``start`` belong to someone else ("our store manager", "under a
    licensed electrician"; not "as the store manager")? One modifier may sit between the
    determiner and the role."""
    for before in range(start - 1, start - 1 - reach, -1):
        if lows[before] in _SOMEONE_ELSE:
            return lows[before - 1] not in _AS_SELF
        if lows[before] in ("a", "an") and lows[before - 1] in _ALONGSIDE:
            return True
        if before < start - 1 or lows[before] == BOUNDARY:
            break
    return False


def _judge_cased(claim: Claim, originals: list[str], start: int, stop: int) -> str:
    """Case and context checks for a case-sensitive alias, on the sentence's original tokens."""
    words = [t for t in originals if len(t) > 3 and t[0].isalpha()]
    upper = len(words) >= 2 and all(w.isupper() for w in words)
    expected = tuple(t.upper() for t in claim.cased or ()) if upper else claim.cased
    if tuple(originals[start:stop]) != expected:
        return "no"
    skill = claim.skill
    if not (skill.context or skill.strict):
        return "yes"
    title_case = upper or (len(words) >= 2 and sum(w[0].isupper() for w in words) * 4 >= len(words) * 3)
    return "context" if skill.strict or start == 0 or title_case else "yes"


def settle(
    accepted: list[tuple[Skill, int]], pending: list[tuple[Skill, int]], lows: list[str], bounds: list[int]
) -> list[tuple[Skill, int]]:
    """Keep the guarded hits whose sentence has a context word or a skill of a context family.

    ``accepted`` is in text order, so a sentence's hits are found by bisection rather than by
    reading them all for each guarded hit.
    """
    starts = [at for _, at in accepted]
    settled: list[tuple[Skill, int]] = []
    for skill, start in pending:
        sentence = bisect_right(bounds, start)
        first, end = (bounds[sentence - 1] + 1 if sentence else 0), bounds[sentence]
        if skill.context.intersection(lows[first:end]):
            settled.append((skill, start))
            continue
        neighbours = {accepted[i][0].family for i in range(bisect_left(starts, first), bisect_left(starts, end))}
        neighbours.update(s.family for s, at in settled if first <= at < end)
        if skill.context_families & neighbours:
            settled.append((skill, start))
    return sorted([*accepted, *settled], key=lambda hit: hit[1])
