"""Fixtures for the example job board: an app on a temporary SQLite file, a test client,
and a signed-in recruiter. The board is imported the way the demo runs it, with
``examples/jobboard`` on the path."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

EXAMPLE_ROOT = Path(__file__).resolve().parents[2] / "examples" / "jobboard"
if str(EXAMPLE_ROOT) not in sys.path:
    sys.path.insert(0, str(EXAMPLE_ROOT))

from flask import Flask  # noqa: E402
from flask.testing import FlaskClient  # noqa: E402


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    from jobboard import create_app
    from jobboard.extensions import db
    from jobboard.seed import seed_database

    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'jobboard.sqlite'}",
        "JOBBOARD_OUTBOX_DIR": str(tmp_path / "outbox"),
        # No Redis needed here: the plugin's file-based broker.
        "INTERVIEW_COACH_BROKER_URL": "filesystem://",
        "INTERVIEW_COACH_BROKER_FILESYSTEM_DIR": str(tmp_path / "broker"),
    })
    # The host's set-up, as in the demo: the plugin's tables, then the board's data.
    result = app.test_cli_runner().invoke(args=["coach", "db", "upgrade"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        seed_database()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def csrf_token(client: FlaskClient) -> str:
    """The token the board's forms carry (created on first use, like a rendered form would)."""
    with client.session_transaction() as session:
        session.setdefault("csrf_token", "test-csrf-token")
        return str(session["csrf_token"])


def sign_in(client: FlaskClient, company_slug: str) -> None:
    from jobboard.seed import seeded_recruiter

    with client.application.app_context():
        recruiter = seeded_recruiter(company_slug)
        assert recruiter is not None
        recruiter_id = recruiter.id
    response = client.post("/recruiter/login",
                           data={"recruiter_id": recruiter_id, "csrf_token": csrf_token(client)})
    assert response.status_code == 302
