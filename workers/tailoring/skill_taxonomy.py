"""The skill taxonomy: the project's own ``data/skills.toml``, loaded and validated once.

``load_taxonomy()`` gives the families, the skills and the matcher compiled from their
aliases (``skill_scanner``). The file's layout and every field are described at its top.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Final

from .alias_forms import plural_of
from .skill_scanner import AliasError, Hit, SkillScanner
from .text_sections import OBJECT_WORDS
from .tokens import alias_tokens, tokenize

__all__ = ["CATEGORIES", "Family", "Skill", "Taxonomy", "TaxonomyError", "alias_tokens", "load_taxonomy", "tokenize"]

CATEGORIES: Final[tuple[str, ...]] = ("hard", "tool", "certification", "soft")

_FAMILY_KEYS: Final = frozenset({"id", "label", "bridge", "transferable", "category", "skills"})
_SKILL_KEYS: Final = frozenset(
    {"id", "name", "category", "aliases", "cased", "context", "context_families", "strict", "not_before"}
    | {"not_after", "broad", "shows", "guarded"}
)


class TaxonomyError(ValueError):
    """``skills.toml`` is malformed; the message names the family or skill to fix."""


@dataclass(frozen=True)
class Family:
    id: str
    label: str
    bridge: str  # completes "Your experience in X carries straight over to Y: ..."
    transferable: bool = True


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str  # one of CATEGORIES
    family: str
    aliases: tuple[str, ...] = ()
    # Case-sensitive aliases, for names that are also ordinary words ("Go", "Excel").
    cased: tuple[str, ...] = ()
    # A cased alias at the start of a sentence or in Title Case text counts only with one of
    # these words, or another skill of ``context_families``, in the same sentence.
    context: frozenset[str] = frozenset()
    context_families: frozenset[str] = frozenset()
    strict: bool = False  # cased aliases need that context everywhere ("R", "C", "Swift")
    not_before: frozenset[str] = frozenset()  # the next word makes it something else ("Excel at")
    not_after: frozenset[str] = frozenset()  # so does the previous one ("American Express")
    broad: bool = False  # an umbrella ("Sales"): any skill of its family is direct evidence
    # Skills that holding this one shows on the same line: "OSHA 10" shows "OSHA compliance",
    # "PostgreSQL" shows "SQL".
    shows: tuple[str, ...] = ()
    # Aliases that count only with a ``context`` word (or a skill of ``context_families``) in
    # the same sentence, any case: what someone did with people shows a soft skill ("talked
    # frustrated patients through a denial" is communication; "talked" alone is not).
    guarded: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """"hard" or "soft": tools and certifications are hard skills."""
        return "soft" if self.category == "soft" else "hard"


_CHOICE_RE: Final = re.compile(r"\{([^{}]*)\}")


def expand_alias(alias: str, where: str = "alias") -> list[str]:
    """Every alias that ``alias`` writes with choices: "{lead|led} # {people|staff}" is four.

    An empty choice drops the words there ("wrote the {weekly|} schedule"); spaces are
    collapsed. Braces that do not pair up are an error, not text.
    """
    found = _CHOICE_RE.search(alias)
    if found is None:
        if "{" in alias or "}" in alias or "|" in alias:
            raise TaxonomyError(f"{where}: alias {alias!r} has an unpaired brace or a `|` outside braces")
        return [" ".join(alias.split())]
    head, tail = alias[: found.start()], alias[found.end():]
    return [a for choice in found.group(1).split("|") for a in expand_alias(f"{head}{choice}{tail}", where)]


# The family of phrases that ride in the trie but are never reported as skills.
_MARKER_FAMILY: Final = "_markers"

# Phrases that make a profile's sentence a wish rather than evidence ("looking for a sales role",
# "studying for the NASM exam"). They ride in the same trie as the skills, so spotting them
# costs nothing; ``Taxonomy.scan`` reports them apart and never as a skill.
_WISH: Final = Skill(
    id="_wish",
    name="a wish or a plan",
    category="soft",
    family=_MARKER_FAMILY,
    aliases=tuple(
        """looking for|looking to|seeking|hope to|hoping to|want to|wanting to|would like to|would love to|
        aspire to|aspiring|eager to|excited to|interested in|my goal|goal is to|plan to|planning to|
        turning to|transitioning to|transitioning into|transition into|moving into|pivoting to|pivoting into|
        ready to sit|ready to take|studying for|preparing for|working toward|working towards|
        currently studying|enrolled in|in progress|exam booked|grow into|ready to move|ready to step|ready to grow|
        ready for the next|ready for a new|next step into""".replace("\n", " ").split("|")
    ),
)


# "Reports for leadership", "presented to leadership": the people in charge, not the skill.
# Matched like a skill so that the trie takes these words before "leadership" alone (leftmost,
# longest), and never reported; "promoted to team lead" is still leadership.
# "Senior leadership", "nursing leadership": only ever the people, whatever word comes before.
_IN_CHARGE_OF: Final = (
    "senior", "executive", "nursing", "company", "hospital", "department", "district", "regional",
    "school", "site", "plant", "branch", "practice", "agency",
)
_THE_PEOPLE_IN_CHARGE: Final = Skill(
    id="_people_in_charge",
    name="the people in charge",
    category="soft",
    family=_MARKER_FAMILY,
    aliases=tuple(
        alias
        for pattern in (
            "{to|for|with|from|by|across} {the|our|} leadership {team|}",
            "{the|our|} {" + "|".join(_IN_CHARGE_OF) + "} leadership {team|}",
        )
        for alias in expand_alias(pattern)
    ),
)
# Words of a skill in a phrase that names something else: "a 320-bed teaching hospital".
_NOT_A_SKILL: Final = Skill(
    id="_not_a_skill",
    name="a skill's word naming something else",
    category="soft",
    family=_MARKER_FAMILY,
    aliases=("teaching hospital", "teaching hospitals", "teaching clinic", "teaching clinics"),
)
_MARKERS: Final = (_WISH, _THE_PEOPLE_IN_CHARGE, _NOT_A_SKILL)


def _object_marker(skills: Sequence[Skill]) -> Skill:
    """A marker for the words of ``text_sections.OBJECT_WORDS`` ("sells", "makes", "we"...) that
    are no skill's alias of one word ("selling" is Sales'), so that every such word starts a
    hit: the scan notes the sentences where one does, at no extra cost."""
    one_word = {key[0] for s in skills for a in (s.name, *s.aliases, *s.cased) if len(key := alias_tokens(a)) == 1}
    one_word |= {plural for word in one_word if (plural := plural_of(word))}  # the scanner adds these
    return Skill(id="_object_word", name="what a company sells", category="soft", family=_MARKER_FAMILY,
                 aliases=tuple(sorted(OBJECT_WORDS - one_word)))


class Taxonomy:
    """All families and skills, and the compiled matcher over their aliases."""

    def __init__(self, families: Mapping[str, Family], skills: tuple[Skill, ...]) -> None:
        self.families = dict(families)
        self.skills = skills
        self.by_id = {s.id: s for s in skills}
        self._scanner = SkillScanner((*skills, *_MARKERS, _object_marker(skills)))

    def scan(
        self, sentences: Sequence[str], *, relaxed: bool = False, wishes: set[int] | None = None,
        objects: set[int] | None = None,
    ) -> list[Hit]:
        """(skill, sentence index, token index) for every skill named, leftmost-longest.

        ``relaxed`` drops the case and context guards, for a candidate's own list of skills,
        where "go" can only mean the language. ``wishes`` collects the indices of sentences
        that state a wish or a plan rather than a fact; ``objects``, those of the sentences
        with a word of ``text_sections.OBJECT_WORDS`` (they may say what a company sells).
        """
        hits = self._scanner.scan(sentences, relaxed=relaxed, watch=OBJECT_WORDS, watched=objects)
        found = [hit for hit in hits if hit[0].family != _MARKER_FAMILY]
        if wishes is not None and len(found) < len(hits):
            wishes.update(hit[1] for hit in hits if hit[0] is _WISH)
        return found

    def lookup(self, label: str) -> Skill | None:
        """The skill whose alias is exactly ``label`` (any case), else None (a marker is none)."""
        skill = self._scanner.lookup(label)
        return None if skill is None or skill.family == _MARKER_FAMILY else skill


@cache
def load_taxonomy() -> Taxonomy:
    """The package's own taxonomy, parsed, validated and compiled once per process."""
    text = resources.files(__package__).joinpath("data", "skills.toml").read_text(encoding="utf-8")
    return parse_taxonomy(tomllib.loads(text))


