"""The SQL of sending one delivery, as Core statements built once at import.

Sending runs these for every email, so they are written for speed: each statement object is
built once and run with parameters (SQLAlchemy then finds its compiled form in the cache
instead of building the statement and its cache key again), the world checks are one round
trip of scalar subqueries, and no ORM object is loaded. ``bench/p2_throughput.py`` measured
the ORM version of the same claim at 5–7 ms per email; see ``docs/performance.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, bindparam, select, update

from interview_coach.plugin.events import Event
from interview_coach.plugin.suppression import SUPPRESSED
from interview_coach.plugin.tables import DeliveryRow, EventRow, InterviewRow, JobSettingRow, utcnow


@dataclass(frozen=True)
class Claimed:
    """A delivery this worker holds (status ``sending``) and everything sending it needs,
    so nothing has to be read again: made by a claim, or by planning, which claims what is
    due at once in its own transaction."""

    delivery_id: int
    event: Event
    already_asked: list[str]
    kind: str
    message_id: str
    attempts: int
    recipient: str


_D = DeliveryRow.__table__
_E = EventRow.__table__
_I = InterviewRow.__table__
_J = JobSettingRow.__table__

# The delivery with its event's payload: everything a claim reads about the row itself.
_LOAD = (
    select(_D.c.id, _D.c.kind, _D.c.status, _D.c.attempts, _D.c.claimed_at, _D.c.due_at, _D.c.application_id,
           _D.c.interview_id, _D.c.job_id, _D.c.company_id, _D.c.recipient, _D.c.revision, _D.c.message_id,
           _E.c.payload)
    .select_from(_D.outerjoin(_E, _E.c.id == _D.c.event_id))
    .where(_D.c.id == bindparam("delivery_id"))
)


# Planning asks the same question when an interview event comes in.
APPLICATION_CLOSED = (
    select(_E.c.id)
    .where(_E.c.application_id == bindparam("application_id"), _E.c.kind == "application_closed",
           _E.c.status == "processed")
    .limit(1)
)


def _setting(scope: str) -> Any:
    return (select(_J.c.enabled)
            .where(_J.c.scope == scope, _J.c.scope_id == bindparam(f"{scope}_scope_id"), _J.c.kind == bindparam("kind"))
            .scalar_subquery())


def _interview(column: Any) -> Any:
    return select(column).where(_I.c.id == bindparam("interview_id")).scalar_subquery()


# What the world says about one delivery now, in one round trip: its kind's switch for the
# job and for the company, an opt-out, a closed application, the interview's state.
_WORLD = select(
    _setting("job").label("job_enabled"),
    _setting("company").label("company_enabled"),
    SUPPRESSED.scalar_subquery().label("suppressed"),
    APPLICATION_CLOSED.scalar_subquery().label("closed"),
    _interview(_I.c.revision).label("interview_revision"),
    _interview(_I.c.status).label("interview_status"),
    _interview(_I.c.starts_at).label("interview_starts_at"),
)

# Question ids of the emails already sent for this application, so none is asked twice.
_ASKED = select(_D.c.question_ids).where(
    _D.c.application_id == bindparam("application_id"), _D.c.status == "sent", _D.c.id != bindparam("delivery_id"))

# Optimistic claim: it only takes the row if nobody changed it since it was read (every
# claim bumps ``attempts``), so two workers can never both send it.
_TAKE = (
    update(_D)
    .where(_D.c.id == bindparam("delivery_id"), _D.c.status == bindparam("seen_status"),
           _D.c.attempts == bindparam("seen_attempts"))
)

# The SET clause comes from the parameters' keys, so one statement serves every outcome.
_RECORD = update(_D).where(_D.c.id == bindparam("delivery_id"))


def load(connection: Connection, delivery_id: int) -> Row[Any] | None:
    return connection.execute(_LOAD, {"delivery_id": delivery_id}).first()


def world(connection: Connection, delivery: Row[Any]) -> Row[Any]:
    return connection.execute(_WORLD, {
        "job_scope_id": delivery.job_id, "company_scope_id": delivery.company_id, "kind": delivery.kind,
        "email": (delivery.recipient or "").lower(), "application_id": delivery.application_id,
        "interview_id": delivery.interview_id,
    }).one()


def asked_before(connection: Connection, application_id: str, delivery_id: int) -> list[str]:
    rows = connection.execute(_ASKED, {"application_id": application_id, "delivery_id": delivery_id})
    return [question for (ids,) in rows if ids for question in ids]


def take(connection: Connection, delivery: Row[Any], values: Mapping[str, Any]) -> bool:
    """Change the row as read; False if another worker changed it first."""
    result = connection.execute(_TAKE, {"delivery_id": delivery.id, "seen_status": delivery.status,
                                        "seen_attempts": delivery.attempts, "updated_at": utcnow(), **values})
    return bool(result.rowcount)


def record(connection: Connection, delivery_id: int, values: Mapping[str, Any]) -> None:
    connection.execute(_RECORD, {"delivery_id": delivery_id, "updated_at": utcnow(), **values})
