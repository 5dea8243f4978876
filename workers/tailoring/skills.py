"""Reading postings and profiles: ``extract_skills``, ``read_posting``, ``extract_profile_skills``.

The data and its matcher are in ``skill_taxonomy`` and ``skill_scanner``; sorting a job's
skills (``job_skill_sections``) and matching a candidate to it (``match_skills``) in
``skill_matching``.

How a posting's sections decide whether a skill is required:

- the job title, the ``requirements`` field, and text under headings such as "Requirements",
  "Must have", "What you'll need", "Qualifications", "About you" are **required**;
- text under "Nice to have", "Bonus", "Preferred", "Pluses", and any line that says "a plus",
  "preferred" or "nice to have", is **nice to have**;
- the description before any heading, and "Responsibilities" / "What you'll do", is
  **mentioned**: the job clearly uses the skill, so it counts as required when the posting has
  no requirements section at all; otherwise it ranks after the required skills and before the
  nice-to-haves, and is not marked required;
- "Benefits", "Perks", "About us", "How to apply"... are **other**, ignored for the job (a free
  gym membership is not a skill the job needs);
- examples in brackets ("sales experience (retail, hospitality or fitness)") are asked for one
  level less than their line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .evidence import DIGIT_RE, evidence_quality
from .skill_scanner import tokenize
from .skill_taxonomy import Skill, load_taxonomy

REQUIRED, MENTIONED, NICE_TO_HAVE, OTHER = "required", "mentioned", "nice_to_have", "other"
RANK = {REQUIRED: 0, MENTIONED: 1, None: 1, NICE_TO_HAVE: 2, OTHER: 3}
EVIDENCE_MAX = 200

_BULLET_STARTS = frozenset("-*•·▪◦‣>0123456789")
_BULLET_RE = re.compile(r"^(?:[-*•·▪◦‣>]+|\d{1,2}[.)])\s+")
_ASIDE_RE = re.compile(r"\(([^()]*)\)")
_DEMOTED = {REQUIRED: MENTIONED, MENTIONED: NICE_TO_HAVE, None: NICE_TO_HAVE}
# A sentence ends at . ! or ? before a capital; the pattern starts with a literal class so the
# regex engine skips ahead fast.
_SENTENCE_RE = re.compile(r"([.!?])\s+(?=[\"'“(]?[A-Z0-9])")
_SECTION_RES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (NICE_TO_HAVE, re.compile(
        r"\b(?:nice[ -]to[ -]haves?|bonus(?: points)?|preferred|pluses|plus|desired|desirable|"
        r"good to have|extra credit|ideally|even better|optional)\b")),
    (OTHER, re.compile(
        r"\b(?:benefits?|perks|what we offer|we offer|compensation|salary|pay|about us|who we are|"
        r"about the company|why (?:join|work)|equal opportunity|eeo|how to apply|location|schedule|"
        r"hours|our (?:culture|values|story|mission|team))\b"
        r"|^about (?!(?:the |this )?(?:role|job|position|opportunity|you)\b)")),
    (REQUIRED, re.compile(
        r"\b(?:requirements?|required|must[ -]haves?|what you(?:'ll| will)? need|qualifications?|"
        r"who you are|(?:we're|we are) looking for|you have|you(?:'ll)? bring|about you|minimum|"
        r"essential|skills|experience|ideal candidate|competenc(?:y|ies))\b")),
    (MENTIONED, re.compile(
        r"\b(?:responsibilit(?:y|ies)|what you(?:'ll| will) do|(?:the|your|this) (?:role|job|position)|"
        r"duties|day[ -]to[ -]day|in this role|you will|you'll|key tasks|overview|summary|description)\b")),
)
# The words a heading without a colon may be made of ("Nice to have", "Key responsibilities").
_HEADING_VOCABULARY = """
    a about additional and apply are basic benefits bonus bring candidate company compensation core day
    description desirable desired do duties education essential experience for have haves how ideal in job
    key life looking minimum must need nice offer optional our overview pay perks plus pluses points position
    preferred qualification qualifications required requirement requirements responsibilities role salary
    schedule skills summary the this to us we we're what who why will you you'll your &
