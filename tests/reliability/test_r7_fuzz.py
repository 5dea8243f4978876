"""R7: fuzzed event payloads and webhook bodies never cause a 500 or a crashed task; a bad
one gets a 4xx naming the field; line breaks never make extra headers; markup is escaped."""

from __future__ import annotations

import json
import time
from email import message_from_bytes
from email.policy import default
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_coach.plugin.events import parse_event
from interview_coach.plugin.webhook import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign
from interview_coach.workers.compose import Composed, build_message, compose
from interview_coach.workers.rendering import EmailRenderer
from tests.support.actions import events
from tests.support.processes import wait_until

pytestmark = pytest.mark.e2e

SECRET = "r7-secret"
VALID = {
    "kind": "interview_scheduled",
    "application": {"id": "r7", "job": {"id": "j7", "title": "Line Cook", "company": "Harbor Grill",
                                        "description": "Cook on a busy line.",
                                        "requirements": "Requirements:\n- Knife skills"},
                    "candidate": {"id": "c7", "name": "Sam Ortiz", "email": "r7@example.com", "timezone": "UTC",
                                  "profile": "Prepped 300 covers a night.", "skills": ["knife skills"]}},
    "interview": {"id": "i7", "stage": "onsite", "format": "onsite", "starts_at": "2031-05-01T15:00:00+00:00",
                  "timezone": "UTC", "interviewers": [{"name": "Kim", "title": "Head Chef"}]},
}
PATHS = [("kind",), ("application", "id"), ("application", "job", "title"), ("application", "job", "company"),
         ("application", "candidate", "name"), ("application", "candidate", "email"),
         ("application", "candidate", "timezone"), ("application", "candidate", "skills"),
         ("interview", "starts_at"), ("interview", "stage"), ("interview", "format"),
         ("interview", "duration_minutes"), ("interview", "interviewers"), ("interview",), ("application",)]
ANY_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
                        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                                    max_size=3), max_leaves=6)
# Text that may hold every kind of line break Python knows, and markup.
TRICKY = st.text(alphabet=st.sampled_from(list("ab <>&\"'/\r\n\x0b\x0c\x1c\x85\u2028\u2029é中")) | st.characters(),
                 min_size=1, max_size=30)


def _mutate(path: tuple[str, ...], value: Any, delete: bool) -> dict:
    event = json.loads(json.dumps(VALID))
    node = event
    for key in path[:-1]:
        node = node[key]
    if delete:
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value
    return event


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(PATHS), value=ANY_JSON, delete=st.booleans())
def test_r7_fuzzed_webhook_bodies_get_202_or_a_400_naming_the_field(rstack, path, value, delete):
    rstack.app.config["INTERVIEW_COACH_WEBHOOK_SECRET"] = SECRET
    body = json.dumps(_mutate(path, value, delete)).encode()
    ts = int(time.time())
    response = rstack.app.test_client().post("/coach/webhook", data=body, headers={
        TIMESTAMP_HEADER: str(ts), SIGNATURE_HEADER: sign(SECRET, body, ts), "Content-Type": "application/json"})
    assert response.status_code in (202, 400), response.data
    if response.status_code == 400:
        fields = response.json["fields"]
        assert fields and all(isinstance(f["field"], str) and f["message"] for f in fields)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300))
def test_r7_random_bytes_are_a_400_never_a_500(rstack, raw):
    rstack.app.config["INTERVIEW_COACH_WEBHOOK_SECRET"] = SECRET
    ts = int(time.time())
    response = rstack.app.test_client().post("/coach/webhook", data=raw, headers={
        TIMESTAMP_HEADER: str(ts), SIGNATURE_HEADER: sign(SECRET, raw, ts)})
    assert response.status_code == 400


def test_r7_accepted_fuzz_never_crashed_a_task(rstack):
    # Runs after the fuzzing above: every accepted event was processed by the real worker.
    wait_until(lambda: all(e.status != "pending" for e in events(rstack)), timeout=60,
               message="the worker to finish the fuzzed events")
    assert not [e for e in events(rstack) if e.status == "failed"]
    log = rstack.worker.log()
    assert "Traceback" not in log and "ERROR/" not in log, log[-3000:]


@settings(max_examples=120, deadline=None)
@given(name=TRICKY, title=TRICKY, company=TRICKY, interviewer=TRICKY)
def test_r7_no_field_can_add_a_header_or_unescaped_markup(name, title, company, interviewer):
    event_dict = json.loads(json.dumps(VALID))
    event_dict["application"]["candidate"]["name"] = name
    event_dict["application"]["job"]["title"] = title
    event_dict["application"]["job"]["company"] = company
    event_dict["interview"]["interviewers"][0]["name"] = interviewer
    try:
        event = parse_event(event_dict)
    except ValueError:
        return  # refused at the door (e.g. a CR or LF in a one-line field): nothing to send
    renderer = _renderer()
    for kind in ("application_received", "interview_prep"):
        composed = compose(renderer, kind, event, unsubscribe_url="https://jobs.test/u/t")
        message = build_message(composed, sender="Jobs <jobs@jobs.test>", message_id="<x@jobs.test>",
                                unsubscribe_url="https://jobs.test/u/t")
        parsed = message_from_bytes(message.as_bytes(), policy=default)
        assert sorted(parsed.keys()) == sorted(["Subject", "From", "To", "Date", "Message-ID", "List-Unsubscribe",
                                                "List-Unsubscribe-Post", "Auto-Submitted", "MIME-Version",
                                                "Content-Type"])
        assert "\n" not in str(parsed["Subject"]) and "\r" not in str(parsed["Subject"])


_RENDERER: list[EmailRenderer] = []


def _renderer() -> EmailRenderer:
    if not _RENDERER:
        _RENDERER.append(EmailRenderer())
    return _RENDERER[0]


def test_r7_script_in_any_field_is_escaped():
    event_dict = json.loads(json.dumps(VALID))
    attack = "<script>alert('x')</script>"
    event_dict["application"]["candidate"]["name"] = attack + " Sam"
    event_dict["application"]["job"]["title"] = attack
    event_dict["application"]["job"]["company"] = attack
    event_dict["interview"]["interviewers"] = [{"name": attack, "title": attack}]
    event_dict["interview"]["location"] = attack
    event_dict["interview"]["stage"] = attack
    event = parse_event(event_dict)
    for kind in ("application_received", "interview_prep", "interview_reminder", "interview_rescheduled",
                 "interview_cancelled"):
        composed: Composed = compose(_renderer(), kind, event, unsubscribe_url="https://jobs.test/u/t")
        assert "<script" not in composed.rendered.html.lower(), kind
        assert "&lt;script&gt;" in composed.rendered.html, kind
