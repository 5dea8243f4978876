"""P3: event → SMTP accepted latency with real processes, then an overload: nothing lost.

Run ``.venv/bin/python bench/p3_end_to_end.py`` (60 s + 30 s and the drain: about 6 minutes on 2 cores) or with
``--quick`` (10 s + 5 s); ``--postgres`` puts the board and the plugin on a throw-away database of
the local PostgreSQL instead of a SQLite file. Prints figures only; a missed goal is reported, never an error.

Real parts: a private ``redis-server`` on a free port; a Celery worker subprocess
(``celery -A interview_coach.workers.entry worker -B``, prefork, one process per core by
default) loading the example board with the plugin; an aiosmtpd server in its own process
that records when it accepted each message; the example board's SQLite file shared by all.

Events go in through ``coach.emit`` in this process (the inbox row in its own transaction,
the publish from the plugin's thread), half ``application_submitted`` (a confirmation),
half ``interview_scheduled`` (a tailored prep email now and a reminder planned for later).
Latency = the SMTP server's accept time − the time just before ``coach.emit``.

Phases: warm-up; **capacity**: a burst of events emitted as fast as possible, capacity =
events / (last email accepted − first event emitted); **light**: half the measured capacity
for 20 s (the pipeline's own latency when it keeps up); **steady**: 100 events/s for 60 s
(the goal's rate; above the capacity of a small machine, its latency is queueing); then at
once **overload**: 2× the measured capacity for 30 s; then every event must have produced
exactly one email.
Goals (issue 5): steady p50 ≤ 25 ms, p99 ≤ 100 ms; nothing lost.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _events import index_of, mixed
from _support import (
    EXAMPLE_ROOT,
    REPO,
    PostgresUnavailable,
    RedisUnavailable,
    SmtpSink,
    goal,
    header,
    percentile,
    postgres_database,
    private_redis,
    scratch_dir,
    use_example_board,
    wait_for,
)
from sqlalchemy import func, select

QUEUE = "bench-p3"


class Worker:
    def __init__(self, folder: Path, pool: str, concurrency: int) -> None:
        self.log_path = folder / "worker.log"
        env = {**os.environ, "FLASK_APP": "jobboard:create_app",
               "PYTHONPATH": os.pathsep.join([str(EXAMPLE_ROOT), str(REPO)])}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "interview_coach.workers.entry", "worker", "-B",
             "--schedule", str(folder / "beat-schedule"), "-Q", QUEUE, "--pool", pool,
             "--concurrency", str(concurrency), "--loglevel", "WARNING", "--without-gossip", "--without-mingle",
             "--without-heartbeat", "-n", f"bench-p3-{os.getpid()}@%h"],
            cwd=REPO, env=env, stdout=self.log_path.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()  # warm shutdown: finish running tasks
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def log_tail(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:]


@dataclass
class Phase:
    name: str
    emitted: dict[int, float] = field(default_factory=dict)  # index -> time.time() before emit
    started: float = 0.0
    finished: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.emitted) / max(1e-9, self.finished - self.started)


def emit(coach: Any, phase: Phase, count: int, rate: float | None) -> Phase:
    """``count`` events at ``rate`` per second (None: as fast as possible)."""
    events = [mixed(phase.name, i) for i in range(count)]  # built first: the host had them ready
    phase.started = time.time()
    origin = time.perf_counter()
    for i, event in enumerate(events):
        if rate is not None:
            delay = origin + i / rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
        phase.emitted[i] = time.time()
        coach.emit(event)
    phase.finished = time.time()
    return phase


def latencies(phase: Phase, accepted: list[tuple[float, str]]) -> dict[int, list[float]]:
    """Milliseconds per email of this phase, by index parity (0: confirmations, 1: prep)."""
    out: dict[int, list[float]] = {0: [], 1: []}
    prefix = f"{phase.name}-"
    for stamp, rcpt in accepted:
        if rcpt.startswith(prefix):
            index = index_of(rcpt)
            out[index % 2].append((stamp - phase.emitted[index]) * 1000)
    return out


def describe(phase: Phase, accepted: list[tuple[float, str]]) -> tuple[float, float]:
    by_kind = latencies(phase, accepted)
    values = by_kind[0] + by_kind[1]
    p50, p99 = percentile(values, 50), percentile(values, 99)
    print(f"  {phase.name:<9} {len(phase.emitted):>6} events at {phase.rate:6.1f}/s: p50 {p50:8.1f} ms, "
          f"p90 {percentile(values, 90):8.1f} ms, p99 {p99:8.1f} ms, max {max(values, default=0):8.1f} ms  "
          f"(confirmations p50 {percentile(by_kind[0], 50):.1f}, prep emails p50 {percentile(by_kind[1], 50):.1f})")
    return p50, p99


def windows(phase: Phase, accepted: list[tuple[float, str]], seconds: float = 10.0) -> None:
    """The phase's latency per window of emit time: a queue that slowly grows shows here."""
    by_window: dict[int, list[float]] = {}
    prefix = f"{phase.name}-"
    for stamp, rcpt in accepted:
        if rcpt.startswith(prefix):
            emitted = phase.emitted[index_of(rcpt)]
            by_window.setdefault(int((emitted - phase.started) // seconds), []).append((stamp - emitted) * 1000)
    for window, values in sorted(by_window.items()):
        print(f"    {window * seconds:4.0f}-{(window + 1) * seconds:<4.0f}s {len(values):>5} emails: "
              f"p50 {percentile(values, 50):8.1f} ms, p99 {percentile(values, 99):8.1f} ms")


def capacity_of(phase: Phase, accepted: list[tuple[float, str]]) -> float:
    """Events per second from the burst's first emit to its last email: planning and
    sending both included (its sends queue behind its own planning tasks)."""
    last = max(stamp for stamp, rcpt in accepted if rcpt.startswith(f"{phase.name}-"))
    return len(phase.emitted) / (last - phase.started)


def wait_for_emails(sink: SmtpSink, worker: Worker, expected: int, timeout: float) -> None:
    def done() -> bool:
        if not worker.alive():
            raise RuntimeError(f"the worker exited:\n{worker.log_tail()}")
        return sink.count() >= expected

    try:
        wait_for(done, timeout, f"{expected} emails", interval=0.1)
    except TimeoutError:
        print(f"  (stopped waiting after {timeout:.0f}s: {sink.count()} of {expected} emails)")


def database_summary(app: Any) -> tuple[Counter[str], Counter[str]]:
    from interview_coach.plugin import coach_state
    from interview_coach.plugin.tables import DeliveryRow, EventRow

    with coach_state(app).store.begin() as session:
        deliveries = Counter(dict(session.execute(
            select(DeliveryRow.status, func.count()).where(DeliveryRow.kind != "interview_reminder")
            .group_by(DeliveryRow.status)).all()))
        events = Counter(dict(session.execute(select(EventRow.status, func.count()).group_by(EventRow.status)).all()))
    return deliveries, events


def run(args: argparse.Namespace, redis_url: str, folder: Path, database_url: str | None) -> None:
    steady_seconds, light_seconds, overload_seconds, burst = (10, 5, 5, 300) if args.quick else (60, 20, 30, 600)
    with SmtpSink(folder) as sink:
        os.environ.update({
            "SQLALCHEMY_DATABASE_URI": database_url or f"sqlite:///{folder / 'jobboard.sqlite'}",
            "JOBBOARD_OUTBOX_DIR": str(folder / "outbox"),
            "INTERVIEW_COACH_BROKER_URL": redis_url, "INTERVIEW_COACH_TASK_QUEUE": QUEUE,
            "INTERVIEW_COACH_SMTP_HOST": "127.0.0.1", "INTERVIEW_COACH_SMTP_PORT": str(sink.port),
            "INTERVIEW_COACH_BASE_URL": "https://jobs.bench.example",
        })
        use_example_board()
        from jobboard import create_app
        from jobboard.coach_integration import coach

        from interview_coach.plugin import coach_state
        from interview_coach.plugin.migrate import upgrade

        app = create_app()
        with app.app_context():
            upgrade(coach_state(app).store.engine)
        worker = Worker(folder, args.pool, args.concurrency)
        try:
            with app.app_context():
                total = 0
                phases: list[Phase] = []

                def phase(name: str, count: int, rate: float | None, drain_timeout: float | None) -> Phase:
                    """Emit; then wait for every email so far, unless ``drain_timeout`` is None."""
                    nonlocal total
                    done = emit(coach, Phase(name), count, rate)
                    total += count
                    if drain_timeout is not None:
                        wait_for_emails(sink, worker, total, drain_timeout)
                    phases.append(done)
                    return done

                print(f"database: {'PostgreSQL' if database_url else 'SQLite'}; worker: --pool {args.pool} "
                      f"--concurrency {args.concurrency}; warming up...")
                phase("warm", 40, 20, 120)
                capacity_phase = phase("capacity", burst, None, 300)
                capacity = capacity_of(capacity_phase, sink.accepted())
                print(f"measured capacity: {capacity:.1f} events/s (a burst of {burst} events, emitted to emailed)")
                light_rate = capacity / 2
                print(f"light: {light_rate:.0f} events/s (half the capacity) for {light_seconds} s...")
                phase("light", int(light_rate * light_seconds), light_rate, 120)
                print(f"steady: 100 events/s for {steady_seconds} s...")
                steady = phase("steady", int(100 * steady_seconds), 100, None)
                overload_rate = 2 * capacity
                print(f"overload: {overload_rate:.0f} events/s (twice the capacity) for {overload_seconds} s, "
                      "then waiting for every email...")
                overload = phase("overload", int(overload_rate * overload_seconds), overload_rate, None)
                backlog = total - sink.count()
                wait_for_emails(sink, worker, total, 120 + 3 * backlog / capacity)
                print(f"  drained {backlog} queued events in {time.time() - overload.finished:.0f} s")
                coach_state(app).publisher.flush(30)
                time.sleep(1.0)  # any late duplicate would show up now
                deliveries, events = database_summary(app)
        finally:
            worker.stop()
        accepted = sink.accepted()

    print("\nlatency, event emitted → SMTP accepted:")
    results = {p.name: describe(p, accepted) for p in phases}
    print("steady, by when the event was emitted:")
    windows(phases[[p.name for p in phases].index("steady")], accepted, 5.0 if args.quick else 10.0)
    emitted = {f"{p.name}-{i}" for p in phases for i in p.emitted}
    received = Counter(rcpt.partition("@")[0] for _, rcpt in accepted)
    missing = len(emitted - set(received))
    duplicates = sum(count - 1 for count in received.values() if count > 1)
    strangers = len(set(received) - emitted)
    print(f"\n{len(emitted)} events, {len(accepted)} emails accepted: {missing} missing, {duplicates} duplicates, "
          f"{strangers} unexpected")
    print(f"database: deliveries (reminders aside) {dict(deliveries)}; events {dict(events)}")
    steady_p50, steady_p99 = results["steady"]
    light_p50, light_p99 = results["light"]
    print(f"\nagainst the budgets (p50 25 ms, p99 100 ms): steady p50 {steady_p50 / 25:.1f}x, "
          f"p99 {steady_p99 / 100:.1f}x; at half the capacity p50 {light_p50 / 25:.2f}x, p99 {light_p99 / 100:.2f}x")
    goal("steady p50 ≤ 25 ms", steady_p50 <= 25, f"{steady_p50:.1f} ms at {steady.rate:.0f} events/s")
    goal("steady p99 ≤ 100 ms", steady_p99 <= 100, f"{steady_p99:.1f} ms")
    goal("nothing lost at 2× capacity", missing == 0 and duplicates == 0,
         f"{missing} missing, {duplicates} duplicates of {len(emitted)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="10 s steady + 5 s overload")
    parser.add_argument("--pool", default="prefork", choices=("prefork", "threads", "solo"))
    parser.add_argument("--concurrency", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--postgres", action="store_true",
                        help="the board and the plugin on a throw-away database of the local PostgreSQL "
                             "(127.0.0.1:5432, trust authentication) instead of a SQLite file")
    args = parser.parse_args()
    header("P3: event → SMTP accepted, at 100 events/s and at 2× capacity")
    try:
        with private_redis() as redis_url, scratch_dir("p3") as folder, ExitStack() as stack:
            database_url = stack.enter_context(postgres_database("p3")) if args.postgres else None
            run(args, redis_url, folder, database_url)
    except (RedisUnavailable, PostgresUnavailable) as exc:
        print(f"P3 skipped: {exc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
