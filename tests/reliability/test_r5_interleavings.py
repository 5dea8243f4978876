"""R5: schedule / reschedule / cancel events in random orders and interleavings: the
candidate is never left with a stale time, and a cancelled interview gets no reminder."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from interview_coach.plugin import coach_state
from interview_coach.plugin.events import parse_event
from interview_coach.plugin.toggles import set_toggle
from interview_coach.workers.timefmt import format_when
from tests.support.actions import deliveries, subject, to
from tests.support.processes import wait_until

pytestmark = pytest.mark.e2e

ZONE = "America/Chicago"


def _event(kind: str, version: int, start: datetime, ids: dict[str, str]) -> dict:
    return {"kind": kind, "application": {
        "id": ids["application"], "job": {"id": "r5-job", "title": "Barista", "company": "Bean There"},
        "candidate": {"id": ids["candidate"], "name": "Robin Diaz", "email": ids["email"], "timezone": ZONE}},
        "interview": {"id": ids["interview"], "stage": "onsite", "starts_at": start.isoformat(), "timezone": ZONE,
                      "version": version, "interviewers": [{"name": "Lou", "title": "Store Manager"}]}}


def _when_lines(text: str) -> list[str]:
    return [line.removeprefix("When: ") for line in text.splitlines() if line.startswith("When: ")]


@pytest.fixture(scope="module", autouse=True)
def _reminders_a_day_ahead(rstack):  # type: ignore[no-untyped-def]
    with rstack.app.app_context(), coach_state(rstack.app).store.begin() as session:
        set_toggle(session, "job", "r5-job", "interview_reminder", True, reminder_offset_minutes=24 * 60)


# No shrinking: each example runs real processes for seconds; the report shows the order.
@settings(max_examples=6, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(moves=st.integers(min_value=0, max_value=3), cancelled=st.booleans(), data=st.data())
def test_r5_no_email_leaves_the_candidate_with_a_stale_time(rstack, smtp_server, moves, cancelled, data):
    token = uuid.uuid4().hex[:8]
    ids = {"application": f"r5-a-{token}", "candidate": f"r5-c-{token}", "interview": f"r5-i-{token}",
           "email": f"r5-{token}@example.com"}
    # Version v starts 1 day + (3 + 2v) s from now, so each version's reminder is due within seconds.
    base = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1, seconds=3)
    versions = [("interview_scheduled", 1)] + [("interview_rescheduled", v) for v in range(2, moves + 2)]
    if cancelled:
        versions.append(("interview_cancelled", moves + 2))
    start_of = {v: base + timedelta(seconds=2 * v) for _, v in versions}
    order = data.draw(st.permutations(versions))
    delays = data.draw(st.lists(st.floats(min_value=0, max_value=0.3), min_size=len(order), max_size=len(order)))
    final_kind, final_version = versions[-1]
    final_start = start_of[moves + 1]  # a cancel keeps the last known time

    with rstack.app.app_context():
        for (kind, version), delay in zip(order, delays, strict=True):
            rstack.hostapp.coach.emit(parse_event(_event(kind, version, start_of.get(version, final_start), ids)))
            time.sleep(delay)  # interleave with the worker's processing

    mine = to(ids["email"])
    if cancelled:
        smtp_server.wait_for(lambda r: mine(r) and "is cancelled" in subject(r), timeout=30)
        # Every version's reminder was due by base + 2 * version seconds: wait past that.
        last_due = base - timedelta(days=1) + timedelta(seconds=2 * final_version + 2)
        wait_until(lambda: datetime.now(UTC) > last_due, timeout=30,
                   message="every version's reminder to come due")
        wait_until(lambda: all(d.status not in ("pending", "sending") for d in deliveries(rstack)
                               if d.interview_id == ids["interview"]), timeout=30,
                   message="every planned email to be sent or skipped")
    else:
        smtp_server.wait_for(lambda r: mine(r) and subject(r).startswith("Reminder"), timeout=40)
    received = [r for r in smtp_server.received if mine(r)]
    final_when = format_when(final_start, ZONE)
    reminders = [r for r in received if subject(r).startswith("Reminder")]
    if cancelled:
        assert reminders == [], f"a reminder for a cancelled interview: {order}"
        assert "is cancelled" in subject(received[-1])
    else:
        assert len(reminders) == 1, [subject(r) for r in received]
        assert _when_lines(reminders[0].text()) == [final_when], order
        assert _when_lines(received[-1].text()) == [final_when], (order, [subject(r) for r in received])
    assert final_kind  # the drawn scenario, for hypothesis' report
