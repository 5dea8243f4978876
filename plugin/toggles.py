"""Per-job and per-company switches for each email kind (``coach_job_setting``).

Resolution: the job's own value, else its company's, else the app-wide default
(``INTERVIEW_COACH_DEFAULT_KINDS``). The reminder's offset resolves the same way.
Checked when deliveries are planned and again when they are sent.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import Connection, Row, bindparam, select
from sqlalchemy.orm import Session

from .config import EMAIL_KINDS
from .store import connection_of
from .tables import JobSettingRow, utcnow

Scope = Literal["job", "company"]


@dataclass(frozen=True)
class Toggle:
    kind: str
    enabled: bool
    source: str  # "job" | "company" | "default"
    reminder_offset_minutes: int | None = None

    @property
    def off_reason(self) -> str:
        """Why an email of this kind is skipped, as the delivery log shows it."""
        return "switched off by default" if self.source == "default" else f"switched off for this {self.source}"


def effective_toggle(kind: str, job_enabled: bool | None, company_enabled: bool | None,
                     default_kinds: Collection[str]) -> Toggle:
    """The switch of one kind from the job's and the company's own values (None: not set)."""
    if job_enabled is not None:
        return Toggle(kind, job_enabled, "job")
    if company_enabled is not None:
        return Toggle(kind, company_enabled, "company")
    return Toggle(kind, kind in default_kinds, "default")


_settings = JobSettingRow.__table__
# Built once: each email planned reads this, and building the statement cost more than
# running it (bench/p2_throughput.py).
_SETTINGS_OF_JOB = select(_settings.c.scope, _settings.c.kind, _settings.c.enabled,
                          _settings.c.reminder_offset_minutes).where(
    ((_settings.c.scope == "job") & (_settings.c.scope_id == bindparam("job_id")))
    | ((_settings.c.scope == "company") & (_settings.c.scope_id == bindparam("company_id"))))


def _rows(session: Session | Connection, job_id: str, company_id: str) -> dict[tuple[str, str], Row[Any]]:
    rows = connection_of(session).execute(_SETTINGS_OF_JOB, {"job_id": job_id, "company_id": company_id})
    return {(row.scope, row.kind): row for row in rows}


def resolve_toggles(session: Session | Connection, job_id: str, company_id: str, default_kinds: Collection[str],
                    default_offset_minutes: int) -> dict[str, Toggle]:
    """The effective switch of every email kind for one job."""
    rows = _rows(session, job_id, company_id)
    result: dict[str, Toggle] = {}
    for kind in EMAIL_KINDS:
        job_row, company_row = rows.get(("job", kind)), rows.get(("company", kind))
        toggle = effective_toggle(kind, job_row.enabled if job_row else None,
                                  company_row.enabled if company_row else None, default_kinds)
        if kind == "interview_reminder":
            offset_row = next((r for r in (job_row, company_row)
                               if r is not None and r.reminder_offset_minutes is not None), None)
            offset = offset_row.reminder_offset_minutes if offset_row else default_offset_minutes
            toggle = replace(toggle, reminder_offset_minutes=offset)
        result[kind] = toggle
    return result


def set_toggle(session: Session, scope: Scope, scope_id: str, kind: str, enabled: bool | None, *,
               reminder_offset_minutes: int | None = None, updated_by: str | None = None) -> None:
    """Switch ``kind`` on or off for a job or a company; ``enabled=None`` removes the
    override so the value is inherited again."""
    if scope not in ("job", "company"):
        raise ValueError(f"scope must be 'job' or 'company', not {scope!r}")
    if kind not in EMAIL_KINDS:
        raise ValueError(f"unknown email kind {kind!r}; known kinds: {', '.join(EMAIL_KINDS)}")
    if reminder_offset_minutes is not None and kind != "interview_reminder":
        raise ValueError("only interview_reminder has an offset")
    if reminder_offset_minutes is not None and not 0 < reminder_offset_minutes <= 14 * 24 * 60:
        raise ValueError("the reminder offset must be between 1 minute and 14 days")
    row = session.scalars(
        select(JobSettingRow).where(JobSettingRow.scope == scope, JobSettingRow.scope_id == scope_id,
                                    JobSettingRow.kind == kind)
    ).first()
    if enabled is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        row = JobSettingRow(scope=scope, scope_id=scope_id, kind=kind)
        session.add(row)
    row.enabled = enabled
    row.reminder_offset_minutes = reminder_offset_minutes
    row.updated_by = updated_by
    row.updated_at = utcnow()
