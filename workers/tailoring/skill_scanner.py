"""The compiled matcher: every alias of every skill in one token trie.

Built once per process from the taxonomy. Reading a text is one pass over its tokens with a
dict lookup each, so the cost stays flat however many skills the taxonomy holds. Aliases that
are also ordinary English ("Go", "R", "Excel", "Swift") are case-sensitive and may need a
context word in the same sentence; aliases that name a person ("store manager") do not count
for someone else ("reported to the store manager"). See ``Skill`` for the guards.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, count
from typing import TYPE_CHECKING, Any, Final

from .alias_forms import is_number, plural_of, singular_of, variants
from .tokens import BOUNDARY, alias_tokens, tokenize

if TYPE_CHECKING:
    from .skill_taxonomy import Skill

_END: Final = ""  # trie key for the claims that end at a node; never a token
# An alias's "#" stands for a number: "trained # new" is "trained 9 new", "trained twelve new".
_NUMBER: Final = "#"


class AliasError(ValueError):
    """An alias that cannot be matched: no letters, or two skills claim it and case does not
    tell them apart."""


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
_ROLE_NOUNS: Final = frozenset(_ROLE_NOUN_WORDS.split())
_SOMEONE_ELSE: Final = frozenset({"the", "my", "our", "your", "his", "her", "their", "each", "every", "other"})
# "a teacher meeting", "the store manager handbook": the role describes something else.
_ROLE_AS_MODIFIER: Final = frozenset({"meeting", "meetings", "handbook", "appreciation", "evaluations", "training"})
_ALONGSIDE: Final = frozenset({
    "under", "with", "alongside", "for", "by", "from", "helped", "assisted", "assisting", "supported", "supporting",
})


Hit = tuple["Skill", int, int]  # the skill, its sentence, the index of its first token


@dataclass(frozen=True)
class _Claim:
    skill: Any  # a Skill: that name exists here only for type checkers, and a compiled build reads it at import
    cased: tuple[str, ...] | None  # the exact tokens of a case-sensitive alias
    plain: bool  # no guard at all: accepted on sight
    role: bool = False  # names a person: see _ROLE_NOUNS
    guarded: bool = False  # needs a context word in its sentence (``Skill.guarded``)


class SkillScanner:
    """Finds the skills named in sentences; see the module doc."""

    def __init__(self, skills: Sequence[Skill]) -> None:
        self._trie = _build_trie(skills)

    def scan(
        self, sentences: Sequence[str], *, relaxed: bool = False, watch: frozenset[str] = frozenset(),
        watched: set[int] | None = None,
    ) -> list[Hit]:
        """(skill, sentence index, token index) for every skill named, leftmost-longest.

        ``relaxed`` drops the case and context guards, for a candidate's own list of skills,
        where "go" can only mean the language. ``watched`` collects the sentences where a hit
        starts with a word of ``watch`` (lower case).
        """
        # One pass over all sentences, joined by a boundary token no alias contains: a trie walk
        # stops at it, and as the text also ends with one, a walk never runs off the end.
        lows = tokenize(f" {BOUNDARY} ".join([*sentences, ""]).lower())
        bounds = [-1]
        for _ in sentences:
            bounds.append(lows.index(BOUNDARY, bounds[-1] + 1))
        del bounds[0]
        root = self._trie
        accepted: list[tuple[Skill, int]] = []
        pending: list[tuple[Skill, int]] = []
        resume = 0
        for start in compress(count(), map(root.__contains__, lows)):
            if start < resume:
                continue
            node = root[lows[start]]
            if lows[start + 1] in node or _NUMBER in node:
                ends = _walk(node, lows, start)
            elif _END not in node:
                continue
            elif node[_END][0].plain:  # the common case: a one-word alias with no guard
                accepted.append((node[_END][0].skill, start))
                continue
            else:
                ends = [(start + 1, node[_END])]
            for stop, claims in reversed(ends):
                if claims[0].plain or relaxed:  # no guard: what _judge would say, without the call
                    accepted.append((claims[0].skill, start))
                    resume = stop
                    break
                verdict, skill = _judge(claims, lows, start, stop, relaxed, sentences, bounds)
                if verdict != "no":
                    (accepted if verdict == "yes" else pending).append((skill, start))
                    resume = stop
                    break
        if pending:
            accepted = _settle(accepted, pending, lows, bounds)
        hits = []
        sentence, first = 0, 0
        for skill, start in accepted:
            while bounds[sentence] < start:
                sentence, first = sentence + 1, bounds[sentence] + 1
            hits.append((skill, sentence, start - first))
            if lows[start] in watch and watched is not None:
                watched.add(sentence)
        return hits

    def lookup(self, label: str) -> Skill | None:
        """The skill whose alias is exactly ``label`` (any case), else None."""
        node = self._trie
        for token in alias_tokens(label):
            if token not in node:
                return None
            node = node[token]
        claims: tuple[_Claim, ...] = node.get(_END, ())
        best = [c for c in claims if c.cased == tuple(tokenize(label))] or list(claims)
        return best[0].skill if best else None


def _walk(node: dict[str, Any], lows: list[str], start: int) -> list[tuple[int, tuple[_Claim, ...]]]:
    """Every alias that starts at ``start``, shortest first, as (end token, claims)."""
    ends = []
    stop = start + 1
    while True:
        if _END in node:
            ends.append((stop, node[_END]))
        token = lows[stop]
        if token in node:
            node = node[token]
        elif _NUMBER in node and is_number(token):
            node = node[_NUMBER]
        else:
            return ends
        stop += 1


def _judge(
    claims: tuple[_Claim, ...],
    lows: list[str],
    start: int,
    stop: int,
    relaxed: bool,
    sentences: Sequence[str],
    bounds: list[int],
) -> tuple[str, Skill]:
    """("yes" | "context" | "no", skill) for the first claim whose guards let it through."""
    for claim in claims:
        skill = claim.skill
        if claim.plain or relaxed:
            return "yes", skill
        if lows[stop] in skill.not_before or lows[start - 1] in skill.not_after:
            continue
        if claim.role and (lows[stop] in _ROLE_AS_MODIFIER or _someone_else(lows, start)):
            continue
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


def _someone_else(lows: list[str], start: int) -> bool:
    """Does the role before ``start`` belong to someone else ("our store manager", "under a
    licensed electrician")? One modifier may sit between the determiner and the role."""
    for before in (start - 1, start - 2):
        if lows[before] in _SOMEONE_ELSE or (lows[before] in ("a", "an") and lows[before - 1] in _ALONGSIDE):
            return True
        if before < start - 1 or lows[before] == BOUNDARY:
            break
    return False


def _judge_cased(claim: _Claim, originals: list[str], start: int, stop: int) -> str:
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


def _settle(
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


def _build_trie(skills: Sequence[Skill]) -> dict[str, Any]:
    claims: dict[tuple[str, ...], list[_Claim]] = {}
    generated: dict[tuple[str, ...], list[_Claim]] = {}
    for skill in skills:
        plain = not (skill.not_before or skill.not_after)
        for alias in (a for a in (skill.name, *skill.aliases) if a not in skill.cased):
            key = _key_of(skill, alias)
            if key[-1] in _ROLE_NOUNS:
                _claim(claims, key, _Claim(skill, None, False, role=True))
                continue
            _claim(claims, key, _Claim(skill, None, plain))
            other = plural_of(key[-1]) if len(key) == 1 else plural_of(key[-1]) or singular_of(key[-1])
            if other:
                _claim(generated, (*key[:-1], other), _Claim(skill, None, plain))
        for alias in skill.cased:
            _claim(claims, _key_of(skill, alias), _Claim(skill, tuple(tokenize(alias)), False))
        for alias in skill.guarded:
            _claim(claims, _key_of(skill, alias), _Claim(skill, None, False, guarded=True))
    for key, found in list(claims.items()):
        if len(key) > 1:
            for variant in variants(key):
                for claim in found:
                    if claim.cased is None:
                        _claim(generated, variant, claim)
    for key, found in claims.items():
        forms = [c.cased for c in found]
        if len({c.skill.id for c in found}) > 1 and (None in forms or len(set(forms)) < len(forms)):
            owners = ", ".join(sorted({c.skill.id for c in found}))
            raise AliasError(
                f"skills.toml: alias {' '.join(key)!r} is claimed by {owners}; give it to one skill, "
                "or list it under `cased` with a different capitalisation in each"
            )
    for key, found in generated.items():
        # An inflection we made up never overrides a real alias, nor picks between skills.
        if key not in claims and len({c.skill.id for c in found}) == 1:
            claims[key] = found[:1]
    root: dict[str, Any] = {}
    for key, found in claims.items():
        node = root
        for token in key:
            node = node.setdefault(token, {})
        node[_END] = tuple(sorted(found, key=lambda c: c.cased is None))
    return root


def _key_of(skill: Skill, alias: str) -> tuple[str, ...]:
    key = alias_tokens(alias)
    if not key or BOUNDARY in alias:
        raise AliasError(f"skills.toml: skill {skill.id!r}: alias {alias!r} has no letters or digits")
    if key[0] == _NUMBER:
        raise AliasError(f"skills.toml: skill {skill.id!r}: alias {alias!r} starts with a number (#)")
    return key


def _claim(table: dict[tuple[str, ...], list[_Claim]], key: tuple[str, ...], claim: _Claim) -> None:
    found = table.setdefault(key, [])
    if all(c.skill.id != claim.skill.id or c.cased != claim.cased for c in found):
        found.append(claim)
