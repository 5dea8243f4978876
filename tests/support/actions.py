"""What a host does (apply, schedule, move, cancel) and what a test reads back, for the
end-to-end and reliability tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from interview_coach.plugin.tables import DeliveryRow, EventRow

from .smtp import Received


def apply(stack: Any, **fields: Any) -> int:
    hostapp = stack.hostapp
    with stack.app.app_context():
        row = hostapp.JobApplication(**fields)
        hostapp.db.session.add(row)
        hostapp.db.session.commit()
        return int(row.id)


def schedule(stack: Any, application_id: int, starts_in: timedelta, **fields: Any) -> int:
    hostapp = stack.hostapp
    with stack.app.app_context():
        start = (datetime.now(UTC) + starts_in).replace(tzinfo=None, microsecond=0)
        row = hostapp.HostInterview(application_id=application_id, starts_at=start, **fields)
        hostapp.db.session.add(row)
        hostapp.db.session.commit()
        return int(row.id)


def update_interview(stack: Any, interview_id: int, **fields: Any) -> None:
    hostapp = stack.hostapp
    with stack.app.app_context():
        row = hostapp.db.session.get(hostapp.HostInterview, interview_id)
        for name, value in fields.items():
            setattr(row, name, value)
        hostapp.db.session.commit()


def deliveries(stack: Any, application_id: int | None = None) -> list[DeliveryRow]:
    query = select(DeliveryRow).order_by(DeliveryRow.id)
    if application_id is not None:
        query = query.where(DeliveryRow.application_id == f"app-{application_id}")
    with stack.app.app_context(), stack.store().begin() as session:
        return list(session.scalars(query))


def events(stack: Any, application_id: int | None = None) -> list[EventRow]:
    query = select(EventRow).order_by(EventRow.id)
    if application_id is not None:
        query = query.where(EventRow.application_id == f"app-{application_id}")
    with stack.app.app_context(), stack.store().begin() as session:
        return list(session.scalars(query))


def to(address: str) -> Callable[[Received], bool]:
    return lambda received: address in received.envelope_to


def subject(received: Received) -> str:
    return str(received.message["Subject"])
