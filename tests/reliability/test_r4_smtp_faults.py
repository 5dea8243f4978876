"""R4: SMTP answers 451 for a while, then recovers: everything is delivered with backoff.
550: failed with the reason, not retried."""

from __future__ import annotations

import pytest

from tests.support.actions import apply, deliveries
from tests.support.processes import wait_until

pytestmark = pytest.mark.e2e


def test_r4_temporary_refusals_heal_with_backoff(rstack, smtp):
    smtp.handler.data_replies.extend(["451 4.7.1 greylisted, try later"] * 6)
    ids = [apply(rstack, candidate_email=f"r4-{n}@example.com") for n in range(3)]
    expected = {f"r4-{n}@example.com" for n in range(3)}
    wait_until(lambda: expected <= {a for r in smtp.received for a in r.envelope_to}, timeout=60,
               message="all three after the refusals")
    rows = [d for app_id in ids for d in deliveries(rstack, app_id)]
    wait_until(lambda: all(d.status == "sent" for app_id in ids for d in deliveries(rstack, app_id)),
               message="rows marked sent")
    assert sum(d.attempts for app_id in ids for d in deliveries(rstack, app_id)) == 3 + 6
    assert len([r for r in smtp.received if set(r.envelope_to) & expected]) == 3
    assert rows


def test_r4_permanent_refusal_fails_at_once_with_the_reason(rstack, smtp):
    smtp.handler.refuse_recipients["r4-gone@example.com"] = "550 5.1.1 user unknown"
    app_id = apply(rstack, candidate_email="r4-gone@example.com")
    [delivery] = wait_until(lambda: [d for d in deliveries(rstack, app_id) if d.status == "failed"],
                            message="failed row")
    assert delivery.last_error == "recipient refused: 550 5.1.1 user unknown"
    assert delivery.attempts == 1
    assert smtp.handler.data_attempts == 0  # refused at RCPT, never retried
