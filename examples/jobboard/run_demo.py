"""`make demo`: the example job board with Interview Coach, a worker, the periodic
dispatcher and a mail catcher, on embedded defaults (no server to install).

Uses Redis when REDIS_URL is set and answers, otherwise kombu's filesystem transport in
.demo/. Ctrl-C stops everything. `--smoke` starts it all, waits for the first email to
reach the outbox, and stops: the test suite runs the demo's start-up path that way.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


def _free_port(preferred: int) -> int:
    for port in (preferred, 0):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(sock.getsockname()[1])
    raise RuntimeError("no free port")


def _redis_answers(url: str) -> bool:
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception:
        return False
    return True


def _environment(state_dir: Path, web_port: int, smtp_port: int) -> dict[str, str]:
    redis_url = os.environ.get("REDIS_URL")
    broker = redis_url if redis_url and _redis_answers(redis_url) else "filesystem://"
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HERE), str(REPO)]),
        "FLASK_APP": "jobboard:create_app",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{state_dir / 'jobboard.sqlite'}",
        "JOBBOARD_OUTBOX_DIR": str(state_dir / "outbox"),
        "INTERVIEW_COACH_BROKER_URL": broker,
        "INTERVIEW_COACH_BROKER_FILESYSTEM_DIR": str(state_dir / "broker"),
        "INTERVIEW_COACH_MAIL_FROM": "Meridian Jobs <careers@meridian-jobs.example>",
        "INTERVIEW_COACH_SMTP_HOST": "127.0.0.1",
        "INTERVIEW_COACH_SMTP_PORT": str(smtp_port),
        "INTERVIEW_COACH_BASE_URL": f"http://127.0.0.1:{web_port}",
        "INTERVIEW_COACH_DISPATCH_INTERVAL_SECONDS": "5",
        "INTERVIEW_COACH_RELAY_AFTER_SECONDS": "10",
        "INTERVIEW_COACH_RELAY_INTERVAL_SECONDS": "10",
    }


def _wait_for(check, timeout: float, what: str, procs: list[subprocess.Popen[bytes]]) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not check():
        for proc in procs:
            if proc.poll() is not None:
                raise SystemExit(f"demo: {proc.args[2] if len(proc.args) > 2 else proc.args} exited early")
        if time.monotonic() > deadline:
            raise SystemExit(f"demo: timed out waiting for {what}")
        time.sleep(0.2)


def _web_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", type=Path, default=REPO / ".demo", help="where the demo keeps its state")
    parser.add_argument("--port", type=int, default=int(os.environ.get("DEMO_PORT", "5000")))
    parser.add_argument("--smoke", action="store_true", help="start, wait for the first email, stop")
    args = parser.parse_args()

    state_dir: Path = args.dir.resolve()
    state_dir.mkdir(parents=True, exist_ok=True)
    web_port, smtp_port = _free_port(args.port), _free_port(1025)
    env = _environment(state_dir, web_port, smtp_port)
    python = sys.executable
    flask = [python, "-m", "flask"]

    redis = env["INTERVIEW_COACH_BROKER_URL"].startswith("redis")
    print(f"demo: broker {'Redis' if redis else 'embedded (filesystem)'}")
    subprocess.run([*flask, "coach", "db", "upgrade"], env=env, check=True, cwd=REPO)
    subprocess.run([*flask, "jobboard", "seed"], env=env, check=True, cwd=REPO)

    procs: list[subprocess.Popen[bytes]] = []
    log_dir = state_dir / "logs"
    log_dir.mkdir(exist_ok=True)

    def start(name: str, command: list[str]) -> None:
        log = (log_dir / f"{name}.log").open("ab")
        procs.append(subprocess.Popen(command, env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT))

    start("mailcatcher", [python, "-m", "jobboard.mailcatcher", "--host", "127.0.0.1", "--port", str(smtp_port),
                          "--maildir", env["JOBBOARD_OUTBOX_DIR"]])
    start("worker", [python, "-m", "celery", "-A", "interview_coach.workers.entry", "worker", "-B",
                     "--schedule", str(state_dir / "beat-schedule"), "--pool", "threads", "--concurrency", "4",
                     "-Q", "interview_coach", "--loglevel", "INFO"])
    start("web", [*flask, "run", "--host", "127.0.0.1", "--port", str(web_port), "--no-reload"])

    url = f"http://127.0.0.1:{web_port}/"
    # `kill` (SIGTERM) stops the demo as cleanly as Ctrl-C: children are stopped too.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        _wait_for(lambda: _web_answers(url), 60, "the web app", procs)
        print(f"\n  Interview Coach demo is running: {url}\n")
        print(f"  outbox (emails received): {url}outbox")
        print(f"  logs: {log_dir}")
        print("  Apply to a job, sign in as a recruiter, schedule an interview, then read both emails.")
        print("  Ctrl-C stops everything.\n")
        if args.smoke:
            outbox = Path(env["JOBBOARD_OUTBOX_DIR"]) / "new"
            _wait_for(lambda: outbox.is_dir() and any(outbox.iterdir()), 120, "the first email", procs)
            _wait_for(lambda: _web_answers(f"{url}outbox"), 10, "the outbox page", procs)
            print("demo: smoke check passed: the seeded applications' emails reached the outbox")
            return 0
        while all(proc.poll() is None for proc in procs):
            time.sleep(0.5)
        print("demo: a process stopped; see the logs in", log_dir)
        return 1
    except KeyboardInterrupt:
        print("\ndemo: stopping")
        return 0
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    sys.exit(main())
