"""The event row inside a host's transaction on PostgreSQL, where one failed statement aborts
the whole transaction: the plugin's insert must never leave the host's transaction unusable.

Runs against a throw-away database of a PostgreSQL on 127.0.0.1:5432 (trust authentication)
when there is one and psycopg is installed; skipped otherwise.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, func, select, text

from interview_coach.plugin.inbox import _row_values
from interview_coach.plugin.migrate import upgrade
from interview_coach.plugin.store import insert_guarded
from interview_coach.plugin.tables import EventRow
from tests.unit.test_query_plans import _payload

ADMIN_URL = "postgresql+psycopg://127.0.0.1:5432/postgres"


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    pytest.importorskip("psycopg")
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 2})
    name = f"coach_test_{os.getpid()}_{int(time.time())}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # no server, or no rights: nothing to test against here
        admin.dispose()
        pytest.skip(f"no PostgreSQL to use at 127.0.0.1:5432 ({type(exc).__name__})")
    engine = create_engine(ADMIN_URL.rsplit("/", 1)[0] + f"/{name}")
    try:
        upgrade(engine)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE host_application (id serial PRIMARY KEY, email text)"))
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _values(application: str) -> dict:
    from interview_coach.plugin.events import parse_event

    return _row_values(parse_event(_payload("interview_scheduled", application, f"i-{application}")), "watcher")


def test_the_row_is_written_once_with_its_payload(engine):
    values = _values("pg-a1")
    with engine.begin() as connection:
        event_id = insert_guarded(connection, EventRow.__table__, values)
        assert insert_guarded(connection, EventRow.__table__, values) is None  # the same event again
    assert event_id is not None
    with engine.connect() as connection:
        row = connection.execute(select(EventRow.key, EventRow.payload, EventRow.created_at)
                                 .where(EventRow.id == event_id)).one()
    assert row.key == values["key"] and row.payload == values["payload"]
    assert row.created_at == values["created_at"]


def test_a_failed_insert_leaves_the_hosts_transaction_usable(engine):
    bad = {**_values("pg-a2"), "key": "k" * 300}  # longer than the column allows
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO host_application (email) VALUES ('before@example.com')"))
        with pytest.raises(Exception, match="too long"):
            insert_guarded(connection, EventRow.__table__, bad)
        # The host goes on in the same transaction, and commits.
        connection.execute(text("INSERT INTO host_application (email) VALUES ('after@example.com')"))
        assert insert_guarded(connection, EventRow.__table__, _values("pg-a3")) is not None
    with engine.connect() as connection:
        emails = connection.execute(text("SELECT email FROM host_application ORDER BY id")).scalars().all()
        keys = connection.execute(select(EventRow.key).where(EventRow.application_id.in_(["pg-a2", "pg-a3"]))).all()
        assert connection.execute(select(func.count()).select_from(EventRow)
                                  .where(EventRow.application_id == "pg-a2")).scalar() == 0
    assert emails == ["before@example.com", "after@example.com"]
    assert len(keys) == 1


def test_rejected_rows_have_no_key_and_never_conflict(engine):
    from interview_coach.plugin.tables import utcnow

    rejected = {"key": None, "kind": "Application change", "source": "watcher", "status": "rejected",
                "error": "candidate.email: value is not a valid email address", "payload": None,
                "created_at": utcnow()}
    with engine.begin() as connection:
        first = insert_guarded(connection, EventRow.__table__, rejected)
        second = insert_guarded(connection, EventRow.__table__, dict(rejected))
    assert first is not None and second is not None and first != second
