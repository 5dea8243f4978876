"""Reading postings and profiles: ``extract_skills``, ``read_posting``, ``extract_profile_skills``.

The data and its matcher are in ``skill_taxonomy`` and ``skill_scanner`` (with ``tokens`` and
``alias_forms``); splitting a text into sentences and how a posting's headings decide whether
a skill is required, in ``text_sections``; sorting a job's skills (``job_skill_sections``)
and matching a candidate to it (``match_skills``) in ``skill_matching``.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any, Final, NamedTuple

from .evidence import DIGIT_RE, LAST_RESORT_QUALITY, employer_span, evidence_quality
from .skill_taxonomy import Skill, load_taxonomy
from .text_sections import MENTIONED, NICE_TO_HAVE, OTHER, RANK, REQUIRED, object_spans, read_sentences
from .tokens import tokenize

__all__ = [
    "EVIDENCE_MAX", "MENTIONED", "NICE_TO_HAVE", "OTHER", "RANK", "REQUIRED", "SkillMention",
    "extract_profile_skills", "extract_skills", "mention", "posting_skills", "profile_evidence", "read_posting",
    "read_postings",
]

EVIDENCE_MAX: Final = 200
_READING_ORDER: Final = itemgetter(1, 2)  # (sentence, token) of a best-line entry; in C, not a lambda


class SkillMention(NamedTuple):
    """One skill found in a text, with the sentence or bullet line that names it (a named
    tuple: a posting yields dozens, and a tuple is several times cheaper to make)."""

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
    return read_postings([(text, default_section)])[0]


def read_postings(parts: Sequence[tuple[str, str | None]]) -> list[tuple[list[SkillMention], bool]]:
    """``read_posting`` for each (text, default section) of ``parts`` (a job's title,
    requirements and description): the same results, from one scan of the taxonomy."""
    return [([mention(*item) for item in found], headed_required) for found, headed_required in posting_skills(parts)]


def posting_skills(
    parts: Sequence[tuple[str, str | None]]
) -> list[tuple[list[tuple[Skill, str, str | None]], bool]]:
    """``read_postings`` as (skill, evidence, section) triples: the same, without the objects."""
    return _extract(parts, posting=True)


def extract_profile_skills(text: str) -> list[SkillMention]:
    """The skills a candidate's profile shows, each with the candidate's best line for it.

    Headings are ignored ("Skills:" is no requirement), wishes and plans are no evidence
    ("looking for a sales role", "studying for the NASM exam"), nor is what an employer sells
    ("Cartwheel sells payroll and HR software") or the employer's name in a job header
    ("Customer Service Representative, Penn Freight Brokers, 2018 - 2020"), and a line with
    numbers in it beats a job header or a bare list of skills.
    """
    return [mention(*item) for item in _extract([(text, None)], posting=False)[0][0]]


def profile_evidence(text: str) -> list[tuple[Skill, str]]:
    """``extract_profile_skills`` as (skill, evidence) pairs: the same, without the objects."""
    return [(skill, evidence) for skill, evidence, _ in _extract([(text, None)], posting=False)[0][0]]


def mention(skill: Skill, evidence: str, section: str | None) -> SkillMention:
    """The ``SkillMention`` of a skill found on a line (in a section)."""
    return SkillMention(skill.id, skill.name, skill.kind, skill.category, skill.family, evidence, section)


def _extract(
    parts: Sequence[tuple[str, str | None]], *, posting: bool
) -> list[tuple[list[tuple[Skill, str, str | None]], bool]]:
    """Per (text, default section): (skill, evidence, section) per skill in reading order, and
    whether a heading asked for requirements.

    The texts' sentences go through one scan: its cost is partly per call, and a sentence's
    hits do not depend on the sentences around it (the scanner joins them with a boundary).
    """
    read = [read_sentences(text, default, sections=posting) if text.strip() else ([], False) for text, default in parts]
    sentences = [pair for found, _ in read for pair in found]
    owner = [k for k, (found, _) in enumerate(read) for _ in found]  # sentence index -> part
    wishes: set[int] = set()
    selling: set[int] = set()  # sentences that may say what a company sells, or to whom
    hits = load_taxonomy().scan([sentence for _, sentence in sentences], wishes=wishes, objects=selling)
    objects = {index: spans for index in selling if (spans := object_spans(sentences[index][1]))}
    if not posting:  # nor, in a profile, the employer named in a job header ("Penn Freight Brokers")
        for index in {hit[1] for hit in hits}:
            if employer := employer_span(sentences[index][1]):
                objects[index] = (*objects.get(index, ()), employer)
    # Per part: skill id -> [rank, sentence index, token index, skill]; ties on rank go to the
    # better line.
    bests: list[dict[str, list[Any]]] = [{} for _ in parts]
    quality: dict[int, int] = {}  # sentence index -> evidence_quality, computed when needed
    if not posting and sentences and _is_name_line(sentences[0][1]):
        quality[0] = LAST_RESORT_QUALITY  # "Daniel Osei - Senior User Researcher": any other line says more

    def better(index: int, than: int) -> bool:
        for i in (index, than):
            if i not in quality:
                quality[i] = evidence_quality(sentences[i][1])
        return quality[index] > quality[than]

    for skill, index, token in hits:
        if index in wishes and not posting:  # a profile's wishes and plans are no evidence
            continue
        if index in objects and any(first <= token < end for first, end in objects[index]):
            continue  # what a company sells, or whom someone sells to, or the employer's name
        rank = RANK[sentences[index][0]]
        best = bests[owner[index]]
        current = best.get(skill.id)
        if current is None or rank < current[0]:
            best[skill.id] = [rank, index, token, skill]
        elif not posting and better(index, current[1]):
            current[1:3] = index, token
    return [
        (
            [
                (skill, _evidence(sentences[index][1], token), sentences[index][0])
                for _, index, token, skill in sorted(best.values(), key=_READING_ORDER)
            ],
            headed_required,
        )
        for best, (_, headed_required) in zip(bests, read, strict=True)
    ]


def _is_name_line(line: str) -> bool:
    """Does a profile's first line look like the candidate's name and title ("Rebecca Adler -
    Senior Product Manager"): a few words, no digits, no sentence?"""
    return line.count(" ") < 8 and line[-1] not in ".!?" and not DIGIT_RE.search(line)


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