"""
_HEADING_WORDS = frozenset(_HEADING_VOCABULARY.split())
_NICE_MARK_RE = re.compile(
    r"\b(?:a plus|(?:is|are) a bonus|bonus|preferred|nice[ -]to[ -]have|desirable|ideally|not required|"
    r"would be great|helpful)\b"
)
_REQUIRED_MARK_RE = re.compile(r"\b(?:required|must|mandatory|essential)\b")
# A wrapped line ends mid-phrase: "...pulled wire for power and lighting on a"
_DANGLING_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "into"}
)
_NICE_HINTS = ("plus", "bonus", "prefer", "nice", "desirab", "ideally", "not required", "great", "helpful")
_REQUIRED_HINTS = ("requir", "must", "mandatory", "essential")


@dataclass(frozen=True)
class SkillMention:
    """One skill found in a text, with the sentence or bullet line that names it."""

    skill_id: str
    name: str
    kind: str  # "hard" | "soft"
    category: str  # "hard" | "tool" | "certification" | "soft"
    family: str
    evidence: str
    section: str | None  # "required" | "mentioned" | "nice_to_have" | "other" | None


def extract_skills(text: str, *, default_section: str | None = None) -> list[SkillMention]:
    """The skills a posting (or any text) names, one mention each, in reading order.

    Headings set each mention's section (``default_section`` until the first one), and a
    mention keeps the first line in its highest-ranked section.
    """
    return read_posting(text, default_section)[0]


def read_posting(text: str, default_section: str | None = None) -> tuple[list[SkillMention], bool]:
    """``extract_skills``, and whether the text has a requirements heading of its own."""
    found, headed_required = _extract(text, default_section, posting=True)
    return [_mention(*item) for item in found], headed_required


def extract_profile_skills(text: str) -> list[SkillMention]:
    """The skills a candidate's profile shows, each with the candidate's best line for it.

    Headings are ignored ("Skills:" is no requirement), wishes and plans are no evidence
    ("looking for a sales role", "studying for the NASM exam"), and a line with numbers in it
    beats a job header or a bare list of skills.
    """
    return [_mention(*item) for item in _extract(text, None, posting=False)[0]]


def profile_evidence(text: str) -> list[tuple[Skill, str]]:
    """``extract_profile_skills`` as (skill, evidence) pairs: the same, without the objects."""
    return [(skill, evidence) for skill, evidence, _ in _extract(text, None, posting=False)[0]]


def _mention(skill: Skill, evidence: str, section: str | None) -> SkillMention:
    return SkillMention(skill.id, skill.name, skill.kind, skill.category, skill.family, evidence, section)


def _extract(
    text: str, default: str | None, *, posting: bool
) -> tuple[list[tuple[Skill, str, str | None]], bool]:
    """(skill, evidence, section) per skill in reading order, and whether a heading asked for
    requirements."""
    if not text.strip():
        return [], False
    sentences, headed_required = _sentences(text, default, sections=posting)
    wishes: set[int] = set()
    hits = load_taxonomy().scan([sentence for _, sentence in sentences], wishes=wishes)
    # skill id -> [rank, sentence index, token index, skill]; ties on rank go to the better line.
    best: dict[str, list[Any]] = {}
    quality: dict[int, int] = {}  # sentence index -> evidence_quality, computed when needed

    def better(index: int, than: int) -> bool:
        for i in (index, than):
            if i not in quality:
                quality[i] = evidence_quality(sentences[i][1])
        return quality[index] > quality[than]

    for skill, index, token in hits:
        if index in wishes and not posting:  # a profile's wishes and plans are no evidence
            continue
        rank = RANK[sentences[index][0]]
        current = best.get(skill.id)
        if current is None or rank < current[0]:
            best[skill.id] = [rank, index, token, skill]
        elif not posting and better(index, current[1]):
            current[1:3] = index, token
    found = [
        (skill, _evidence(sentences[index][1], token), sentences[index][0])
        for _, index, token, skill in sorted(best.values(), key=lambda b: (b[1], b[2]))
    ]
    return found, headed_required


def _sentences(text: str, default: str | None, sections: bool) -> tuple[list[tuple[str | None, str]], bool]:
    """(section, sentence or bullet line) pairs, following the headings when ``sections``."""
    found: list[tuple[str | None, str]] = []
    section, headed_required = default, False
    for line in _logical_lines(text):
        line_section = section
        if sections:
            # A cheap first look, so that ordinary bullets skip the heading patterns.
            if ":" in line[:50] or line[0] in "#*" or (line.count(" ") < 6 and line[-1] not in ".!?"):
                heading, body = _read_heading(line)
                if heading is not None and body is None:
                    section = line_section = heading
                    headed_required |= heading == REQUIRED
                elif heading is not None and body:
                    line_section, line = heading, body
            if "(" in line:
                for part_section, part in _asides(line_section, line):
                    _add_sentences(found, _mark(part_section, part), part)
                continue
            line_section = _mark(line_section, line)
        _add_sentences(found, line_section, line)
    return found, headed_required


def _logical_lines(text: str) -> list[str]:
    """Lines with bullets removed and wrapped lines joined back ("...on a" + "220,000 sq ft...")."""
    lines: list[str] = []
    previous, previous_bullet = "", False  # the last line of this paragraph, if any
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            previous = ""
            continue
        bullet = line[0] in _BULLET_STARTS and _BULLET_RE.match(line)
        if bullet:
            line = line[bullet.end() :]
        elif previous and _continues(previous, line, hanging=previous_bullet and raw[:1].isspace()):
            lines[-1] = previous = f"{previous} {line}"
            continue
        if line:
            lines.append(line)
            previous, previous_bullet = line, bool(bullet)
    return lines


def _continues(previous: str, line: str, *, hanging: bool) -> bool:
    if previous[-1] in ".!?:;":
        return False
    if line[0].islower() or hanging or previous[-1] in ",-&":
        return True
    return previous.rsplit(" ", 1)[-1].lower() in _DANGLING_WORDS


def _add_sentences(found: list[tuple[str | None, str]], section: str | None, line: str) -> None:
    if ". " in line or "! " in line or "? " in line:
        found.extend((section, sentence) for sentence in _split_sentences(line))
    else:
        found.append((section, line))


def _split_sentences(line: str) -> list[str]:
    pieces = _SENTENCE_RE.split(line)  # text, end mark, text, end mark, ..., text
    sentences: list[str] = []
    current = ""
    for k in range(0, len(pieces), 2):
        current += pieces[k] + (pieces[k + 1] if k + 1 < len(pieces) else "")
        if k + 1 < len(pieces) and current.lower().endswith(("e.g.", "i.e.", "etc.")):
            current += " "  # an abbreviation, not the end of a sentence
            continue
        if current.strip():
            sentences.append(current.strip())
        current = ""
    return sentences


def _asides(section: str | None, line: str) -> list[tuple[str | None, str]]:
    """Split "(retail, hospitality and fitness all count)" off a line: examples in brackets
    are asked for one level less than the line itself."""
    asides = [(_DEMOTED.get(section, section), aside) for aside in _ASIDE_RE.findall(line)]
    return [(section, _ASIDE_RE.sub(" ", line)), *asides]


def _mark(section: str | None, line: str) -> str | None:
    """A line's own words override its section: "CPR is a plus", "a license is required"."""
    if section in (NICE_TO_HAVE, OTHER):
        return section
    low = line.lower()
    # Substring tests (fast) before the patterns (slow on long lines): most lines have neither.
    if any(hint in low for hint in _NICE_HINTS) and _NICE_MARK_RE.search(low):
        return NICE_TO_HAVE
    if section != REQUIRED and any(hint in low for hint in _REQUIRED_HINTS) and _REQUIRED_MARK_RE.search(low):
        return REQUIRED
    return section


