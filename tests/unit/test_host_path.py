"""The host's request path is sacred: the plugin's hook never raises into it and never
waits on the broker."""

from __future__ import annotations

import logging
import time

from sqlalchemy import select

from interview_coach.plugin import coach_state, signals
from interview_coach.plugin.publisher import EventPublisher
from interview_coach.plugin.tables import EventRow
from tests.support import hostapp


def _events(app) -> list[EventRow]:  # type: ignore[no-untyped-def]
    with app.app_context(), coach_state(app).store.begin() as session:
        return list(session.scalars(select(EventRow).order_by(EventRow.id)))


def test_a_mapper_that_raises_does_not_break_the_hosts_commit(app, monkeypatch, caplog):
    def broken(row, change):  # type: ignore[no-untyped-def]
        raise KeyError("profile")

    monkeypatch.setitem(hostapp.coach._watchers._mappers, hostapp.JobApplication, broken)
    with app.app_context():
        hostapp.db.session.add(hostapp.JobApplication(candidate_email="secret-person@example.com"))
        hostapp.db.session.commit()  # must not raise
        assert hostapp.db.session.scalar(select(hostapp.JobApplication.id)) is not None
    [rejected] = _events(app)
    assert rejected.status == "rejected"
    assert rejected.error == "mapper raised KeyError"
    assert "secret-person@example.com" not in caplog.text


def test_an_invalid_event_from_a_mapper_is_kept_as_rejected_with_the_field(app, caplog):
    caplog.set_level(logging.WARNING)
    with app.app_context():
        hostapp.db.session.add(hostapp.JobApplication(candidate_email="no-at-sign"))
        hostapp.db.session.commit()
    [rejected] = _events(app)
    assert rejected.status == "rejected"
    assert rejected.error.startswith("Candidate.email: value is not a valid email address")
    assert "no-at-sign" not in caplog.text and "no-at-sign" not in rejected.error


def test_a_rolled_back_change_leaves_no_event(app):
    with app.app_context():
        hostapp.db.session.add(hostapp.JobApplication())
        hostapp.db.session.flush()
        hostapp.db.session.rollback()
    assert _events(app) == []


def test_signal_with_a_bad_payload_is_logged_and_rejected_not_raised(app):
    with app.app_context():
        signals.application_submitted.send(app, event={"application": {"id": "x"}})
    [rejected] = _events(app)
    assert rejected.status == "rejected" and rejected.source == "signal"
    assert "application.job" in rejected.error


def test_signal_with_a_good_payload_is_stored_once(app):
    event = {"application": {"id": "a9", "job": {"id": "j", "title": "Chef", "company": "Bistro"},
                             "candidate": {"id": "c", "name": "Ana", "email": "ana@example.com"}}}
    with app.app_context():
        signals.application_submitted.send(app, event=event)
        signals.application_submitted.send(app, event=event)
    [stored] = _events(app)
    assert (stored.kind, stored.status, stored.source) == ("application_submitted", "pending", "signal")


def test_publishing_never_blocks_or_raises_when_the_broker_is_down():
    calls: list[int] = []

    def unreachable(event_id: int) -> None:
        calls.append(event_id)
        raise ConnectionRefusedError(111, "Connection refused")

    publisher = EventPublisher(unreachable)
    started = time.perf_counter()
    publisher.submit(range(100))
    elapsed = time.perf_counter() - started
    assert publisher.flush(timeout=5)
    # The first failure opens a back-off window: the other 99 are left to the relay.
    assert calls == [0]
    assert elapsed < 0.5  # generous: submit only appends to a queue


def test_inside_a_request_events_are_published_once_the_request_is_done(app, monkeypatch):
    """Publishing costs CPU (the GIL); it waits until the host's view has finished."""
    steps: list[str] = []
    publisher = coach_state(app).publisher
    gates = []

    def submit(ids, not_before=None):  # type: ignore[no-untyped-def]
        steps.append(f"published {len(list(ids))}")
        gates.append(not_before)

    monkeypatch.setattr(publisher, "submit", submit)

    @app.post("/apply-twice")
    def apply_twice() -> str:
        for email in ("first@example.com", "second@example.com"):
            hostapp.db.session.add(hostapp.JobApplication(candidate_email=email))
            hostapp.db.session.commit()
            steps.append("committed")
        steps.append("view done")
        return "ok"

    response = app.test_client().post("/apply-twice")
    assert response.status_code == 200
    assert steps == ["committed", "committed", "view done", "published 1", "published 1"]
    # Both wait for the same signal: the server has sent the response and closed it.
    assert gates[0] is gates[1] and not gates[0].is_set()
    response.close()
    assert gates[0].is_set()
    # Outside a request (a script, a CLI command, a task) there is nothing to wait for.
    with app.app_context():
        hostapp.db.session.add(hostapp.JobApplication(candidate_email="third@example.com"))
        hostapp.db.session.commit()
        assert steps[-1] == "published 1"


def test_the_publisher_waits_for_the_response_to_be_sent_but_never_for_long(monkeypatch):
    import threading

    from interview_coach.plugin import publisher as publishing

    sent: list[int] = []
    publisher = publishing.EventPublisher(sent.append)
    monkeypatch.setattr(publishing, "MAX_WAIT_FOR_RESPONSE_SECONDS", 30.0)
    response_sent = threading.Event()
    publisher.submit([1, 2], not_before=response_sent)
    assert not publisher.flush(timeout=0.2)  # still waiting for the response...
    assert sent == []
    response_sent.set()
    assert publisher.flush(timeout=5)
    assert sent == [1, 2]

    monkeypatch.setattr(publishing, "MAX_WAIT_FOR_RESPONSE_SECONDS", 0.3)
    started = time.monotonic()
    for first in (3, 5, 7):  # three requests on a server that never closes its responses
        publisher.submit([first, first + 1], not_before=threading.Event())
    assert publisher.flush(timeout=10)
    assert sent == [1, 2, 3, 4, 5, 6, 7, 8]
    elapsed = time.monotonic() - started
    # Each id waited for its response until 0.3 s after its submit, and no longer: one after
    # the other, the waits would have taken at least 1.8 s.
    assert 0.3 <= elapsed < 1.8


def test_a_commit_in_the_hosts_own_after_request_also_waits_for_the_response(app, monkeypatch):
    """Flask runs after_request functions in reverse order: a host's, registered before the
    plugin's, runs after it, and may be where the host commits."""
    from interview_coach.plugin.extension import _note_when_response_sent

    gates = []
    monkeypatch.setattr(coach_state(app).publisher, "submit", lambda ids, not_before=None: gates.append(not_before))
    app.after_request_funcs[None].remove(_note_when_response_sent)

    @app.after_request
    def commit_late(response):  # type: ignore[no-untyped-def]
        hostapp.db.session.add(hostapp.JobApplication(candidate_email="late@example.com"))
        hostapp.db.session.commit()
        return response

    app.after_request(_note_when_response_sent)  # registered after the host's: runs before it

    @app.get("/quiet")
    def quiet() -> str:
        return "ok"

    response = app.test_client().get("/quiet")
    assert len(gates) == 1 and gates[0] is not None and not gates[0].is_set()
    response.close()
    assert gates[0].is_set()
