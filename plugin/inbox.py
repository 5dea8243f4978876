"""Accepting events: one row in ``coach_event`` each, enqueued only after commit.

Two ways to write the row:
- ``record_in_transaction``: inside the host's own SQLAlchemy transaction (model watchers,
  or a signal sent with ``session=``). The row commits or rolls back with the host's
  change; the event id is handed to the publisher only after the commit.
- ``record_now``: in the plugin's own short transaction (signals sent after the host's
  commit, the webhook, ``InterviewCoach.emit``).

Nothing here raises into the host: a failure is logged (without personal data) and, where
possible, stored as a rejected row with the reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from .events import Event
from .store import Store, insert_guarded, insert_ignoring_duplicates
from .tables import EventRow, utcnow

log = logging.getLogger("interview_coach.inbox")

PENDING_KEY = "interview_coach.pending_event_ids"
_table = EventRow.__table__


def describe_validation_error(error: ValidationError) -> str:
    """Field paths and messages, never the offending values (they may be personal data).
    Paths start with the model that refused them (``Candidate.email``) when a mapper built
    that model itself."""
    parts = []
    prefix = "" if error.title.startswith(("tagged-union", "function")) else f"{error.title}."
    for item in error.errors(include_url=False, include_input=False, include_context=False):
        path = prefix + ".".join(str(p) for p in item["loc"]) if item["loc"] else error.title
        parts.append(f"{path}: {item['msg']}")
    return "; ".join(parts)


# Events whose emails are never tailored: the candidate's profile text and skills are not
# stored for them. Less personal data kept, and a row of about 1 KB instead of 4–8 KB in the
# host's transaction (bench/p1_request_latency.py: fewer SQLite checkpoints inside requests).
_UNTAILORED = frozenset({"application_submitted", "application_closed"})
_WITHOUT_PROFILE = {"application": {"candidate": {"profile", "skills"}}}


def _row_values(event: Event, source: str) -> dict[str, Any]:
    return {
        "key": event.key(),
        "kind": event.kind,
        "source": source,
        "application_id": event.application.id,
        "subject_id": event.subject_id(),
        "payload": event.model_dump(mode="json", exclude=_WITHOUT_PROFILE if event.kind in _UNTAILORED else None),
        "status": "pending",
        "created_at": utcnow(),
    }


def _insert(connection: Connection, values: dict[str, Any]) -> int | None:
    """Insert an event row in the host's transaction (a rejected one has no key, so it never
    conflicts); a failure leaves that transaction usable (``store.insert_guarded``)."""
    return insert_guarded(connection, _table, values)


class Inbox:
    def __init__(self, store: Store, publish: Callable[[Iterable[int]], None]) -> None:
        self._store = store
        self._publish = publish

    def record_in_transaction(self, session: Session, event: Event, source: str) -> int | None:
        """Write the event row in ``session``'s transaction; enqueue after it commits."""
        event_id = _insert(session.connection(), _row_values(event, source))
        if event_id is not None:
            session.info.setdefault(PENDING_KEY, []).append(event_id)
        return event_id

    def record_now(self, event: Event, source: str) -> int | None:
        """Write the event row in a transaction of our own and enqueue it. Returns the new
        row's id, or None for a repeated event (same idempotency key)."""
        # A Core connection, not an ORM session: nothing here needs one, and each event paid
        # for building it (bench/p3_end_to_end.py, where this process is the host).
        with self._store.engine.begin() as connection:
            event_id = insert_ignoring_duplicates(connection, _table, _row_values(event, source))
        if event_id is not None:
            self._publish([event_id])
        return event_id

    def record_rejected(self, kind: str, source: str, reason: str, session: Session | None = None) -> None:
        """Keep a trace of an event that could not be accepted, so nothing vanishes silently.
        Inside a host transaction, pass its ``session``: a second writer would wait on
        SQLite's lock held by that very transaction."""
        values = {"key": None, "kind": kind[:40], "source": source, "status": "rejected",
                  "error": reason[:4000], "payload": None, "created_at": utcnow()}
        try:
            if session is not None:
                _insert(session.connection(), values)
            else:
                with self._store.begin() as own:
                    _insert(own.connection(), values)
        except Exception:
            log.exception("could not store a rejected %s event from %s", kind, source)


def publish_after_commit(session: Session, publish: Callable[[Iterable[int]], None]) -> None:
    ids = session.info.pop(PENDING_KEY, None)
    if ids:
        publish(ids)


def forget_after_rollback(session: Session) -> None:
    # The rows went with the rolled-back transaction; their ids mean nothing now.
    session.info.pop(PENDING_KEY, None)