def parse_taxonomy(data: Mapping[str, Any]) -> Taxonomy:
    """Validate the parsed TOML and compile it; raises ``TaxonomyError`` naming what to fix."""
    families: dict[str, Family] = {}
    skills: dict[str, Skill] = {}
    raw_families = data.get("families")
    if not isinstance(raw_families, list) or not raw_families:
        raise TaxonomyError("skills.toml: expected a non-empty [[families]] array")
    for raw in raw_families:
        family = _parse_family(raw)
        if family.id in families:
            raise TaxonomyError(f"skills.toml: family {family.id!r} is defined twice")
        families[family.id] = family
        for raw_skill in raw["skills"]:
            skill = _parse_skill(raw_skill, family.id, raw.get("category"))
            if skill.id in skills:
                raise TaxonomyError(f"skills.toml: skill id {skill.id!r} is used twice")
            skills[skill.id] = skill
    for skill in skills.values():
        if set(skill.shows).difference(skills) or skill.id in skill.shows:
            unknown = sorted(set(skill.shows).difference(skills)) or [skill.id]
            raise TaxonomyError(f"skills.toml: skill {skill.id!r}: `shows` names unknown or itself: {unknown}")
        if skill.context_families.difference(families):
            unknown = sorted(skill.context_families.difference(families))
            raise TaxonomyError(f"skills.toml: skill {skill.id!r}: unknown context_families {unknown}")
    try:
        return Taxonomy(families, tuple(skills.values()))
    except AliasError as error:
        raise TaxonomyError(str(error)) from None


