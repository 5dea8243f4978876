"""The compiled matcher: every alias of every skill in one token trie.

Built once per process from the taxonomy. Reading a text is one pass over its tokens with a
dict lookup each, so the cost stays flat however many skills the taxonomy holds. Aliases that
are also ordinary English ("Go", "R", "Excel", "Swift") are case-sensitive and may need a
context word in the same sentence; aliases that name a person ("store manager") do not count
for someone else ("reported to the store manager"), and a skill the sentence denies ("since we
don't have a CRM", "we do no new construction") is not named. The guards are in
``scanner_guards``; what each skill asks of them, in ``Skill``.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, count
from typing import TYPE_CHECKING, Any, Final

from .alias_forms import is_number, plural_of, singular_of, variants
from .scanner_guards import DENIERS, FOLLOWERS, ROLE_NOUNS, Claim, denied, judge, settle, theirs
from .tokens import BOUNDARY, alias_tokens, tokenize

if TYPE_CHECKING:
    from .skill_taxonomy import Skill

_END: Final = ""  # trie key for the claims that end at a node; never a token
# An alias's "#" stands for a number: "trained # new" is "trained 9 new", "trained twelve new".
_NUMBER: Final = "#"


class AliasError(ValueError):
    """An alias that cannot be matched: no letters, or two skills claim it and case does not
    tell them apart."""


Hit = tuple["Skill", int, int]  # the skill, its sentence, the index of its first token


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
                if (
                    relaxed
                    or (lows[start - 1] not in DENIERS and lows[start - 2] not in DENIERS
                        and lows[start - 3] not in DENIERS and lows[start + 1] not in FOLLOWERS)
                    or _kept(lows, start, start + 1)
                ):
                    accepted.append((node[_END][0].skill, start))
                continue
            else:
                ends = [(start + 1, node[_END])]
            for stop, claims in reversed(ends):
                if claims[0].plain or relaxed:  # no guard: what _judge would say, without the call
                    verdict, skill = "yes", claims[0].skill
                else:
                    verdict, skill = judge(claims, lows, start, stop, relaxed, sentences, bounds)
                if verdict == "theirs":
                    resume = stop
                    break
                if verdict != "no":
                    if (
                        relaxed
                        or (lows[start - 1] not in DENIERS and lows[start - 2] not in DENIERS
                            and lows[start - 3] not in DENIERS and lows[stop] not in FOLLOWERS)
                        or _kept(lows, start, stop)
                    ):
                        (accepted if verdict == "yes" else pending).append((skill, start))
                    resume = stop
                    break
        if pending:
            accepted = settle(accepted, pending, lows, bounds)
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
        claims: tuple[Claim, ...] = node.get(_END, ())
        best = [c for c in claims if c.cased == tuple(tokenize(label))] or list(claims)
        return best[0].skill if best else None


def _walk(node: dict[str, Any], lows: list[str], start: int) -> list[tuple[int, tuple[Claim, ...]]]:
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


def _kept(lows: list[str], start: int, stop: int) -> bool:
    """Neither denied ("we don't use a CRM") nor someone else's ("with the analytics team").

    Asked only when a word before ``start`` could deny the hit (``DENIERS``) or a role or a
    group follows it (``FOLLOWERS``): the scan tests those four words inline first, which
    settles almost every hit without a call. (Near the text's start the negative indexes read
    its end, which only costs this call.)"""
    return not denied(lows, start, stop) and not (lows[stop] in FOLLOWERS and theirs(lows, start, stop))


def _build_trie(skills: Sequence[Skill]) -> dict[str, Any]:
    claims: dict[tuple[str, ...], list[Claim]] = {}
    generated: dict[tuple[str, ...], list[Claim]] = {}
    for skill in skills:
        plain = not (skill.not_before or skill.not_after)
        for alias in (a for a in (skill.name, *skill.aliases) if a not in skill.cased):
            key = _key_of(skill, alias)
            if key[-1] in ROLE_NOUNS:
                _claim(claims, key, Claim(skill, None, False, role=True))
                continue
            _claim(claims, key, Claim(skill, None, plain))
            other = plural_of(key[-1]) if len(key) == 1 else plural_of(key[-1]) or singular_of(key[-1])
            if other:
                _claim(generated, (*key[:-1], other), Claim(skill, None, plain))
        for alias in skill.cased:
            _claim(claims, _key_of(skill, alias), Claim(skill, tuple(tokenize(alias)), False))
        for alias in skill.guarded:
            _claim(claims, _key_of(skill, alias), Claim(skill, None, False, guarded=True))
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


def _claim(table: dict[tuple[str, ...], list[Claim]], key: tuple[str, ...], claim: Claim) -> None:
    found = table.setdefault(key, [])
    if all(c.skill.id != claim.skill.id or c.cased != claim.cased for c in found):
        found.append(claim)
