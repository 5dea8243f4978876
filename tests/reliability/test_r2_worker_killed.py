"""R2: SIGKILL the worker in the middle of a batch, several times, restart it: every
expected email is delivered; at most one duplicate per kill (one send in flight)."""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Iterator

import pytest

from tests.conftest import Stack, running_stack
from tests.reliability.conftest import FAST_RECOVERY
from tests.support.actions import apply
from tests.support.smtp import SmtpServer

pytestmark = pytest.mark.e2e

BATCH = 40
KILLS = 3


@pytest.fixture(scope="module")
def rstack(tmp_path_factory, private_redis, smtp_server) -> Iterator[Stack]:  # type: ignore[no-untyped-def]
    # One send in flight at a time, so a kill can interrupt at most one send.
    with running_stack(tmp_path_factory.mktemp("r2"), private_redis.url, smtp_server, FAST_RECOVERY,
                       concurrency=1) as stack:
        yield stack


def _recipients(smtp: SmtpServer) -> Counter[str]:
    return Counter(address for r in smtp.received for address in r.envelope_to if address.startswith("r2-"))


def test_r2_killed_worker_loses_no_email_and_duplicates_at_most_one_per_kill(rstack, smtp):
    for n in range(BATCH):
        apply(rstack, candidate_email=f"r2-{n}@example.com")
    for kill in range(1, KILLS + 1):
        smtp.wait_for(lambda r: any(a.startswith("r2-") for a in r.envelope_to), count=kill * BATCH // (KILLS + 1),
                      timeout=60)
        rstack.worker.stop(signal.SIGKILL)
        rstack.worker.start()
    smtp.wait_for(lambda r: True, count=BATCH, timeout=120)
    expected = {f"r2-{n}@example.com" for n in range(BATCH)}
    wait_for_all = lambda: expected <= set(_recipients(smtp))  # noqa: E731
    from tests.support.processes import wait_until

    wait_until(wait_for_all, timeout=120, message="every candidate's email")
    counts = _recipients(smtp)
    duplicates = sum(counts.values()) - len(counts)
    print(f"\nR2: {BATCH} emails, {KILLS} SIGKILLs, {duplicates} duplicate(s)")
    assert set(counts) == expected
    assert duplicates <= KILLS
