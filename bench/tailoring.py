"""How fast tailoring is: ``build_prep_plan`` per call, against a naive regex baseline.

Run ``python bench/tailoring.py`` (or ``make bench``). It prints numbers only; nothing is
asserted, because timings depend on the machine.

- **The case.** A typical application built deterministically from the evaluation cases in
  ``tests/tailoring/cases``: the showcase posting (retail seller to gym membership sales)
  extended with two other sales postings to about 600 words, and the showcase résumé extended
  with other customer-facing résumés to about 800 words.
- **build_prep_plan per call**, best of several ``timeit`` repeats, pinned to one core when
  the OS allows. The engine memoises what it reads from a posting (``lru_cache`` on the job:
  its skills, families, slots, ranked questions), the questions it chose for a job's panel at
  a stage (``lru_cache`` on job, interview and history: they never depend on the candidate),
  and what it reads from a candidate (``lru_cache`` on the candidate: their skills and
  evidence), and a few pure per-line results (a heading's section, a line's evidence quality).
  So "cold" times a posting it has never seen (each call gets a unique reference line in the
  description and the requirements) for a candidate it has read before (one candidate applying
  to several jobs); "cold, new candidate too" a posting and a profile it has never seen (the
  first prep email for a job in a worker process); "known posting, new candidate" a posting
  read before with a new profile and the same panel (every later candidate the panel meets at
  that stage: production's usual case); and "warm" the exact same input again (an admin
  preview, then the send). Before
  each call with a new text, the caches kept per line (a line's evidence quality, a heading's
  section) are emptied (``forget_lines``), so the new text is new line by line too: the worst
  case, as real postings share a heading or two. Until session 4 they were not, and the
  unchanged lines of the "new" profile hit them, which understated a new candidate by 0.3 ms.
- **Naive baseline**, measured in the same run over the same two texts: for each skill of the
  taxonomy, for each of its names, ``re.search(r"\\b" + re.escape(alias) + r"\\b", text, re.I)``
  (the pattern cache of ``re`` holds 512 patterns, so with thousands of aliases most are
  compiled again on every call, which is what such a loop costs in practice). A second,
  kinder baseline compiles every pattern once up front.
- **Which build.** The first line says whether the engine imported is the source (pure
  Python: ``make bench``'s first run) or the wheel compiled with mypyc (``make
  bench-compiled``, which builds it with ``INTERVIEW_COACH_MYPYC=1`` and installs it in
  ``.venv-compiled``; see setup.py). Both give the same plans; the compiled one does about a
  quarter fewer instructions.
- **Growing the taxonomy.** The real taxonomy, then padded with synthetic skills to 4x and
  16x its size (names that share first words with real ones, such as "sales zorvek", so the
  matcher's trie really grows). Each is compiled with the public ``parse_taxonomy`` and scanned
  with the public ``Taxonomy.scan`` over the lines of both texts; the naive loops run over the
  same skills. The compiled matcher's cost should stay flat; the loops grow with the taxonomy.
"""

from __future__ import annotations

import os
import re
import timeit
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from importlib import resources
from itertools import count
from pathlib import Path
from typing import Any

from interview_coach.workers.tailoring import (
    CandidateInfo,
    InterviewerInfo,
    InterviewInfo,
    JobInfo,
    build_prep_plan,
    skill_scanner,
)
from interview_coach.workers.tailoring.prep import forget_lines
from interview_coach.workers.tailoring.skill_taxonomy import Skill, Taxonomy, load_taxonomy, parse_taxonomy
from interview_coach.workers.tailoring.skills import extract_skills

CASES = Path(__file__).resolve().parent.parent / "tests" / "tailoring" / "cases"
SHOWCASE = "retail_to_fitness_membership_sales"
POSTING_CASES = (SHOWCASE, "sdr_to_saas_account_executive", "restaurant_server_to_inside_sales")
PROFILE_CASES = (
    SHOWCASE, "sdr_to_saas_account_executive", "restaurant_server_to_inside_sales",
    "call_center_to_hotel_front_desk", "barista_to_cafe_shift_supervisor",
)
POSTING_WORDS = 600
PROFILE_WORDS = 800
PAD_FACTORS = (1, 4, 16)
# First words of the synthetic skills' names: common in postings and résumés, so the trie
# walks a step further before giving up, as it would for a real, larger taxonomy.
SHARED_WORDS = ("sales", "customer", "team", "data", "service", "store", "member", "training",
                "product", "account", "retail", "phone", "client", "project", "inventory")
SYLLABLES = ("zor", "vek", "lim", "dra", "qua", "ton", "bri", "mus", "hel", "fax", "run", "ost")


