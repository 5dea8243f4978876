"""`make demo`'s start-up path: migrations, seed, mail catcher, worker with the periodic
dispatcher, web app; the seeded applications' emails reach the outbox page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.processes import REPO, free_port

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("broker", ["embedded", "redis"])
def test_demo_starts_everything_and_delivers_the_seeded_emails(tmp_path: Path, broker: str, redis_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    if broker == "redis":
        env["REDIS_URL"] = redis_url
    result = subprocess.run(
        [sys.executable, str(REPO / "examples" / "jobboard" / "run_demo.py"), "--smoke", "--dir", str(tmp_path),
         "--port", str(free_port())],
        env=env, capture_output=True, text=True, timeout=240)
    logs = "\n".join(p.read_text(errors="replace")[-2000:] for p in (tmp_path / "logs").glob("*.log"))
    assert result.returncode == 0, result.stdout + result.stderr + logs
    assert ("broker Redis" if broker == "redis" else "broker embedded") in result.stdout
    assert "smoke check passed" in result.stdout
    assert any((tmp_path / "outbox" / "new").iterdir())
