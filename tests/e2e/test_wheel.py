"""The package as users get it: build the wheel, install it in a fresh virtual environment,
and render an email from the installed templates."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.support.processes import REPO

pytestmark = pytest.mark.e2e

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


def test_wheel_installs_in_a_fresh_venv_and_renders_an_email(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
                   check=True, capture_output=True, cwd=tmp_path)
    [wheel] = dist.glob("flask_interview_coach-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "interview_coach/email_templates/interview_prep.html" in names
    assert "interview_coach/plugin/migrations/versions/0001_initial.py" in names
    assert "interview_coach/plugin/admin/templates/interview_coach/admin/preview.html" in names
    assert "interview_coach/plugin/admin/static/coach-admin.css" in names
    assert any(n.startswith("interview_coach/workers/tailoring/data/") and n.endswith(".toml") for n in names)
    assert not any(n.startswith(("tests/", "examples/")) for n in names)

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True)
    result = subprocess.run([str(python), "-c", RENDER], check=True, capture_output=True, text=True, cwd=tmp_path)
    location, subject, question_count = result.stdout.strip().splitlines()
    assert location.startswith(str(env_dir))  # the installed copy, not this checkout
    assert subject == "Your interview for Customer Success Manager: how to prepare"
    assert 5 <= int(question_count) <= 8
