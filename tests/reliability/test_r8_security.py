"""R8: the webhook refuses bad and replayed signatures; unsubscribe links cannot be forged;
a full run's logs carry no candidate email address or profile text."""

from __future__ import annotations

import json
import logging
import time
from datetime import timedelta

import pytest
from itsdangerous import URLSafeSerializer

from interview_coach.plugin import coach_state, signals
from interview_coach.plugin.suppression import is_suppressed, unsubscribe_token
from interview_coach.plugin.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign
from tests.support.actions import apply, deliveries, schedule, subject, to
from tests.support.processes import wait_until

pytestmark = pytest.mark.e2e

PROFILE_MARK = "Reorganised the stockroom layout, cutting restock time by 35 percent"


def _post_webhook(client, secret: str, body: bytes, ts: int):  # type: ignore[no-untyped-def]
    return client.post("/coach/webhook", data=body, headers={
        TIMESTAMP_HEADER: str(ts), SIGNATURE_HEADER: sign(secret, body, ts), "Content-Type": "application/json"})


def test_r8_webhook_refuses_forged_and_replayed_requests(rstack):
    rstack.app.config["INTERVIEW_COACH_WEBHOOK_SECRET"] = "r8-secret"
    client = rstack.app.test_client()
    body = json.dumps({"kind": "application_submitted", "application": {
        "id": "r8", "job": {"id": "j", "title": "Cook", "company": "Diner"},
        "candidate": {"id": "c", "name": "Bo", "email": "r8-webhook@example.com"}}}).encode()
    assert _post_webhook(client, "guessed-secret", body, int(time.time())).status_code == 401
    replayed = _post_webhook(client, "r8-secret", body, int(time.time()) - 3600)  # captured an hour ago
    assert replayed.status_code == 401
    no_headers = client.post("/coach/webhook", data=body, headers={"Content-Type": "application/json"})
    assert no_headers.status_code == 401


def test_r8_forged_or_tampered_unsubscribe_links_are_rejected(rstack):
    client = rstack.app.test_client()
    with rstack.app.app_context():
        genuine = unsubscribe_token(rstack.app, "r8-victim@example.com")
    forged = URLSafeSerializer("not-the-app-secret", salt="interview-coach.unsubscribe").dumps(
        {"e": "r8-victim@example.com"})
    tampered = genuine[:-3] + ("AAA" if not genuine.endswith("AAA") else "BBB")
    for token in (forged, tampered, "garbage"):
        response = client.post(f"/coach/unsubscribe/{token}")
        assert response.status_code == 400
        assert b"not valid" in response.data
    with rstack.app.app_context(), coach_state(rstack.app).store.begin() as session:
        assert not is_suppressed(session, "r8-victim@example.com")


def test_r8_a_full_run_logs_no_candidate_address_or_profile_text(rstack, smtp, caplog):
    caplog.set_level(logging.DEBUG)
    smtp.handler.refuse_recipients["r8-bounce@example.com"] = "550 5.1.1 <r8-bounce@example.com>: user unknown"
    smtp.handler.data_replies.append("451 4.3.0 <r8-private@example.com> try later")
    profile = f"Store associate.\n- {PROFILE_MARK}.\n- Customer service for 100+ shoppers a day."
    app_id = apply(rstack, candidate_email="r8-private@example.com", profile=profile)
    schedule(rstack, app_id, timedelta(days=2))
    bounced = apply(rstack, candidate_email="r8-bounce@example.com", profile=profile)
    with rstack.app.app_context():
        signals.application_submitted.send(rstack.app, event={"application": {
            "id": "r8-bad", "job": {"id": "j"}, "candidate": {"email": "r8-invalid@example.com"}}})
    smtp.wait_for(lambda r: to("r8-private@example.com")(r) and "how to prepare" in subject(r))
    wait_until(lambda: [d for d in deliveries(rstack, bounced) if d.status == "failed"], message="the bounce")
    # The web side's records (the test SMTP server's own "mail.log" debug lines are not ours).
    web_side = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("mail.log"))
    logs = rstack.worker.log() + web_side
    for secret in ("r8-private@example.com", "r8-bounce@example.com", "r8-invalid@example.com", PROFILE_MARK):
        assert secret not in logs, f"{secret!r} leaked into the logs"
    assert "<address>" in logs  # the SMTP replies were logged, with the address redacted
