"""P5: the due sweep's cost follows what is due, not the size of ``coach_delivery``.

Run ``.venv/bin/python bench/p5_due_sweep.py``. Prints figures only; a missed goal is
reported, never an error.

The table is filled (bulk insert) with 1,000, then 10,000, then 100,000 future reminders,
plus a pool of 1,000 rows of which 10 or 1,000 are due. At each size and due count:

- **sweep**: the real ``interview_coach.dispatch_due`` task, called in-process (its
  SELECT, the UPDATE marking rows enqueued, the heartbeat, the commit, and one
  ``send_delivery`` message per row to a private Redis; a sweep takes at most
  ``SWEEP_BATCH`` rows), median of several runs, and its tracemalloc peak;
- **query**: the sweep's own SELECT (captured from the task as it ran) executed again on
  its own, median of several runs; and the **baseline**, the same SELECT with its indexes
  ruled out (SQLite ``NOT INDEXED``; PostgreSQL with index scans switched off): a scan
  whose cost grows with the table.

SQLite always; PostgreSQL as well when it answers on 127.0.0.1:5432 (a throw-away
database is created and dropped) and ``psycopg`` is installed. Redis: a private
``redis-server`` when installed, else kombu's in-memory transport.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import time
import tracemalloc
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from _support import (
    PostgresUnavailable,
    RedisUnavailable,
    goal,
    header,
    postgres_database,
    private_redis,
    scratch_dir,
)
from flask import Flask
from sqlalchemy import Engine, event, text, update

from interview_coach.plugin import InterviewCoach, coach_state
from interview_coach.plugin.migrate import upgrade
from interview_coach.plugin.tables import DeliveryRow, utcnow
from interview_coach.workers.tasks import SWEEP_BATCH

SIZES = (1_000, 10_000, 100_000)
DUE_COUNTS = (10, 1_000)
POOL = 1_000
_table = DeliveryRow.__table__


class CapturedQuery:
    """Remembers the sweep's SELECT as the driver received it."""

    def __init__(self, engine: Engine) -> None:
        self.sql: str | None = None
        self.params: Any = None
        event.listen(engine, "before_cursor_execute", self._before)

    def _before(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        if statement.lstrip().startswith("SELECT coach_delivery.id") and "ORDER BY coach_delivery.due_at" in statement:
            self.sql, self.params = statement, parameters


def rows(start: int, count: int, due_in: timedelta) -> list[dict[str, Any]]:
    now = utcnow()
    return [{
        "key": f"interview_reminder:bench-{i}:1", "kind": "interview_reminder", "event_id": i,
        "application_id": f"app-{i}", "interview_id": f"int-{i}", "job_id": f"job-{i % 50}",
        "company_id": f"company-{i % 10}", "candidate_id": f"cand-{i}", "recipient": f"c{i}@bench.example",
        "revision": 1, "status": "pending", "due_at": now + due_in + timedelta(minutes=i % 50_000),
        "attempts": 0, "message_id": f"<{i}@bench.example>", "created_at": now, "updated_at": now,
    } for i in range(start, start + count)]


def fill(engine: Engine, start: int, count: int, due_in: timedelta) -> None:
    with engine.begin() as connection:
        for offset in range(0, count, 10_000):
            connection.execute(_table.insert(), rows(start + offset, min(10_000, count - offset), due_in))
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:  # autovacuum does this on a live database
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE coach_delivery"))


def set_due(engine: Engine, due: int) -> None:
    """The first ``due`` rows of the pool are due an hour ago and not yet enqueued; the rest
    of the pool is due next year."""
    now = utcnow()
    with engine.begin() as connection:
        connection.execute(update(_table).where(_table.c.id <= POOL).values(
            due_at=now + timedelta(days=365), enqueued_at=None, status="pending"))
        connection.execute(update(_table).where(_table.c.id <= due).values(due_at=now - timedelta(hours=1)))
    if engine.dialect.name == "postgresql":
        # Our own UPDATEs leave dead index entries right in the due range; autovacuum
        # clears them on a live database, and each measurement should not pay for the last.
        with engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM coach_delivery"))


def run_query(engine: Engine, sql: str, params: Any, *, use_indexes: bool) -> float:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        if not use_indexes:
            if engine.dialect.name == "sqlite":
                sql = sql.replace("FROM coach_delivery", "FROM coach_delivery NOT INDEXED", 1)
            else:
                for setting in ("enable_indexscan", "enable_bitmapscan", "enable_indexonlyscan"):
                    cursor.execute(f"SET LOCAL {setting} = off")
        started = time.perf_counter()
        cursor.execute(sql, params)
        cursor.fetchall()
        elapsed = time.perf_counter() - started
        raw.rollback()
        return elapsed
    finally:
        raw.close()


def query_plan(engine: Engine, sql: str, params: Any) -> str:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
        cursor.execute(prefix + sql, params)
        lines = [str(row[-1]) if engine.dialect.name == "sqlite" else str(row[0]) for row in cursor.fetchall()]
        raw.rollback()
        return "\n".join(f"    {line}" for line in lines)
    finally:
        raw.close()


def make_app(database_url: str, broker_url: str) -> Flask:
    app = Flask("bench_p5")
    app.config.update(SECRET_KEY="bench-secret", INTERVIEW_COACH_DATABASE_URL=database_url,
                      INTERVIEW_COACH_BROKER_URL=broker_url, INTERVIEW_COACH_TASK_QUEUE="bench-p5")
    InterviewCoach().init_app(app)
    upgrade(coach_state(app).store.engine)
    return app


def purge(app: Flask) -> None:
    with coach_state(app).celery.connection_for_write() as connection:
        connection.default_channel.queue_purge("bench-p5")


def measure_backend(name: str, database_url: str, broker_url: str, repeats: int) -> list[dict[str, Any]]:
    app = make_app(database_url, broker_url)
    engine = coach_state(app).store.engine
    captured = CapturedQuery(engine)
    task = coach_state(app).celery.tasks["interview_coach.dispatch_due"]
    results = []
    with app.app_context():
        fill(engine, 1, POOL, timedelta(days=365))
        filled = 0
        for size in SIZES:
            fill(engine, POOL + 1 + filled, size - filled, timedelta(days=2))
            filled = size
            for due in DUE_COUNTS:
                set_due(engine, due)
                taken = task()  # warm, and captures the SELECT
                assert captured.sql is not None
                set_due(engine, due)
                indexed = [run_query(engine, captured.sql, captured.params, use_indexes=True) for _ in range(repeats)]
                scanned = [run_query(engine, captured.sql, captured.params, use_indexes=False) for _ in range(repeats)]
                sweeps = []
                for _ in range(repeats):
                    set_due(engine, due)
                    purge(app)
                    started = time.perf_counter()
                    task()
                    sweeps.append(time.perf_counter() - started)
                set_due(engine, due)
                purge(app)
                tracemalloc.start()
                task()
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
                results.append({"backend": name, "size": size, "due": due, "taken": taken,
                                "query": statistics.median(indexed), "scan": statistics.median(scanned),
                                "sweep": statistics.median(sweeps), "peak": peak})
                print(f"  {name:<10} {size:>7} future {due:>5} due: sweep {1e3 * results[-1]['sweep']:7.2f} ms, "
                      f"query {1e3 * results[-1]['query']:6.2f} ms (no index {1e3 * results[-1]['scan']:6.2f} ms)")
        print(f"\n  {name} plan of the sweep's SELECT at {SIZES[-1]:,} rows:")
        print(query_plan(engine, captured.sql, captured.params))
    engine.dispose()
    return results


@contextlib.contextmanager
def postgres_or_none() -> Iterator[str | None]:
    """A throw-away database on the local PostgreSQL, or None if there is none to use."""
    try:
        with postgres_database("p5") as url:
            yield url
    except PostgresUnavailable as exc:
        print(f"PostgreSQL part skipped: {exc}")
        yield None


def report(results: list[dict[str, Any]]) -> None:
    print(f"\n{'backend':<11}{'future':>8}{'due':>6}{'taken':>7}{'sweep ms':>10}{'query ms':>10}"
          f"{'no-index ms':>13}{'peak KiB':>10}")
    for r in results:
        print(f"{r['backend']:<11}{r['size']:>8}{r['due']:>6}{r['taken']:>7}{1e3 * r['sweep']:>10.2f}"
              f"{1e3 * r['query']:>10.2f}{1e3 * r['scan']:>13.2f}{r['peak'] / 1024:>10.0f}")
    for backend in dict.fromkeys(r["backend"] for r in results):
        by = {(r["size"], r["due"]): r for r in results if r["backend"] == backend}
        small, large = SIZES[0], SIZES[-1]
        print(f"\n{backend}: {large:,} vs {small:,} future rows (the table grew {large // small}x)")
        flat_time, flat_memory = True, True
        for due in DUE_COUNTS:
            a, b = by[(small, due)], by[(large, due)]
            print(f"  {due:>5} due: query {b['query'] / a['query']:.2f}x (no-index baseline "
                  f"{b['scan'] / a['scan']:.1f}x), sweep {b['sweep'] / a['sweep']:.2f}x, "
                  f"peak memory {b['peak'] / a['peak']:.2f}x")
            flat_time &= b["query"] <= 2 * a["query"] + 0.0005 and b["sweep"] <= 2 * a["sweep"] + 0.002
            flat_memory &= b["peak"] <= 1.25 * a["peak"] + 64 * 1024
        many, few = by[(large, DUE_COUNTS[-1])], by[(large, DUE_COUNTS[0])]
        print(f"  at {large:,} rows, {DUE_COUNTS[-1]} due vs {DUE_COUNTS[0]} due: "
              f"sweep {many['sweep'] / few['sweep']:.0f}x "
              f"(it takes {many['taken']} rows, the batch limit being {SWEEP_BATCH})")
        goal(f"{backend}: cost follows what is due, not the table's size", flat_time,
             "query and sweep within 2x from 1k to 100k rows")
        goal(f"{backend}: memory flat", flat_memory, "tracemalloc peak within 1.25x (+64 KiB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=5, help="timed runs per size and due count (median)")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args()
    header("P5: the due sweep against 100,000 future reminders")
    with contextlib.ExitStack() as stack:
        try:
            broker = stack.enter_context(private_redis())
        except RedisUnavailable as exc:
            print(f"no redis-server ({exc}); the sweep publishes to kombu's in-memory transport instead")
            broker = "memory://"
        folder: Path = stack.enter_context(scratch_dir("p5"))
        results = measure_backend("sqlite", f"sqlite:///{folder / 'coach.sqlite'}", broker, args.repeats)
        if not args.no_postgres:
            pg_url = stack.enter_context(postgres_or_none())
            if pg_url is not None:
                results += measure_backend("postgresql", pg_url, broker, args.repeats)
    report(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
