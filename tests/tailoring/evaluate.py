"""Score the tailoring engine against hand-written cases: ``python -m tests.tailoring.evaluate``.

Each file in ``cases/`` is one realistic application (posting, résumé, interview) with what a
careful career coach wrote down *before* looking at the engine's output: the candidate's
skills this job asks for, and the question topics that must (and must not) come up.

How the engine's skill reminders are scored:

- **Names compare through the taxonomy.** A name, the coach's or the engine's, resolves to a
  skill id with ``Taxonomy.lookup`` (any alias, any case), so "POS" and "point of sale" are the
  same skill. A coach's name the taxonomy does not know can never be found: it counts as a
  miss and the report flags it as ``unknown``, a gap in the taxonomy.
- **Expected** = ``expected_skills`` + ``expected_transferable``. Both count alike in
  precision and recall: a reminder is right when the coach wanted that skill, whether the
  engine found it directly or bridged to it. Whether each expected transferable really came
  out bridged (``transferable_from`` set) is reported on its own, and asserted for the
  showcase case.
- Two expected names the taxonomy treats as one skill ("conduit bending" is an alias of
  "Electrical wiring") count once: one reminder covers both.
- **What a skill shows.** A listed skill meets an expected one that it ``shows`` in the
  taxonomy ("ServSafe" shows food safety, "ADP" an HRIS): the engine names the certificate or
  the tool with its line, and folds what it shows into that item rather than repeating the line.
- **Umbrella skills** (``broad`` in the taxonomy, such as "Sales") follow the taxonomy's own
  rule: any listed skill of the umbrella's family meets it. Each listed skill meets at most one
  expected skill; exact matches are paired first.
- ``acceptable_skills`` are skills the coach judged relevant too but would not insist on:
  listing one is neutral (neither a hit nor a false positive), so a short expected list does
  not punish a correct longer answer.
- ``adjudicated_acceptable`` were added after the first engine run, and only for skills the
  posting asks for and the résumé plainly shows with a line that shows it, which the coach had
  overlooked. They are neutral too, but kept apart: the report also gives a **strict
  precision** that counts them as false positives, i.e. the score against what was written
  before any output was seen. Nothing is ever added to the expected skills after a run.
- **Precision** = hits / (hits + false positives); **recall** = hits / expected; both
  micro-averaged over all cases (summed counts, not averaged ratios).
- **Topics**: every ``must_topics`` entry is the topic of at least one chosen question, and no
  ``must_not_topics`` entry is.
"""

from __future__ import annotations

import argparse
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

from interview_coach.workers.tailoring import (
    CandidateInfo,
    InterviewerInfo,
    InterviewInfo,
    JobInfo,
    PrepPlan,
    build_prep_plan,
)
from interview_coach.workers.tailoring.families import FAMILIES
from interview_coach.workers.tailoring.question_bank import TOPICS
from interview_coach.workers.tailoring.skill_taxonomy import Taxonomy, load_taxonomy

CASES_DIR = Path(__file__).with_name("cases")
# Cases written blind (from the texts alone, by writers who never saw the engine or its output)
# after the engine had been tuned on ``cases/``: how well it does on applications it was not
# shaped by. Kept apart so that the two figures stay separate in reports.
HOLDOUT_DIR = Path(__file__).with_name("holdout")
PRECISION_FLOOR = 0.9
RECALL_FLOOR = 0.8


@dataclass(frozen=True)
class Case:
    name: str
    family: str  # the job family a coach would file the posting under
    job: JobInfo
    candidate: CandidateInfo
    interview: InterviewInfo
    expected_skills: tuple[str, ...]
    expected_transferable: tuple[str, ...]
    acceptable_skills: tuple[str, ...]
    adjudicated_acceptable: tuple[str, ...]
    must_topics: tuple[str, ...]
    must_not_topics: tuple[str, ...]
    showcase: bool = False

    @property
    def expected(self) -> tuple[str, ...]:
        return self.expected_skills + self.expected_transferable


@dataclass(frozen=True)
class Counts:
    """What precision and recall are computed from; counts add up over cases (micro-average)."""

    hits: int = 0
    expected: int = 0
    false_positives: int = 0
    adjudicated: int = 0  # listed, neutral only through ``adjudicated_acceptable``

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Counts)))

    @property
    def precision(self) -> float | None:
        scored = self.hits + self.false_positives
        return self.hits / scored if scored else None

    @property
    def strict_precision(self) -> float | None:
        scored = self.hits + self.false_positives + self.adjudicated
        return self.hits / scored if scored else None

    @property
    def recall(self) -> float | None:
        return self.hits / self.expected if self.expected else None


