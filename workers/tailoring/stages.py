"""Map the host's words for an interview stage onto ``model.STAGES``.

Hosts say "phone screen", "take-home review", "loop", "final round" or "offer conversation".
The rules below are tried in order and the first match wins, so the more telling words
come first: anything "final" or about an offer is ``final`` even when it is also a panel
("final panel"); anything technical or practical is ``skills`` even on the phone
("technical phone screen" is a skills check, with an engineer across the table).
Unknown or empty words map to ``DEFAULT_STAGE``: "onsite", the middle of a process, whose
questions (the role, the team, success, culture) suit any interviewer and never touch pay.
"""

from __future__ import annotations

import re
from typing import Final

from .model import STAGES

DEFAULT_STAGE: Final = "onsite"

_RULES: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("final", (
        "final", "offer", "last round", "third round", "3rd round", "executive", "leadership",
        "ceo", "founder", "director", "decision", "closing", "sell call", "references",
    )),
    ("skills", (
        "technical", "tech", "take-home", "take home", "takehome", "assessment", "skills",
        "skill", "coding", "code", "case study", "case interview", "portfolio", "trial shift",
        "trial", "working interview", "demo", "presentation", "pairing", "pair programming",
        "whiteboard", "exercise", "audition", "practical", "system design", "test", "task",
        "assignment", "role play", "roleplay", "mock", "teaching demo", "sample lesson",
    )),
    ("screen", (
        "screen", "screening", "phone", "recruiter", "intro", "introductory", "initial",
        "first round", "1st round", "first interview", "call", "hr interview", "talent",
        "chat", "exploratory",
    )),
    ("onsite", (
        "onsite", "on-site", "on site", "loop", "panel", "culture", "values", "team",
        "second round", "2nd round", "superday", "in person", "in-person", "meet",
        "hiring manager", "behavioural", "behavioral", "interview",
    )),
)

_PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = tuple(
    (
        stage,
        re.compile(
            r"(?<![a-z0-9])(?:"
            + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            + r")(?![a-z0-9])"
        ),
    )
    for stage, words in _RULES
)


def normalise_stage(stage: str) -> str:
    """One of ``STAGES`` for the host's word(s) ``stage`` (``DEFAULT_STAGE`` when unknown)."""
    text = " ".join(stage.lower().replace("_", " ").split())
    if text in STAGES:
        return text
    for name, pattern in _PATTERNS:
        if pattern.search(text):
            return name
    return DEFAULT_STAGE
