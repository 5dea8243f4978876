"""Reliability tests: real Redis (private, on a free port), a real Celery worker, a real
SMTP server, with short broker timeouts so faults heal in seconds."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.conftest import Stack, running_stack
from tests.support.redis_server import RedisServer
from tests.support.smtp import SmtpServer

FAST_RECOVERY = {
    # A message a dead worker had taken comes back after this long (Redis transport).
    "INTERVIEW_COACH_BROKER_VISIBILITY_TIMEOUT": 5,
    "INTERVIEW_COACH_SEND_LEASE_SECONDS": 3.0,
    "INTERVIEW_COACH_RELAY_AFTER_SECONDS": 1.0,
    "INTERVIEW_COACH_RELAY_INTERVAL_SECONDS": 1.0,
    "INTERVIEW_COACH_DISPATCH_INTERVAL_SECONDS": 0.5,
}


@pytest.fixture(scope="module")
def private_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    try:
        server.start()
    except RuntimeError as exc:
        if os.environ.get("COACH_REQUIRE_SERVICES"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def rstack(tmp_path_factory: pytest.TempPathFactory, private_redis: RedisServer,
           smtp_server: SmtpServer) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("rstack"), private_redis.url, smtp_server, FAST_RECOVERY) as stack:
        yield stack


@pytest.fixture
def smtp(rstack: Stack) -> SmtpServer:
    rstack.smtp.clear()
    return rstack.smtp
