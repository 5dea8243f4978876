"""The lookups that run for every event and every email find their rows through an index
led by a selective key, so their cost does not grow with the tables.

P3 once lost three quarters of its throughput over 20,000 events because SQLite, with no
statistics, looked up "questions already sent for this application" through the
(status, due_at) index and so read every sent email (docs/performance.md). These tests run
the real planning and sending of a few events on SQLite, record every statement, and ask
SQLite how it would run each one.
"""

from __future__ import annotations

import re
from datetime import UTC, timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import event

from interview_coach.plugin import coach_state
from interview_coach.plugin.events import parse_event
from interview_coach.plugin.tables import CoachBase, utcnow
from interview_coach.workers.context import worker_context
from interview_coach.workers.planning import process_event
from interview_coach.workers.sending import deliver, send_delivery
from tests.unit.test_sending import RecordingMailer


def _payload(kind: str, application: str, interview: str | None = None, version: int = 1, days: float = 5) -> dict:
    payload: dict = {"kind": kind, "application": {
        "id": application, "job": {"id": "j1", "title": "Membership Sales Associate", "company": "Peak Fitness"},
        "candidate": {"id": f"c-{application}", "name": "Maya Lopez", "email": f"{application}@example.com",
                      "profile": "Beat my monthly sales quota in retail for 18 months."}}}
    if interview is not None:
        start = utcnow().replace(tzinfo=UTC) + timedelta(days=days)
        payload["interview"] = {"id": interview, "stage": "screen", "starts_at": start.isoformat(), "version": version}
    return payload


@pytest.fixture
def statements(app):  # type: ignore[no-untyped-def]
    """Every SELECT and UPDATE that planning and sending ran for a realistic mix of events,
    with its parameters."""
    app.config["INTERVIEW_COACH_BASE_URL"] = "https://jobs.test"
    with app.app_context():
        state = coach_state(app)
        ctx = worker_context(app, state.store)
        ctx.__dict__["mailer"] = RecordingMailer()
        seen: dict[str, tuple] = {}

        @event.listens_for(state.store.engine, "before_cursor_execute")
        def remember(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
            if statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE")) and not executemany:
                seen.setdefault(statement, tuple(parameters))

        def run(payload: dict, *, as_the_task: bool) -> None:
            event_id = state.inbox.record_now(parse_event(payload), "api")
            if as_the_task:  # the worker's task: planning claims what is due now, then sends it
                with state.store.engine.begin() as connection:
                    plan = process_event(connection, event_id, ctx.policy, claim_due_now=True)
                for claimed in plan.claimed:
                    deliver(ctx, claimed)
            else:  # a retry or the due sweep: a separate claim
                with state.store.begin() as session:
                    due = process_event(session, event_id, ctx.policy).send_now
                for delivery_id in due:
                    send_delivery(ctx, delivery_id)

        run(_payload("application_submitted", "a1"), as_the_task=True)
        run(_payload("interview_scheduled", "a1", "i1"), as_the_task=True)
        run(_payload("interview_rescheduled", "a1", "i1", version=2, days=6), as_the_task=False)
        run(_payload("application_submitted", "a2"), as_the_task=False)
        run(_payload("interview_scheduled", "a2", "i2"), as_the_task=False)
        run(_payload("interview_cancelled", "a2", "i2", version=2), as_the_task=True)
        run(_payload("application_closed", "a1"), as_the_task=True)
        event.remove(state.store.engine, "before_cursor_execute", remember)
        yield state.store.engine, seen


# A full read of a table, or a status-led index used for the status alone: most rows share a
# status, so both read a share of the whole table.
_GROWS_WITH_THE_TABLE = re.compile(r"\bSCAN coach_(event|delivery|interview)\b|INDEX ix_coach_\w+ \(status=\?\)")


def test_every_lookup_of_planning_and_sending_uses_a_selective_index(statements):
    engine, seen = statements
    assert any("coach_delivery.question_ids" in s for s in seen), "the questions-already-sent lookup ran"
    assert any("application_closed" in str(p) or "coach_event.kind" in s for s, p in seen.items())
    assert any("coach_delivery.revision <" in s for s in seen), "the superseded-emails lookup ran"
    offenders = {}
    with engine.connect() as connection:
        for statement, parameters in seen.items():
            plan = [row[-1] for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)]
            if any(_GROWS_WITH_THE_TABLE.search(step) for step in plan):
                offenders[" ".join(statement.split())] = plan
    assert offenders == {}


def test_the_migrations_build_the_schema_the_tables_declare(app):
    """A change to ``tables.py`` without a migration (or the reverse) shows here."""
    with app.app_context(), coach_state(app).store.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = [d for d in compare_metadata(context, CoachBase.metadata)
                       if not (isinstance(d, tuple) and d[0] == "remove_table")]  # the host's own tables
    assert differences == []


def test_the_migrations_go_down_to_nothing_and_up_again(app):
    from sqlalchemy import inspect

    from interview_coach.plugin.migrate import current_revision, downgrade, upgrade

    engine = coach_state(app).store.engine
    downgrade(engine, "base")
    assert not [name for name in inspect(engine).get_table_names() if name.startswith("coach_") and
                name != "coach_alembic_version"]
    upgrade(engine)
    assert current_revision(engine) == "0004"
    assert "ix_coach_delivery_application_status" in {i["name"] for i in inspect(engine).get_indexes("coach_delivery")}
