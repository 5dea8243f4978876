"""The example job board: what a newcomer clicks through in the demo, as tests.

These check the board itself (forms, rows, versions, seeding). The plugin is installed as in
the demo, but what it does with the changes is covered by its own tests; the mapping rules
are in ``test_coach_integration.py``, the outbox in ``test_outbox.py``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from .conftest import csrf_token, sign_in

FUTURE_DAY = (datetime.now(UTC) + timedelta(days=10)).date().isoformat()
LATER_DAY = (datetime.now(UTC) + timedelta(days=12)).date().isoformat()


def count(app: Flask, model: type) -> int:
    from jobboard.extensions import db

    with app.app_context():
        return int(db.session.scalar(select(func.count()).select_from(model)) or 0)


def job_id(app: Flask, title: str) -> int:
    from jobboard import models
    from jobboard.extensions import db

    with app.app_context():
        return int(db.session.scalar(select(models.Job.id).where(models.Job.title == title)) or 0)


def interview_form(client: FlaskClient, **overrides: Any) -> dict[str, Any]:
    data = {
        "csrf_token": csrf_token(client), "stage": "screen", "format": "video", "date": FUTURE_DAY,
        "time": "10:00", "timezone": "America/Denver", "duration_minutes": "30", "location": "",
        "video_link": "https://meet.example.com/abc",
        "panel-0-name": "Luis Ortega", "panel-0-title": "General Manager", "panel-0-role": "hiring_manager",
        "panel-0-hiring_manager": "on",
        "panel-1-name": "Tasha Greene", "panel-1-title": "Talent Partner", "panel-1-role": "recruiter",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


# --- candidates -------------------------------------------------------------------------------


def test_job_list_and_job_page_show_the_seeded_roles(app: Flask, client: FlaskClient) -> None:
    listing = client.get("/").get_data(as_text=True)
    assert "Membership Sales Consultant" in listing
    assert "Registered Nurse" in listing
    page = client.get(f"/jobs/{job_id(app, 'Membership Sales Consultant')}").get_data(as_text=True)
    assert "<h3>What you&#39;ll need</h3>" in page
    assert "Nice to have" in page
    assert '<label for="timezone">' in page


def test_applying_creates_a_candidate_and_an_application(app: Flask, client: FlaskClient) -> None:
    from jobboard import models

    before = count(app, models.Application)
    response = client.post(f"/jobs/{job_id(app, 'Data Analyst, Customer Insights')}", data={
        "csrf_token": csrf_token(client), "name": "Noor Haddad", "email": "noor.haddad@example.com",
        "timezone": "Europe/London",
        "profile": "Analyst at a housing charity.\n- Built 12 Power BI reports used by 40 staff every week.",
        "skills": "SQL, Power BI, Excel",
    }, follow_redirects=True)

    assert response.status_code == 200
    assert "Your application to Harborlight Software is in" in response.get_data(as_text=True)
    assert count(app, models.Application) == before + 1
    with app.app_context():
        from jobboard.extensions import db

        candidate = db.session.scalar(select(models.Candidate).filter_by(email="noor.haddad@example.com"))
        assert candidate is not None
        assert candidate.skill_list == ["SQL", "Power BI", "Excel"]
        assert candidate.timezone == "Europe/London"
        assert [a.status for a in candidate.applications] == ["submitted"]


def test_applying_twice_to_the_same_job_keeps_one_application(app: Flask, client: FlaskClient) -> None:
    from jobboard import models

    before = count(app, models.Application)
    form = {"csrf_token": csrf_token(client), "name": "Jordan Alvarez", "email": "jordan.alvarez@example.com",
            "timezone": "America/Denver", "profile": "Senior sales associate. " * 5, "skills": "Sales"}
    response = client.post(f"/jobs/{job_id(app, 'Membership Sales Consultant')}", data=form,
                           follow_redirects=True)
    assert "You have already applied for this role." in response.get_data(as_text=True)
    assert count(app, models.Application) == before


def test_an_incomplete_application_is_sent_back_with_reasons(app: Flask, client: FlaskClient) -> None:
    from jobboard import models

    before = count(app, models.Application)
    response = client.post(f"/jobs/{job_id(app, 'Customer Support Specialist')}", data={
        "csrf_token": csrf_token(client), "name": "", "email": "not-an-email", "timezone": "Mars/Olympus",
        "profile": "short", "skills": "",
    })
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Enter your full name." in body
    assert "Choose the time zone you live in." in body
    assert count(app, models.Application) == before


def test_a_form_without_its_csrf_token_is_refused(app: Flask, client: FlaskClient) -> None:
    response = client.post(f"/jobs/{job_id(app, 'Customer Support Specialist')}", data={"name": "X"})
    assert response.status_code == 400


# --- recruiters ------------------------------------------------------------------------------


def _membership_application(app: Flask) -> int:
    from jobboard import models
    from jobboard.extensions import db

    with app.app_context():
        return int(db.session.scalar(
            select(models.Application.id).join(models.Candidate)
            .where(models.Candidate.name == "Jordan Alvarez")
        ) or 0)


def _interviews(app: Flask, application_id: int) -> list[dict[str, Any]]:
    from jobboard import models
    from jobboard.extensions import db

    with app.app_context():
        application = db.session.get(models.Application, application_id)
        assert application is not None
        return [{"id": i.id, "version": i.version, "status": i.status, "starts_at": i.starts_at,
                 "panel": [p.name for p in i.interviewers], "cancel_reason": i.cancel_reason}
                for i in application.interviews]


def test_the_dashboard_needs_a_sign_in_and_shows_only_the_company_s_applications(
    app: Flask, client: FlaskClient
) -> None:
    assert client.get("/recruiter/").status_code == 302
    sign_in(client, "harborlight")
    dashboard = client.get("/recruiter/").get_data(as_text=True)
    assert "Daniel Okoye" in dashboard
    assert "Jordan Alvarez" not in dashboard
    assert client.get(f"/recruiter/applications/{_membership_application(app)}").status_code == 404


def test_recruiter_schedules_reschedules_and_cancels_an_interview(app: Flask, client: FlaskClient) -> None:
    sign_in(client, "summit-street-fitness")
    application_id = _membership_application(app)
    seeded = {i["id"] for i in _interviews(app, application_id)}

    response = client.post(f"/recruiter/applications/{application_id}/interviews",
                           data=interview_form(client, stage="skills"))
    assert response.status_code == 302
    (interview,) = [i for i in _interviews(app, application_id) if i["id"] not in seeded]
    assert interview["version"] == 1
    assert interview["panel"] == ["Luis Ortega", "Tasha Greene"]
    denver_ten = datetime.combine(date.fromisoformat(FUTURE_DAY), time(10), ZoneInfo("America/Denver"))
    assert interview["starts_at"] == denver_ten.astimezone(UTC)
    edit_url = f"/recruiter/interviews/{interview['id']}/edit"
    assert 'name="version" value="1"' in client.get(edit_url).get_data(as_text=True)

    # A new time: one UPDATE, one version.
    moved_form = {"stage": "skills", "date": LATER_DAY, "time": "14:30"}
    client.post(edit_url, data=interview_form(client, **moved_form, version="1"))
    moved = next(i for i in _interviews(app, application_id) if i["id"] == interview["id"])
    assert moved["version"] == 2
    assert moved["starts_at"] > interview["starts_at"]

    # Only the panel changes: the interview row is still updated, so its version moves too.
    new_peer = {"panel-1-name": "Sam Whitfield", "panel-1-title": "Coach", "panel-1-role": "peer"}
    client.post(edit_url, data=interview_form(client, **moved_form, **new_peer, version="2"))
    repaneled = next(i for i in _interviews(app, application_id) if i["id"] == interview["id"])
    assert repaneled["version"] == 3
    assert repaneled["panel"] == ["Luis Ortega", "Sam Whitfield"]

    response = client.post(f"/recruiter/interviews/{interview['id']}/cancel",
                           data={"csrf_token": csrf_token(client), "reason": "The role was filled."})
    assert response.status_code == 302
    cancelled = next(i for i in _interviews(app, application_id) if i["id"] == interview["id"])
    assert (cancelled["status"], cancelled["version"]) == ("cancelled", 4)
    assert cancelled["cancel_reason"] == "The role was filled."


def test_saving_an_unchanged_interview_does_not_bump_its_version(app: Flask, client: FlaskClient) -> None:
    sign_in(client, "summit-street-fitness")
    application_id = _membership_application(app)
    client.post(f"/recruiter/applications/{application_id}/interviews", data=interview_form(client))
    interview = _interviews(app, application_id)[-1]
    client.post(f"/recruiter/interviews/{interview['id']}/edit", data=interview_form(client, version="1"))
    assert _interviews(app, application_id)[-1]["version"] == 1


def test_an_edit_made_on_a_stale_page_is_refused(app: Flask, client: FlaskClient) -> None:
    sign_in(client, "summit-street-fitness")
    application_id = _membership_application(app)
    client.post(f"/recruiter/applications/{application_id}/interviews", data=interview_form(client))
    interview = _interviews(app, application_id)[-1]
    edit_url = f"/recruiter/interviews/{interview['id']}/edit"
    client.post(edit_url, data=interview_form(client, time="11:00", version="1"))

    stale = interview_form(client, time="16:00", version="1")
    response = client.post(edit_url, data=stale, follow_redirects=True)
    assert "Someone else changed this interview" in response.get_data(as_text=True)
    latest = _interviews(app, application_id)[-1]
    assert latest["version"] == 2
    assert latest["starts_at"].astimezone(UTC).minute == 0


def test_an_invalid_interview_form_is_sent_back(app: Flask, client: FlaskClient) -> None:
    sign_in(client, "summit-street-fitness")
    application_id = _membership_application(app)
    before = len(_interviews(app, application_id))
    response = client.post(f"/recruiter/applications/{application_id}/interviews",
                           data=interview_form(client, format="onsite", video_link="", date="2001-01-01"))
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert "Pick a time in the future." in body
    assert "An on-site interview needs an address." in body
    assert len(_interviews(app, application_id)) == before


def test_closing_an_application_cancels_its_upcoming_interview(app: Flask, client: FlaskClient) -> None:
    from jobboard import models
    from jobboard.extensions import db

    sign_in(client, "summit-street-fitness")
    application_id = _membership_application(app)
    client.post(f"/recruiter/applications/{application_id}/close", data={"csrf_token": csrf_token(client)})
    with app.app_context():
        application = db.session.get(models.Application, application_id)
        assert application is not None
        assert application.status == "closed"
        assert {i.status for i in application.interviews} == {"cancelled"}


# --- seeding ----------------------------------------------------------------------------------


def test_seed_is_idempotent_and_reset_starts_over(app: Flask) -> None:
    from jobboard import models

    runner = app.test_cli_runner()
    counts = {model: count(app, model) for model in (models.Company, models.Job, models.Candidate,
                                                     models.Application, models.Recruiter)}
    assert counts[models.Job] >= 7
    assert counts[models.Candidate] >= 5

    result = runner.invoke(args=["jobboard", "seed"])
    assert "nothing to do" in result.output
    assert {model: count(app, model) for model in counts} == counts

    client = app.test_client()
    client.post(f"/jobs/{job_id(app, 'Customer Support Specialist')}", data={
        "csrf_token": csrf_token(client), "name": "Lee Park", "email": "lee.park@example.com",
        "timezone": "UTC", "profile": "Support agent for three years, 70 chats a day, 95% satisfaction." * 2,
    })
    assert count(app, models.Application) == counts[models.Application] + 1

    result = runner.invoke(args=["jobboard", "seed", "--reset"])
    assert result.exit_code == 0, result.output
    assert "Seeded 4 companies" in result.output
    assert {model: count(app, model) for model in counts} == counts


def test_seeded_jobs_and_profiles_read_like_real_ones() -> None:
    from jobboard.seed_data.candidates_professional import PROFESSIONAL_CANDIDATES
    from jobboard.seed_data.candidates_sales_support import RETAIL_ASSOCIATE, SALES_SUPPORT_CANDIDATES
    from jobboard.seed_data.jobs_frontline import FRONTLINE_JOBS
    from jobboard.seed_data.jobs_office import OFFICE_JOBS

    for job in [*OFFICE_JOBS, *FRONTLINE_JOBS]:
        words = len(f"{job['description']} {job['requirements']}".split())
        assert 250 <= words <= 600, job["title"]
        assert "## Nice to have" in job["requirements"], job["title"]
    for candidate in [*SALES_SUPPORT_CANDIDATES, *PROFESSIONAL_CANDIDATES]:
        assert 150 <= len(candidate["profile"].split()) <= 800, candidate["name"]
    assert "- Beat my monthly sales quota by 20%" in RETAIL_ASSOCIATE["profile"]
    assert RETAIL_ASSOCIATE["applies_to"] == "Membership Sales Consultant"