def _case(name: str) -> dict[str, Any]:
    return tomllib.loads((CASES / f"{name}.toml").read_text(encoding="utf-8"))


def _lines_up_to(texts: Iterable[str], budget: int) -> str:
    """Whole lines of ``texts``, in order, while they fit in ``budget`` words."""
    kept: list[str] = []
    used = 0
    for line in "\n".join(texts).splitlines():
        words = len(line.split())
        if used + words > budget:
            break
        kept.append(line)
        used += words
    return "\n".join(kept).strip() + "\n"


def typical_application() -> tuple[JobInfo, CandidateInfo, InterviewInfo]:
    cases = {name: _case(name) for name in dict.fromkeys(POSTING_CASES + PROFILE_CASES)}
    showcase = cases[SHOWCASE]
    requirements = "\n".join(cases[n]["job"]["requirements"] for n in POSTING_CASES)
    description = _lines_up_to(
        (cases[n]["job"]["description"] for n in POSTING_CASES), POSTING_WORDS - len(requirements.split())
    )
    job = JobInfo(**{**showcase["job"], "description": description, "requirements": requirements})
    profile = _lines_up_to((cases[n]["candidate"]["profile"] for n in PROFILE_CASES), PROFILE_WORDS)
    candidate = CandidateInfo(showcase["candidate"]["name"], profile, tuple(showcase["candidate"]["skills"]))
    raw = showcase["interview"]
    interview = InterviewInfo(
        raw["stage"], raw["format"], tuple(InterviewerInfo(**i) for i in raw["interviewers"])
    )
    return job, candidate, interview


def per_call(fn: Callable[[], object], repeat: int = 5) -> float:
    """Seconds per call: the best of ``repeat`` timeit runs of at least 0.2 s each.

    A call slower than half a second (the naive loops on a big taxonomy, up to a minute each)
    is timed once: against a gap of three orders of magnitude a few percent of noise does not
    matter, and the bench stays a few minutes long.
    """
    timer = timeit.Timer(fn)
    number, first = timer.autorange()
    if first / number > 0.5:
        return first / number
    return min(timer.repeat(repeat=repeat, number=number)) / number


def _names(skill: Skill) -> tuple[str, ...]:
    return (skill.name, *skill.aliases, *skill.cased)


def naive_extract(skills: Sequence[Skill], texts: Sequence[str]) -> set[str]:
    """The baseline: one regex search per alias per text."""
    found: set[str] = set()
    for text in texts:
        for skill in skills:
            for alias in _names(skill):
                if re.search(r"\b" + re.escape(alias) + r"\b", text, re.I):
                    found.add(skill.id)
                    break
    return found


def precompiled(skills: Sequence[Skill]) -> list[tuple[str, list[re.Pattern[str]]]]:
    return [
        (s.id, [re.compile(r"\b" + re.escape(a) + r"\b", re.I) for a in _names(s)]) for s in skills
    ]


def naive_precompiled(patterns: list[tuple[str, list[re.Pattern[str]]]], texts: Sequence[str]) -> set[str]:
    return {sid for text in texts for sid, compiled in patterns if any(p.search(text) for p in compiled)}


def _pseudo_word(n: int) -> str:
    word = ""
    while True:
        n, digit = divmod(n, len(SYLLABLES))
        word += SYLLABLES[digit]
        if n == 0:
            return word + "x"  # no real word ends in "...x" after these syllables


def padded_taxonomy_data(data: dict[str, Any], extra_skills: int) -> dict[str, Any]:
    """The taxonomy's data plus ``extra_skills`` synthetic skills, 25 to a family."""
    families = list(data["families"])
    for start in range(0, extra_skills, 25):
        skills = []
        for n in range(start, min(start + 25, extra_skills)):
            word = _pseudo_word(n)
            skills.append({
                "id": f"synthetic_{n}",
                "name": f"{SHARED_WORDS[n % len(SHARED_WORDS)]} {word}",
                "aliases": [f"{word} {SHARED_WORDS[(n * 7) % len(SHARED_WORDS)]}", f"{word}ing"],
            })
        families.append({
            "id": f"synthetic_family_{start // 25}", "category": "hard",
            "bridge": "a synthetic family for the benchmark", "skills": skills,
        })
    return {**data, "families": families}


def _scan_lines(taxonomy: Taxonomy, lines: Sequence[str]) -> set[str]:
    return {hit[0].id for hit in taxonomy.scan(lines)}


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:9.3f} ms"


