"""The event schema: what hosts may send, and how repeats are recognised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from interview_coach.plugin.events import parse_event, schema_text

REPO = Path(__file__).resolve().parents[2]


def _application(**candidate: object) -> dict:
    return {"id": "a1", "job": {"id": "j1", "title": "Nurse", "company": "Mercy"},
            "candidate": {"id": "c1", "name": "Lee Park", "email": "lee@example.com", **candidate}}


def _interview(**fields: object) -> dict:
    return {"id": "i1", "stage": "screen", "starts_at": "2031-03-01T09:00:00-05:00",
            "timezone": "America/New_York", **fields}


def _field_paths(exc: ValidationError) -> list[str]:
    return [".".join(str(p) for p in e["loc"]) for e in exc.errors()]


def test_the_same_interview_version_has_the_same_key_whoever_sends_it():
    payload = {"kind": "interview_scheduled", "application": _application(), "interview": _interview(version=3)}
    first = parse_event(payload)
    second = parse_event({**payload, "occurred_at": "2031-01-01T00:00:00Z"})
    assert first.key() == second.key() == "interview_scheduled:i1:v3"


def test_the_hosts_own_event_id_wins():
    event = parse_event({"kind": "application_submitted", "idempotency_key": "evt-42", "application": _application()})
    assert event.key() == "evt-42"


def test_without_id_or_version_the_content_identifies_the_event():
    payload = {"kind": "interview_rescheduled", "application": _application(), "interview": _interview()}
    moved = {**payload, "interview": _interview(starts_at="2031-03-02T09:00:00-05:00")}
    assert parse_event(payload).key() == parse_event(dict(payload)).key()
    assert parse_event(payload).key() != parse_event(moved).key()


def test_a_name_with_a_line_break_is_refused_so_it_can_never_become_a_header():
    with pytest.raises(ValidationError) as info:
        parse_event({"kind": "application_submitted", "application": _application(name="Lee\r\nBcc: x@evil.test")})
    assert _field_paths(info.value) == ["application_submitted.application.candidate.name"]


def test_unknown_time_zone_names_the_field_and_the_expected_form():
    with pytest.raises(ValidationError) as info:
        parse_event({"kind": "application_submitted", "application": _application(timezone="Mars/Olympus")})
    assert _field_paths(info.value) == ["application_submitted.application.candidate.timezone"]
    assert "Europe/London" in str(info.value)


def test_interview_start_must_carry_its_offset():
    with pytest.raises(ValidationError) as info:
        parse_event({"kind": "interview_scheduled", "application": _application(),
                     "interview": _interview(starts_at="2031-03-01T09:00:00")})
    assert _field_paths(info.value) == ["interview_scheduled.interview.starts_at"]


def test_unexpected_fields_are_refused_rather_than_silently_dropped():
    with pytest.raises(ValidationError) as info:
        parse_event({"kind": "application_submitted", "application": _application(), "salary": 1})
    assert _field_paths(info.value) == ["application_submitted.salary"]


def test_the_published_json_schema_is_up_to_date():
    # docs/event-schema.json is what webhook senders read; `make schema` regenerates it.
    assert (REPO / "docs" / "event-schema.json").read_text() == schema_text()
    schema = json.loads(schema_text())
    assert set(schema["discriminator"]["mapping"]) == {
        "application_submitted", "interview_scheduled", "interview_rescheduled", "interview_cancelled",
        "application_closed"}


@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\x1e", "\x0b", "\t"])
def test_every_kind_of_line_break_is_refused_in_one_line_fields(separator):
    # Python's email package splits headers on all of these (found by the R7 fuzz test).
    with pytest.raises(ValidationError):
        parse_event({"kind": "application_submitted", "application": _application(name=f"Lee{separator}Park")})
