"""Turning one event into the plugin's interview state and ``coach_delivery`` rows.

``process_event`` runs once per event row (a repeat finds it already processed). Each
delivery has a unique key ``kind:subject:revision``, so planning twice cannot make two
emails; the interview's ``revision`` lets ``send_delivery`` drop anything planned for a
time that has since moved.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import parseaddr
from typing import Any

from sqlalchemy import Connection, Row, bindparam, insert, select, update
from sqlalchemy.orm import Session

from interview_coach.plugin.events import (
    ApplicationClosed,
    ApplicationSubmitted,
    Event,
    InterviewCancelled,
    InterviewRescheduled,
    parse_event,
)
from interview_coach.plugin.store import connection_of, insert_ignoring_duplicates
from interview_coach.plugin.suppression import is_suppressed
from interview_coach.plugin.tables import DeliveryRow, EventRow, InterviewRow, to_naive_utc, utcnow
from interview_coach.plugin.toggles import Toggle, resolve_toggles

from . import delivery_rows as rows
from .delivery_rows import Claimed

_delivery_table = DeliveryRow.__table__
_event_table = EventRow.__table__

# Statements built once and run with parameters: planning runs them for every event.
_EVENT = select(_event_table.c.status, _event_table.c.payload).where(
    _event_table.c.id == bindparam("event_id")).with_for_update()
_EVENT_DONE = update(_event_table).where(_event_table.c.id == bindparam("event_id"))
_STALE = select(_delivery_table.c.id, _delivery_table.c.kind).where(
    _delivery_table.c.interview_id == bindparam("interview_id"), _delivery_table.c.status == "pending",
    _delivery_table.c.revision < bindparam("revision"))
_SKIP = update(_delivery_table).where(_delivery_table.c.id == bindparam("delivery_id")).values(status="skipped")
_interview_table = InterviewRow.__table__
_INTERVIEW = select(_interview_table.c.revision, _interview_table.c.status, _interview_table.c.starts_at,
                    _interview_table.c.timezone, _interview_table.c.host_version, _interview_table.c.occurred_at,
                    ).where(_interview_table.c.id == bindparam("interview_id")).with_for_update()
_NEW_INTERVIEW = insert(_interview_table)
_CHANGED_INTERVIEW = update(_interview_table).where(_interview_table.c.id == bindparam("interview_id"))


@dataclass(frozen=True)
class PlanningPolicy:
    default_kinds: tuple[str, ...]
    default_reminder_offset_minutes: int
    mail_domain: str


@dataclass
class Plan:
    """What ``process_event`` decided: what to send now, and a note on the event.

    ``send_now`` holds the ids of deliveries due now; with ``claim_due_now``, ``claimed``
    holds the same deliveries already claimed for this worker (``sending.deliver``)."""

    send_now: list[int] = field(default_factory=list)
    claimed: list[Claimed] = field(default_factory=list)
    note: str | None = None
    status: str = "processed"


def message_id_for(key: str, domain: str) -> str:
    # Deterministic: a retried or duplicated send carries the same Message-ID, so mail
    # systems can fold duplicates.
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}.coach@{domain}>"


def mail_domain(mail_from: str) -> str:
    return parseaddr(mail_from)[1].rpartition("@")[2] or "localhost"


def process_event(session: Session | Connection, event_id: int, policy: PlanningPolicy,
                  now: datetime | None = None, *, claim_due_now: bool = False) -> Plan:
    """Plan the deliveries of one event. With ``claim_due_now`` the deliveries due now are
    written already claimed by the caller, who sends them right after the commit: the
    planner has just checked everything a claim would check, in this same transaction, so
    a second transaction to claim them would only repeat it (``bench/p3_end_to_end.py``)."""
    connection = connection_of(session)
    row = connection.execute(_EVENT, {"event_id": event_id}).first()
    if row is None or row.status != "pending" or row.payload is None:
        return Plan(status="duplicate")  # a repeated task: the first run did the work
    planner = _Planner(connection, event_id, parse_event(row.payload), policy, now or utcnow(), claim_due_now)
    plan = planner.plan()
    connection.execute(_EVENT_DONE, {"event_id": event_id, "status": plan.status, "error": plan.note,
                                     "processed_at": planner.now})
    return plan


class _Planner:
    def __init__(self, connection: Connection, event_id: int, event: Event, policy: PlanningPolicy,
                 now: datetime, claim_due_now: bool) -> None:
        self.connection, self.event_id, self.event, self.policy = connection, event_id, event, policy
        self.now = now
        self.claim_due_now = claim_due_now
        self._suppressed: bool | None = None
        job = event.application.job
        self.toggles: dict[str, Toggle] = resolve_toggles(
            connection, job.id, job.company_key, policy.default_kinds, policy.default_reminder_offset_minutes)
        self.plan_result = Plan()

    def plan(self) -> Plan:
        event = self.event
        if isinstance(event, ApplicationSubmitted):
            self._add("application_received", event.application.id, 1, None, self.now)
        elif isinstance(event, ApplicationClosed):
            self._close_application()
        else:
            self._plan_interview()
        return self.plan_result

    # -- interviews ---------------------------------------------------------------------

    def _plan_interview(self) -> None:
        event = self.event
        interview = event.interview  # type: ignore[union-attr]
        state = self.connection.execute(_INTERVIEW, {"interview_id": interview.id}).first()
        if state is not None and not self._is_newer(state):
            self.plan_result.status, self.plan_result.note = "ignored", "stale: a newer change is already applied"
            return
        if self._application_closed():
            self.plan_result.status, self.plan_result.note = "ignored", "the application is closed"
            return
        starts_at = to_naive_utc(interview.starts_at)
        status = "cancelled" if isinstance(event, InterviewCancelled) else "scheduled"
        revision = 1 if state is None else state.revision + 1
        values = {"status": status, "starts_at": starts_at, "timezone": interview.timezone, "revision": revision,
                  "host_version": interview.version, "occurred_at": to_naive_utc(event.occurred_at),
                  "event_id": self.event_id, "updated_at": self.now}
        if state is None:
            # Two workers racing on a new interview: one INSERT fails, and its task retries.
            self.connection.execute(_NEW_INTERVIEW, {"id": interview.id, "application_id": event.application.id,
                                                     **values})
        else:
            self.connection.execute(_CHANGED_INTERVIEW, {"interview_id": interview.id, **values})
        previous = None if state is None else (state.status, state.starts_at, state.timezone)

        # Whatever was planned for an earlier revision is now out of date.
        superseded_prep = self._supersede_pending(interview.id, revision)
        if status == "cancelled":
            self._add("interview_cancelled", interview.id, revision, interview.id, self.now)
            return
        if starts_at <= self.now:
            self.plan_result.note = "the interview has already started; nothing to send"
            return
        # The host says it moved (time, place, format...), or the time we know changed.
        moved = previous is not None and (isinstance(event, InterviewRescheduled) or previous[0] == "cancelled"
                                          or previous[1:] != (starts_at, interview.timezone))
        if previous is None or superseded_prep:
            # First news of this interview, or its prep email had not gone yet: send the
            # prep email for the current time rather than a "moved" notice.
            self._add("interview_prep", interview.id, revision, interview.id, self.now)
        elif moved:
            self._add("interview_rescheduled", interview.id, revision, interview.id, self.now)
        self._plan_reminder(interview.id, revision, starts_at)

    def _plan_reminder(self, interview_id: str, revision: int, starts_at: datetime) -> None:
        offset = self.toggles["interview_reminder"].reminder_offset_minutes or 0
        due_at = starts_at - timedelta(minutes=offset)
        skip = "the interview starts within the reminder window" if due_at <= self.now else None
        self._add("interview_reminder", interview_id, revision, interview_id, due_at, skip_reason=skip)

    def _is_newer(self, state: Row[Any]) -> bool:
        interview = self.event.interview  # type: ignore[union-attr]
        if interview.version is not None and state.host_version is not None:
            return interview.version > state.host_version
        return to_naive_utc(self.event.occurred_at) > state.occurred_at

    def _supersede_pending(self, interview_id: str, revision: int) -> bool:
        """Skip pending deliveries of earlier revisions; True if a prep email was among them."""
        connection = self.connection
        stale = connection.execute(_STALE, {"interview_id": interview_id, "revision": revision}).all()
        if stale:
            connection.execute(_SKIP, [{"delivery_id": delivery_id, "updated_at": self.now,
                                        "last_error": f"superseded: the interview changed (revision {revision})"}
                                       for delivery_id, _kind in stale])
        return any(kind == "interview_prep" for _id, kind in stale)

    # -- applications -------------------------------------------------------------------

    def _application_closed(self) -> bool:
        return self.connection.execute(
            rows.APPLICATION_CLOSED, {"application_id": self.event.application.id}).first() is not None

    def _close_application(self) -> None:
        application_id = self.event.application.id
        result = self.connection.execute(
            update(DeliveryRow)
            .where(DeliveryRow.application_id == application_id, DeliveryRow.status == "pending")
            .values(status="cancelled", last_error="the application was closed", updated_at=self.now)
        )
        self.connection.execute(
            update(InterviewRow).where(InterviewRow.application_id == application_id).values(status="closed")
        )
        self.plan_result.note = f"cancelled {result.rowcount} pending email(s)"  # type: ignore[attr-defined]

    # -- deliveries ---------------------------------------------------------------------

    def _opted_out(self, recipient: str) -> bool:
        # One look per event: an interview plans up to two emails to the same person.
        if self._suppressed is None:
            self._suppressed = is_suppressed(self.connection, recipient)
        return self._suppressed

    def _add(self, kind: str, subject_id: str, revision: int, interview_id: str | None, due_at: datetime,
             skip_reason: str | None = None) -> None:
        application = self.event.application
        recipient = application.candidate.email.lower()
        toggle = self.toggles[kind]
        if skip_reason is None and not toggle.enabled:
            skip_reason = toggle.off_reason
        if skip_reason is None and self._opted_out(recipient):
            skip_reason = "the candidate opted out of these emails"
        key = f"{kind}:{subject_id}:{revision}"
        send_now = skip_reason is None and due_at <= self.now
        claim = send_now and self.claim_due_now
        values = {
            "key": key, "kind": kind, "event_id": self.event_id, "application_id": application.id,
            "interview_id": interview_id, "job_id": application.job.id, "company_id": application.job.company_key,
            "candidate_id": application.candidate.id, "recipient": recipient, "revision": revision,
            "status": "skipped" if skip_reason else "sending" if claim else "pending", "last_error": skip_reason,
            "due_at": due_at, "attempts": 1 if claim else 0, "claimed_at": self.now if claim else None,
            "message_id": message_id_for(key, self.policy.mail_domain),
            # Sent right after this commit; the due sweep only steps in if that is lost (a
            # dead worker's claim, an enqueue that never happened) once the lease runs out.
            "enqueued_at": self.now if send_now else None,
            "created_at": self.now, "updated_at": self.now,
        }
        delivery_id = insert_ignoring_duplicates(self.connection, _delivery_table, values)
        if delivery_id is None or not send_now:
            return
        self.plan_result.send_now.append(delivery_id)
        if claim:
            asked = rows.asked_before(self.connection, application.id, delivery_id) \
                if kind == "interview_prep" else []
            self.plan_result.claimed.append(Claimed(
                delivery_id=delivery_id, event=self.event, already_asked=asked, kind=kind,
                message_id=values["message_id"], attempts=1, recipient=recipient))
