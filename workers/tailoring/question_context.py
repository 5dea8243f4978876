"""What the question selection needs to know about a job, read once from the posting.

Slot extraction is deliberately narrow, so a question never reads oddly:

- ``{company}`` and ``{title}``: the job's own fields (whitespace collapsed).
- ``{team}``: a capitalised name right before "team", after "our" or "the" ("join our Growth
  team" -> "Growth"); leading filler words ("our amazing ...") are dropped, and a name that
  is only the company's is ignored.
- ``{product}``: a capitalised name right before "platform", "app", "product", "suite" or
  "software" after "our" or "the" ("our Atlas platform" -> "Atlas").
- ``{tool}``: the first tool from ``_TOOLS`` the posting names (requirements first). Each
  tool belongs to families, and a family question only takes a tool of its own family
  (a charting question takes "Epic", never "Excel").

Every value is at most ``MAX_SLOT_CHARS`` long and limited to letters, digits, spaces and
``&+.'-``; anything else leaves the slot empty and the question uses its fallback wording.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from .families import FAMILIES, GENERAL, detect_families, posting_terms
from .model import JobInfo
from .roles import INDIVIDUAL_MANAGER_TITLES
from .term_index import PhraseIndex

MAX_SLOT_CHARS: Final = 40
ANY: Final = "any"

# tool -> the families whose questions may name it (a question for any family takes any tool).
_TOOLS: Final[dict[str, tuple[str, ...]]] = {
    "Salesforce": ("sales", "marketing", "customer_support"), "HubSpot": ("sales", "marketing"),
    "Pipedrive": ("sales",), "Outreach": ("sales",), "Gong": ("sales",),
    "Jira": ("software", "product"), "GitHub": ("software",), "GitLab": ("software",),
    "Kubernetes": ("software",), "Docker": ("software",), "Terraform": ("software",),
    "AWS": ("software", "data"), "GCP": ("software", "data"), "Azure": ("software", "data"),
    "Python": ("software", "data"), "Java": ("software",), "TypeScript": ("software",),
    "JavaScript": ("software",), "React": ("software",), "Django": ("software",),
    "Ruby on Rails": ("software",), "Figma": ("design", "product"),
    "Sketch": ("design",), "Adobe Creative Cloud": ("design", "marketing"),
    "Tableau": ("data",), "Looker": ("data",), "Power BI": ("data", "finance"), "dbt": ("data",),
    "Snowflake": ("data",), "BigQuery": ("data",), "Airflow": ("data",), "Spark": ("data",),
    "Zendesk": ("customer_support",), "Intercom": ("customer_support",),
    "Freshdesk": ("customer_support",), "Workday": ("hr_recruiting", "finance"),
    "Greenhouse": ("hr_recruiting",), "Lever": ("hr_recruiting",), "BambooHR": ("hr_recruiting",),
    "QuickBooks": ("finance",), "Xero": ("finance",), "NetSuite": ("finance",),
    "SAP": ("finance", "operations"),
    "Excel": ("finance", "administration", "operations"), "Epic": ("healthcare",),
    "Cerner": ("healthcare",), "Meditech": ("healthcare",), "Mindbody": ("fitness_wellness",),
    "Glofox": ("fitness_wellness",), "ClubReady": ("fitness_wellness",),
    "ABC Fitness": ("fitness_wellness",), "Square": ("retail_hospitality",),
    "Toast": ("retail_hospitality",), "Shopify": ("retail_hospitality", "marketing"),
    "Lightspeed": ("retail_hospitality",), "Google Classroom": ("education",),
    "Canvas": ("education",), "Blackboard": ("education",), "Moodle": ("education",),
    "Seesaw": ("education",), "AutoCAD": ("skilled_trades",), "Procore": ("skilled_trades",),
    "ServiceTitan": ("skilled_trades",), "Marketo": ("marketing",), "Mailchimp": ("marketing",),
    "Google Ads": ("marketing",), "Google Analytics": ("marketing", "data"),
    "Hootsuite": ("marketing",), "Microsoft 365": ("administration",),
    "Google Workspace": ("administration",), "Outlook": ("administration",),
    "Asana": ("product", "marketing", "operations"), "Notion": ("product",),
}
# Tools whose names are everyday words must appear with their capital letter.
_CASE_SENSITIVE: Final = frozenset({
    "Outreach", "Square", "Toast", "Canvas", "Sketch", "Spark", "Lever", "Epic", "Excel", "Outlook",
    "Notion", "Workday", "Intercom", "Gong", "Seesaw", "Lightspeed", "Greenhouse", "Airflow", "React",
    "Java", "Looker", "Asana",
})

_TEAM: Final = re.compile(r"\b(?:[Oo]ur|[Tt]he)\s+((?:[A-Z][\w&+.'-]*\s+){0,3})[Tt]eam\b")
_PRODUCT: Final = re.compile(
    r"\b(?:[Oo]ur|[Tt]he)\s+((?:[A-Z][\w&+.'-]*\s+){1,3})(?:platform|app|product|suite|software)\b"
)
_ARTICLES: Final = ("our", "Our", "the", "The")  # what _TEAM and _PRODUCT start with
_FILLER: Final = frozenset((
    "amazing", "awesome", "great", "growing", "talented", "friendly", "dynamic", "small", "fast",
    "fast-growing", "world-class", "passionate", "new", "wonderful", "dedicated", "high-performing",
    "diverse", "collaborative", "fun", "global", "incredible", "close-knit", "supportive", "whole",
    "entire", "wider", "best", "leading", "award-winning", "core", "main", "cloud", "mobile", "web",
    "saas", "b2b", "b2c", "online", "digital",
))
_SAFE_VALUE: Final = re.compile(r"^[\w&+.' -]+$")
_LEVELS: Final = (
    ("entry", re.compile(r"\b(?:intern|internship|junior|jr|graduate|grad|entry|trainee|apprentice)\b")),
    ("lead", re.compile(r"\b(?:lead|manager|head|director|supervisor|chief|vp|foreman)\b")),
    # "Staff Engineer" is senior; "Staff Accountant" or "Staff Nurse" is not.
    ("senior", re.compile(
        r"\b(?:senior|sr|principal|experienced|expert|"
        r"staff(?= (?:\w+ )?(?:engineer|developer|scientist|designer|architect|researcher)))\b"
    )),
    ("mid", re.compile(r"\b(?:mid|intermediate|associate)\b")),
)
_STATED_MODES: Final = (
    ("hybrid", ("hybrid",)),
    ("remote", ("remote",)),
    ("onsite", ("onsite", "on-site", "on site", "office", "in person", "in-person")),
)
_HYBRID: Final = re.compile(r"\bhybrid\b(?!\s+(?:cloud|infrastructure|apps?|mobile|vehicles?|cars?))")
_REMOTE: Final = re.compile(
    r"\b(?:fully remote|remote[- ]first|remote[- ]friendly|100% remote|"
    r"remote (?:role|position|job|team|work)|work(?:ing)? remotely|work from (?:home|anywhere)|"
    r"distributed team)\b"
)


_TOOL_PHRASES: Final = PhraseIndex(_TOOLS, case_sensitive=_CASE_SENSITIVE)


@dataclass(frozen=True)
class JobContext:
    primary: str  # a family, or GENERAL
    secondary: str | None
    level: str  # one of question_bank.LEVELS
    work_mode: str | None  # "remote" | "hybrid" | "onsite" | None (unknown)
    slots: Mapping[str, str]  # company, title, team, product when found
    tools: tuple[tuple[str, frozenset[str]], ...]  # named tools in order, with their families
    career_path: bool = False  # the posting promises a way up ("a path to loan officer")
    ramp_up: bool = False  # the posting says how new hires learn the job ("your first 90 days")

    def can_fill(self, slots: tuple[str, ...], question_families: frozenset[str]) -> bool:
        """Whether the posting gives a value for every slot of a question."""
        for slot in slots:
            if slot == "tool":
                if not any(ANY in question_families or f & question_families for _, f in self.tools):
                    return False
            elif slot not in self.slots:
                return False
        return True

    def slot_values(self, question_families: frozenset[str]) -> dict[str, str]:
        """Slot values for a question of ``question_families`` (picks a fitting tool)."""
        values = dict(self.slots)
        for name, families in self.tools:
            if ANY in question_families or families & question_families:
                values["tool"] = name
                break
        return values


def _clean(value: str) -> str | None:
    value = " ".join(value.split())
    if not value or len(value) > MAX_SLOT_CHARS or not _SAFE_VALUE.match(value):
        return None
    return value


def _article_starts(text: str) -> list[int]:
    """Where "our" or "the" (either capitalised) starts in ``text``: the only places ``_TEAM``
    or ``_PRODUCT`` can match. Found with ``str.find``, many times faster than letting the
    regex engine try every position of a long posting."""
    starts: list[int] = []
    for article in _ARTICLES:
        at = text.find(article)
        while at >= 0:
            starts.append(at)
            at = text.find(article, at + 1)
    starts.sort()
    return starts


def _name_before(pattern: re.Pattern[str], text: str, company: str, starts: list[int]) -> str | None:
    """The first usable name ``pattern`` captures, trying it only at ``starts``
    (``_article_starts``); the same matches, in the same order, as ``pattern.finditer``."""
    company_words = set(company.lower().split())
    end = 0
    for at in starts:
        match = pattern.match(text, at) if at >= end else None
        if match is None:
            continue
        end = match.end()
        words = match.group(1).split()
        while words and words[0].lower() in _FILLER:
            words.pop(0)
        if not words or set(w.lower() for w in words) <= company_words:
            continue
        if all(w.lower() in _FILLER for w in words):
            continue
        value = _clean(" ".join(words))
        if value:
            return value
    return None


def job_level(job: JobInfo) -> str:
    """entry | mid | senior | lead, from the seniority field first, then the title."""
    for text in (job.seniority or "", job.title):
        lowered = INDIVIDUAL_MANAGER_TITLES.sub(" ", text.lower())
        for level, pattern in _LEVELS:
            if pattern.search(lowered):
                return level
    return "mid"


def work_mode(job: JobInfo) -> str | None:
    """remote | hybrid | onsite when the job says so, else None."""
    stated = (job.remote or "").lower()
    for mode, words in _STATED_MODES:
        if any(word in stated for word in words):
            return mode
    text = f"{job.location}\n{job.description}".lower()
    if _HYBRID.search(text):
        return "hybrid"
    if _REMOTE.search(text) or job.location.strip().lower() == "remote":
        return "remote"
    return None


def _tools(job: JobInfo) -> tuple[tuple[str, frozenset[str]], ...]:
    _, description, requirements = posting_terms(job)
    found = _TOOL_PHRASES.find(f"{job.requirements}\n{job.description}", requirements + description)
    return tuple((name, frozenset(_TOOLS[name])) for name in sorted(found, key=lambda n: (found[n], n)))


# What a posting promises that the candidate should ask about, looked up in the posting's
# tokens with one index (a regex alternation over the whole text cost 1.9 M instructions a
# posting; two indexes, two joins of its tokens):
# - a way up: what it takes and how long ("a path to Consumer Loan Officer", "you move up to");
# - how a new hire learns the job ("new techs spend their first 90 days...", "a three-week paid
#   training academy"). Whose first days matter: "a new member's first 90 days" is no cue.
_WAY_UP: Final = (
    "career path", "career ladder", "career track", "career progression", "path to", "path into",
    "path toward", "move up", "moves up", "grow into", "promoted to", "promotion to", "promote from within",
    "room to grow", "advancement", "or working toward", "or working towards",
)
_RAMP_UP: Final = (
    "your first", "new hires spend", "new techs spend", "paired with a senior", "paired with an experienced",
    "paid training", "training academy", "training program", "training period", "weeks of training",
    "week training", "ride-along", "ride along", "shadowing", "we'll train", "we will train", "we'll certify",
    "you will learn", "you'll learn", "learn on the job", "your own mentor",
)
_PROMISES: Final = PhraseIndex(_WAY_UP + _RAMP_UP)


@lru_cache(maxsize=1024)
def job_context(job: JobInfo, family: str | None = None) -> JobContext:
    """Everything the selection reads from ``job``; ``family`` overrides the detected primary."""
    detected = detect_families(job)
    if family is None or family == detected.primary:
        primary, secondary = detected.primary, detected.secondary
    else:
        if family not in FAMILIES and family not in (GENERAL, ANY):
            raise ValueError(f"unknown job family {family!r} (expected one of {FAMILIES} or {GENERAL!r})")
        primary = GENERAL if family == ANY else family
        others = [f for f in (detected.primary, detected.secondary) if f not in (None, GENERAL, primary)]
        secondary = others[0] if others else None
    slots: dict[str, str] = {}
    for name, raw in (("company", job.company), ("title", job.title)):
        value = _clean(raw)
        if value:
            slots[name] = value
    text = f"{job.description}\n{job.requirements}"
    _, description, requirements = posting_terms(job)
    promises = _PROMISES.present(text, description + requirements)
    starts = _article_starts(text)
    team = _name_before(_TEAM, text, job.company, starts)
    product = _name_before(_PRODUCT, text, "", starts)
    if team:
        slots["team"] = team
    if product:
        slots["product"] = product
    return JobContext(
        primary=primary,
        secondary=secondary,
        level=job_level(job),
        work_mode=work_mode(job),
        slots=MappingProxyType(slots),
        tools=_tools(job),
        career_path=not promises.isdisjoint(_WAY_UP),
        ramp_up=not promises.isdisjoint(_RAMP_UP),
    )
