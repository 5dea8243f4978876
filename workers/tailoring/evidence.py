"""How good a line of a profile is as evidence of a skill: an achievement with numbers beats
a job header, a bare list of skills or a course."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from .tokens import BOUNDARY, tokenize

DIGIT_RE: Final = re.compile(r"\d")
# "2019 - 2021", "2021 - present", "Jun 2021 - Aug 2022", "2020 to Summer 2022"
_DATE_RANGE_RE: Final = re.compile(
    r"(?:19|20)\d\d\s*(?:-|–|—|to)\s*"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Spring|Summer|Fall|Autumn|Winter)[a-z]*\.?\s+)?"
    r"(?:(?:19|20)\d\d|[Pp]resent|[Cc]urrent|[Nn]ow|[Tt]oday)"
)
_EDUCATION_RE: Final = re.compile(
    r"\b(?:[Uu]niversity|[Cc]ollege|[Cc]oursework|[Cc]ourse|[Dd]egree|[Bb]ootcamp|[Ss]tudent|[Dd]iploma|"
    r"[Bb]achelor'?s?|[Mm]aster'?s?|B\.?S\.|B\.?A\.|GPA|[Aa]cademy|[Cc]ertificate program)\b"
)


# The quality of a heading, and of a profile's first line when it is the candidate's name and
# title (``skills._extract``): the last lines to quote.
LAST_RESORT_QUALITY: Final = -8
_HEADER_MAX: Final = 160  # characters: a job header is one short line
_DATES_AT_END: Final = 45  # "2016 - 2019 (while in nursing school)": where a header's dates start, at the latest
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
        return LAST_RESORT_QUALITY  # a heading ("Teaching experience"): even a job header says more
    score = -2 if words <= 2 or (commas >= 2 and words <= 4 * (commas + 1)) else 0
    if DIGIT_RE.search(line):
        # An achievement needs a few words around its number; "Hannah Berg, E-RYT 500" is a header.
        score += -2 if _DATE_RANGE_RE.search(line) else (2 if words >= 5 else 0)
    elif words >= 8:
        score += 1  # a sentence of what they did beats a header ("Tomasz Nowak - Backend Developer")
    return score - 3 * about_education(line)


@lru_cache(maxsize=8192)
def about_education(line: str) -> bool:
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


def employer_span(line: str) -> tuple[int, int] | None:
    """In a job header of a profile ("Customer Service Representative, Penn Freight Brokers,
    2018 - 2020"), the tokens (as ``tokens.tokenize`` counts them) from the employer to
    the dates: a skill named there is the employer's business ("Freight", "Land surveying",
    "Staffing"), not the candidate's. None for any other line, and for a school's line
    ("Savannah Technical College, Hospitality Management coursework, 2019 - 2020"), where what
    follows the comma is what they studied."""
    if ", " not in line or len(line) > _HEADER_MAX or ("19" not in line and "20" not in line):
        return None
    dates = _DATE_RANGE_RE.search(line, len(line) - _DATES_AT_END)  # a header ends with its dates
    if dates is None:
        return None
    title, comma, employer = line[: dates.start()].partition(", ")
    if not comma or _names_a_school(title):
        return None
    tokens = tokenize(f"{title} {BOUNDARY} {employer}")  # one call: the boundary token is never split
    first = tokens.index(BOUNDARY)
    return first, len(tokens) - 1


def _names_a_school(title: str) -> bool:
    """Does the part before the first comma name a school ("Savannah Technical College")?"""
    return (
        "College" in title or "University" in title or "School" in title or "Institute" in title
        or "Academy" in title or "Bootcamp" in title
    )
