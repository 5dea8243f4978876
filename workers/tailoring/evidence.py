"""How good a line of a profile is as evidence of a skill: an achievement with numbers beats
a job header, a bare list of skills or a course."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

DIGIT_RE: Final = re.compile(r"\d")
_DATE_RANGE_RE: Final = re.compile(
    r"(?:19|20)\d\d\s*(?:-|–|—|to)\s*(?:(?:19|20)\d\d|[Pp]resent|[Cc]urrent|[Nn]ow|[Tt]oday)"
)
_EDUCATION_RE: Final = re.compile(
    r"\b(?:[Uu]niversity|[Cc]ollege|[Cc]oursework|[Cc]ourse|[Dd]egree|[Bb]ootcamp|[Ss]tudent|[Dd]iploma|"
    r"[Bb]achelor'?s?|[Mm]aster'?s?|B\.?S\.|B\.?A\.|GPA|[Aa]cademy|[Cc]ertificate program)\b"
)


# The last word of a profile's section headings ("Teaching experience", "Technical skills").
_HEADING_ENDS: Final = frozenset({
    "experience", "skills", "history", "summary", "background", "highlights", "achievements", "certifications",
    "education", "projects", "expertise", "profile", "qualifications", "competencies",
})


@lru_cache(maxsize=8192)
def evidence_quality(line: str) -> int:
    """Higher for a line with numbers in it (an achievement: "beat quota by 20%", "12 kids"),
    lower for a job header ("Barista, Corner Coffee (2019 - 2021)"), a bare list of skills or
    a course ("Culinary Arts coursework"), lowest for a heading ("Teaching experience")."""
    words, commas = line.count(" ") + 1, line.count(",")
    if words <= 3 and line.rsplit(" ", 1)[-1].lower().rstrip(":") in _HEADING_ENDS:
        return -8  # a heading ("Teaching experience"): even a job header says more
    score = -2 if words <= 2 or (commas >= 2 and words <= 4 * (commas + 1)) else 0
    if DIGIT_RE.search(line):
        # An achievement needs a few words around its number; "Hannah Berg, E-RYT 500" is a header.
        score += -2 if _DATE_RANGE_RE.search(line) else (2 if words >= 5 else 0)
    elif words >= 8:
        score += 1  # a sentence of what they did beats a header ("Tomasz Nowak - Backend Developer")
    return score - 3 * _about_education(line)


def _about_education(line: str) -> bool:
    """``_EDUCATION_RE.search(line)``, faster. The pattern starts with \\b, so ``re`` tries it
    at every position (4 us for a line of a profile, most of ``evidence_quality``). Whatever it
    matches contains one of the stems below (lower-cased) or marks (as written), and this chain
    of substring tests (under 1 us) rules most lines out before it runs."""
    low = line.lower()
    return (
        "universit" in low or "college" in low or "course" in low or "degree" in low or "bootcamp" in low
        or "student" in low or "diploma" in low or "bachelor" in low or "master" in low or "academy" in low
        or "certificate program" in low
        or "GPA" in line or "BS." in line or "B.S." in line or "BA." in line or "B.A." in line
    ) and _EDUCATION_RE.search(line) is not None
