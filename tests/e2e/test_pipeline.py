"""Job board events → Celery worker → candidate emails over SMTP, with every part real."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from interview_coach.plugin.toggles import set_toggle
from tests.support.actions import apply, deliveries, events, schedule, subject, to, update_interview
from tests.support.processes import wait_until

pytestmark = pytest.mark.e2e


def test_applying_sends_exactly_one_confirmation_naming_the_job_and_the_candidate(stack, smtp):
    app_id = apply(stack, candidate_email="ada@example.com", candidate_name="Ada Quinn",
                    job_title="Membership Sales Consultant")
    [email] = smtp.wait_for(to("ada@example.com"))
    assert subject(email) == "We received your application for Membership Sales Consultant"
    assert "Hi Ada," in email.text()
    assert "Membership Sales Consultant at Peak Fitness" in email.text()
    assert email.message["To"].addresses[0].display_name == "Ada Quinn"
    wait_until(lambda: all(d.status == "sent" for d in deliveries(stack, app_id)), message="delivery marked sent")
    assert [d.kind for d in deliveries(stack, app_id)] == ["application_received"]
    assert len([r for r in smtp.received if "ada@example.com" in r.envelope_to]) == 1


def test_scheduling_sends_the_prep_email_then_the_reminder_when_due(stack, smtp):
    app_id = apply(stack, candidate_email="ben@example.com")
    with stack.app.app_context(), stack.store().begin() as session:
        # Remind 2 days ahead, for an interview 2 days and 3 seconds away: due in 3 seconds.
        set_toggle(session, "job", "job-reminder", "interview_reminder", True, reminder_offset_minutes=2 * 24 * 60)
    with stack.app.app_context():
        row = stack.db.session.get(stack.hostapp.JobApplication, app_id)
        row.job_id = "job-reminder"
        stack.db.session.commit()
    schedule(stack, app_id, timedelta(days=2, seconds=3))
    prep = smtp.wait_for(lambda r: to("ben@example.com")(r) and "how to prepare" in subject(r))
    assert len(prep) == 1
    text = prep[0].text()
    assert "QUESTIONS WORTH ASKING" in text and "Why ask:" in text
    assert "Dana Brooks" in text
    reminder = smtp.wait_for(lambda r: to("ben@example.com")(r) and subject(r).startswith("Reminder"))
    assert len(reminder) == 1
    assert "America/Chicago" in reminder[0].text()


def test_rescheduled_interview_never_sends_the_old_reminder(stack, smtp):
    app_id = apply(stack, candidate_email="cleo@example.com", job_id="job-resched")
    with stack.app.app_context(), stack.store().begin() as session:
        set_toggle(session, "job", "job-resched", "interview_reminder", True, reminder_offset_minutes=24 * 60)
    interview_id = schedule(stack, app_id, timedelta(days=1, seconds=4))  # reminder due in ~4 s
    smtp.wait_for(lambda r: to("cleo@example.com")(r) and "how to prepare" in subject(r))
    new_start = (datetime.now(UTC) + timedelta(days=1, seconds=8)).replace(tzinfo=None, microsecond=0)
    update_interview(stack, interview_id, starts_at=new_start)
    moved = smtp.wait_for(lambda r: to("cleo@example.com")(r) and subject(r).startswith("New time"))
    assert len(moved) == 1
    reminders = smtp.wait_for(lambda r: to("cleo@example.com")(r) and subject(r).startswith("Reminder"))
    assert len(reminders) == 1
    local_start = new_start.replace(tzinfo=UTC).astimezone(ZoneInfo("America/Chicago"))
    assert f"at {local_start:%H:%M} (America/Chicago" in reminders[0].text()
    by_revision = {(d.kind, d.revision): d for d in deliveries(stack, app_id)}
    old_reminder = by_revision[("interview_reminder", 1)]
    assert old_reminder.status == "skipped"
    assert "superseded" in old_reminder.last_error
    wait_until(lambda: {(d.kind, d.revision): d.status for d in deliveries(stack, app_id)}[("interview_reminder", 2)]
               == "sent", message="the new reminder marked sent")


def test_cancelled_interview_sends_the_notice_and_no_reminder(stack, smtp):
    app_id = apply(stack, candidate_email="dev@example.com", job_id="job-cancel")
    with stack.app.app_context(), stack.store().begin() as session:
        set_toggle(session, "job", "job-cancel", "interview_reminder", True, reminder_offset_minutes=24 * 60)
    interview_id = schedule(stack, app_id, timedelta(days=1, seconds=5))
    smtp.wait_for(lambda r: to("dev@example.com")(r) and "how to prepare" in subject(r))
    update_interview(stack, interview_id, status="cancelled")
    smtp.wait_for(lambda r: to("dev@example.com")(r) and "is cancelled" in subject(r))
    # The reminder was due 5 s after scheduling; let the due sweep run past that moment.
    wait_until(lambda: deliveries(stack, app_id) and all(
        d.status not in ("pending", "sending") for d in deliveries(stack, app_id)), message="nothing left to send")
    reminder = next(d for d in deliveries(stack, app_id) if d.kind == "interview_reminder")
    assert reminder.status == "skipped"
    assert not [r for r in smtp.received if to("dev@example.com")(r) and subject(r).startswith("Reminder")]


def test_rolled_back_transaction_sends_nothing_and_a_repeated_event_sends_once(stack, smtp):
    hostapp = stack.hostapp
    with stack.app.app_context():
        hostapp.db.session.add(hostapp.JobApplication(candidate_email="rollback@example.com"))
        hostapp.db.session.flush()  # the watcher has written its event row in this transaction...
        hostapp.db.session.rollback()  # ...and it goes with the rollback
    app_id = apply(stack, candidate_email="committed@example.com")
    smtp.wait_for(to("committed@example.com"))
    assert not [r for r in smtp.received if to("rollback@example.com")(r)]
    # The same event again, straight through the Python API: the idempotency key holds.
    [event] = events(stack, app_id)
    with stack.app.app_context():
        from interview_coach.plugin.events import parse_event

        assert stack.hostapp.coach.emit(parse_event(event.payload)) is None
    assert len(events(stack, app_id)) == 1
    assert len(deliveries(stack, app_id)) == 1


def test_job_switched_off_sends_nothing_and_records_why(stack, smtp):
    with stack.app.app_context(), stack.store().begin() as session:
        set_toggle(session, "job", "job-quiet", "application_received", False)
    app_id = apply(stack, candidate_email="quiet@example.com", job_id="job-quiet")
    sentinel = apply(stack, candidate_email="sentinel@example.com")
    smtp.wait_for(to("sentinel@example.com"))
    [delivery] = wait_until(lambda: deliveries(stack, app_id), message="the delivery row")
    assert delivery.status == "skipped"
    assert delivery.last_error == "switched off for this job"
    assert not [r for r in smtp.received if to("quiet@example.com")(r)]
    assert sentinel


def test_smtp_451_then_recovery_delivers_once(stack, smtp):
    smtp.handler.data_replies.extend(["451 4.3.0 try again later", "451 4.3.0 try again later"])
    app_id = apply(stack, candidate_email="retry@example.com")
    smtp.wait_for(to("retry@example.com"))
    [delivery] = wait_until(lambda: [d for d in deliveries(stack, app_id) if d.status == "sent"],
                            message="delivery marked sent")
    assert delivery.attempts == 3
    assert len([r for r in smtp.received if to("retry@example.com")(r)]) == 1


def test_smtp_550_fails_with_the_reason_and_is_not_retried(stack, smtp):
    smtp.handler.refuse_recipients["nobody@example.com"] = "550 5.1.1 mailbox does not exist"
    app_id = apply(stack, candidate_email="nobody@example.com")
    [delivery] = wait_until(lambda: [d for d in deliveries(stack, app_id) if d.status == "failed"],
                            message="delivery marked failed")
    assert "550" in delivery.last_error and "mailbox does not exist" in delivery.last_error
    assert delivery.attempts == 1


def test_unsubscribe_link_stops_further_emails(stack, smtp):
    app_id = apply(stack, candidate_email="optout@example.com")
    [email] = smtp.wait_for(to("optout@example.com"))
    link = email.message["List-Unsubscribe"].strip("<>")
    assert link in email.text()
    client = stack.app.test_client()
    path = link.removeprefix("http://jobs.test")
    assert b"Unsubscribe" in client.get(path).data  # a GET only asks
    response = client.post(path, data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    schedule(stack, app_id, timedelta(days=3))
    sentinel = apply(stack, candidate_email="after-optout@example.com")
    smtp.wait_for(to("after-optout@example.com"))
    wait_until(lambda: any(d.kind == "interview_prep" for d in deliveries(stack, app_id)), message="prep planned")
    prep = next(d for d in deliveries(stack, app_id) if d.kind == "interview_prep")
    assert prep.status == "skipped" and "opted out" in prep.last_error
    assert len([r for r in smtp.received if to("optout@example.com")(r)]) == 1
    assert sentinel


def test_broker_down_when_the_host_commits_loses_nothing(stack, smtp):
    from tests.support.processes import free_port

    # A second web process whose broker is unreachable: the host's commit must succeed,
    # the event must wait as pending, and the relay (run by beat) must enqueue it later.
    offline = stack.hostapp.create_app({"INTERVIEW_COACH_BROKER_URL": f"redis://127.0.0.1:{free_port()}/0"})
    with offline.app_context():
        row = stack.hostapp.JobApplication(candidate_email="outage@example.com")
        stack.db.session.add(row)
        stack.db.session.commit()
        app_id = row.id
    [event] = events(stack, app_id)
    assert event.status == "pending"
    [email] = smtp.wait_for(to("outage@example.com"))
    assert "We received your application" in subject(email)
    assert [e.status for e in events(stack, app_id)] == ["processed"]
