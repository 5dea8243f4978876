"""A per-recruiter limit on "send a test to me", with the ``limits`` library (the core of
Flask-Limiter, without hooks on every request of the host's app).

The counts live in the broker's Redis when the broker is Redis, so every web process sees
the same count; with another broker they live in each process's memory, unless
``ADMIN_RATE_LIMIT_STORAGE_URL`` names a shared storage.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from flask import Flask
from limits import RateLimitItem, parse
from limits.storage import Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from .. import config as cfg

_EXTENSION_KEY = "interview_coach.test_send_limiter"


@dataclass(frozen=True)
class LimitVerdict:
    allowed: bool
    retry_after_seconds: int = 0


class SendTestLimiter:
    def __init__(self, limit: str, storage: Storage) -> None:
        self.item: RateLimitItem = parse(limit)
        self.storage = storage
        self._limiter = MovingWindowRateLimiter(storage)

    def hit(self, who: str) -> LimitVerdict:
        if self._limiter.hit(self.item, "interview_coach.send_test", who.lower()):
            return LimitVerdict(True)
        stats = self._limiter.get_window_stats(self.item, "interview_coach.send_test", who.lower())
        return LimitVerdict(False, max(1, math.ceil(stats.reset_time - time.time())))

    @property
    def description(self) -> str:
        """E.g. "5 per hour"."""
        per = self.item.GRANULARITY.name if self.item.multiples == 1 else \
            f"{self.item.multiples} {self.item.GRANULARITY.name}s"
        return f"{self.item.amount} per {per}"


def storage_url(app: Flask) -> str:
    explicit = app.config[cfg.key("ADMIN_RATE_LIMIT_STORAGE_URL")]
    if explicit:
        return str(explicit)
    broker = str(app.config[cfg.key("BROKER_URL")])
    return broker if broker.startswith(("redis://", "rediss://")) else "memory://"


def send_test_limiter(app: Flask) -> SendTestLimiter:
    limiter: SendTestLimiter | None = app.extensions.get(_EXTENSION_KEY)
    if limiter is None:
        limit = str(app.config[cfg.key("ADMIN_TEST_SEND_LIMIT")])
        limiter = SendTestLimiter(limit, storage_from_string(storage_url(app)))
        app.extensions[_EXTENSION_KEY] = limiter
    return limiter
