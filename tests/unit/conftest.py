"""An app with the plugin on a throwaway SQLite database and an in-memory broker: for
request and unit tests that need no worker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from interview_coach.plugin import coach_state
from interview_coach.plugin.migrate import upgrade
from tests.support import hostapp


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Flask]:
    app = hostapp.create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'host.db'}",
        "INTERVIEW_COACH_BROKER_URL": "memory://",
        "INTERVIEW_COACH_WEBHOOK_SECRET": "webhook-secret",
    })
    with app.app_context():
        hostapp.db.create_all()
        upgrade(coach_state(app).store.engine)
    yield app
    with app.app_context():
        hostapp.db.engine.dispose()
