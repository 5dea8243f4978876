"""Where the plugin's tables live and how code gets a session on them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, Insert, Table, create_engine, event, insert
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
            self._engine = self._get_engine()
        return self._engine

    @contextmanager
    def begin(self) -> Iterator[Session]:
        """A session in a transaction, committed on success, rolled back on error."""
        if self._sessionmaker is None:
            self._sessionmaker = sessionmaker(self.engine, expire_on_commit=False)
        with self._sessionmaker.begin() as session:
            yield session


def engine_from_url(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the web process read while a worker writes; the busy timeout waits for a
    # writer instead of failing with "database is locked".
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def insert_ignoring_duplicates(connection: Connection | Session, table: Table, values: dict[str, Any],
                               unique_column: str = "key") -> int | None:
    """INSERT a row unless one with the same unique key exists. Returns the new id, or
    None when the row was already there: that is how a repeated event becomes a no-op."""
    dialect = connection.get_bind().dialect.name if isinstance(connection, Session) else connection.dialect.name
    stmt: Insert
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(table).values(values).on_conflict_do_nothing(index_elements=[unique_column])
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt = pg_insert(table).values(values).on_conflict_do_nothing(index_elements=[unique_column])
    elif dialect in ("mysql", "mariadb"):
        stmt = insert(table).values(values).prefix_with("IGNORE")
        result = connection.execute(stmt)
        return int(result.lastrowid) if result.rowcount else None
    else:
        raise NotImplementedError(f"Interview Coach supports SQLite, PostgreSQL and MySQL, not {dialect}")
    row = connection.execute(stmt.returning(table.c.id)).first()
    return None if row is None else int(row[0])
