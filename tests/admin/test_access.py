"""Who gets in: the host's guard (403 without one), CSRF on every POST (400 without it), and
the company scope (404 outside it, as if the thing did not exist)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask, redirect
from sqlalchemy import select

from interview_coach.plugin import ConfigError, coach_state
from interview_coach.plugin.tables import JobSettingRow
from tests.admin.conftest import ADMIN, AdminClient, Viewer, admin_config, deliveries, make_app

GET_PAGES = ["/", "/jobs", "/jobs/job-1", "/jobs/job-1/preview", "/companies", "/companies/peak", "/emails",
             "/opt-outs", "/opt-outs/1/remove"]
POSTS = ["/jobs/job-1/switches", "/jobs/bulk", "/jobs/job-1/preview/test", "/companies/peak/switches",
         "/emails/1/resend", "/emails/1/cancel", "/opt-outs/1/remove"]


def test_without_a_guard_every_admin_page_answers_403(tmp_path: Path) -> None:
    app = make_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'h.db'}",
                    "INTERVIEW_COACH_BROKER_URL": "memory://"})
    client = app.test_client()
    for path in GET_PAGES:
        response = client.get(ADMIN + path)
        assert response.status_code == 403, path
        assert b"INTERVIEW_COACH_ADMIN_GUARD" in response.data
    for path in POSTS:
        assert client.post(ADMIN + path).status_code == 403, path
    assert client.get(ADMIN + "/static/coach-admin.css").status_code == 403


def test_a_guard_that_says_no_gets_403_and_a_guard_may_redirect_instead(admin: AdminClient, viewer: Viewer,
                                                                         board: dict[str, int]) -> None:
    viewer.allowed = False
    assert admin.get("/jobs").status_code == 403
    assert admin.client.post(ADMIN + "/jobs/job-1/switches", data={"interview_prep": "off"}).status_code == 403
    viewer.allowed = redirect("/sign-in")
    response = admin.get("/jobs")
    assert response.status_code == 302 and response.location == "/sign-in"


@pytest.mark.parametrize("path", POSTS)
def test_a_post_without_a_csrf_token_is_refused_with_400(admin: AdminClient, board: dict[str, int],
                                                          path: str) -> None:
    response = admin.post(path, {"interview_prep": "off", "kind": "interview_prep", "value": "off"}, csrf=False)
    assert response.status_code == 400
    assert b"CSRF" in response.data
    forged = admin.post(path, {"csrf_token": "forged", "interview_prep": "off"}, csrf=False)
    assert forged.status_code == 400


def test_a_post_with_the_token_from_the_page_goes_through(admin: AdminClient, board: dict[str, int]) -> None:
    admin.get("/jobs")
    response = admin.post("/jobs/job-1/switches", {"interview_prep": "off"})
    assert response.status_code == 303


def test_a_recruiter_scoped_to_one_company_sees_and_changes_only_its_jobs(
        admin: AdminClient, viewer: Viewer, app: Flask, board: dict[str, int]) -> None:
    viewer.companies = ["peak"]
    jobs = admin.text("/jobs")
    assert "Membership Sales Consultant" in jobs and "Front Desk Associate" in jobs
    assert "Night Nurse" not in jobs
    for path in ["/jobs/job-9", "/jobs/job-9/preview", "/companies/harbor"]:
        assert admin.get(path).status_code == 404, path
    assert admin.post("/jobs/job-9/switches", {"interview_prep": "off"}).status_code == 404
    assert admin.post("/companies/harbor/switches", {"interview_prep": "off"}).status_code == 404
    assert admin.post("/jobs/job-9/preview/test", {"kind": "interview_prep", "source": "sample"}).status_code == 404
    # A bulk change cannot reach another company's job either.
    admin.post("/jobs/bulk", {"kind": "interview_prep", "value": "off", "target": "selected",
                              "job_id": ["job-1", "job-9"]})
    assert saved_switches(app, "job-1") == {"interview_prep": False}
    assert saved_switches(app, "job-9") == {}


def test_scope_limits_the_log_the_overview_and_the_emails_that_can_be_changed(
        admin: AdminClient, viewer: Viewer, app: Flask, board: dict[str, int]) -> None:
    harbor = deliveries(app, job_id="job-9")[0]
    assert '<span class="coach-stat-number">5</span> pending' in admin.text("/")
    viewer.companies = ["peak"]
    log = admin.text("/emails")
    assert "candidate1@example.com" in log and "candidate3@example.com" not in log
    assert '<span class="coach-stat-number">4</span> pending' in admin.text("/")
    assert admin.post(f"/emails/{harbor.id}/cancel").status_code == 404
    assert admin.post(f"/emails/{harbor.id}/resend").status_code == 404
    assert deliveries(app, id=harbor.id)[0].status == "pending"


def test_a_scope_of_no_companies_shows_nothing(admin: AdminClient, viewer: Viewer, board: dict[str, int]) -> None:
    viewer.companies = []
    assert "No jobs yet" in admin.text("/jobs")
    assert "No emails match" in admin.text("/emails")
    assert admin.get("/jobs/job-1").status_code == 404


@pytest.mark.parametrize(("setting", "value", "message"), [
    ("ADMIN_GUARD", "no_such_module_xyz:guard", "cannot import"),
    ("ADMIN_SCOPE", "json", "'module:attribute'"),
    ("ADMIN_JOBS_PROVIDER", 42, "must be callable"),
    ("ADMIN_URL_PREFIX", "admin/", "must start with '/'"),
    ("ADMIN_PAGE_SIZE", 0, "1 to 500"),
    ("ADMIN_TEST_SEND_LIMIT", "often", "5 per hour"),
    ("ADMIN_RATE_LIMIT_STORAGE_URL", "ftp://limits.example", "storage URL"),
])
def test_a_bad_admin_setting_stops_start_up_naming_the_key(tmp_path: Path, setting: str, value: object,
                                                           message: str) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        make_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'h.db'}",
                  "INTERVIEW_COACH_BROKER_URL": "memory://", f"INTERVIEW_COACH_{setting}": value})
    assert f"INTERVIEW_COACH_{setting}" in str(caught.value)


def test_callables_may_be_given_as_module_attribute_strings(tmp_path: Path) -> None:
    app = make_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'h.db'}",
                    "INTERVIEW_COACH_BROKER_URL": "memory://",
                    "INTERVIEW_COACH_ADMIN_GUARD": "tests.admin.test_access:always_allowed"})
    assert app.test_client().get(ADMIN + "/").status_code == 200


def always_allowed() -> bool:
    return True


def test_without_a_url_prefix_no_admin_is_mounted(viewer: Viewer, tmp_path: Path) -> None:
    app = make_app(admin_config(viewer, tmp_path, INTERVIEW_COACH_ADMIN_URL_PREFIX=None))
    assert "interview_coach_admin" not in app.blueprints
    assert app.test_client().get(ADMIN + "/").status_code == 404


def test_the_admin_mounts_where_the_host_says(viewer: Viewer, tmp_path: Path) -> None:
    app = make_app(admin_config(viewer, tmp_path, INTERVIEW_COACH_ADMIN_URL_PREFIX="/admin/emails"))
    client = app.test_client()
    assert client.get("/admin/emails/jobs").status_code == 200
    assert b'href="/admin/emails/opt-outs"' in client.get("/admin/emails/").data


def saved_switches(app: Flask, job_id: str) -> dict[str, bool]:
    with app.app_context(), coach_state(app).store.begin() as session:
        rows = session.scalars(select(JobSettingRow).where(JobSettingRow.scope == "job",
                                                           JobSettingRow.scope_id == job_id))
        return {row.kind: row.enabled for row in rows}
