"""Shared helpers of the benchmarks: private servers on free ports, percentiles, reporting.

Nothing here asserts: the benchmarks print figures, ratios against a baseline measured in
the same run, and whether each goal was met. A missed goal is information, not an error.
"""

from __future__ import annotations

import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
EXAMPLE_ROOT = REPO / "examples" / "jobboard"


def use_example_board() -> None:
    """Make ``import jobboard`` work, the way the demo runs the example board."""
    if str(EXAMPLE_ROOT) not in sys.path:
        sys.path.insert(0, str(EXAMPLE_ROOT))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine_summary() -> str:
    return (f"{os.cpu_count()} cores ({cpu_model()}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear between the closest ranks."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def busy_cores(seconds: float = 1.0) -> float | None:
    """How many cores' worth of CPU the whole machine used over ``seconds`` (Linux only)."""

    def sample() -> tuple[int, int]:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]  # idle + iowait
        return sum(fields[:8]) - idle, sum(fields[:8])

    try:
        busy0, total0 = sample()
        time.sleep(seconds)
        busy1, total1 = sample()
    except (OSError, ValueError, IndexError):
        return None
    return (busy1 - busy0) / max(1, total1 - total0) * (os.cpu_count() or 1)


def python_speed_ms() -> float:
    """A fixed pure-Python loop, best of three: on a shared or throttled machine the same
    code runs slower at times, and this says how fast the CPU was when a benchmark started."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i
        best = min(best, time.perf_counter() - started)
    return best * 1000


def header(title: str) -> None:
    print(f"\n== {title} ==")
    print(f"machine: {machine_summary()}")
    busy = busy_cores()
    if busy is not None:
        note = "quiet" if busy < 0.25 else "BUSY: other processes are running, expect noisy figures"
        print(f"before the run, the machine used {busy:.2f} of {os.cpu_count()} cores ({note})")
    print(f"CPU speed: a fixed pure-Python loop took {python_speed_ms():.0f} ms (lower is faster)")


def goal(label: str, met: bool, detail: str) -> bool:
    """Print one goal's verdict; returns ``met`` so callers can summarise."""
    print(f"  goal {label}: {'met' if met else 'MISSED'} ({detail})")
    return met


def wait_for(condition, timeout: float, what: str, interval: float = 0.05):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f}s waiting for {what}")
        time.sleep(interval)


class RedisUnavailable(RuntimeError):
    """No ``redis-server`` binary: the benchmark that needs one is skipped."""


@contextmanager
def private_redis() -> Iterator[str]:
    """A throw-away ``redis-server`` on a free loopback port; yields its URL. A user's
    machine may have no Redis running, and a shared one would mix our queues with theirs."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise RedisUnavailable("redis-server is not installed (e.g. `sudo apt-get install redis-server` or "
                               "`brew install redis`); skipping this benchmark")
    import redis

    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--daemonize", "no", "--logfile", ""],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=0.5)

        def answers() -> bool:
            try:
                return bool(client.ping())
            except redis.RedisError:
                return process.poll() is not None  # exited: stop waiting, fail below

        wait_for(answers, 10, "redis-server to answer")
        if process.poll() is not None:
            raise RuntimeError(f"redis-server exited with {process.returncode}")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


class SmtpSink:
    """``bench/_smtp_sink.py`` in its own process; ``accepted()`` reads what it recorded."""

    def __init__(self, folder: Path, tls: bool = False) -> None:
        self.port = free_port()
        self.record = folder / f"smtp-{self.port}.log"
        self.record.touch()
        self._process: subprocess.Popen[str] | None = None
        self._options: list[str] = []
        self.ca_file: Path | None = None  # with ``tls``: the CA that signed the server's certificate
        if tls:
            import trustme  # in the [dev] extra

            authority = trustme.CA()
            server = authority.issue_cert("127.0.0.1", "localhost")
            cert, key, self.ca_file = folder / "smtp-cert.pem", folder / "smtp-key.pem", folder / "smtp-ca.pem"
            server.cert_chain_pems[0].write_to_path(str(cert))
            for extra in server.cert_chain_pems[1:]:
                extra.write_to_path(str(cert), append=True)
            server.private_key_pem.write_to_path(str(key))
            authority.cert_pem.write_to_path(str(self.ca_file))
            self._options = ["--tls-cert", str(cert), "--tls-key", str(key)]

    def __enter__(self) -> SmtpSink:
        self._process = subprocess.Popen(
            [sys.executable, str(BENCH / "_smtp_sink.py"), "--port", str(self.port), "--record", str(self.record),
             *self._options],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        if line.strip() != "ready":
            raise RuntimeError("the SMTP sink did not start")
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)

    def accepted(self) -> list[tuple[float, str]]:
        rows = []
        for line in self.record.read_text(encoding="ascii").splitlines():
            stamp, _, rcpt = line.partition(" ")
            if rcpt:
                rows.append((float(stamp), rcpt))
        return rows

    def count(self) -> int:
        with self.record.open("rb") as handle:
            return sum(1 for _ in handle)


PG_ADMIN_URL = "postgresql+psycopg://127.0.0.1:5432/test"


class PostgresUnavailable(RuntimeError):
    """No ``psycopg`` or no PostgreSQL to use on 127.0.0.1:5432."""


@contextmanager
def postgres_database(prefix: str) -> Iterator[str]:
    """A throw-away database on the local PostgreSQL (trust authentication on 127.0.0.1:5432),
    dropped afterwards; yields its SQLAlchemy URL. Raises ``PostgresUnavailable`` saying why
    not, so that a caller can skip its PostgreSQL part."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise PostgresUnavailable("psycopg is not installed (pip install 'psycopg[binary]')") from None
    from sqlalchemy import create_engine, text

    name = f"coach_bench_{prefix}_{os.getpid()}_{int(time.time())}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 2})
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        admin.dispose()
        raise PostgresUnavailable(f"no PostgreSQL to use at 127.0.0.1:5432 ({type(exc).__name__})") from None
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def scratch_dir(prefix: str) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix=f"coach-bench-{prefix}-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
