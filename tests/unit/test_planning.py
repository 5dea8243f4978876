"""Planning: which emails an event creates, in whatever order events arrive."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from sqlalchemy import select

from interview_coach.plugin import coach_state
from interview_coach.plugin.events import parse_event
from interview_coach.plugin.tables import DeliveryRow, InterviewRow, utcnow
from interview_coach.plugin.toggles import set_toggle
from interview_coach.workers.planning import PlanningPolicy, process_event

POLICY = PlanningPolicy(default_kinds=("application_received", "interview_prep", "interview_reminder",
                                       "interview_rescheduled", "interview_cancelled"),
                        default_reminder_offset_minutes=24 * 60, mail_domain="jobs.test")
NOW = utcnow()


def _event(kind: str, version: int | None, start_in_days: float = 5, **extra: object) -> dict:
    start = NOW.replace(tzinfo=UTC) + timedelta(days=start_in_days)
    return {"kind": kind, "application": {
        "id": "a1", "job": {"id": "j1", "title": "Nurse", "company": "Mercy"},
        "candidate": {"id": "c1", "name": "Lee Park", "email": "Lee@Example.com"}},
        "interview": {"id": "i1", "stage": "screen", "starts_at": start.isoformat(), "version": version},
        **extra}


@pytest.fixture
def plan(app):  # type: ignore[no-untyped-def]
    """Store an event and process it at once, as the worker would; returns the deliveries."""
    state = coach_state(app)

    def run(payload: dict) -> dict[tuple[str, int], DeliveryRow]:
        with app.app_context():
            event_id = state.inbox.record_now(parse_event(payload), "api")
            assert event_id is not None
            with state.store.begin() as session:
                process_event(session, event_id, POLICY, now=NOW)
            with state.store.begin() as session:
                rows = session.scalars(select(DeliveryRow).order_by(DeliveryRow.id)).all()
                return {(d.kind, d.revision): d for d in rows}

    return run


def _interview(app) -> InterviewRow:  # type: ignore[no-untyped-def]
    with app.app_context(), coach_state(app).store.begin() as session:
        return session.get(InterviewRow, "i1")


def test_scheduling_plans_the_prep_email_now_and_the_reminder_a_day_before(plan):
    deliveries = plan(_event("interview_scheduled", 1))
    prep, reminder = deliveries[("interview_prep", 1)], deliveries[("interview_reminder", 1)]
    assert prep.status == "pending" and prep.due_at == NOW
    assert reminder.status == "pending"
    assert abs((reminder.due_at + timedelta(days=1)) - (NOW + timedelta(days=5))) < timedelta(seconds=5)
    assert prep.recipient == "lee@example.com"


def test_a_late_older_event_never_overrides_a_newer_one(plan, app):
    plan(_event("interview_scheduled", 1))
    plan(_event("interview_rescheduled", 3, start_in_days=7))
    deliveries = plan(_event("interview_rescheduled", 2, start_in_days=6))  # arrives last, is older
    assert _interview(app).host_version == 3
    assert ("interview_rescheduled", 3) not in deliveries  # v2 was stale: no third revision
    assert [k for k in deliveries if k[0] == "interview_reminder"] == [("interview_reminder", 1),
                                                                     ("interview_reminder", 2)]


def test_reschedule_before_the_prep_email_went_sends_one_prep_email_for_the_new_time(plan):
    plan(_event("interview_scheduled", 1))
    deliveries = plan(_event("interview_rescheduled", 2, start_in_days=6))
    assert deliveries[("interview_prep", 1)].status == "skipped"
    assert "superseded" in deliveries[("interview_prep", 1)].last_error
    assert deliveries[("interview_prep", 2)].status == "pending"
    assert ("interview_rescheduled", 2) not in deliveries  # no "moved" notice for news never sent


def test_reschedule_after_the_prep_email_went_sends_a_moved_notice(plan, app):
    deliveries = plan(_event("interview_scheduled", 1))
    with app.app_context(), coach_state(app).store.begin() as session:
        session.get(DeliveryRow, deliveries[("interview_prep", 1)].id).status = "sent"
    deliveries = plan(_event("interview_rescheduled", 2, start_in_days=6))
    assert deliveries[("interview_rescheduled", 2)].status == "pending"
    assert deliveries[("interview_reminder", 1)].status == "skipped"
    assert deliveries[("interview_reminder", 2)].status == "pending"


def test_cancel_arriving_before_the_schedule_wins(plan, app):
    plan(_event("interview_cancelled", 2))
    deliveries = plan(_event("interview_scheduled", 1))
    assert _interview(app).status == "cancelled"
    assert set(deliveries) == {("interview_cancelled", 1)}


def test_cancel_skips_the_pending_reminder(plan):
    plan(_event("interview_scheduled", 1))
    deliveries = plan(_event("interview_cancelled", 2))
    assert deliveries[("interview_reminder", 1)].status == "skipped"
    assert deliveries[("interview_cancelled", 2)].status == "pending"


def test_interview_starting_within_the_reminder_window_gets_no_reminder(plan):
    deliveries = plan(_event("interview_scheduled", 1, start_in_days=0.5))
    assert deliveries[("interview_reminder", 1)].status == "skipped"
    assert deliveries[("interview_reminder", 1)].last_error == "the interview starts within the reminder window"


def test_a_job_switch_beats_its_company_which_beats_the_default(plan, app):
    with app.app_context(), coach_state(app).store.begin() as session:
        set_toggle(session, "company", "Mercy", "interview_prep", False)
        set_toggle(session, "company", "Mercy", "interview_reminder", False)
        set_toggle(session, "job", "j1", "interview_reminder", True, reminder_offset_minutes=60)
    deliveries = plan(_event("interview_scheduled", 1))
    assert deliveries[("interview_prep", 1)].status == "skipped"
    assert deliveries[("interview_prep", 1)].last_error == "switched off for this company"
    reminder = deliveries[("interview_reminder", 1)]
    assert reminder.status == "pending"
    assert abs((reminder.due_at + timedelta(hours=1)) - (NOW + timedelta(days=5))) < timedelta(seconds=5)


def test_closing_the_application_cancels_what_is_pending(plan):
    plan(_event("interview_scheduled", 1))
    deliveries = plan({"kind": "application_closed", "application": _event("unused", 1)["application"]})
    assert {d.status for d in deliveries.values()} == {"cancelled"}


def test_a_new_place_at_the_same_time_is_still_news_to_the_candidate(plan, app):
    scheduled = _event("interview_scheduled", 1)
    deliveries = plan(scheduled)
    with app.app_context(), coach_state(app).store.begin() as session:
        session.get(DeliveryRow, deliveries[("interview_prep", 1)].id).status = "sent"
    moved = {**scheduled, "kind": "interview_rescheduled",
             "interview": {**scheduled["interview"], "version": 2, "format": "onsite", "location": "12 Main St"}}
    deliveries = plan(moved)
    assert deliveries[("interview_rescheduled", 2)].status == "pending"
