"""The Flask extension: ``InterviewCoach(app=None)`` + ``init_app(app)``.

Only ``init_app`` touches the host: config defaults, signal receivers, session listeners,
blueprints and CLI. Per-app state lives in ``app.extensions["interview_coach"]``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask, Response, current_app, g, has_request_context
from pydantic import ValidationError
from sqlalchemy import Engine

from . import config as cfg
from . import signals
from .events import Event, parse_event
from .inbox import Inbox, describe_validation_error
from .publisher import EventPublisher
from .store import Store, engine_from_url
from .watchers import Mapper, ModelWatchers

if TYPE_CHECKING:
    from celery import Celery

    from .admin.hooks import AdminHooks

log = logging.getLogger("interview_coach")

EXTENSION_KEY = "interview_coach"
_HELD_KEY = "interview_coach_held_event_ids"
_SENT_KEY = "interview_coach_response_sent"


@dataclass
class CoachState:
    """Everything the plugin keeps for one Flask app."""

    app: Flask
    store: Store
    inbox: Inbox
    publisher: EventPublisher
    celery: Celery
    admin: AdminHooks | None = None  # the host's callables for the recruiters' admin

    def setting(self, name: str) -> Any:
        return self.app.config[cfg.key(name)]


def coach_state(app: Flask | None = None) -> CoachState:
    app = app or current_app
    try:
        return app.extensions[EXTENSION_KEY]  # type: ignore[no-any-return]
    except KeyError:
        raise RuntimeError("InterviewCoach is not initialised on this app: call init_app(app)") from None


class InterviewCoach:
    """Interview Coach for one or more Flask apps (app-factory friendly).

    ``db``: the host's Flask-SQLAlchemy object. With it, the plugin's tables live in the
    host's database and model watchers write events in the host's own transaction.
    """

    def __init__(self, app: Flask | None = None, *, db: Any = None) -> None:
        self._watchers = ModelWatchers()
        self._installed_sessions: set[int] = set()
        if app is not None:
            self.init_app(app, db=db)

    def watch(self, model: type, mapper: Mapper) -> None:
        """Emit events for changes to ``model``: ``mapper(row, change)`` returns an event
        (or None for changes that mean nothing to the plugin)."""
        self._watchers.add(model, mapper)

    def init_app(self, app: Flask, *, db: Any = None) -> None:
        if EXTENSION_KEY in app.extensions:
            raise RuntimeError("InterviewCoach.init_app was already called on this app")
        cfg.apply_defaults(app.config)
        cfg.check_config(app.config)
        if db is not None and app.config[cfg.key("DATABASE_URL")]:
            raise cfg.ConfigError(
                f"{cfg.key('DATABASE_URL')} must be unset when db= is given: model watchers write "
                "events in the host's own transaction, so the plugin's tables live in the host's database"
            )

        from interview_coach.workers.celery_app import make_celery

        from .admin.hooks import resolve_admin_hooks

        store = Store(lambda: _resolve_engine(app, db))
        celery = make_celery(app)
        process_event = celery.tasks["interview_coach.process_event"]
        publisher = EventPublisher(lambda event_id: process_event.apply_async(args=[event_id], retry=False))
        inbox = Inbox(store, partial(_hand_over, publisher))
        state = CoachState(app=app, store=store, inbox=inbox, publisher=publisher, celery=celery,
                           admin=resolve_admin_hooks(app.config))
        app.extensions[EXTENSION_KEY] = state
        app.after_request(_note_when_response_sent)
        app.teardown_appcontext(_release_held)

        for kind, signal in signals.ALL.items():
            signal.connect(_signal_receiver(kind), sender=app, weak=False)
        if db is not None:
            self._install_watchers(db.session)

        from .cli import coach_cli
        from .public import public_blueprint

        app.register_blueprint(public_blueprint, url_prefix=app.config[cfg.key("URL_PREFIX")])
        if app.config[cfg.key("ADMIN_URL_PREFIX")] is not None:
            from .admin import admin_blueprint

            app.register_blueprint(admin_blueprint, url_prefix=app.config[cfg.key("ADMIN_URL_PREFIX")])
        csrf = app.extensions.get("csrf")
        if csrf is not None and hasattr(csrf, "exempt"):
            # Called by machines (a mail client's one-click unsubscribe, the host's other
            # systems) and authenticated by their own signatures, not by a session.
            csrf.exempt(public_blueprint)
        app.cli.add_command(coach_cli)

    def emit(self, event: Event | dict[str, Any], *, session: Any = None, source: str = "api") -> int | None:
        """Hand the plugin an event from Python. With ``session``, the row is written in
        that transaction and enqueued after its commit. Returns the event row id, or None
        for a repeat. Raises ``pydantic.ValidationError`` for an invalid dict: unlike
        signals and watchers, a direct call should hear about its own mistakes."""
        state = coach_state()
        parsed = event if not isinstance(event, dict) else parse_event(event)
        if session is not None:
            return state.inbox.record_in_transaction(session, parsed, source)
        return state.inbox.record_now(parsed, source)

    def _install_watchers(self, session_target: Any) -> None:
        # Listeners go on the host's session once per extension object; each call finds the
        # current app's state, so several apps sharing one `db` never see each other's events.
        if id(session_target) in self._installed_sessions:
            return
        self._installed_sessions.add(id(session_target))
        self._watchers.install(session_target, _current_inbox, _publish_for_current_app)


def _current_inbox() -> Inbox | None:
    state = current_app.extensions.get(EXTENSION_KEY) if current_app else None
    return state.inbox if state else None


def _hand_over(publisher: EventPublisher, event_ids: Iterable[int]) -> None:
    """Give committed event ids to the publisher; during a request, once it is done.

    The publishing thread needs the GIL for about half a millisecond per event (Celery and
    kombu build the message in Python). Started at the commit, it would compete with the rest
    of the host's request, and even at the end of the request with the code that sends the
    response. So ids are held until the request's context closes, and the thread then waits
    (at most ``MAX_WAIT_FOR_RESPONSE_SECONDS``) until the server has sent the response
    (``bench/p1_request_latency.py``). Ids held here and lost with a crashed process are
    still ``pending`` rows: the relay sends them."""
    if has_request_context():
        g.setdefault(_HELD_KEY, []).append((publisher, list(event_ids)))
    else:
        publisher.submit(event_ids)


def _note_when_response_sent(response: Response) -> Response:
    """Mark when the server is done sending the response (WSGI servers close a response once
    its body is written). For every request, not only those with events held so far: a host's
    ``after_request`` function registered before the plugin runs after this one and may
    commit (a microsecond: an Event and a callback)."""
    if _SENT_KEY not in g:
        sent = threading.Event()
        response.call_on_close(sent.set)
        setattr(g, _SENT_KEY, sent)
    return response


def _release_held(_error: BaseException | None = None) -> None:
    sent = g.pop(_SENT_KEY, None)
    for publisher, event_ids in g.pop(_HELD_KEY, ()):
        publisher.submit(event_ids, not_before=sent)


def _publish_for_current_app(event_ids: Iterable[int]) -> None:
    state = current_app.extensions.get(EXTENSION_KEY) if current_app else None
    if state is not None:
        _hand_over(state.publisher, event_ids)


def _signal_receiver(kind: str) -> Any:
    def receive(sender: Flask, event: Any = None, session: Any = None, **_extra: Any) -> None:
        state: CoachState = sender.extensions[EXTENSION_KEY]
        try:
            parsed = event if event is not None and not isinstance(event, dict) else parse_event(
                {"kind": kind, **(event or {})})
            if parsed.kind != kind:
                raise ValueError(f"a {parsed.kind} event sent on the {kind} signal")
        except ValidationError as exc:
            reason = describe_validation_error(exc)
            log.warning("interview coach: invalid %s event from a signal: %s", kind, reason)
            state.inbox.record_rejected(kind, "signal", reason, session)
            return
        except ValueError as exc:
            log.warning("interview coach: %s", exc)
            state.inbox.record_rejected(kind, "signal", str(exc), session)
            return
        try:
            if session is not None:
                state.inbox.record_in_transaction(session, parsed, "signal")
            else:
                state.inbox.record_now(parsed, "signal")
        except Exception:
            log.exception("interview coach: could not store a %s event; the host's request goes on", kind)

    return receive


def _resolve_engine(app: Flask, db: Any) -> Engine:
    if db is not None:
        with app.app_context():
            return db.engine  # type: ignore[no-any-return]
    url = app.config[cfg.key("DATABASE_URL")] or app.config.get("SQLALCHEMY_DATABASE_URI")
    if not url:
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{Path(app.instance_path) / 'interview_coach.db'}"
    return engine_from_url(url)
