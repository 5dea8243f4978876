"""What a worker process needs to plan and send, built once per app and process."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property

from flask import Flask

from interview_coach.plugin import config as cfg
from interview_coach.plugin.store import Store
from interview_coach.plugin.suppression import unsubscribe_token

from .mailer import Mailer, SmtpSettings
from .planning import PlanningPolicy, mail_domain
from .rendering import EmailRenderer

_CONTEXT_KEY = "interview_coach.worker_context"


@dataclass
class WorkerContext:
    app: Flask
    store: Store
    pid: int

    def _get(self, name: str):  # type: ignore[no-untyped-def]
        return self.app.config[cfg.key(name)]

    @cached_property
    def policy(self) -> PlanningPolicy:
        return PlanningPolicy(default_kinds=tuple(self._get("DEFAULT_KINDS")),
                              default_reminder_offset_minutes=self._get("REMINDER_OFFSET_MINUTES"),
                              mail_domain=mail_domain(self.mail_from))

    @cached_property
    def renderer(self) -> EmailRenderer:
        return EmailRenderer(self._get("TEMPLATE_FOLDER"))

    @cached_property
    def mailer(self) -> Mailer:
        return Mailer(SmtpSettings(
            host=self._get("SMTP_HOST"), port=self._get("SMTP_PORT"), security=self._get("SMTP_SECURITY"),
            username=self._get("SMTP_USERNAME"), password=self._get("SMTP_PASSWORD"),
            timeout=float(self._get("SMTP_TIMEOUT")), idle_seconds=float(self._get("SMTP_IDLE_SECONDS"))))

    @property
    def mail_from(self) -> str:
        return str(self._get("MAIL_FROM"))

    @property
    def reply_to(self) -> str | None:
        return self._get("MAIL_REPLY_TO")

    @property
    def company_name(self) -> str | None:
        return self._get("COMPANY_NAME")

    @property
    def lease(self) -> timedelta:
        return timedelta(seconds=float(self._get("SEND_LEASE_SECONDS")))

    @property
    def max_attempts(self) -> int:
        return int(self._get("MAX_ATTEMPTS"))

    @property
    def backoff_base(self) -> float:
        return float(self._get("RETRY_BACKOFF_SECONDS"))

    @property
    def backoff_cap(self) -> float:
        return float(self._get("RETRY_BACKOFF_MAX_SECONDS"))

    def unsubscribe_url(self, email: str) -> str:
        base = self._get("BASE_URL")
        if not base:
            raise cfg.ConfigError(f"set {cfg.key('BASE_URL')} (e.g. https://jobs.example.com) so emails can "
                                  "link back for unsubscribing")
        token = unsubscribe_token(self.app, email)
        return f"{base.rstrip('/')}{self._get('URL_PREFIX')}/unsubscribe/{token}"


def worker_context(app: Flask, store: Store) -> WorkerContext:
    """One context per app per process: the SMTP connection is reused across emails, and a
    forked child builds its own instead of sharing its parent's socket."""
    ctx: WorkerContext | None = app.extensions.get(_CONTEXT_KEY)
    if ctx is None or ctx.pid != os.getpid():
        ctx = WorkerContext(app=app, store=store, pid=os.getpid())
        app.extensions[_CONTEXT_KEY] = ctx
    return ctx
