"""Shared fixtures: a real Redis, a real SMTP server, a real Celery worker."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.support.processes import REPO, CeleryWorker, free_port
from tests.support.smtp import SmtpServer

HOST_APP = str(REPO / "tests" / "support" / "hostapp.py") + ":create_app"


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("FLASK_DEBUG", "0")


@pytest.fixture(scope="session")
def redis_url() -> str:
    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        if os.environ.get("COACH_REQUIRE_SERVICES"):
            pytest.fail(f"no Redis answering at {url} ({exc}); `make test` should have started one")
        pytest.skip(f"no Redis at {url}: `make test` starts one")
    return url


@pytest.fixture(scope="module")
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port())
    server.start()
    yield server
    server.stop()


class Stack:
    """The host app in this process, plus a worker subprocess sharing its database and broker."""

    def __init__(self, tmp: Path, redis_url: str, smtp: SmtpServer, extra: dict[str, object],
                 concurrency: int = 2) -> None:
        self.tmp, self.smtp = tmp, smtp
        self.queue = f"coach-test-{uuid.uuid4().hex[:8]}"
        self.config = {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp / 'host.db'}",
            "INTERVIEW_COACH_BROKER_URL": redis_url,
            "INTERVIEW_COACH_TASK_QUEUE": self.queue,
            "INTERVIEW_COACH_SMTP_HOST": "127.0.0.1",
            "INTERVIEW_COACH_SMTP_PORT": smtp.port,
            "INTERVIEW_COACH_DISPATCH_INTERVAL_SECONDS": 0.5,
            "INTERVIEW_COACH_RELAY_INTERVAL_SECONDS": 1.0,
            "INTERVIEW_COACH_RELAY_AFTER_SECONDS": 2.0,
            "INTERVIEW_COACH_RETRY_BACKOFF_SECONDS": 0.2,
            "INTERVIEW_COACH_RETRY_BACKOFF_MAX_SECONDS": 1.0,
            "INTERVIEW_COACH_SEND_LEASE_SECONDS": 10.0,
            **extra,
        }
        os.environ["COACH_TEST_CONFIG"] = json.dumps(self.config)
        from tests.support import hostapp

        self.hostapp = hostapp
        self.app = hostapp.create_app()
        with self.app.app_context():
            hostapp.db.create_all()
            from interview_coach.plugin import coach_state
            from interview_coach.plugin.migrate import upgrade

            upgrade(coach_state(self.app).store.engine)
        self.worker = CeleryWorker(HOST_APP, {"COACH_TEST_CONFIG": json.dumps(self.config)},
                                   tmp / "worker.log", self.queue, concurrency)

    @property
    def db(self):  # type: ignore[no-untyped-def]
        return self.hostapp.db

    def store(self):  # type: ignore[no-untyped-def]
        from interview_coach.plugin import coach_state

        return coach_state(self.app).store


@contextmanager
def running_stack(tmp: Path, redis_url: str, smtp: SmtpServer, extra: dict[str, object] | None = None,
                  concurrency: int = 2) -> Iterator[Stack]:
    stack = Stack(tmp, redis_url, smtp, extra or {}, concurrency)
    stack.worker.start()
    try:
        yield stack
    finally:
        stack.worker.stop()
        os.environ.pop("COACH_TEST_CONFIG", None)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, redis_url: str, smtp_server: SmtpServer) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("stack"), redis_url, smtp_server) as running:
        yield running


@pytest.fixture
def smtp(stack: Stack) -> SmtpServer:
    stack.smtp.clear()
    return stack.smtp
