"""The delivery log (filters, reasons, re-send, cancel) and the opt-out list."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import select

from interview_coach.plugin import coach_state
from interview_coach.plugin.suppression import is_suppressed, suppress
from interview_coach.plugin.tables import AuditRow, SuppressionRow
from tests.admin.conftest import AdminClient, Viewer, deliveries, flashes


@pytest.fixture
def queued(app: Flask, monkeypatch: pytest.MonkeyPatch) -> list[list[Any]]:
    sent: list[list[Any]] = []
    task = coach_state(app).celery.tasks["interview_coach.send_delivery"]
    monkeypatch.setattr(task, "apply_async", lambda args, **_options: sent.append(args))
    return sent


def test_the_log_filters_by_status_kind_job_and_candidate(admin: AdminClient, app: Flask,
                                                          board: dict[str, int]) -> None:
    everything = admin.text("/emails")
    assert everything.count("<tr>") - 1 == 5  # one row per email, plus the header
    assert admin.text("/emails?kind=interview_reminder").count("<tr>") - 1 == 1
    harbor = admin.text("/emails?job=job-9")
    assert harbor.count("<tr>") - 1 == 1 and "candidate3@example.com" in harbor
    by_candidate = admin.text("/emails?candidate=CANDIDATE1@")
    assert "candidate1@example.com" in by_candidate and "candidate2@example.com" not in by_candidate
    assert "candidate2@example.com" in admin.text("/emails?candidate=cand-2")
    assert "No emails match" in admin.text("/emails?status=failed")
    assert "No emails match" not in admin.text("/emails?status=nonsense")  # an unknown status is ignored


def test_every_skip_shows_its_reason(admin: AdminClient, record: Any, board: dict[str, int]) -> None:
    admin.post("/companies/harbor/switches", {"application_received": "off"})
    record({"kind": "application_submitted", "application": {
        "id": "app-7", "job": {"id": "job-9", "title": "Night Nurse", "company": "Harbor Health",
                               "company_id": "harbor"},
        "candidate": {"id": "cand-7", "name": "Sam Lee", "email": "sam.lee@example.com"}}})
    page = admin.text("/emails?status=skipped")
    assert "sam.lee@example.com" in page and "switched off for this company" in page


def test_a_failed_email_is_sent_again(admin: AdminClient, app: Flask, board: dict[str, int],
                                      queued: list[list[Any]]) -> None:
    [email] = deliveries(app, application_id="app-2")
    with app.app_context(), coach_state(app).store.begin() as session:
        session.get(type(email), email.id).status = "failed"
    page = admin.text("/emails?status=failed")
    assert f'aria-label="Re-send email {email.id} (After applying to candidate2@example.com)"' in page
    response = admin.post(f"/emails/{email.id}/resend", {"next": "/coach/admin/emails?status=failed"})
    assert response.status_code == 303 and response.location == "/coach/admin/emails?status=failed"
    assert flashes(admin)[-1] == f"Email {email.id} is queued to be sent again."
    assert queued == [[email.id]]
    [again] = deliveries(app, id=email.id)
    assert again.status == "pending" and "re-sent by Rita Recruiter" in (again.last_error or "")
    # A pending email cannot be re-sent; the log says why.
    admin.post(f"/emails/{email.id}/resend")
    assert "only failed, skipped or cancelled emails can be re-sent" in flashes(admin)[-1]
    assert queued == [[email.id]]


def test_a_pending_email_is_cancelled(admin: AdminClient, app: Flask, board: dict[str, int]) -> None:
    [reminder] = deliveries(app, kind="interview_reminder")
    admin.post(f"/emails/{reminder.id}/cancel")
    assert deliveries(app, id=reminder.id)[0].status == "cancelled"
    assert "cancelled by Rita Recruiter" in admin.text("/emails?kind=interview_reminder")
    admin.post(f"/emails/{reminder.id}/cancel")
    assert "only pending emails can be cancelled" in flashes(admin)[-1]
    assert admin.post("/emails/999999/cancel").status_code == 404
    # The cancellation shows on the job's page.
    assert "cancel" in admin.text("/jobs/job-1") and f"delivery {reminder.id}" in admin.text("/jobs/job-1")


def test_opt_outs_are_listed_and_removed_after_a_confirmation(admin: AdminClient, app: Flask,
                                                              board: dict[str, int]) -> None:
    with app.app_context(), coach_state(app).store.begin() as session:
        suppress(session, "candidate1@example.com", "one-click unsubscribe")
        suppress(session, "stranger@example.com", "unsubscribe page")
        opt_out_id = session.scalar(select(SuppressionRow.id).where(SuppressionRow.email == "candidate1@example.com"))
    page = admin.text("/opt-outs")
    assert "candidate1@example.com" in page and "one-click unsubscribe" in page
    assert "stranger@example.com" not in admin.text("/opt-outs?q=candidate")
    confirm = admin.text(f"/opt-outs/{opt_out_id}/remove")
    assert "Send emails to candidate1@example.com again?" in confirm
    with app.app_context(), coach_state(app).store.begin() as session:
        assert is_suppressed(session, "candidate1@example.com")  # looking at the confirmation changes nothing
    response = admin.post(f"/opt-outs/{opt_out_id}/remove")
    assert response.status_code == 303
    assert flashes(admin)[-1] == "candidate1@example.com will receive emails again."
    with app.app_context(), coach_state(app).store.begin() as session:
        assert not is_suppressed(session, "candidate1@example.com")
        [row] = session.scalars(select(AuditRow).where(AuditRow.action == "remove opt-out")).all()
        assert (row.actor, row.target_id) == ("Rita Recruiter <rita@peak.test>", "candidate1@example.com")
    assert admin.get(f"/opt-outs/{opt_out_id}/remove").status_code == 404


def test_a_scoped_recruiter_sees_only_opt_outs_of_candidates_their_companies_emailed(
        admin: AdminClient, app: Flask, viewer: Viewer, board: dict[str, int]) -> None:
    with app.app_context(), coach_state(app).store.begin() as session:
        for email in ("candidate1@example.com", "candidate3@example.com"):
            suppress(session, email, "unsubscribe page")
        harbor_id = session.scalar(select(SuppressionRow.id).where(SuppressionRow.email == "candidate3@example.com"))
    viewer.companies = ["peak"]
    page = admin.text("/opt-outs")
    assert "candidate1@example.com" in page and "candidate3@example.com" not in page
    assert admin.get(f"/opt-outs/{harbor_id}/remove").status_code == 404
    assert admin.post(f"/opt-outs/{harbor_id}/remove").status_code == 404
