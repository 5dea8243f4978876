"""R1: a rolled-back host transaction sends nothing, a committed one exactly one email.
R6: the same event arriving N times, through each of the three ways in, is one email."""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest

from interview_coach.plugin import signals
from interview_coach.plugin.events import parse_event
from interview_coach.plugin.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign
from tests.support.actions import apply, deliveries, events, schedule, subject, to
from tests.support.processes import wait_until

pytestmark = pytest.mark.e2e

REPEATS = 3


def test_r1_rollback_sends_nothing_and_commit_sends_exactly_one(rstack, smtp):
    hostapp = rstack.hostapp
    with rstack.app.app_context():
        for _ in range(5):
            hostapp.db.session.add(hostapp.JobApplication(candidate_email="r1-rolled-back@example.com"))
            hostapp.db.session.flush()
            hostapp.db.session.rollback()
    apply(rstack, candidate_email="r1-committed@example.com")
    apply(rstack, candidate_email="r1-sentinel@example.com")
    smtp.wait_for(to("r1-sentinel@example.com"))
    smtp.wait_for(to("r1-committed@example.com"))
    assert len([r for r in smtp.received if to("r1-committed@example.com")(r)]) == 1
    assert not [r for r in smtp.received if to("r1-rolled-back@example.com")(r)]
    assert not [e for e in events(rstack) if "rolled-back" in json.dumps(e.payload or {})]


def test_r6_one_event_through_every_way_in_many_times_is_one_email(rstack, smtp):
    app_id = apply(rstack, candidate_email="r6@example.com")
    schedule(rstack, app_id, timedelta(days=3))  # way 1: the model watcher
    [scheduled] = wait_until(lambda: [e for e in events(rstack, app_id) if e.kind == "interview_scheduled"],
                             message="the watcher's event")
    payload = scheduled.payload
    client = rstack.app.test_client()
    rstack.app.config["INTERVIEW_COACH_WEBHOOK_SECRET"] = "r6-secret"
    body = json.dumps(payload).encode()
    for _ in range(REPEATS):
        with rstack.app.app_context():
            signals.interview_scheduled.send(rstack.app, event=payload)  # way 2: a signal
            rstack.hostapp.coach.emit(parse_event(payload))  # and the Python API
        ts = int(time.time())  # way 3: the signed webhook
        response = client.post("/coach/webhook", data=body, headers={
            TIMESTAMP_HEADER: str(ts), SIGNATURE_HEADER: sign("r6-secret", body, ts),
            "Content-Type": "application/json"})
        assert response.status_code == 202
        assert response.json["duplicate"] is True
    apply(rstack, candidate_email="r6-sentinel@example.com")
    smtp.wait_for(to("r6-sentinel@example.com"))
    smtp.wait_for(lambda r: to("r6@example.com")(r) and "how to prepare" in subject(r))
    wait_until(lambda: all(d.status != "pending" or d.kind == "interview_reminder"
                           for d in deliveries(rstack, app_id)), message="prep sent")
    prep = [r for r in smtp.received if to("r6@example.com")(r) and "how to prepare" in subject(r)]
    assert len(prep) == 1
    assert len([e for e in events(rstack, app_id) if e.kind == "interview_scheduled"]) == 1
