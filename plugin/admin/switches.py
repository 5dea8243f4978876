"""Changing a job's or a company's switches from the admin: only what actually changes is
written, and each change is recorded in ``coach_audit`` (who, what, when)."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import EMAIL_KINDS
from ..operations import record_audit
from ..tables import JobSettingRow
from ..toggles import Scope, Toggle, set_toggle
from .pages import KIND_LABELS, offset_label


class SwitchError(ValueError):
    """A combination of values that cannot be saved; the message says what to change."""


def saved_settings(session: Session, scope: Scope, scope_id: str) -> dict[str, JobSettingRow]:
    rows = session.scalars(select(JobSettingRow).where(JobSettingRow.scope == scope,
                                                       JobSettingRow.scope_id == scope_id))
    return {row.kind: row for row in rows}


def _state(row: JobSettingRow | None) -> str:
    return "inherit" if row is None else ("on" if row.enabled else "off")


def _describe(value: str, offset: int | None) -> str:
    text = {"on": "on", "off": "off", "inherit": "inherited"}[value]
    return f"{text} ({offset_label(offset)})" if offset else text


def apply_switches(session: Session, scope: Scope, scope_id: str, values: Mapping[str, str],
                   offset: str | None, actor: str, action: str = "switch") -> list[str]:
    """Apply ``values`` (kind → on/off/inherit) and, when posted, the reminder ``offset``
    (minutes, or "inherit"). Returns one line per change made."""
    unknown = set(values) - set(EMAIL_KINDS)
    if unknown:
        raise SwitchError(f"unknown email kind(s): {', '.join(sorted(unknown))}")
    rows = saved_settings(session, scope, scope_id)
    changes: list[str] = []
    for kind in EMAIL_KINDS:
        row = rows.get(kind)
        before, before_offset = _state(row), row.reminder_offset_minutes if row else None
        after = values.get(kind, before)
        after_offset = before_offset if kind == "interview_reminder" else None
        if kind == "interview_reminder" and offset is not None:
            after_offset = None if offset == "inherit" else int(offset)
            if after == "inherit" and after_offset is not None:
                level = "job" if scope == "job" else "company"
                raise SwitchError(f"To give this {level} its own reminder time, switch the reminder on or off "
                                  "here instead of Inherit.")
        if after == "inherit":
            after_offset = None
        if (after, after_offset) == (before, before_offset):
            continue
        enabled = None if after == "inherit" else after == "on"
        try:
            set_toggle(session, scope, scope_id, kind, enabled, reminder_offset_minutes=after_offset, updated_by=actor)
        except ValueError as exc:
            raise SwitchError(str(exc)) from None
        line = f"{KIND_LABELS[kind]}: {_describe(before, before_offset)} → {_describe(after, after_offset)}"
        record_audit(session, actor, action, scope, scope_id, line)
        changes.append(line)
    return changes


def inherited_values(session: Session, scope: Scope, company_id: str, default_kinds: Collection[str],
                     default_offset: int) -> dict[str, Toggle]:
    """What each kind falls back to at this level when it says "inherit": for a job, its
    company's value (or the plugin default); for a company, the plugin default."""
    company_rows = saved_settings(session, "company", company_id) if scope == "job" else {}
    result: dict[str, Toggle] = {}
    for kind in EMAIL_KINDS:
        row = company_rows.get(kind)
        offset = None
        if kind == "interview_reminder":
            offset = row.reminder_offset_minutes if row is not None and row.reminder_offset_minutes else default_offset
        if row is not None:
            result[kind] = Toggle(kind, row.enabled, "company", offset)
        else:
            result[kind] = Toggle(kind, kind in default_kinds, "default", offset)
    return result
