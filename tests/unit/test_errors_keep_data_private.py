"""An error in one of the plugin's statements never carries candidates' data into logs.

SQLAlchemy prints a failed statement's parameters in the exception's message, and that
message reaches logs: the host-side ``log.exception`` when an event cannot be stored, a
worker's traceback when a task fails. The plugin's parameters hold addresses and profiles."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from interview_coach.plugin import coach_state, signals
from interview_coach.plugin.store import Store

ADDRESS = "private-person@example.com"
PROFILE = "Reorganised the private stockroom of a private person"


def test_an_event_that_cannot_be_stored_is_logged_without_the_candidates_data(app, caplog):
    with app.app_context(), coach_state(app).store.engine.begin() as connection:
        connection.execute(text("DROP TABLE coach_event"))  # every insert of the plugin now fails
    caplog.set_level(logging.DEBUG)
    with app.app_context():
        signals.interview_scheduled.send(app, event={
            "application": {"id": "a1", "job": {"id": "j", "title": "Cook", "company": "Diner"},
                            "candidate": {"id": "c", "name": "Ana", "email": ADDRESS, "profile": PROFILE}},
            "interview": {"id": "i1", "stage": "screen", "starts_at": "2030-01-01T10:00:00+00:00"}})
    assert "could not store a interview_scheduled event" in caplog.text
    assert "no such table: coach_event" in caplog.text  # the reason is still there
    # SQLAlchemy shortens a long parameter in the middle, which may or may not cut the address
    # out: what must never be printed is the parameters at all.
    assert "[parameters:" not in caplog.text
    assert ADDRESS not in caplog.text
    assert PROFILE not in caplog.text


def test_only_the_plugins_statements_lose_their_parameters():
    engine = create_engine("sqlite://")
    store = Store(lambda: engine)
    with store.engine.begin() as connection:
        for table in ("coach_example", "host_example"):
            connection.execute(text(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, email TEXT UNIQUE)"))
            connection.execute(text(f"INSERT INTO {table} (email) VALUES (:email)"), {"email": ADDRESS})
    messages = {}
    for table in ("coach_example", "host_example"):
        with pytest.raises(IntegrityError) as raised, store.engine.begin() as connection:
            connection.execute(text(f"INSERT INTO {table} (email) VALUES (:email)"), {"email": ADDRESS})
        messages[table] = str(raised.value)
    assert ADDRESS not in messages["coach_example"]
    assert "UNIQUE constraint failed: coach_example.email" in messages["coach_example"]
    # A host sharing its engine with the plugin keeps its own errors as they were.
    assert ADDRESS in messages["host_example"]
