"""R9: the broker drops every connection (CLIENT KILL): the worker consumes again within
30 s. While a worker is not consuming, `flask coach status` says so."""

from __future__ import annotations

import signal
import time

import pytest

from tests.support.actions import apply
from tests.support.processes import wait_until

pytestmark = pytest.mark.e2e


def _kill_all_connections(private_redis) -> int:  # type: ignore[no-untyped-def]
    client = private_redis.client()
    killed = 0
    for kind in ("normal", "pubsub"):
        killed += int(client.execute_command("CLIENT", "KILL", "TYPE", kind, "SKIPME", "yes"))
    return killed


def test_r9_worker_consumes_again_after_its_connections_are_killed(rstack, smtp, private_redis):
    apply(rstack, candidate_email="r9-before@example.com")
    smtp.wait_for(lambda r: "r9-before@example.com" in r.envelope_to)
    assert _kill_all_connections(private_redis) > 0
    killed_at = time.monotonic()
    apply(rstack, candidate_email="r9-after@example.com")
    smtp.wait_for(lambda r: "r9-after@example.com" in r.envelope_to, timeout=30)
    print(f"\nR9: consuming again {time.monotonic() - killed_at:.1f}s after CLIENT KILL")


def test_r9_status_reports_a_stalled_worker_and_then_a_consuming_one(rstack, smtp):
    runner = rstack.app.test_cli_runner()
    healthy = wait_until(lambda: (r := runner.invoke(args=["coach", "status", "--timeout", "1"])).exit_code == 0 and r,
                         timeout=30, message="a healthy status")
    assert "heartbeat:  consuming" in healthy.output
    rstack.worker.send_signal(signal.SIGSTOP)  # alive but taking nothing off the queue
    try:
        stalled = wait_until(lambda: (r := runner.invoke(args=["coach", "status", "--timeout", "1"])).exit_code == 1
                             and "STALLED" in r.output and r, timeout=30, message="a stalled status")
        assert "workers:    none answering" in stalled.output
    finally:
        rstack.worker.send_signal(signal.SIGCONT)
    wait_until(lambda: runner.invoke(args=["coach", "status", "--timeout", "1"]).exit_code == 0, timeout=30,
               message="consuming again after SIGCONT")