def _read_heading(line: str) -> tuple[str | None, str | None]:
    """(section, None) for a heading line, (section, rest) for "Bonus: CPR", else (None, None)."""
    label, colon, rest = line.strip("#*_ ").partition(":")
    label = label.strip("*_ ").lower()
    rest = rest.strip("*_ ")
    words = label.split()
    if not words or len(words) > (4 if rest else 6) or DIGIT_RE.search(label):
        return None, None
    marked = bool(colon) or line.startswith(("#", "**"))
    if not (marked or line.isupper() or all(w.strip(",.-") in _HEADING_WORDS for w in words)):
        return None, None
    section = next((name for name, pattern in _SECTION_RES if pattern.search(label)), None)
    if rest:
        return (section, rest) if section else (None, None)
    return (section or MENTIONED, None) if marked else (section, None)


def _evidence(sentence: str, token: int) -> str:
    """The line, trimmed to ``EVIDENCE_MAX`` characters around the skill when it is long."""
    text = sentence.strip("*_ ")
    if "  " in text or "\t" in text:
        text = " ".join(text.split())
    if len(text) <= EVIDENCE_MAX:
        return text
    tokens = tokenize(text)
    at = text.find(tokens[min(token, len(tokens) - 1)]) if tokens else 0
    start = max(0, min(at - 60, len(text) - EVIDENCE_MAX + 2))
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + EVIDENCE_MAX - 2)
    if end < len(text) and text.rfind(" ", at, end) > at:
        end = text.rfind(" ", at, end)
    return ("…" if start else "") + text[start:end].strip(" ,;") + ("…" if end < len(text) else "")
