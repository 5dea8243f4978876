"""The recruiters' admin on the minimal host app: a guard, a scope and a signed-in user the
tests set through ``viewer``, two companies with jobs, applications and interviews planned
the way the worker plans them, and a client that carries a real CSRF token."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from interview_coach.plugin import coach_state
from interview_coach.plugin.admin import AdminUser
from interview_coach.plugin.events import parse_event
from interview_coach.plugin.migrate import upgrade
from interview_coach.plugin.tables import DeliveryRow, utcnow
from interview_coach.workers.context import worker_context
from interview_coach.workers.planning import process_event
from tests.support import hostapp

ADMIN = "/coach/admin"


@dataclass
class Viewer:
    """Who is looking: what the host's guard, scope and current-user callables answer."""

    allowed: Any = True
    companies: list[str] | None = None
    user: AdminUser | None = None


@pytest.fixture
def viewer() -> Viewer:
    return Viewer(user=AdminUser(name="Rita Recruiter", email="rita@peak.test"))


def admin_config(viewer: Viewer, tmp_path: Path, **extra: Any) -> dict[str, Any]:
    return {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'host.db'}",
        "INTERVIEW_COACH_BROKER_URL": "memory://",
        "INTERVIEW_COACH_ADMIN_GUARD": lambda: viewer.allowed,
        "INTERVIEW_COACH_ADMIN_SCOPE": lambda: viewer.companies,
        "INTERVIEW_COACH_ADMIN_CURRENT_USER": lambda: viewer.user,
        **extra,
    }


def make_app(config: dict[str, Any]) -> Flask:
    app = hostapp.create_app(config)
    with app.app_context():
        hostapp.db.create_all()
        upgrade(coach_state(app).store.engine)
    return app


@pytest.fixture
def app(viewer: Viewer, tmp_path: Path) -> Iterator[Flask]:
    app = make_app(admin_config(viewer, tmp_path))
    yield app
    with app.app_context():
        hostapp.db.engine.dispose()


def application(n: int, *, job: str = "job-1", title: str = "Membership Sales Consultant",
                company: str = "peak", company_name: str = "Peak Fitness") -> dict[str, Any]:
    return {"id": f"app-{n}",
            "job": {"id": job, "title": title, "company": company_name, "company_id": company,
                    "description": "Sell memberships and welcome new members.",
                    "requirements": "Requirements:\n- Sales experience\n- Customer service"},
            "candidate": {"id": f"cand-{n}", "name": f"Candidate {n}", "email": f"candidate{n}@example.com",
                          "profile": "Retail sales associate.\n- Beat my monthly sales quota by 20% for 8 months.\n"
                                     "- Helped 100+ customers a day with friendly customer service."}}


def interview(n: int, app_payload: dict[str, Any], *, days: float = 5, version: int = 1) -> dict[str, Any]:
    start = (utcnow().replace(tzinfo=UTC) + timedelta(days=days)).replace(microsecond=0)
    return {"kind": "interview_scheduled", "application": app_payload,
            "interview": {"id": f"int-{n}", "stage": "onsite", "starts_at": start.isoformat(), "version": version,
                          "interviewers": [
                              {"name": "Dana Brooks", "title": "Membership Sales Manager", "is_hiring_manager": True},
                              {"name": "Chris Young", "title": "Membership Consultant"}]}}


@pytest.fixture
def record(app: Flask) -> Callable[[dict[str, Any]], int]:
    """Store an event and plan it at once, as the worker would; returns the event id."""
    state = coach_state(app)

    def run(payload: dict[str, Any]) -> int:
        with app.app_context():
            event_id = state.inbox.record_now(parse_event(payload), "api")
            assert event_id is not None
            ctx = worker_context(app, state.store)
            with state.store.begin() as session:
                process_event(session, event_id, ctx.policy)
        return event_id

    return run


@pytest.fixture
def board(record: Callable[[dict[str, Any]], int]) -> dict[str, int]:
    """Two companies: Peak Fitness (two jobs, one interview) and Harbor Health (one job)."""
    peak = application(1)
    ids = {
        "peak_application": record({"kind": "application_submitted", "application": peak}),
        "peak_interview": record(interview(1, peak)),
        "peak_desk": record({"kind": "application_submitted",
                             "application": application(2, job="job-2", title="Front Desk Associate")}),
        "harbor_application": record({"kind": "application_submitted", "application": application(
            3, job="job-9", title="Night Nurse", company="harbor", company_name="Harbor Health")}),
    }
    return ids


def deliveries(app: Flask, **filters: Any) -> list[DeliveryRow]:
    with app.app_context(), coach_state(app).store.begin() as session:
        stmt = select(DeliveryRow).filter_by(**filters).order_by(DeliveryRow.id)
        return list(session.scalars(stmt).all())


class AdminClient:
    """A test client that reads the CSRF token from the admin's own forms, like a browser."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        self.token = ""

    def get(self, path: str, **kwargs: Any) -> Any:
        response = self.client.get(ADMIN + path, **kwargs)
        found = re.search(rb'name="csrf_token" value="([^"]+)"', response.data)
        if found:
            self.token = found.group(1).decode()
        return response

    def post(self, path: str, data: dict[str, Any] | None = None, *, csrf: bool = True, **kwargs: Any) -> Any:
        if csrf and not self.token:
            self.get("/jobs")
        form = {**({"csrf_token": self.token} if csrf else {}), **(data or {})}
        return self.client.post(ADMIN + path, data=form, **kwargs)

    def text(self, path: str, **kwargs: Any) -> str:
        response = self.get(path, **kwargs)
        assert response.status_code == 200, response.data[:2000]
        return str(response.get_data(as_text=True))


@pytest.fixture
def admin(app: Flask) -> AdminClient:
    return AdminClient(app.test_client())


def flashes(client: AdminClient) -> list[str]:
    with client.client.session_transaction() as session:
        return [message for _category, message in session.get("_flashes", [])]
