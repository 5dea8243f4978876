"""Personal-data retention: profile text is purged from stored events after the configured days."""

from __future__ import annotations

from datetime import timedelta

from interview_coach.plugin import coach_state
from interview_coach.plugin.events import parse_event
from interview_coach.plugin.tables import EventRow, utcnow
from interview_coach.workers.retention import purge_personal_data

PROFILE = "Led a team of 12 nurses on a 30-bed surgical ward."


def _application(age_days: float) -> dict:
    return {"id": f"a-{age_days}", "job": {"id": "j", "title": "Charge Nurse", "company": "Mercy"},
            "candidate": {"id": "c", "name": "Ana Ruiz", "email": "ana@example.com", "profile": PROFILE,
                          "skills": ["Triage"]}}


def _store(app, age_days: float) -> int:  # type: ignore[no-untyped-def]
    # An interview event: the prep email is tailored from it, so its profile is kept (until purged).
    event = parse_event({"kind": "interview_scheduled", "application": _application(age_days),
                         "interview": {"id": f"i-{age_days}", "stage": "screen", "starts_at": "2030-01-07T15:00:00Z"}})
    with app.app_context():
        event_id = coach_state(app).inbox.record_now(event, "api")
        with coach_state(app).store.begin() as session:
            session.get(EventRow, event_id).created_at = utcnow() - timedelta(days=age_days)
    return event_id


def test_profiles_older_than_the_retention_period_are_purged_and_newer_ones_kept(app):
    old, recent = _store(app, 91), _store(app, 89)
    with app.app_context(), coach_state(app).store.begin() as session:
        assert purge_personal_data(session, retention_days=90) == 1
    with app.app_context(), coach_state(app).store.begin() as session:
        purged, kept = session.get(EventRow, old), session.get(EventRow, recent)
        assert PROFILE not in str(purged.payload)
        assert purged.payload["application"]["candidate"]["skills"] == []
        assert purged.purged_at is not None
        assert parse_event(purged.payload).application.job.title == "Charge Nurse"  # still a valid event
        assert kept.payload["application"]["candidate"]["profile"] == PROFILE
        assert purge_personal_data(session, retention_days=90) == 0  # nothing twice


def test_the_periodic_task_is_scheduled(app):
    schedule = coach_state(app).celery.conf.beat_schedule
    entry = schedule["interview-coach-purge-personal-data"]
    assert entry["task"] == "interview_coach.purge_personal_data"
    assert "interview_coach.purge_personal_data" in coach_state(app).celery.tasks


def test_an_application_event_keeps_no_profile_text_since_its_confirmation_is_not_tailored(app):
    """Data minimisation: the confirmation needs the name, the address and the job."""
    with app.app_context():
        event_id = coach_state(app).inbox.record_now(
            parse_event({"kind": "application_submitted", "application": _application(1)}), "api")
        with coach_state(app).store.begin() as session:
            stored = session.get(EventRow, event_id).payload
    assert PROFILE not in str(stored) and "Triage" not in str(stored)
    event = parse_event(stored)
    assert (event.application.candidate.email, event.application.job.title) == ("ana@example.com", "Charge Nurse")
