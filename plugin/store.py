"""Where the plugin's tables live and how code gets a session on them."""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from sqlalchemy import JSON, Connection, Engine, Insert, Table, create_engine, event, insert
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.orm import Session, sessionmaker


class Store:
    """The plugin's database access. The engine is resolved lazily: a Flask-SQLAlchemy
    host's engine only exists inside an app context."""

    def __init__(self, get_engine: Callable[[], Engine]) -> None:
        self._get_engine = get_engine
        self._sessionmaker: sessionmaker[Session] | None = None
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            engine = self._get_engine()
            if not event.contains(engine, "handle_error", hide_parameters_of_coach_statements):
                event.listen(engine, "handle_error", hide_parameters_of_coach_statements)
            self._engine = engine
        return self._engine

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """A session in a transaction, committed on success, rolled back on error."""
        if self._sessionmaker is None:
            self._sessionmaker = sessionmaker(self.engine, expire_on_commit=False)
        with self._sessionmaker.begin() as session:
            yield session


def hide_parameters_of_coach_statements(context: ExceptionContext) -> None:
    """A ``handle_error`` listener: an error from one of the plugin's statements does not
    print its parameters. SQLAlchemy puts them in the exception's message, and that message
    reaches logs (the host-side traceback when an event cannot be stored, a worker's when a
    task fails); the plugin's parameters hold candidates' addresses and profiles. The host's own statements on a
    shared engine keep their parameters: only statements on ``coach_`` tables are touched."""
    error = context.sqlalchemy_exception
    if error is not None and "coach_" in (context.statement or ""):
        error.hide_parameters = True


def engine_from_url(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", tune_sqlite_connection)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    _fresh_pool_after_fork(engine)
    return engine


def _fresh_pool_after_fork(engine: Engine) -> None:
    """A forked child (a Celery pool process, a gunicorn worker with ``--preload``) starts
    with a copy of the parent's pooled connections; two processes on one connection mix up
    each other's results. The child drops the copied pool without closing it (the parent
    still owns those connections). The worker also does this for a host's engine it shares
    (``workers/celery_app.py``)."""
    if not hasattr(os, "register_at_fork"):
        return
    engine_ref = weakref.ref(engine)

    def drop_inherited_pool() -> None:
        live = engine_ref()
        if live is not None:
            live.dispose(close=False)

    os.register_at_fork(after_in_child=drop_inherited_pool)


def tune_sqlite_connection(dbapi_connection: Any, _record: Any = None) -> None:
    """A ``connect`` listener for SQLite engines; hosts on SQLite whose tables the plugin
    shares (``db=``) should install it on their engine too:
    ``sqlalchemy.event.listen(db.engine, "connect", tune_sqlite_connection)``."""
    # WAL lets the web process read while a worker writes; the busy timeout waits for a
    # writer instead of failing with "database is locked"; in WAL mode synchronous=NORMAL
    # is still crash-safe (only a power cut can lose the last commits) and saves an fsync
    # per commit (bench/p2_throughput.py: 73 → 94 emails/s).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def connection_of(session: Session | Connection) -> Connection:
    """The connection to run Core statements on, whether given a session or a connection."""
    return session.connection() if isinstance(session, Session) else session


def insert_ignoring_duplicates(connection: Connection | Session, table: Table, values: dict[str, Any],
                               unique_column: str = "key") -> int | None:
    """INSERT a row unless one with the same unique key exists. Returns the new id, or
    None when the row was already there: that is how a repeated event becomes a no-op."""
    dialect = connection.get_bind().dialect.name if isinstance(connection, Session) else connection.dialect.name
    stmt = _insert_statement(dialect, table, unique_column)
    if dialect in ("mysql", "mariadb"):
        result = connection.execute(stmt, values)
        return int(result.lastrowid) if result.rowcount else None
    row = connection.execute(stmt, values).first()
    return None if row is None else int(row[0])


def insert_guarded(connection: Connection, table: Table, values: dict[str, Any],
                   unique_column: str = "key") -> int | None:
    """``insert_ignoring_duplicates`` inside someone else's transaction (the host's): on
    PostgreSQL a failed statement aborts the whole transaction, so the insert runs inside a
    savepoint, and a failure leaves the host's transaction as it was.

    With psycopg 3, the savepoint, the insert and its release go to the server as one
    message (client-side binding allows several statements): one round trip instead of
    three, in the host's request (``bench/p1_request_latency.py --postgres``)."""
    if connection.dialect.name != "postgresql":
        return insert_ignoring_duplicates(connection, table, values, unique_column)
    if connection.dialect.driver == "psycopg":
        return _insert_in_one_trip(connection, table, values, unique_column)
    with connection.begin_nested():
        return insert_ignoring_duplicates(connection, table, values, unique_column)


_SAVEPOINT = "interview_coach_insert"


def _insert_in_one_trip(connection: Connection, table: Table, values: dict[str, Any], unique_column: str) -> int | None:
    from psycopg import ClientCursor
    from psycopg.types.json import Json

    columns = tuple(values)
    sql = _one_trip_sql(table, columns, unique_column)
    json_columns = _json_columns(table)
    parameters = [Json(value) if name in json_columns and value is not None else value
                  for name, value in values.items()]
    raw = connection.connection.dbapi_connection
    with ClientCursor(raw) as cursor:  # type: ignore[arg-type]
        try:
            cursor.execute(sql, parameters)
        except Exception:
            # The savepoint exists (a failed SAVEPOINT would mean the transaction had already
            # failed before us); going back to it makes the host's transaction usable again.
            with ClientCursor(raw) as undo:  # type: ignore[arg-type]
                undo.execute(f"ROLLBACK TO SAVEPOINT {_SAVEPOINT}; RELEASE SAVEPOINT {_SAVEPOINT}")
            raise
        cursor.nextset()  # from the SAVEPOINT's result to the INSERT's
        row = cursor.fetchone()
    return None if row is None else int(row[0])


@lru_cache(maxsize=64)
def _one_trip_sql(table: Table, columns: tuple[str, ...], unique_column: str) -> str:
    # Identifiers from the plugin's own table and row dicts, never from input; values are
    # bound by psycopg.
    names = ", ".join(f'"{name}"' for name in columns)
    marks = ", ".join(["%s"] * len(columns))
    return (f"SAVEPOINT {_SAVEPOINT}; "  # noqa: S608
            f'INSERT INTO "{table.name}" ({names}) VALUES ({marks}) '
            f'ON CONFLICT ("{unique_column}") DO NOTHING RETURNING "id"; '
            f"RELEASE SAVEPOINT {_SAVEPOINT}")


@lru_cache(maxsize=64)
def _json_columns(table: Table) -> frozenset[str]:
    return frozenset(column.name for column in table.columns if isinstance(column.type, JSON))


@lru_cache(maxsize=64)
def _insert_statement(dialect: str, table: Table, unique_column: str) -> Insert:
    # Built once and run with the row as parameters: building it with .values() on every
    # call cost three times the insert itself (bench/p1_request_latency.py).
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table).on_conflict_do_nothing(index_elements=[unique_column]).returning(table.c.id)
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing(index_elements=[unique_column]).returning(table.c.id)
    if dialect in ("mysql", "mariadb"):
        return insert(table).prefix_with("IGNORE")
    raise NotImplementedError(f"Interview Coach supports SQLite, PostgreSQL and MySQL, not {dialect}")