def _parse_family(raw: Any) -> Family:
    where = f"skills.toml: family {raw.get('id') if isinstance(raw, dict) else raw!r}"
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw["id"]:
        raise TaxonomyError(f"{where}: every [[families]] entry needs an `id`")
    if raw.keys() - _FAMILY_KEYS:
        raise TaxonomyError(f"{where}: unknown keys {sorted(raw.keys() - _FAMILY_KEYS)}")
    if not isinstance(raw.get("skills"), list) or not raw["skills"]:
        raise TaxonomyError(f"{where}: needs a non-empty `skills` list")
    if not isinstance(raw.get("transferable", True), bool):
        raise TaxonomyError(f"{where}: `transferable` must be true or false")
    label = _text(raw, "label", where, raw["id"].replace("_", " "))
    bridge = _text(raw, "bridge", where, f"both draw on the same {label} skills")
    return Family(raw["id"], label, bridge, raw.get("transferable", True))


def _parse_skill(raw: Any, family: str, default_category: Any) -> Skill:
    where = f"skills.toml: family {family!r}, skill {raw.get('id') if isinstance(raw, dict) else raw!r}"
    skill_id = raw.get("id") if isinstance(raw, dict) else None
    if not isinstance(skill_id, str) or not skill_id.replace("_", "").isalnum() or not skill_id.islower():
        raise TaxonomyError(f"{where}: `id` must be lowercase letters, digits and underscores")
    if raw.keys() - _SKILL_KEYS:
        raise TaxonomyError(f"{where}: unknown keys {sorted(raw.keys() - _SKILL_KEYS)}")
    category = raw.get("category", default_category)
    if category not in CATEGORIES:
        raise TaxonomyError(f"{where}: category must be one of {', '.join(CATEGORIES)}, not {category!r}")
    if not all(isinstance(raw.get(key, False), bool) for key in ("strict", "broad")):
        raise TaxonomyError(f"{where}: `strict` and `broad` must be true or false")
    cased, context = _words(raw, "cased", where), _words(raw, "context", where)
    guarded = tuple(a for alias in _words(raw, "guarded", where) for a in expand_alias(alias, where))
    if (context or raw.get("strict")) and not (cased or guarded):
        raise TaxonomyError(f"{where}: `context` and `strict` guard `cased` or `guarded` aliases; list some")
    if guarded and not context:
        raise TaxonomyError(f"{where}: `guarded` aliases need `context` words")
    return Skill(
        id=skill_id,
        name=_text(raw, "name", where, None),
        category=category,
        family=family,
        aliases=tuple(dict.fromkeys(a for alias in _words(raw, "aliases", where) for a in expand_alias(alias, where))),
        cased=cased,
        context=_token_set(context),
        context_families=frozenset(_words(raw, "context_families", where)) | {family},
        strict=raw.get("strict", False),
        not_before=_token_set(_words(raw, "not_before", where)),
        not_after=_token_set(_words(raw, "not_after", where)),
        broad=raw.get("broad", False),
        shows=_words(raw, "shows", where),
        guarded=guarded,
    )


def _token_set(words: Sequence[str]) -> frozenset[str]:
    """Words compared with a sentence's tokens, tokenized the same way ("node.js" is two)."""
    return frozenset(token for word in words for token in alias_tokens(word))


def _text(raw: Mapping[str, Any], key: str, where: str, default: str | None) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise TaxonomyError(f"{where}: `{key}` must be a non-empty string")
    return value.strip()


def _words(raw: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{where}: `{key}` must be a list of non-empty strings")
    return tuple(v.strip() for v in value)
