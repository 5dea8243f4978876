"""The package as users get it: build the wheel, install it in a fresh virtual environment,
and render an email from the installed templates. The same for the compiled build of the
tailoring engine (``INTERVIEW_COACH_MYPYC=1``), which must behave exactly as the source does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.support.processes import REPO
from tests.tailoring.evaluate import load_cases

pytestmark = pytest.mark.e2e

ENGINE = "interview_coach/workers/tailoring/"
RENDER = """
import interview_coach.email_templates as templates
from interview_coach.workers.compose import compose
from interview_coach.workers.rendering import EmailRenderer
from interview_coach.workers.samples import sample_event
event = sample_event("sam@example.com")
composed = compose(EmailRenderer(), "interview_prep", event, unsubscribe_url="https://jobs.example/u/x")
print(templates.__file__)
print(composed.rendered.subject)
print(len(composed.plan.question_ids))
"""
# The plan of every evaluation case's job and interview with every case's candidate.
PLANS = """
import hashlib
from interview_coach.workers.tailoring import build_prep_plan
from tests.tailoring.evaluate import load_cases
cases = load_cases()
plans = "\\n".join(repr(build_prep_plan(a.job, b.candidate, a.interview)) for a in cases for b in cases)
print(len(cases) ** 2, hashlib.sha256(plans.encode()).hexdigest())
"""
WHERE = "import interview_coach.workers.tailoring.skill_scanner as m; print(m.__file__)"


def build_wheel(tmp_path: Path, **env: str) -> Path:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
                   check=True, capture_output=True, cwd=tmp_path, env={**os.environ, **env})
    [wheel] = dist.glob("flask_interview_coach-*.whl")
    return wheel


def fresh_venv(tmp_path: Path, requirement: str) -> Path:
    """A new virtual environment with ``requirement`` installed; its python."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", requirement], check=True, capture_output=True)
    return python


def run(python: Path, code: str, cwd: Path) -> str:
    result = subprocess.run([str(python), "-c", code], capture_output=True, text=True, cwd=cwd)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_wheel_installs_in_a_fresh_venv_and_renders_an_email(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path, INTERVIEW_COACH_MYPYC="0")  # whatever the shell exported
    assert wheel.name.endswith("-py3-none-any.whl")  # pure Python unless a compiled build is asked for
    names = zipfile.ZipFile(wheel).namelist()
    assert "interview_coach/email_templates/interview_prep.html" in names
    assert "interview_coach/plugin/migrations/versions/0001_initial.py" in names
    assert "interview_coach/plugin/admin/templates/interview_coach/admin/preview.html" in names
    assert "interview_coach/plugin/admin/static/coach-admin.css" in names
    assert any(n.startswith("interview_coach/workers/tailoring/data/") and n.endswith(".toml") for n in names)
    assert not any(n.startswith(("tests/", "examples/")) for n in names)
    assert not any(n.endswith((".so", ".pyd")) for n in names)

    python = fresh_venv(tmp_path, str(wheel))
    location, subject, question_count = run(python, RENDER, tmp_path).strip().splitlines()
    assert location.startswith(str(tmp_path / "venv"))  # the installed copy, not this checkout
    assert subject == "Your interview for Customer Success Manager: how to prepare"
    assert 5 <= int(question_count) <= 8


def _no_compiler() -> str | None:
    """Why the compiled build cannot be made here, or None."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler!r}) to build the compiled engine: install gcc to test it"
    if not Path(sysconfig.get_paths()["include"], "Python.h").exists():
        return "no Python headers (Python.h) to build the compiled engine: install your Python's dev package"
    return None


def test_the_compiled_engine_gives_the_same_plans_and_passes_the_tailoring_tests(tmp_path: Path) -> None:
    reason = _no_compiler()
    if reason:
        pytest.skip(reason)
    wheel = build_wheel(tmp_path, INTERVIEW_COACH_MYPYC="1")
    names = zipfile.ZipFile(wheel).namelist()
    engine = {n.removeprefix(ENGINE).removesuffix(".py") for n in names
              if n.startswith(ENGINE) and n.endswith(".py") and n.count("/") == 3}
    compiled = {n.removeprefix(ENGINE).split(".")[0] for n in names if n.startswith(ENGINE) and n.endswith(".so")}
    assert compiled == engine - {"model"}, "every module of the engine but model.py is compiled"

    python = fresh_venv(tmp_path, f"{wheel}[test]")
    assert run(python, WHERE, tmp_path).strip().endswith(".so")  # the compiled module is what runs
    # The compiled engine's plans, byte for byte, against this checkout's source.
    expected = run(Path(sys.executable), PLANS, REPO)
    assert int(expected.split()[0]) == len(load_cases()) ** 2
    assert run(python, PLANS, REPO) == expected
    # Every tailoring test, and the golden emails, against the compiled engine.
    tests = subprocess.run([str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/tailoring",
                            "tests/golden"], capture_output=True, text=True, cwd=REPO)
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert " passed" in tests.stdout.splitlines()[-1]