@dataclass(frozen=True)
class CaseResult:
    case: Case
    plan: PrepPlan
    expected: tuple[str, ...]  # the coach's names, one per taxonomy skill
    hits: dict[str, str]  # expected name -> the engine's name that met it
    misses: tuple[str, ...]
    false_positives: tuple[str, ...]
    neutral: tuple[str, ...]  # listed, not expected, but acceptable
    adjudicated: tuple[str, ...]  # listed, neutral only through ``adjudicated_acceptable``
    unknown: tuple[str, ...]  # expected names the taxonomy does not know
    not_bridged: tuple[str, ...]  # expected transferables found, but not as a bridge
    missing_topics: tuple[str, ...]
    forbidden_topics: tuple[str, ...]

    @property
    def counts(self) -> Counts:
        return Counts(len(self.hits), len(self.expected), len(self.false_positives), len(self.adjudicated))

    @property
    def topics_ok(self) -> bool:
        return not self.missing_topics and not self.forbidden_topics


def _strings(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(raw.get(key, ()))


def load_case(path: Path) -> Case:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    interview = raw["interview"]
    return Case(
        name=path.stem,
        family=raw["family"],
        job=JobInfo(**raw["job"]),
        candidate=CandidateInfo(
            name=raw["candidate"]["name"],
            profile=raw["candidate"]["profile"],
            skills=_strings(raw["candidate"], "skills"),
        ),
        interview=InterviewInfo(
            stage=interview["stage"],
            format=interview.get("format", "video"),
            interviewers=tuple(InterviewerInfo(**i) for i in interview.get("interviewers", ())),
        ),
        expected_skills=_strings(raw, "expected_skills"),
        expected_transferable=_strings(raw, "expected_transferable"),
        acceptable_skills=_strings(raw, "acceptable_skills"),
        adjudicated_acceptable=_strings(raw, "adjudicated_acceptable"),
        must_topics=_strings(raw, "must_topics"),
        must_not_topics=_strings(raw, "must_not_topics"),
        showcase=bool(raw.get("showcase", False)),
    )


@cache
def load_cases(directory: Path = CASES_DIR) -> tuple[Case, ...]:
    return tuple(load_case(path) for path in sorted(directory.glob("*.toml")))


def case_problems(case: Case) -> list[str]:
    """What makes a case file unfit for the evaluation (empty when it is fine)."""
    problems = []
    posting = len(f"{case.job.description}\n{case.job.requirements}".split())
    profile = len(case.candidate.profile.split())
    if not 150 <= posting <= 600:
        problems.append(f"posting has {posting} words (150-600)")
    if not 120 <= profile <= 800:
        problems.append(f"profile has {profile} words (120-800)")
    # The email names at most 11 skills: 8, and up to 3 more on lines it already quotes.
    if not 3 <= len(case.expected) <= 11:
        problems.append(f"{len(case.expected)} expected skills (3-11)")
    if case.family not in FAMILIES:
        problems.append(f"unknown family {case.family!r}")
    unknown_topics = set(case.must_topics + case.must_not_topics) - set(TOPICS)
    if unknown_topics:
        problems.append(f"unknown topics {sorted(unknown_topics)}")
    if set(case.must_topics) & set(case.must_not_topics):
        problems.append("a topic is both a must and a must-not")
    return problems


def skill_key(name: str, taxonomy: Taxonomy) -> str:
    """The taxonomy id ``name`` stands for, or ``?name`` when the taxonomy does not know it."""
    skill = taxonomy.lookup(name)
    return skill.id if skill is not None else "?" + name.casefold()


def _family(key: str, taxonomy: Taxonomy, *, umbrella: bool = False) -> str | None:
    """The skill's family; with ``umbrella``, only for a broad skill such as "Sales"."""
    skill = taxonomy.by_id.get(key)
    return skill.family if skill is not None and (skill.broad or not umbrella) else None


def topics_of(plan: PrepPlan) -> set[str]:
    return {q.topic for group in plan.questions for q in group.questions}


def score_case(case: Case, plan: PrepPlan, taxonomy: Taxonomy | None = None) -> CaseResult:
    """Compare ``plan`` with the coach's expectations for ``case`` (see the module docstring)."""
    taxonomy = taxonomy or load_taxonomy()
    listed = [(r.skill, skill_key(r.skill, taxonomy)) for r in plan.skills]
    expected: dict[str, str] = {}  # key -> the coach's name, first one kept
    for name in case.expected:
        expected.setdefault(skill_key(name, taxonomy), name)
    free = list(range(len(listed)))
    hits: dict[str, str] = {}
    for key, name in expected.items():  # exact matches first
        index = next((i for i in free if listed[i][1] == key), None)
        if index is not None:
            hits[name] = listed[index][0]
            free.remove(index)
    for key, name in expected.items():  # then what a listed skill shows ("ServSafe": food safety)
        index = next((i for i in free if name not in hits and key in _shows(listed[i][1], taxonomy)), None)
        if index is not None:
            hits[name] = listed[index][0]
            free.remove(index)
    for key, name in expected.items():  # then umbrellas, met by any skill of their family
        family = _family(key, taxonomy, umbrella=True)
        if name in hits or family is None:
            continue
        index = next((i for i in free if _family(listed[i][1], taxonomy) == family), None)
        if index is not None:
            hits[name] = listed[index][0]
            free.remove(index)
    neutral = _acceptable(case.acceptable_skills, [listed[i] for i in free], taxonomy)
    rest = [listed[i] for i in free if listed[i][0] not in neutral]
    adjudicated = _acceptable(case.adjudicated_acceptable, rest, taxonomy)
    by_name = {r.skill: r for r in plan.skills}
    topics = topics_of(plan)
    return CaseResult(
        case=case,
        plan=plan,
        expected=tuple(expected.values()),
        hits=hits,
        misses=tuple(name for name in expected.values() if name not in hits),
        false_positives=tuple(name for name, _ in rest if name not in adjudicated),
        neutral=tuple(neutral),
        adjudicated=tuple(adjudicated),
        unknown=tuple(name for key, name in expected.items() if key.startswith("?")),
        not_bridged=tuple(
            name for name in case.expected_transferable
            if name in hits and by_name[hits[name]].transferable_from is None
        ),
        missing_topics=tuple(t for t in case.must_topics if t not in topics),
        forbidden_topics=tuple(t for t in case.must_not_topics if t in topics),
    )


def _shows(key: str, taxonomy: Taxonomy) -> tuple[str, ...]:
    skill = taxonomy.by_id.get(key)
    return skill.shows if skill is not None else ()


def _acceptable(names: Iterable[str], listed: Sequence[tuple[str, str]], taxonomy: Taxonomy) -> list[str]:
    """The listed (name, key) pairs that ``names`` accept, umbrellas accepting their family."""
    keys = {skill_key(name, taxonomy) for name in names}
    umbrellas = {f for f in (_family(k, taxonomy, umbrella=True) for k in keys) if f}
    return [name for name, key in listed if key in keys or _family(key, taxonomy) in umbrellas]


def evaluate(cases: Iterable[Case] | None = None) -> list[CaseResult]:
    taxonomy = load_taxonomy()
    return [
        score_case(case, build_prep_plan(case.job, case.candidate, case.interview), taxonomy)
        for case in (load_cases() if cases is None else cases)
    ]


def totals(results: Iterable[CaseResult]) -> Counts:
    return sum((r.counts for r in results), Counts())


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_table(results: Sequence[CaseResult], details: bool = True) -> str:
    """The per-case table and the totals; with ``details``, what each imperfect case got wrong.

    ``prec`` is the precision the floor applies to; ``strict`` also counts the skills made
    neutral only on review (``adjudicated_acceptable``) as false positives. A family shown as
    ``a!=b`` means the coach filed the job under ``a`` and the engine detected ``b``.
    """
    width = max([len("case"), len("TOTAL (micro)"), *(len(r.case.name) for r in results)])
    head = f"{'case':<{width}}  {'family':<20} {'found':>7} {'prec':>5} {'strict':>6} {'rec':>5}  topics"
    lines = [head, "-" * len(head)]
    for r in results:
        family = r.case.family if r.plan.job_family == r.case.family else f"{r.case.family}!={r.plan.job_family}"
        lines.append(
            f"{r.case.name:<{width}}  {family:<20} {f'{len(r.hits)}/{len(r.expected)}':>7} "
            f"{_ratio(r.counts.precision):>5} {_ratio(r.counts.strict_precision):>6} "
            f"{_ratio(r.counts.recall):>5}  "
            f"{'ok' if r.topics_ok else 'FAIL'}"
        )
    total = totals(results)
    topics_ok = sum(r.topics_ok for r in results)
    lines += [
        "-" * len(head),
        f"{'TOTAL (micro)':<{width}}  {f'{len(results)} cases':<20} {f'{total.hits}/{total.expected}':>7} "
        f"{_ratio(total.precision):>5} {_ratio(total.strict_precision):>6} {_ratio(total.recall):>5}  "
        f"{topics_ok}/{len(results)} ok",
        f"floors: precision {PRECISION_FLOOR}, recall {RECALL_FLOOR}",
    ]
    if details:
        for r in results:
            notes = [
                ("missed", r.misses), ("not expected", r.false_positives),
                ("neutral on review", r.adjudicated),
                ("unknown to the taxonomy", r.unknown), ("found but not bridged", r.not_bridged),
                ("missing topics", r.missing_topics), ("forbidden topics", r.forbidden_topics),
            ]
            notes = [(label, names) for label, names in notes if names]
            if notes:
                lines.append(f"\n{r.case.name}:")
                lines += [f"  {label}: {', '.join(names)}" for label, names in notes]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--brief", action="store_true", help="the table only, without per-case notes")
    parser.add_argument(
        "--cases", type=Path, action="append",
        help=f"a folder of case files (repeatable; default: {CASES_DIR.name}/, then {HOLDOUT_DIR.name}/)",
    )
    args = parser.parse_args(argv)
    for number, directory in enumerate(args.cases or (CASES_DIR, HOLDOUT_DIR)):
        cases = load_cases(directory)
        if not cases:
            parser.error(f"no case files (*.toml) in {directory}")
        print(f"{chr(10) * 2 if number else ''}== {directory.name}/: {len(cases)} cases ==")
        print(format_table(evaluate(cases), details=not args.brief))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
