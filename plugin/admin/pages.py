"""What the admin's page functions return, and the helpers their templates share.

A page function returns either a response (a redirect after a POST) or a ``Page``: a
template and its variables. Where the page is mounted decides how it is framed: the
admin blueprint renders it inside ``ADMIN_BASE_TEMPLATE``, the Flask-Admin view inside
Flask-Admin's layout. Templates link with relative endpoints (``url_for('.jobs')``), which
resolve inside whichever mount served the request.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from flask import request, url_for
from flask_wtf.csrf import generate_csrf

from ..config import EMAIL_KINDS

TEMPLATE_DIR = "interview_coach/admin"
STANDALONE_BASE = f"{TEMPLATE_DIR}/standalone.html"

KIND_LABELS = {
    "application_received": "After applying",
    "interview_prep": "Interview prep",
    "interview_reminder": "Reminder",
    "interview_rescheduled": "Reschedule notice",
    "interview_cancelled": "Cancellation notice",
}
KIND_HINTS = {
    "application_received": "Confirmation right after the candidate applies",
    "interview_prep": "Reverse-interview questions and skill reminders when an interview is scheduled",
    "interview_reminder": "A reminder before the interview",
    "interview_rescheduled": "When the time, place or format changes",
    "interview_cancelled": "When the interview is called off",
}
STATUSES = ("pending", "sending", "sent", "failed", "skipped", "cancelled")
SOURCE_LABELS = {"job": "set for this job", "company": "company default", "default": "plugin default"}
REMINDER_OFFSETS = (60, 120, 240, 720, 1440, 2880, 4320)


@dataclass
class Page:
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    status: int = 200


@dataclass(frozen=True)
class Pager:
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    def url(self, page: int) -> str:
        args = request.args.to_dict()
        args["page"] = str(page)
        return url_for(str(request.endpoint), **(request.view_args or {}), **args)


def page_number() -> int:
    return max(1, request.args.get("page", 1, type=int) or 1)


def offset_label(minutes: int | None) -> str:
    if not minutes:
        return ""
    if minutes % 1440 == 0:
        days = minutes // 1440
        return f"{days} day{'s' if days != 1 else ''} before"
    if minutes % 60 == 0:
        hours = minutes // 60
        return f"{hours} hour{'s' if hours != 1 else ''} before"
    return f"{minutes} minutes before"


def safe_next(default: str) -> str:
    """Where to go after a POST: the form's ``next`` if it stays inside this admin."""
    target = request.form.get("next", "")
    root = url_for(".index")
    parts = urlsplit(target)
    if target.startswith(root) and not parts.scheme and not parts.netloc and "\\" not in target:
        return target
    return default


_SECTION_OF = {"job": "jobs", "preview": "jobs", "company": "companies", "confirm_remove_opt_out": "opt_outs"}


class AdminUI:
    """Helpers for the admin's templates, passed as ``admin_ui``."""

    kinds = EMAIL_KINDS
    kind_labels = KIND_LABELS
    kind_hints = KIND_HINTS
    statuses = STATUSES
    source_labels = SOURCE_LABELS
    reminder_offsets = REMINDER_OFFSETS
    offset_label = staticmethod(offset_label)

    @staticmethod
    def csrf_token() -> str:
        return str(generate_csrf())

    @staticmethod
    def when(moment: datetime | None) -> str:
        """Stored times are naive UTC."""
        return moment.strftime("%d %b %Y, %H:%M UTC") if moment else ""

    @staticmethod
    def kind(kind: str) -> str:
        return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())

    sections = (("index", "Overview"), ("jobs", "Jobs"), ("companies", "Company defaults"),
                ("deliveries", "Delivery log"), ("opt_outs", "Opt-outs"))

    @staticmethod
    def here() -> str:
        """This page's URL, to come back to after a POST."""
        return request.script_root + request.full_path.rstrip("?")

    @staticmethod
    def section() -> str:
        """Which tab the current page belongs to."""
        endpoint = (request.endpoint or "").rpartition(".")[2]
        return _SECTION_OF.get(endpoint, endpoint)


ADMIN_UI = AdminUI()
