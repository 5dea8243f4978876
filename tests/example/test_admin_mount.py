"""The recruiters' admin as the example board mounts it: inside the board's layout, open to a
signed-in recruiter only, limited to their own company, listing the board's own jobs."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from interview_coach.plugin import coach_state
from interview_coach.plugin.tables import AuditRow
from interview_coach.plugin.toggles import resolve_toggles
from tests.example.conftest import sign_in

ADMIN = "/recruiter/emails"


def public_id(app: Flask, title: str) -> str:
    from jobboard import models
    from jobboard.extensions import db

    with app.app_context():
        return str(db.session.scalar(select(models.Job.public_id).where(models.Job.title == title)))


def test_a_visitor_is_sent_to_sign_in_first(client: FlaskClient) -> None:
    response = client.get(f"{ADMIN}/jobs")
    assert response.status_code == 302
    assert response.location == "/recruiter/login?next=/recruiter/emails/jobs"


def test_a_recruiter_sees_the_admin_inside_the_boards_layout_with_the_boards_jobs(client: FlaskClient) -> None:
    sign_in(client, "fernhill")
    page = client.get(f"{ADMIN}/jobs").get_data(as_text=True)
    assert "Meridian Jobs" in page and "Hannah Kowalski · Fernhill Home Goods" in page
    assert 'aria-current="page">Candidate emails</a>' in page  # the board's own nav link
    assert "<title>Jobs · Candidate emails · Meridian Jobs</title>" in page
    for title in ("Customer Support Specialist", "Warehouse Operations Lead (Second Shift)"):
        assert title in page
    assert "Membership Sales Consultant" not in page  # another company's job
    assert "3 jobs" in page


def test_a_recruiter_cannot_reach_another_companys_job(app: Flask, client: FlaskClient) -> None:
    sign_in(client, "fernhill")
    summit_job = public_id(app, "Membership Sales Consultant")
    assert client.get(f"{ADMIN}/jobs/{summit_job}").status_code == 404
    assert client.get(f"{ADMIN}/jobs/{summit_job}/preview").status_code == 404


def test_a_switch_changed_in_the_board_is_recorded_with_the_recruiters_name(app: Flask, client: FlaskClient) -> None:
    sign_in(client, "fernhill")
    job = public_id(app, "Customer Support Specialist")
    page = client.get(f"{ADMIN}/jobs/{job}").get_data(as_text=True)
    # The first token on the page is the board's own (its sign-out form); the admin's follow.
    token = re.search(r'name="csrf_token" value="([^"]+)"', page[page.index('class="coach-admin"'):])
    assert token is not None
    response = client.post(f"{ADMIN}/jobs/{job}/switches", data={"csrf_token": token.group(1),
                                                                  "interview_prep": "off"})
    assert response.status_code == 303
    with app.app_context(), coach_state(app).store.begin() as session:
        toggles = resolve_toggles(session, job, "fernhill", ("interview_prep",), 60)
        assert (toggles["interview_prep"].enabled, toggles["interview_prep"].source) == (False, "job")
        actor = session.scalar(select(AuditRow.actor))
    assert actor == "Hannah Kowalski <hannah.kowalski@fernhill.example>"
    # The board's own CSRF token is not the admin's: a board form's token is refused here.
    with client.session_transaction() as session:
        board_token = session["csrf_token"]
    assert client.post(f"{ADMIN}/jobs/{job}/switches", data={"csrf_token": board_token,
                                                             "interview_prep": "on"}).status_code == 400


def test_the_preview_of_a_job_with_applications_uses_a_real_candidate(app: Flask, client: FlaskClient) -> None:
    sign_in(client, "summit-street-fitness")
    job = public_id(app, "Membership Sales Consultant")
    unconfigured = client.get(f"{ADMIN}/jobs/{job}/preview?kind=application_received")
    assert unconfigured.status_code == 500  # the unsubscribe link needs the board's public URL
    assert "set INTERVIEW_COACH_BASE_URL" in unconfigured.get_data(as_text=True)
    app.config["INTERVIEW_COACH_BASE_URL"] = "http://jobs.test"
    response = client.get(f"{ADMIN}/jobs/{job}/preview?kind=application_received")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "We received your application for Membership Sales Consultant" in page
    assert "Jordan Alvarez" in page
