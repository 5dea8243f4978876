"""Preview: exactly the email the worker sends, why its questions and skills were chosen, a
sample candidate for a job without applications; and "send a test to me"."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from interview_coach.plugin import coach_state
from interview_coach.plugin.admin import AdminJob, AdminUser, JobPage, JobQuery
from interview_coach.workers.context import worker_context
from interview_coach.workers.preview import SampleJob, build_preview
from interview_coach.workers.sending import send_delivery
from interview_coach.workers.test_send import SendTestRequest, send_test
from tests.admin.conftest import AdminClient, Viewer, admin_config, deliveries, flashes, make_app
from tests.support.processes import free_port
from tests.support.smtp import SmtpServer

PEAK_JOB = SampleJob(id="job-1", title="Membership Sales Consultant", company="Peak Fitness", company_id="peak")


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture
def app(viewer: Viewer, tmp_path: Path, smtp: SmtpServer) -> Iterator[Flask]:
    app = make_app(admin_config(viewer, tmp_path, INTERVIEW_COACH_SMTP_HOST="127.0.0.1",
                                INTERVIEW_COACH_SMTP_PORT=smtp.port,
                                INTERVIEW_COACH_ADMIN_TEST_SEND_LIMIT="2 per hour"))
    yield app
    with app.app_context():
        worker_context(app, coach_state(app).store).mailer.close()


def test_the_preview_shows_the_prep_email_with_its_questions_per_interviewer_and_why(
        admin: AdminClient, board: dict[str, int]) -> None:
    page = admin.text("/jobs/job-1/preview?kind=interview_prep")
    assert "Your interview for Membership Sales Consultant: how to prepare" in page
    assert "Candidate 1 &lt;candidate1@example.com&gt;" in page
    assert page.count('class="coach-interviewer"') == 2
    assert page.index("Dana Brooks, Membership Sales Manager") < page.index("Chris Young, Membership Consultant")
    assert "Chosen because:" in page and "Why ask:" in page
    assert "Skills to remind the candidate of" in page
    assert 'sandbox srcdoc="' in page and "Plain text" in page
    assert "Send a test to me" in page and "rita@peak.test" in page


def test_the_preview_is_the_email_the_worker_sends(app: Flask, board: dict[str, int], smtp: SmtpServer) -> None:
    state = coach_state(app)
    with app.app_context():
        ctx = worker_context(app, state.store)
        with state.store.begin() as session:
            before = build_preview(session, ctx, PEAK_JOB, "interview_prep", str(board["peak_interview"]))
        [prep] = deliveries(app, kind="interview_prep")
        assert send_delivery(ctx, prep.id).outcome == "sent"
        with state.store.begin() as session:
            after = build_preview(session, ctx, PEAK_JOB, "interview_prep", str(board["peak_interview"]))
    [email] = smtp.wait_for(lambda r: "candidate1@example.com" in r.envelope_to)
    rendered = before.composed.rendered
    assert str(email.message["Subject"]).strip() == rendered.subject
    assert email.text().replace("\r\n", "\n") == rendered.text
    assert email.html().replace("\r\n", "\n").strip() == rendered.html.replace("\r\n", "\n").strip()
    # Once sent, the preview names that email and still shows the same questions.
    assert after.delivery is not None and after.delivery.status == "sent"
    assert after.composed.plan is not None and before.composed.plan is not None
    assert after.composed.plan.question_ids == before.composed.plan.question_ids


def test_each_kind_previews_from_the_matching_applications_or_interviews(admin: AdminClient,
                                                                         board: dict[str, int]) -> None:
    page = admin.text("/jobs/job-1/preview?kind=application_received")
    assert "We received your application for Membership Sales Consultant" in page
    assert "Candidate 1: application of" in page
    reminder = admin.text("/jobs/job-1/preview?kind=interview_reminder")
    assert "Reminder: your interview for Membership Sales Consultant" in reminder
    assert "Candidate 1: onsite" in reminder
    assert admin.get("/jobs/job-1/preview?kind=no_such_kind").status_code == 404


def test_a_job_without_interviews_is_previewed_with_the_sample_candidate(admin: AdminClient,
                                                                        board: dict[str, int]) -> None:
    page = admin.text("/jobs/job-2/preview?kind=interview_prep")
    assert "This job has no interviews yet, so this is shown for a sample candidate." in page
    assert "Sam Sample &lt;sam.sample@example.com&gt;" in page
    assert "Front Desk Associate" in page
    assert "Alex Rivera, Head of Customer Success" in page


def test_a_job_only_the_host_knows_uses_the_hosts_posting_for_the_sample(viewer: Viewer, tmp_path: Path) -> None:
    job = AdminJob(id="new-job", title="Barista", company_id="cafe", company_name="Corner Cafe",
                   description="Pull espresso shots and keep the bar moving.",
                   requirements="Requirements:\n- Espresso\n- Latte art")

    def provider(query: JobQuery) -> JobPage:
        return JobPage(total=1, jobs=[job])

    app = make_app(admin_config(viewer, tmp_path, INTERVIEW_COACH_ADMIN_JOBS_PROVIDER=provider))
    page = AdminClient(app.test_client()).text("/jobs/new-job/preview?kind=interview_prep")
    assert "Your interview for Barista: how to prepare" in page
    assert "Corner Cafe" in page and "Sam Sample" in page


def test_the_preview_warns_when_the_email_is_switched_off_or_the_candidate_opted_out(
        admin: AdminClient, app: Flask, board: dict[str, int]) -> None:
    admin.post("/jobs/job-1/switches", {"interview_prep": "off"})
    assert "is switched off</strong> for this job (set for this job)" in admin.text("/jobs/job-1/preview")
    from interview_coach.plugin.suppression import suppress

    with app.app_context(), coach_state(app).store.begin() as session:
        suppress(session, "candidate1@example.com", "test")
    assert "This candidate opted out" in admin.text("/jobs/job-1/preview")


def test_send_a_test_queues_the_preview_for_the_signed_in_recruiter_and_is_rate_limited(
        admin: AdminClient, app: Flask, board: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[list[Any]] = []
    task = coach_state(app).celery.tasks["interview_coach.send_test"]
    monkeypatch.setattr(task, "apply_async", lambda args, **_options: sent.append(args))
    source = str(board["peak_interview"])
    for _ in range(2):
        response = admin.post("/jobs/job-1/preview/test", {"kind": "interview_prep", "source": source})
        assert response.status_code == 303
    assert flashes(admin)[-1] == "A test of “Interview prep” is on its way to rita@peak.test."
    job, kind, posted_source, email, name, actor = sent[0]
    assert (job["id"], job["title"], job["company_id"]) == ("job-1", "Membership Sales Consultant", "peak")
    assert (kind, posted_source, email, name, actor) == ("interview_prep", source, "rita@peak.test",
                                                         "Rita Recruiter", "Rita Recruiter <rita@peak.test>")
    limited = admin.post("/jobs/job-1/preview/test", {"kind": "interview_prep", "source": source})
    assert limited.status_code == 429
    assert "You have sent 2 per hour tests already" in html.unescape(limited.get_data(as_text=True))
    assert len(sent) == 2


def test_send_a_test_needs_to_know_who_you_are(admin: AdminClient, viewer: Viewer, board: dict[str, int]) -> None:
    viewer.user = AdminUser(name="Nameless")
    assert "there is no address to send a test to" in admin.text("/jobs/job-1/preview")
    admin.post("/jobs/job-1/preview/test", {"kind": "interview_prep", "source": "sample"})
    assert "There is no address to send a test to" in flashes(admin)[-1]


def test_the_test_send_task_sends_the_preview_to_the_recruiter(app: Flask, board: dict[str, int],
                                                              smtp: SmtpServer) -> None:
    state = coach_state(app)
    source = str(board["peak_interview"])
    with app.app_context():
        ctx = worker_context(app, state.store)
        with state.store.begin() as session:
            preview = build_preview(session, ctx, PEAK_JOB, "interview_prep", source)
        request = SendTestRequest(job=PEAK_JOB, kind="interview_prep", source=source, to_email="rita@peak.test",
                                  to_name="Rita Recruiter", actor="Rita Recruiter <rita@peak.test>")
        assert send_test(ctx, request) == "sent"
    [email] = smtp.wait_for(lambda r: r.envelope_to == ["rita@peak.test"])
    assert str(email.message["Subject"]).strip() == "[Test] " + preview.composed.rendered.subject
    assert "Rita Recruiter" in str(email.message["To"])
    # The body is the candidate's email, but its unsubscribe link is the recruiter's own.
    body = email.text()
    assert "Dana Brooks" in body
    candidate_link = preview.composed.rendered.text.split("unsubscribe/")[1].split()[0]
    assert candidate_link not in body
    assert deliveries(app, recipient="rita@peak.test") == []  # a test is not a candidate email


def test_a_test_that_cannot_be_sent_is_recorded_with_the_reason(app: Flask, board: dict[str, int],
                                                                smtp: SmtpServer) -> None:
    smtp.handler.refuse_recipients["rita@peak.test"] = "550 no such mailbox"
    state = coach_state(app)
    with app.app_context():
        ctx = worker_context(app, state.store)
        request = SendTestRequest(job=PEAK_JOB, kind="application_received", source="sample",
                                  to_email="rita@peak.test", to_name="Rita", actor="Rita <rita@peak.test>")
        assert send_test(ctx, request) == "failed"
    page = AdminClient(app.test_client()).text("/jobs/job-1")
    assert "test result" in page and "not sent: recipient refused: 550 no such mailbox" in page
