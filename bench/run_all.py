"""``make bench``: every benchmark in sequence, each in its own process.

Each prints its figures, a ratio against a baseline measured in the same run, and whether
its goal was met; a missed goal is information. This exits non-zero only when a benchmark
crashed. ``--quick`` passes ``--quick`` to P3 (10 s + 5 s instead of 60 s + 30 s).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SCRIPTS = ("tailoring.py", "p1_request_latency.py", "p2_throughput.py", "p3_end_to_end.py", "p5_due_sweep.py")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="the short P3")
    parser.add_argument("only", nargs="*", help="run only these scripts (e.g. p2_throughput.py)")
    args = parser.parse_args()
    outcomes = []
    for script in args.only or SCRIPTS:
        path = BENCH / script
        if not path.exists():
            print(f"\n(skipping {script}: not found)")
            continue
        command = [sys.executable, str(path)]
        if args.quick and script.startswith("p3_"):
            command.append("--quick")
        started = time.monotonic()
        code = subprocess.run(command, cwd=BENCH.parent, check=False).returncode
        outcomes.append((script, code, time.monotonic() - started))
    print("\n== benchmarks ==")
    for script, code, seconds in outcomes:
        print(f"  {script:<24} {'ran' if code == 0 else f'CRASHED (exit {code})'} in {seconds:.0f} s")
    return 1 if any(code for _, code, _ in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
