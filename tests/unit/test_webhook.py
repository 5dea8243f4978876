"""The signed webhook: 202 accepted, 401 bad or stale signature, 400 naming the field."""

from __future__ import annotations

import json
import time

from sqlalchemy import func, select

from interview_coach.plugin import coach_state
from interview_coach.plugin.tables import EventRow
from interview_coach.plugin.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign

SECRET = "webhook-secret"


def _event(email: str = "web@example.com") -> dict:
    return {
        "kind": "interview_scheduled",
        "idempotency_key": "board-evt-1001",
        "application": {
            "id": "a-77",
            "job": {"id": "j-5", "title": "Data Analyst", "company": "Northwind"},
            "candidate": {"id": "c-9", "name": "Priya Nair", "email": email, "timezone": "Europe/London"},
        },
        "interview": {"id": "i-3", "stage": "phone screen", "starts_at": "2030-01-15T10:00:00+00:00",
                      "timezone": "Europe/London", "interviewers": [{"name": "Tom", "title": "Recruiter"}]},
    }


def _post(client, body: bytes, *, timestamp: int | None = None, secret: str = SECRET, signature: str | None = None):  # type: ignore[no-untyped-def]
    ts = int(time.time()) if timestamp is None else timestamp
    headers = {TIMESTAMP_HEADER: str(ts), SIGNATURE_HEADER: signature or sign(secret, body, ts),
               "Content-Type": "application/json"}
    return client.post("/coach/webhook", data=body, headers=headers)


def _event_count(app) -> int:  # type: ignore[no-untyped-def]
    with app.app_context(), coach_state(app).store.begin() as session:
        return session.scalar(select(func.count()).select_from(EventRow).where(EventRow.status == "pending"))


def test_good_signature_is_accepted_once(app):
    client = app.test_client()
    body = json.dumps(_event()).encode()
    first = _post(client, body)
    assert first.status_code == 202
    assert first.json == {"status": "accepted", "duplicate": False, "key": "board-evt-1001"}
    again = _post(client, body)
    assert again.status_code == 202 and again.json["duplicate"] is True
    assert _event_count(app) == 1


def test_bad_signature_is_401(app):
    body = json.dumps(_event()).encode()
    response = _post(app.test_client(), body, secret="not-the-secret")
    assert response.status_code == 401
    assert response.json["error"] == "bad signature"
    assert _event_count(app) == 0


def test_body_changed_after_signing_is_401(app):
    body = json.dumps(_event()).encode()
    ts = int(time.time())
    tampered = body.replace(b"Priya", b"Mallory")
    response = _post(app.test_client(), tampered, timestamp=ts, signature=sign(SECRET, body, ts))
    assert response.status_code == 401


def test_stale_timestamp_is_401_even_with_a_valid_signature(app):
    body = json.dumps(_event()).encode()
    response = _post(app.test_client(), body, timestamp=int(time.time()) - 301)
    assert response.status_code == 401
    assert "stale timestamp" in response.json["error"]


def test_invalid_payload_is_400_naming_the_field(app):
    body = json.dumps(_event(email="not-an-address")).encode()
    response = _post(app.test_client(), body)
    assert response.status_code == 400
    fields = [item["field"] for item in response.json["fields"]]
    assert fields == ["interview_scheduled.application.candidate.email"]
    assert "not-an-address" not in response.get_data(as_text=True)  # values are not echoed


def test_unknown_kind_is_400_naming_the_kind(app):
    event = _event()
    event["kind"] = "interview_teleported"
    response = _post(app.test_client(), json.dumps(event).encode())
    assert response.status_code == 400
    assert response.json["fields"][0]["field"] == "(body)" or "kind" in json.dumps(response.json)


def test_malformed_json_is_400(app):
    response = _post(app.test_client(), b'{"kind": ')
    assert response.status_code == 400


def test_webhook_is_off_until_a_secret_is_set(app):
    app.config["INTERVIEW_COACH_WEBHOOK_SECRET"] = None
    response = _post(app.test_client(), json.dumps(_event()).encode())
    assert response.status_code == 404
    assert "INTERVIEW_COACH_WEBHOOK_SECRET" in response.json["error"]
