"""Sending: the checks a delivery passes again at send time, and what the row records.

The world can change between planning and sending (a recruiter switches an email off, the
candidate opts out, the interview moves); each test changes it in that gap and checks that the
email does not go, with the reason the delivery log shows. SMTP is a recording stand-in here;
the end-to-end tests send through a real server.
"""

from __future__ import annotations

from datetime import UTC, timedelta
from email.message import EmailMessage

import pytest
from sqlalchemy import select, update

from interview_coach.plugin import coach_state
from interview_coach.plugin.events import parse_event
from interview_coach.plugin.suppression import suppress
from interview_coach.plugin.tables import DeliveryRow, InterviewRow, utcnow
from interview_coach.plugin.toggles import set_toggle
from interview_coach.workers.context import worker_context
from interview_coach.workers.planning import process_event
from interview_coach.workers.sending import send_delivery


class RecordingMailer:
    def __init__(self) -> None:
        self.sent: list[EmailMessage] = []

    def send(self, message: EmailMessage) -> None:
        self.sent.append(message)


def _scheduled(interview_id: str = "i1", days: float = 5) -> dict:
    start = utcnow().replace(tzinfo=UTC) + timedelta(days=days)
    return {"kind": "interview_scheduled", "application": {
        "id": "a1", "job": {"id": "j1", "title": "Membership Sales Associate", "company": "Peak Fitness"},
        "candidate": {"id": "c1", "name": "Maya Lopez", "email": "Maya@Example.com",
                      "profile": "Beat my monthly sales quota in retail for 18 months."}},
        "interview": {"id": interview_id, "stage": "screen", "starts_at": start.isoformat(), "version": 1}}


@pytest.fixture
def world(app):  # type: ignore[no-untyped-def]
    """Plans an event the way the worker does and hands back the ids of what is due now."""
    app.config["INTERVIEW_COACH_BASE_URL"] = "https://jobs.test"
    with app.app_context():
        state = coach_state(app)
        ctx = worker_context(app, state.store)
        mailer = RecordingMailer()
        ctx.__dict__["mailer"] = mailer

        class World:
            store = state.store
            sent = mailer.sent

            @staticmethod
            def plan(payload: dict) -> list[int]:
                event_id = state.inbox.record_now(parse_event(payload), "api")
                with state.store.begin() as session:
                    return process_event(session, event_id, ctx.policy).send_now

            @staticmethod
            def send(delivery_id: int):  # type: ignore[no-untyped-def]
                return send_delivery(ctx, delivery_id)

            @staticmethod
            def row(delivery_id: int) -> DeliveryRow:
                with state.store.begin() as session:
                    return session.get(DeliveryRow, delivery_id)

        yield World


def test_a_due_prep_email_is_sent_once_and_recorded_with_its_questions(world):
    (prep,) = world.plan(_scheduled())
    assert world.send(prep).outcome == "sent"
    row = world.row(prep)
    assert row.status == "sent" and row.attempts == 1 and row.sent_at is not None
    assert row.subject == world.sent[0]["Subject"] and len(row.question_ids) >= 5
    assert world.send(prep).outcome == "done"  # a repeated task finds it sent
    assert len(world.sent) == 1


def test_switched_off_after_planning_is_skipped_with_the_reason(world):
    (prep,) = world.plan(_scheduled())
    with world.store.begin() as session:
        set_toggle(session, "job", "j1", "interview_prep", False)
    result = world.send(prep)
    assert (result.outcome, result.reason) == ("skipped", "switched off for this job")
    assert world.row(prep).last_error == "switched off for this job" and world.row(prep).attempts == 0
    assert world.sent == []


def test_company_default_off_applies_when_the_job_has_no_switch_of_its_own(world):
    (prep,) = world.plan(_scheduled())
    with world.store.begin() as session:
        set_toggle(session, "company", "Peak Fitness", "interview_prep", False)
        set_toggle(session, "job", "other-job", "interview_prep", True)  # another job's switch changes nothing
    assert world.send(prep).reason == "switched off for this company"
    assert world.sent == []


def test_opted_out_after_planning_is_skipped(world):
    (prep,) = world.plan(_scheduled())
    with world.store.begin() as session:
        suppress(session, "MAYA@example.com", "unsubscribe link")
    assert world.send(prep).reason == "the candidate opted out of these emails"
    assert world.sent == []


def test_an_interview_that_moved_after_planning_is_not_announced_for_the_old_time(world):
    (prep,) = world.plan(_scheduled())
    with world.store.begin() as session:
        session.execute(update(InterviewRow).where(InterviewRow.id == "i1").values(revision=2))
    assert world.send(prep).reason == "superseded: the interview changed after this email was planned"
    assert world.sent == []


def test_a_later_prep_email_for_the_same_application_asks_new_questions(world):
    (first,) = world.plan(_scheduled("i1"))
    world.send(first)
    (second,) = world.plan(_scheduled("i2", days=8))
    assert world.send(second).outcome == "sent"
    first_ids, second_ids = world.row(first).question_ids, world.row(second).question_ids
    assert second_ids and not set(first_ids) & set(second_ids)


def test_a_row_claimed_by_a_live_worker_is_left_to_it(world):
    (prep,) = world.plan(_scheduled())
    with world.store.begin() as session:
        session.execute(update(DeliveryRow).where(DeliveryRow.id == prep)
                        .values(status="sending", claimed_at=utcnow(), attempts=1))
    result = world.send(prep)
    assert result.outcome == "busy" and result.retry_in and result.retry_in > 1
    assert world.sent == []


def test_a_claim_whose_worker_died_is_taken_over_after_the_lease(world):
    (prep,) = world.plan(_scheduled())
    with world.store.begin() as session:
        session.execute(update(DeliveryRow).where(DeliveryRow.id == prep)
                        .values(status="sending", claimed_at=utcnow() - timedelta(hours=1), attempts=1))
    assert world.send(prep).outcome == "sent"
    assert world.row(prep).attempts == 2 and len(world.sent) == 1


def test_a_purged_payload_fails_the_email_with_the_reason(world):
    (prep,) = world.plan(_scheduled())
    from interview_coach.plugin.tables import EventRow

    with world.store.begin() as session:
        session.execute(update(EventRow).values(payload=None))
    assert world.send(prep).reason == "the event's data was purged"
    assert world.row(prep).status == "failed" and world.sent == []


def test_only_due_rows_are_sent(world):
    world.plan(_scheduled())
    with world.store.begin() as session:
        reminder = session.scalar(select(DeliveryRow.id).where(DeliveryRow.kind == "interview_reminder"))
    assert world.send(reminder).outcome == "not_due"
    assert world.sent == []


def test_planning_claims_what_is_due_now_so_the_worker_sends_it_without_a_second_claim(world, app):
    from interview_coach.workers.sending import deliver

    with app.app_context():
        state = coach_state(app)
        event_id = state.inbox.record_now(parse_event(_scheduled()), "api")
        with state.store.begin() as session:
            plan = process_event(session, event_id, worker_context(app, state.store).policy, claim_due_now=True)
        (claimed,) = plan.claimed
        row = world.row(claimed.delivery_id)
        # Claimed in the planning transaction: the due sweep leaves it alone until the lease ends.
        assert (row.kind, row.status, row.attempts) == ("interview_prep", "sending", 1)
        assert world.send(claimed.delivery_id).outcome == "busy"
        assert deliver(worker_context(app, state.store), claimed).outcome == "sent"
    assert world.row(claimed.delivery_id).status == "sent" and len(world.sent) == 1
