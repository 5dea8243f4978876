"""Real processes for end-to-end tests: free ports, a Celery worker subprocess, waiting."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(condition: Callable[[], object], timeout: float = 30.0, interval: float = 0.05,
               message: str = "condition") -> object:
    """Poll ``condition`` until it returns something truthy; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {message}")
        time.sleep(interval)


class CeleryWorker:
    """``celery -A interview_coach.workers.entry worker -B`` for a given Flask app file."""

    def __init__(self, flask_app: str, env: dict[str, str], log_path: Path, queue: str, concurrency: int = 2) -> None:
        self.flask_app, self.env, self.log_path, self.queue = flask_app, env, log_path, queue
        self.concurrency = concurrency
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {**os.environ, **self.env, "FLASK_APP": self.flask_app, "PYTHONPATH": str(REPO)}
        schedule = self.log_path.with_suffix(".beat")
        log = self.log_path.open("ab")
        offset = log.tell()  # on a restart, only this run's "ready." counts
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "interview_coach.workers.entry", "worker", "-B",
             "--schedule", str(schedule), "-Q", self.queue, "--pool", "threads", "--concurrency", str(self.concurrency),
             "--loglevel", "INFO", "--without-gossip", "--without-mingle", "-n", f"test-{os.getpid()}@%h"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        wait_until(lambda: b"ready." in self.log_path.read_bytes()[offset:] or self.process.poll() is not None,
                   timeout=60, message="the Celery worker to start")
        if self.process.poll() is not None:
            raise RuntimeError(f"worker exited: {self.log_path.read_text()[-3000:]}")

    def send_signal(self, sig: int) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, sig)

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, sig)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")
