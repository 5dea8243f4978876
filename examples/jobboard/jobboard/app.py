"""The app factory: configuration, extensions, blueprints, CLI."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import make_url

from interview_coach.plugin.store import tune_sqlite_connection

from . import csrf, formatting
from .coach_admin import configure_admin
from .coach_integration import coach
from .extensions import db
from .seed import jobboard_cli
from .views import outbox_blueprint, public_blueprint, recruiter_blueprint

DEV_SECRET_KEY = "jobboard-dev-secret-change-me"  # the demo's; set SECRET_KEY anywhere real
PLUGIN_PREFIX = "INTERVIEW_COACH_"


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(load_config(app.instance_path, os.environ))
    app.config.update(config or {})
    _make_sqlite_folder(app.config["SQLALCHEMY_DATABASE_URI"])

    db.init_app(app)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # Web and worker processes write to this one file: WAL and a busy timeout keep
        # them from locking each other out (the plugin's tables live here too, db=db).
        with app.app_context():
            event.listen(db.engine, "connect", tune_sqlite_connection)
    if app.config["JOBBOARD_INTERVIEW_COACH"]:
        configure_admin(app.config)
        coach.init_app(app, db=db)

    app.register_blueprint(public_blueprint)
    app.register_blueprint(recruiter_blueprint)
    app.register_blueprint(outbox_blueprint)
    app.cli.add_command(jobboard_cli)
    formatting.register(app)
    app.jinja_env.globals["csrf_token"] = csrf.csrf_token

    with app.app_context():
        # A real app would run migrations; for the demo, missing tables are created here.
        # The plugin's own tables come from its migrations: `flask coach db upgrade`.
        db.create_all()
    return app


def load_config(instance_path: str, environ: Mapping[str, str]) -> dict[str, Any]:
    """Defaults, overridden by environment variables of the same name."""
    instance = Path(instance_path)
    config: dict[str, Any] = {
        "SQLALCHEMY_DATABASE_URI": environ.get("SQLALCHEMY_DATABASE_URI")
        or f"sqlite:///{instance / 'jobboard.sqlite'}",
        "SECRET_KEY": environ.get("SECRET_KEY") or DEV_SECRET_KEY,
        "JOBBOARD_OUTBOX_DIR": environ.get("JOBBOARD_OUTBOX_DIR") or str(instance / "outbox"),
        # False runs the board without Interview Coach (no events, no emails): the baseline
        # of the request-latency benchmark, bench/p1_request_latency.py.
        "JOBBOARD_INTERVIEW_COACH": environ.get("JOBBOARD_INTERVIEW_COACH", "true").strip().lower()
        not in ("0", "false", "no", "off"),
    }
    for name, value in environ.items():
        if name.startswith(PLUGIN_PREFIX):
            config[name] = _parse_env_value(value)
    return config


def _parse_env_value(value: str) -> Any:
    """Like Flask's ``from_prefixed_env``: JSON if it parses (numbers, true, lists), else the
    string itself, so INTERVIEW_COACH_SMTP_PORT=1025 arrives as the number 1025."""
    try:
        return json.loads(value)
    except ValueError:
        return value


def _make_sqlite_folder(uri: str) -> None:
    url = make_url(uri)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
