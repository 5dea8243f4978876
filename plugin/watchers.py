"""Model watchers: events for hosts that emit nothing.

The host names its SQLAlchemy models and, for each, a mapper ``(row, change) -> event or
None``. After each flush of the host's session the plugin asks the mappers about the rows
that changed and writes the events in the same transaction; they are enqueued after the
commit and vanish with a rollback. The host's views need no change.

Why two flush hooks: attribute history is only readable in ``after_flush`` (it is reset
afterwards), while lazy loads the mappers need (``row.job.company``) are only safe in
``after_flush_postexec``. So changes are captured in the first and mapped in the second.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import event as sa_event
from sqlalchemy import inspect
from sqlalchemy.orm import Session

from .events import Event
from .inbox import Inbox, describe_validation_error, forget_after_rollback, publish_after_commit

log = logging.getLogger("interview_coach.watchers")

_CAPTURED = "interview_coach.captured_changes"

Mapper = Callable[[Any, "RowChange"], Event | None]


@dataclass(frozen=True)
class RowChange:
    """What one flush did to one watched row."""

    is_new: bool
    is_deleted: bool
    _changed: frozenset[str] = field(default_factory=frozenset)
    _previous: dict[str, Any] = field(default_factory=dict)

    def changed(self, *attributes: str) -> bool:
        """True when any of these column attributes changed in this flush."""
        return any(name in self._changed for name in attributes)

    def previous(self, attribute: str) -> Any:
        """The value before the flush (None when unknown or unchanged)."""
        return self._previous.get(attribute)


def _capture(obj: Any, *, is_new: bool, is_deleted: bool) -> RowChange:
    state = inspect(obj)
    changed: set[str] = set()
    previous: dict[str, Any] = {}
    if not is_new and not is_deleted:
        for attr in state.mapper.column_attrs:
            history = state.attrs[attr.key].history
            if history.has_changes():
                changed.add(attr.key)
                if history.deleted:
                    previous[attr.key] = history.deleted[0]
    return RowChange(is_new=is_new, is_deleted=is_deleted, _changed=frozenset(changed), _previous=previous)


class ModelWatchers:
    def __init__(self) -> None:
        self._mappers: dict[type, Mapper] = {}

    def add(self, model: type, mapper: Mapper) -> None:
        if model in self._mappers:
            raise ValueError(f"{model.__name__} is already watched")
        self._mappers[model] = mapper

    def __bool__(self) -> bool:
        return bool(self._mappers)

    def _mapper_for(self, obj: Any) -> Mapper | None:
        for cls in type(obj).__mro__:
            if cls in self._mappers:
                return self._mappers[cls]
        return None

    def install(self, session_target: Any, get_inbox: Callable[[], Inbox | None],
                publish: Callable[[Any], None]) -> None:
        """Listen on the host's session (a ``sessionmaker``, ``scoped_session`` or class).
        ``get_inbox`` finds the current app's inbox (None: the plugin is not on this app)."""

        def after_flush(session: Session, _context: Any) -> None:
            if not self._mappers:
                return
            try:
                captured = session.info.setdefault(_CAPTURED, [])
                for rows, is_new, is_deleted in ((session.new, True, False), (session.dirty, False, False),
                                                 (session.deleted, False, True)):
                    for obj in rows:
                        mapper = self._mapper_for(obj)
                        if mapper is not None and (is_new or is_deleted or session.is_modified(obj)):
                            captured.append((mapper, obj, _capture(obj, is_new=is_new, is_deleted=is_deleted)))
            except Exception:
                log.exception("interview coach: could not read a flush; no event from it")

        def after_flush_postexec(session: Session, _context: Any) -> None:
            captured = session.info.pop(_CAPTURED, None)
            if not captured:
                return
            try:
                inbox = get_inbox()
            except Exception:
                inbox = None
            if inbox is None:
                log.warning("interview coach: a watched model changed outside the app; no event")
                return
            for mapper, obj, change in captured:
                self._emit(session, inbox, mapper, obj, change)

        sa_event.listen(session_target, "after_flush", after_flush)
        sa_event.listen(session_target, "after_flush_postexec", after_flush_postexec)
        sa_event.listen(session_target, "after_commit", lambda s: publish_after_commit(s, publish))
        sa_event.listen(session_target, "after_rollback", forget_after_rollback)

    @staticmethod
    def _emit(session: Session, inbox: Inbox, mapper: Mapper, obj: Any, change: RowChange) -> None:
        model = type(obj).__name__
        try:
            event = mapper(obj, change)
        except ValidationError as exc:
            log.warning("interview coach: %s mapper built an invalid event: %s", model,
                        describe_validation_error(exc))
            inbox.record_rejected(f"{model} change", "watcher", describe_validation_error(exc), session)
            return
        except Exception as exc:
            log.exception("interview coach: the %s mapper raised; no event for this change", model)
            inbox.record_rejected(f"{model} change", "watcher", f"mapper raised {type(exc).__name__}", session)
            return
        if event is None:
            return
        try:
            inbox.record_in_transaction(session, event, "watcher")
        except Exception:
            log.exception("interview coach: could not store a %s event; the host's change goes on", event.kind)
