"""P1: what the plugin adds to the example board's apply request, p50/p99.

Run ``.venv/bin/python bench/p1_request_latency.py`` (``--profile`` adds a cProfile of the
plugin's share of the request). Prints figures only; a missed goal is reported, never an
error.

Four copies of the example board (``examples/jobboard``), each in its own process with its
own SQLite file (or, with ``--postgres``, its own database on the local PostgreSQL), answer
the same apply POST (a new candidate each time, so every request inserts a candidate and an
application) through Flask's test client:

- **bare**: the board with ``JOBBOARD_INTERVIEW_COACH=false`` (``coach.init_app`` skipped);
- **plugin**: the board as shipped: the model watchers map the new application to an event,
  the event row is written in the request's own transaction, and after the commit the
  plugin's thread publishes ``process_event`` to a real Redis (a private ``redis-server``
  on a free port; the published messages are counted at the end);
- **inline**: the board alone, plus sending the confirmation inside the request after the
  commit (compose, then SMTP to a local aiosmtpd in another process, a new connection per
  email): what a board without a queue does, and what the plugin exists to avoid;
- **inline-tls**: the same, but the way a mail provider is reached: STARTTLS with the
  server's certificate checked, then AUTH, then the message. Still on the loopback
  interface, so it adds TLS's CPU and round trips but none of a real network's latency
  (this machine cannot delay loopback traffic: its kernel has no ``netem``). Both inline
  figures are therefore lower bounds of what sending inline costs in production.

The variants take turns in rounds (less drift on a noisy machine). Added latency is the
variant's percentile minus the bare board's. Goals (issue 5): ≤ 2 ms added at p99; the
plugin's added latency ≥ 10× below the inline send's (judged against each inline variant).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from _support import (
    BENCH,
    PostgresUnavailable,
    RedisUnavailable,
    SmtpSink,
    goal,
    header,
    percentile,
    postgres_database,
    private_redis,
    scratch_dir,
)

VARIANTS = ("bare", "plugin", "inline", "inline-tls")
INLINE = ("inline", "inline-tls")
PACED_GAP_MS = 10.0


class Host:
    def __init__(self, variant: str, folder: Path, redis_url: str, sink: SmtpSink, database_url: str | None) -> None:
        self.variant = variant
        ca = ["--smtp-ca", str(sink.ca_file)] if variant == "inline-tls" and sink.ca_file else []
        database = ["--database-url", database_url] if database_url else []
        self.process = subprocess.Popen(
            [sys.executable, str(BENCH / "_p1_host.py"), variant, "--dir", str(folder), "--redis", redis_url,
             "--smtp-port", str(sink.port), *ca, *database],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=(folder / f"{variant}.log").open("w"), text=True)
        if not self._read().get("ready"):
            raise RuntimeError(f"the {variant} board did not start; see {folder / f'{variant}.log'}")

    def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"the {self.variant} board exited (code {self.process.wait()})")
        return json.loads(line)  # type: ignore[no-any-return]

    def call(self, op: str, **values: object) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"op": op, **values}) + "\n")
        self.process.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.process.poll() is None:
            self.call_quietly()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def call_quietly(self) -> None:
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(json.dumps({"op": "quit"}) + "\n")
            self.process.stdin.close()
        except OSError:
            pass


def measure(args: argparse.Namespace, redis_url: str, folder: Path, sink: SmtpSink,
            databases: dict[str, str]) -> tuple[dict[str, dict[str, list[float]]], dict[str, Any], str]:
    """Samples per mode and variant. ``back-to-back``: the next request starts as soon as
    the last one ends (a saturated worker: the publisher thread's work lands on the next
    request through the GIL). ``paced``: 10 ms idle after each request (a worker with spare
    time, as most are)."""
    hosts = {variant: Host(variant, folder, redis_url, sink, databases.get(variant)) for variant in VARIANTS}
    modes = {"back-to-back": (args.per_round, 0.0), "paced": (max(1, args.per_round // 2), PACED_GAP_MS)}
    try:
        for host in hosts.values():
            host.call("run", count=args.warm_up)
        samples = {mode: {variant: [] for variant in VARIANTS} for mode in modes}
        for round_number in range(args.rounds):
            turn = round_number % len(VARIANTS)
            order = VARIANTS[turn:] + VARIANTS[:turn]
            for mode, (count, gap_ms) in modes.items():
                for variant in order:
                    samples[mode][variant].extend(hosts[variant].call("run", count=count, gap_ms=gap_ms)["ms"])
        stats = hosts["plugin"].call("stats")
        profile_text = hosts["plugin"].call("profile", count=args.per_round)["text"] if args.profile else ""
    finally:
        for host in hosts.values():
            host.close()
    return samples, stats, profile_text


def ratio_text(numerator: float, denominator: float) -> tuple[float, str]:
    if denominator <= 0.01:
        return float("inf"), f"> {numerator / 0.01:.0f}x (the plugin's share is within the noise)"
    value = numerator / denominator
    return value, f"{value:.0f}x"


def report(mode: str, samples: dict[str, list[float]]) -> None:
    print(f"\n{mode}:")
    print(f"  {'variant':<11}{'requests':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'mean ms':>9}")
    pct: dict[str, dict[int, float]] = {}
    for variant, values in samples.items():
        pct[variant] = {q: percentile(values, q) for q in (50, 90, 99)}
        mean = sum(values) / len(values)
        print(f"  {variant:<11}{len(values):>9}{pct[variant][50]:>9.2f}{pct[variant][90]:>9.2f}"
              f"{pct[variant][99]:>9.2f}{mean:>9.2f}")
    added = {variant: {q: pct[variant][q] - pct["bare"][q] for q in (50, 99)} for variant in VARIANTS[1:]}
    print("  added to the bare board's request:")
    for variant in VARIANTS[1:]:
        print(f"    {variant:<11} p50 {added[variant][50]:+.2f} ms   p99 {added[variant][99]:+.2f} ms")
    goal(f"{mode}: ≤ 2 ms added at p99", added["plugin"][99] <= 2.0, f"{added['plugin'][99]:+.2f} ms")
    for inline in INLINE:
        p50_ratio, p50_text = ratio_text(added[inline][50], added["plugin"][50])
        p99_ratio, p99_text = ratio_text(added[inline][99], added["plugin"][99])
        print(f"  {inline} added / plugin added: p50 {p50_text}, p99 {p99_text}")
        goal(f"{mode}: ≥ 10× below the {inline} send", min(p50_ratio, p99_ratio) >= 10,
             f"p50 {p50_text}, p99 {p99_text}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--per-round", type=int, default=300, help="requests per variant per round")
    parser.add_argument("--warm-up", type=int, default=100, help="untimed requests per variant first")
    parser.add_argument("--profile", action="store_true", help="also profile the plugin variant's requests")
    parser.add_argument("--postgres", action="store_true",
                        help="each board on a throw-away database of the local PostgreSQL (127.0.0.1:5432, "
                             "trust authentication, over TCP) instead of its own SQLite file")
    args = parser.parse_args()
    header("P1: latency the plugin adds to the example board's apply request")
    try:
        with (private_redis() as redis_url, scratch_dir("p1") as folder, SmtpSink(folder, tls=True) as sink,
              ExitStack() as stack):
            databases = ({variant: stack.enter_context(postgres_database(f"p1_{variant.replace('-', '_')}"))
                          for variant in VARIANTS} if args.postgres else {})
            print(f"{len(VARIANTS)} boards taking turns, {args.rounds} rounds of {args.per_round} back-to-back and "
                  f"{max(1, args.per_round // 2)} paced apply POSTs each (after {args.warm_up} warm-up); "
                  f"private Redis at {redis_url}; {'PostgreSQL' if args.postgres else 'SQLite'}")
            samples, stats, profile_text = measure(args, redis_url, folder, sink, databases)
            emails = sink.count()
    except (RedisUnavailable, PostgresUnavailable) as exc:
        print(f"P1 skipped: {exc}")
        return 0
    for mode, by_variant in samples.items():
        report(mode, by_variant)
    requests = sum(len(by_variant["plugin"]) for by_variant in samples.values()) + args.warm_up
    print(f"\nplugin board: {stats.get('events')} event rows, {stats.get('published')} process_event messages "
          f"in Redis for {requests} apply requests and {stats.get('events', 0) - requests} seeded applications")
    print(f"inline boards: {emails} emails accepted by the SMTP server")
    inside, publish = stats.get("in_request_ms", []), stats.get("publish_cpu_ms", [])
    if inside:
        print(f"\nthe plugin's own listeners inside each request (mapper, event row, hand-off): "
              f"p50 {percentile(inside, 50):.2f} ms, p99 {percentile(inside, 99):.2f} ms")
    if publish:
        print(f"each publish on the plugin's thread, off the request: p50 {percentile(publish, 50):.2f} ms, "
              f"p99 {percentile(publish, 99):.2f} ms of CPU (it holds the GIL, so a saturated worker's next "
              "request pays it)")
    if profile_text:
        print("\nprofile of the plugin board's requests (the plugin's functions, cumulative):")
        print(profile_text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
