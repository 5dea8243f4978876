"""Who is across the table: map an interviewer onto one of ``model.ROLES``.

Decisions, in the order ``detect_role`` applies them:

1. A ``role`` the host gives (one of ROLES) wins; then the ``is_hiring_manager`` flag.
2. Executive titles (CEO, Chief ..., President, VP, Founder, Owner, **Director**, Head of)
   are ``executive``. Directors go here: they speak to strategy and where the team fits;
   a director who is the hiring manager should be flagged by the host, and the flag wins.
   "Account Executive" and "Executive Assistant" are not executive titles.
3. Recruiting and people titles (Recruiter, Talent Acquisition Partner, HR Business
   Partner, People Ops ...) are ``recruiter`` - unless the job itself is in recruiting or
   HR, where those people are the candidate's peers and managers.
4. Otherwise the interviewer's own family (from their title) is compared with the job's
   families (primary and secondary; software and data count as one side): a different
   family is ``cross_functional`` ("Product Manager" interviewing for an engineering job).
5. Same side: a managing title ("... Manager", Supervisor, Head Chef, Foreman; not the
   individual-contributor "Product/Account/Project ... Manager") is ``hiring_manager`` -
   when nobody is flagged, a manager in the room is most likely the hiring manager;
   everything else ("Senior Engineer", "Personal Trainer") is ``peer``.

``assign_roles`` does the same for a whole interview and settles what one interviewer
cannot: once someone is the hiring manager (flagged, or the first unflagged manager), other
same-side managers become ``peer``, and a general manager ``executive`` (the one the hiring
manager answers to: "Plant General Manager" beside the supply chain manager); two or more
interviewers with no title and no role are a ``panel``; a lone untitled interviewer gets the
stage's usual role (``STAGE_DEFAULT_ROLE``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from .families import FAMILIES, title_family
from .model import ROLES, InterviewerInfo

STAGE_DEFAULT_ROLE: Final[dict[str, str]] = {
    "screen": "recruiter",
    "skills": "peer",
    "onsite": "hiring_manager",
    "final": "hiring_manager",
}

# Families whose people work side by side as peers.
_SAME_SIDE: Final[tuple[frozenset[str], ...]] = (frozenset({"software", "data"}),)
_RECRUITING_FAMILIES: Final = frozenset({"hr_recruiting"})

_EXECUTIVE: Final = re.compile(
    r"\b(?:ceo|cto|cfo|coo|cmo|cro|cpo|cio|ciso|chro|chief|president|vp|svp|evp|"
    r"vice[- ]president|founder|co-?founder|director|head of|managing partner)\b"
    r"|^(?:co-?)?owner\b|\b(?:business|company|studio|club|shop) owner\b"
    # A school's principal runs the school ("Principal Engineer" is a peer: not matched).
    r"|^principal$|\bhead of school\b"
)
_RECRUITING: Final = re.compile(
    r"\b(?:recruiter|recruiting|recruitment|talent acquisition|talent partner|sourcer|"
    r"hr|hrbp|human resources|people operations|people ops|people partner|people team|"
    r"people and culture|people & culture)\b"
)
# A site's general manager (not an assistant GM): the hiring manager when alone, above the
# hiring manager when someone else is that.
_GENERAL_MANAGER: Final = re.compile(r"(?<!assistant )\bgeneral manager\b|^gm$")
# "... Manager" titles that name an individual contributor, not a people manager.
INDIVIDUAL_MANAGER_TITLES: Final = re.compile(
    r"\b(?:product|account|project|program|programme|case|customer success|community|social media|"
    r"relationship|brand|content|territory|property|client success) manager\b"
)
_MANAGING: Final = re.compile(
    r"\b(?:manager|management|supervisor|superintendent|foreman|forewoman|"
    r"head (?:chef|nurse|coach|trainer|teacher)|charge nurse|principal of|"
    r"headteacher|head teacher|school principal|assistant principal|vice principal|"
    r"department chair|chair of|dean)\b"
)


def _side(family: str | None) -> frozenset[str]:
    if family is None:
        return frozenset()
    for group in _SAME_SIDE:
        if family in group:
            return group
    return frozenset({family})


def _is_cross_functional(title: str, job_families: frozenset[str]) -> bool:
    known = [family for family in job_families if family in FAMILIES]
    own = title_family(title)
    if own is None or not known:
        return False
    return not (_side(own) & {f for family in known for f in _side(family)})


def detect_role(interviewer: InterviewerInfo, job_families: Iterable[str] = ()) -> str:
    """The interviewer's role for a job in ``job_families`` (see the module docstring)."""
    if interviewer.role in ROLES:
        return interviewer.role
    if interviewer.is_hiring_manager:
        return "hiring_manager"
    title = " ".join(interviewer.title.lower().split())
    families = frozenset(job_families)
    if _EXECUTIVE.search(title):
        return "executive"
    if _RECRUITING.search(title) and not families & _RECRUITING_FAMILIES:
        return "recruiter"
    if _is_cross_functional(title, families):
        return "cross_functional"
    managing = _MANAGING.search(INDIVIDUAL_MANAGER_TITLES.sub(" ", title))
    return "hiring_manager" if managing else "peer"


def _is_untitled(interviewer: InterviewerInfo) -> bool:
    return (
        not interviewer.title.strip()
        and interviewer.role not in ROLES
        and not interviewer.is_hiring_manager
    )


def assign_roles(
    interviewers: Sequence[InterviewerInfo], job_families: Iterable[str], stage: str
) -> tuple[str, ...]:
    """One role per interviewer, in order, for an interview at ``stage``."""
    families = frozenset(job_families)
    untitled = [_is_untitled(i) for i in interviewers]
    roles = [detect_role(i, families) for i in interviewers]
    explicit_manager = any(
        i.is_hiring_manager or i.role == "hiring_manager" for i in interviewers
    )
    seen_manager = explicit_manager
    for index, interviewer in enumerate(interviewers):
        inferred = interviewer.role not in ROLES and not interviewer.is_hiring_manager
        if roles[index] == "hiring_manager" and inferred and not untitled[index]:
            if seen_manager:
                # The site's general manager beside the hiring manager is the one above them.
                roles[index] = "executive" if _GENERAL_MANAGER.search(interviewer.title.lower()) else "peer"
            seen_manager = True
    if sum(untitled) >= 2:
        return tuple("panel" if blank else role for blank, role in zip(untitled, roles, strict=True))
    for index, blank in enumerate(untitled):
        if blank:
            default = STAGE_DEFAULT_ROLE.get(stage, "peer")
            roles[index] = "peer" if default == "hiring_manager" and seen_manager else default
    return tuple(roles)