def engine_build() -> str:
    """Which build of the engine this run imports: the source, or the mypyc-compiled wheel."""
    if skill_scanner.__file__.endswith((".so", ".pyd")):
        return f"compiled with mypyc, {Path(skill_scanner.__file__).parent}"
    return f"pure Python, {Path(skill_scanner.__file__).parent}"


def _pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity)"
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return f"pinned to core {core}"


def main() -> None:
    pinned = _pin_to_one_core()
    job, candidate, interview = typical_application()
    posting = f"{job.title}\n{job.description}\n{job.requirements}"
    texts = (posting, candidate.profile)
    taxonomy = load_taxonomy()
    plan = build_prep_plan(job, candidate, interview)  # loads the data files once
    print(f"Tailoring benchmark ({pinned}; engine: {engine_build()})")
    print(f"posting {len(posting.split())} words, profile {len(candidate.profile.split())} words, "
          f"taxonomy {len(taxonomy.skills)} skills / {sum(len(_names(s)) for s in taxonomy.skills)} names; "
          f"plan: {len(plan.question_ids)} questions, {len(plan.skills)} skills\n")

    serial = count()

    def new_posting() -> JobInfo:
        ref = f"Ref. {next(serial)}"
        return replace(job, description=f"{ref}\n{job.description}", requirements=f"{job.requirements}\n{ref}")

    def cold() -> None:
        forget_lines()
        build_prep_plan(new_posting(), candidate, interview)

    def all_cold() -> None:
        forget_lines()
        profile = f"{candidate.profile}\nRef. {next(serial)}"
        build_prep_plan(new_posting(), replace(candidate, profile=profile), interview)

    def new_candidate() -> None:
        # Production's usual case: a posting read once, then one candidate after another.
        forget_lines()
        build_prep_plan(job, replace(candidate, profile=f"{candidate.profile}\nRef. {next(serial)}"), interview)

    plan_cold = per_call(cold)
    plan_all_cold = per_call(all_cold)
    plan_known = per_call(new_candidate)
    plan_warm = per_call(lambda: build_prep_plan(job, candidate, interview))
    extract = per_call(lambda: [extract_skills(t) for t in texts])
    naive = per_call(lambda: naive_extract(taxonomy.skills, texts))
    print(f"build_prep_plan, cold (new posting) {_ms(plan_cold)} per call  (goal <= 1 ms)")
    print(f"build_prep_plan, cold, new candidate too {_ms(plan_all_cold)} per call")
    print(f"build_prep_plan, known posting, new candidate {_ms(plan_known)} per call  (goal <= 1 ms)")
    print(f"build_prep_plan, warm (same input)  {_ms(plan_warm)} per call")
    print(f"extract_skills, both texts          {_ms(extract)} per call")
    print(f"naive regex loop, both texts        {_ms(naive)} per call")
    print(f"RATIO naive loop / build_prep_plan (cold): {naive / plan_cold:6.1f}x")
    print(f"RATIO naive loop / extract_skills:         {naive / extract:6.1f}x\n")

    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    raw_data = tomllib.loads(
        resources.files("interview_coach.workers.tailoring").joinpath("data", "skills.toml").read_text("utf-8")
    )
    real = len(taxonomy.skills)
    reference = _scan_lines(taxonomy, lines)
    header = (f"{'taxonomy':>9} {'skills':>7} {'names':>7} | {'compiled scan':>13} | "
              f"{'naive loop':>12} {'x':>6} | {'naive, precompiled':>18} {'x':>6}")
    print("Extraction over both texts as the taxonomy grows (per call):")
    print(header)
    print("-" * len(header))
    grown = {f: parse_taxonomy(padded_taxonomy_data(raw_data, (f - 1) * real)) for f in PAD_FACTORS}
    # The cheap compiled scans first, back to back, so the minutes of naive loops between them
    # cannot skew the one comparison that matters here: whether the scan stays flat.
    scans = {f: per_call(lambda t=t: _scan_lines(t, lines), repeat=7) for f, t in grown.items()}
    for factor, big in grown.items():
        same = _scan_lines(big, lines) == reference
        scan = scans[factor]
        loop = per_call(lambda big=big: naive_extract(big.skills, texts))
        patterns = precompiled(big.skills)
        kind = per_call(lambda patterns=patterns: naive_precompiled(patterns, texts))
        names = sum(len(_names(s)) for s in big.skills)
        print(f"{factor:>8}x {len(big.skills):>7} {names:>7} | {_ms(scan):>13} | {_ms(loop):>12} "
              f"{loop / scan:5.0f}x | {_ms(kind):>18} {kind / scan:5.0f}x" + ("" if same else "  (matches differ!)"))

if __name__ == "__main__":
    main()
