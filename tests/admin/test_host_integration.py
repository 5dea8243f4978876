"""How a host frames the admin: its own base template, its own copies of the admin's
templates, or its Flask-Admin."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask

from interview_coach.plugin import coach_state
from interview_coach.plugin.admin import add_to_flask_admin
from interview_coach.plugin.toggles import resolve_toggles
from tests.admin.conftest import Viewer, admin_config, make_app

HOST_LAYOUT = """<!doctype html><html><head><title>{% block title %}{% endblock %} | Host</title></head>
<body><nav id="host-nav">Host admin</nav>{% block content %}{% endblock %}</body></html>"""


def host_app(viewer: Viewer, tmp_path: Path, templates: dict[str, str], **config: object) -> Flask:
    folder = tmp_path / "host-templates"
    for name, text in templates.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    app = make_app(admin_config(viewer, tmp_path, **config))
    app.template_folder = str(folder)  # before the first render: Flask's loader reads it then
    return app


def test_the_pages_sit_inside_the_hosts_base_template(viewer: Viewer, tmp_path: Path) -> None:
    app = host_app(viewer, tmp_path, {"layout.html": HOST_LAYOUT}, INTERVIEW_COACH_ADMIN_BASE_TEMPLATE="layout.html")
    page = app.test_client().get("/coach/admin/jobs").get_data(as_text=True)
    assert '<nav id="host-nav">Host admin</nav>' in page
    assert "<title>Jobs · Candidate emails | Host</title>" in page
    assert 'class="coach-admin"' in page and "coach-admin.css" in page


def test_the_host_overrides_a_template_by_its_path(viewer: Viewer, tmp_path: Path) -> None:
    override = ('{% extends "interview_coach/admin/_page.html" %}{% block coach_title %}Opt-outs{% endblock %}'
                "{% block page %}<p>Our own opt-out page: {{ opt_outs | length }} addresses</p>{% endblock %}")
    app = host_app(viewer, tmp_path, {"interview_coach/admin/opt_outs.html": override})
    page = app.test_client().get("/coach/admin/opt-outs").get_data(as_text=True)
    assert "Our own opt-out page: 0 addresses" in page
    assert 'aria-label="Candidate emails"' in page  # the rest of the admin's frame is still there


@pytest.fixture
def flask_admin_app(viewer: Viewer, tmp_path: Path) -> Flask:
    from flask_admin import Admin

    app = make_app(admin_config(viewer, tmp_path, INTERVIEW_COACH_ADMIN_URL_PREFIX=None))
    admin = Admin(app, name="Host back office")
    add_to_flask_admin(admin)
    return app


def test_one_call_adds_the_same_pages_to_flask_admin(flask_admin_app: Flask) -> None:
    client = flask_admin_app.test_client()
    home = client.get("/admin/").get_data(as_text=True)
    assert "Candidate emails" in home
    for path in ("/admin/interview-coach/jobs", "/admin/interview-coach/companies",
                 "/admin/interview-coach/emails", "/admin/interview-coach/opt-outs"):
        assert f'href="{path}"' in home, path
    response = client.get("/admin/interview-coach/jobs")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Host back office" in page  # Flask-Admin's own layout and menu
    assert '<h1>Jobs</h1>' in page and 'href="/admin/interview-coach/opt-outs"' in page
    assert client.get("/admin/interview-coach/").status_code == 200
    with client.get("/admin/interview-coach/static/coach-admin.css") as stylesheet:
        assert stylesheet.status_code == 200


def test_flask_admin_pages_keep_the_guard_and_csrf(flask_admin_app: Flask, viewer: Viewer) -> None:
    client = flask_admin_app.test_client()
    assert client.post("/admin/interview-coach/companies/peak/switches",
                       data={"interview_prep": "off"}).status_code == 400
    page = client.get("/admin/interview-coach/companies/peak").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    response = client.post("/admin/interview-coach/companies/peak/switches",
                           data={"interview_prep": "off", "csrf_token": token.group(1)})
    assert response.status_code == 303 and response.location.endswith("/admin/interview-coach/companies/peak")
    with flask_admin_app.app_context(), coach_state(flask_admin_app).store.begin() as session:
        assert not resolve_toggles(session, "any-job", "peak", ("interview_prep",), 60)["interview_prep"].enabled
    viewer.allowed = False
    assert client.get("/admin/interview-coach/jobs").status_code == 403
    assert "interview-coach/jobs" not in client.get("/admin/").get_data(as_text=True)
