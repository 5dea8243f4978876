"""A misconfiguration fails at start-up, naming the key to fix."""

from __future__ import annotations

import pytest
from flask import Flask

from interview_coach.plugin import ConfigError, InterviewCoach


def _init(**config: object) -> Flask:
    app = Flask(__name__)
    app.config.update(SECRET_KEY="x", INTERVIEW_COACH_BROKER_URL="memory://", **config)
    InterviewCoach(app)
    return app


def test_defaults_are_applied_without_overriding_the_hosts_values():
    app = _init(INTERVIEW_COACH_SMTP_PORT=2525)
    assert app.config["INTERVIEW_COACH_SMTP_PORT"] == 2525
    assert app.config["INTERVIEW_COACH_REMINDER_OFFSET_MINUTES"] == 24 * 60
    assert "interview_coach" in app.extensions


@pytest.mark.parametrize(("key", "value"), [
    ("INTERVIEW_COACH_SMTP_SECURITY", "tls-please"),
    ("INTERVIEW_COACH_SMTP_PORT", "25"),
    ("INTERVIEW_COACH_MAIL_FROM", "not an address"),
    ("INTERVIEW_COACH_DEFAULT_KINDS", ("interview_prep", "lunch_invite")),
    ("INTERVIEW_COACH_RETRY_BACKOFF_MAX_SECONDS", 7200),
    ("INTERVIEW_COACH_URL_PREFIX", "coach/"),
    ("INTERVIEW_COACH_SMTP_HOTS", "typo.example"),
])
def test_bad_value_names_the_key(key, value):
    with pytest.raises(ConfigError, match=key):
        _init(**{key: value})


def test_second_init_app_on_the_same_app_raises():
    app = _init()
    with pytest.raises(RuntimeError, match="already"):
        InterviewCoach().init_app(app)
