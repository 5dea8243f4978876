"""Overview, jobs, one job, company defaults: what recruiters see and switch, and the record
of who changed what."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from sqlalchemy import select

from interview_coach.plugin import coach_state
from interview_coach.plugin.admin import AdminJob, JobPage, JobQuery
from interview_coach.plugin.tables import AuditRow, DeliveryRow, JobSettingRow, utcnow
from interview_coach.plugin.toggles import resolve_toggles
from tests.admin.conftest import ADMIN, AdminClient, Viewer, admin_config, flashes, make_app


def effective(app: Flask, job_id: str, company: str = "peak") -> dict[str, tuple[bool, str, int | None]]:
    with app.app_context(), coach_state(app).store.begin() as session:
        toggles = resolve_toggles(session, job_id, company, app.config["INTERVIEW_COACH_DEFAULT_KINDS"], 1440)
        return {kind: (t.enabled, t.source, t.reminder_offset_minutes) for kind, t in toggles.items()}


def audit(app: Flask) -> list[tuple[str, str, str, str, str | None]]:
    with app.app_context(), coach_state(app).store.begin() as session:
        rows = session.scalars(select(AuditRow).order_by(AuditRow.id)).all()
        return [(r.actor, r.action, r.target_type, r.target_id, r.detail) for r in rows]


def test_the_overview_counts_emails_and_shows_the_last_errors_and_the_worker(
        admin: AdminClient, app: Flask, board: dict[str, int]) -> None:
    with app.app_context(), coach_state(app).store.begin() as session:
        failed = session.scalars(select(DeliveryRow).where(DeliveryRow.kind == "application_received")).first()
        assert failed is not None
        failed.status, failed.last_error = "failed", "550 mailbox unavailable"
        session.add(DeliveryRow(key="sent-1", kind="application_received", event_id=1, application_id="x",
                                job_id="job-1", company_id="peak", candidate_id="c", recipient="c@example.com",
                                status="sent", due_at=utcnow(), message_id="<m@x>"))
    page = admin.text("/")
    assert '<span class="coach-stat-number">1</span> sent' in page
    assert '<span class="coach-stat-number">1</span> failed' in page
    assert '<span class="coach-stat-number">4</span> pending' in page
    assert '<span class="coach-stat-number">3</span> due today' in page  # not the reminder, days away
    assert "in the queue" in page  # the memory broker answers
    assert "550 mailbox unavailable" in page and "Membership Sales Consultant" in page
    assert "No worker has run yet." in page


def test_the_jobs_page_lists_jobs_seen_in_events_with_each_switch_and_its_source(
        admin: AdminClient, board: dict[str, int]) -> None:
    page = admin.text("/jobs")
    for title in ("Membership Sales Consultant", "Front Desk Associate", "Night Nurse"):
        assert title in page
    assert page.count('role="switch"') == 3 * 5
    assert 'aria-label="Interview prep for Night Nurse"' in page
    assert "plugin default" in page
    found = admin.text("/jobs?q=nurse")
    assert "Night Nurse" in found and "Front Desk" not in found


def test_the_jobs_page_pages_through_many_jobs(viewer: Viewer, tmp_path: Path) -> None:
    jobs = [AdminJob(id=f"job-{i}", title=f"Job {i:04d}", company_id="peak", company_name="Peak") for i in range(60)]
    asked: list[JobQuery] = []

    def provider(query: JobQuery) -> JobPage:
        asked.append(query)
        chosen = [j for j in jobs if query.search.lower() in j.title.lower()
                  and (query.job_ids is None or j.id in query.job_ids)]
        return JobPage(total=len(chosen), jobs=chosen[query.offset:query.offset + query.limit])

    viewer.companies = ["peak"]
    app = make_app(admin_config(viewer, tmp_path, INTERVIEW_COACH_ADMIN_JOBS_PROVIDER=provider,
                                INTERVIEW_COACH_ADMIN_PAGE_SIZE=25))
    client = AdminClient(app.test_client())
    second = client.text("/jobs?page=2")
    assert "Job 0025" in second and "Job 0024" not in second and "Job 0050" not in second
    assert "Page 2 of 3" in second
    assert asked[-1] == JobQuery(search="", company_ids=("peak",), job_ids=None, offset=25, limit=25)


def test_switching_prep_off_for_a_job_overrides_the_default_and_is_recorded(
        admin: AdminClient, app: Flask, board: dict[str, int]) -> None:
    response = admin.post("/jobs/job-1/switches", {"interview_prep": "off", "next": f"{ADMIN}/jobs?q=member"})
    assert response.status_code == 303 and response.location.endswith("/jobs?q=member")
    assert flashes(admin) == ["Saved: Interview prep: inherited → off"]
    assert effective(app, "job-1")["interview_prep"] == (False, "job", None)
    assert effective(app, "job-2")["interview_prep"] == (True, "default", None)
    assert audit(app) == [("Rita Recruiter <rita@peak.test>", "switch", "job", "job-1",
                           "Interview prep: inherited → off")]
    page = admin.text("/jobs/job-1")
    assert "Interview prep: inherited → off" in page and "Rita Recruiter" in page
    # Saving the same value again changes (and records) nothing.
    admin.post("/jobs/job-1/switches", {"interview_prep": "off"})
    assert len(audit(app)) == 1


def test_inherit_follows_the_company_default(admin: AdminClient, app: Flask, board: dict[str, int]) -> None:
    admin.post("/companies/peak/switches", {"interview_reminder": "off"})
    assert effective(app, "job-1")["interview_reminder"][:2] == (False, "company")
    admin.post("/jobs/job-1/switches", {"interview_reminder": "on"})
    assert effective(app, "job-1")["interview_reminder"][:2] == (True, "job")
    admin.post("/jobs/job-1/switches", {"interview_reminder": "inherit"})
    assert effective(app, "job-1")["interview_reminder"][:2] == (False, "company")
    page = admin.text("/jobs/job-1")
    assert "company default: off" in page
    assert [row[1:4] for row in audit(app)] == [("switch", "company", "peak"), ("switch", "job", "job-1"),
                                                 ("switch", "job", "job-1")]
    assert "company peak" in page  # the company's change shows on the job's page too


def test_a_job_gets_its_own_reminder_time_only_with_its_own_switch(admin: AdminClient, app: Flask,
                                                                   board: dict[str, int]) -> None:
    admin.post("/jobs/job-1/switches", {"interview_reminder": "inherit", "reminder_offset": "120"})
    assert "switch the reminder on or off here" in flashes(admin)[-1]
    assert effective(app, "job-1")["interview_reminder"] == (True, "default", 1440)
    admin.post("/jobs/job-1/switches", {"interview_reminder": "on", "reminder_offset": "120"})
    assert effective(app, "job-1")["interview_reminder"] == (True, "job", 120)
    # A quick switch from the jobs list keeps the time.
    admin.post("/jobs/job-1/switches", {"interview_reminder": "off"})
    assert effective(app, "job-1")["interview_reminder"] == (False, "job", 120)
    assert "2 hours before" in admin.text("/jobs/job-1")
    response = admin.post("/jobs/job-1/switches", {"interview_reminder": "maybe"})
    assert response.status_code == 303 and "Nothing was saved" in flashes(admin)[-1]


def test_bulk_switches_the_ticked_jobs_or_every_job_matching_the_search(admin: AdminClient, app: Flask,
                                                                         board: dict[str, int]) -> None:
    admin.post("/jobs/bulk", {"kind": "interview_prep", "value": "off", "target": "selected",
                              "job_id": ["job-1", "job-2"]})
    assert "Interview prep is now off for 2 job(s); 2 changed." in flashes(admin)[-1]
    assert effective(app, "job-2")["interview_prep"] == (False, "job", None)
    assert effective(app, "job-9", "harbor")["interview_prep"] == (True, "default", None)
    admin.post("/jobs/bulk", {"kind": "application_received", "value": "off", "target": "matching", "q": "nurse"})
    assert effective(app, "job-9", "harbor")["application_received"][:2] == (False, "job")
    assert effective(app, "job-1")["application_received"][:2] == (True, "default")
    assert {row[1] for row in audit(app)} == {"bulk switch"}
    admin.post("/jobs/bulk", {"kind": "interview_prep", "value": "on", "target": "selected"})
    assert "No jobs were chosen" in flashes(admin)[-1]


def test_company_defaults_list_every_company_and_change_one(admin: AdminClient, app: Flask,
                                                            board: dict[str, int]) -> None:
    page = admin.text("/companies")
    assert "Peak Fitness" in page and "Harbor Health" in page
    response = admin.post("/companies/harbor/switches", {"interview_prep": "off", "interview_cancelled": "off"})
    assert response.status_code == 303 and response.location.endswith("/companies/harbor")
    assert effective(app, "job-9", "harbor")["interview_prep"][:2] == (False, "company")
    page = admin.text("/companies/harbor")
    assert "Interview prep: inherited → off" in page and "Cancellation notice: inherited → off" in page
    with app.app_context(), coach_state(app).store.begin() as session:
        assert session.scalar(select(JobSettingRow.updated_by).where(JobSettingRow.scope_id == "harbor")) \
            == "Rita Recruiter <rita@peak.test>"
