"""The Celery app factory (the Flask + Celery pattern: every task runs in the host app's
context, so it sees the host's config and database)."""

from __future__ import annotations

import weakref
from datetime import timedelta
from pathlib import Path
from typing import Any

from celery import Celery, Task
from celery.signals import worker_process_init
from flask import Flask

from interview_coach.plugin import config as cfg


def _broker_options(app: Flask) -> tuple[str, dict[str, Any]]:
    url = app.config[cfg.key("BROKER_URL")]
    options: dict[str, Any] = {"visibility_timeout": app.config[cfg.key("BROKER_VISIBILITY_TIMEOUT")]}
    if url.startswith("filesystem://"):
        # The embedded broker: messages are files in a folder shared by web and worker.
        folder = Path(app.config[cfg.key("BROKER_FILESYSTEM_DIR")] or Path(app.instance_path) / "coach-broker")
        for sub in ("out", "processed", "control"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
        options = {"data_folder_in": str(folder / "out"), "data_folder_out": str(folder / "out"),
                   "processed_folder": str(folder / "processed"), "store_processed": False,
                   # kombu's default is ./control, relative to wherever the process started.
                   "control_folder": str(folder / "control")}
    return url, options


def make_celery(app: Flask) -> Celery:
    class FlaskTask(Task):  # type: ignore[misc]
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            with app.app_context():
                return self.run(*args, **kwargs)

    broker_url, transport_options = _broker_options(app)
    queue = app.config[cfg.key("TASK_QUEUE")]
    celery = Celery(f"{app.import_name}.interview_coach", task_cls=FlaskTask, set_as_current=False)
    celery.conf.update(
        broker_url=broker_url,
        broker_transport_options=transport_options,
        broker_connection_retry_on_startup=True,
        broker_connection_timeout=2.0,
        result_backend=None,
        task_ignore_result=True,
        task_serializer="json",
        accept_content=["json"],
        # Acknowledge after the task ran, and hand the message back if the worker dies:
        # at-least-once execution; unique delivery keys make the intent exactly-once.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        # Tasks take milliseconds: with one message per process, each process sat idle while
        # the next was fetched (bench/p3_end_to_end.py: capacity 83 -> 97 events/s at 4).
        # Unacknowledged prefetched messages go back to the queue if the worker dies.
        worker_prefetch_multiplier=4,
        task_default_queue=queue,
        task_create_missing_queues=True,
        worker_hijack_root_logger=False,
        beat_schedule={
            "interview-coach-dispatch-due": {
                "task": "interview_coach.dispatch_due",
                "schedule": timedelta(seconds=app.config[cfg.key("DISPATCH_INTERVAL_SECONDS")]),
                "options": {"queue": queue, "expires": app.config[cfg.key("DISPATCH_INTERVAL_SECONDS")]},
            },
            "interview-coach-purge-personal-data": {
                "task": "interview_coach.purge_personal_data",
                "schedule": timedelta(seconds=app.config[cfg.key("RETENTION_INTERVAL_SECONDS")]),
                "options": {"queue": queue, "expires": app.config[cfg.key("RETENTION_INTERVAL_SECONDS")]},
            },
            "interview-coach-relay-pending": {
                "task": "interview_coach.relay_pending",
                "schedule": timedelta(seconds=app.config[cfg.key("RELAY_INTERVAL_SECONDS")]),
                "options": {"queue": queue, "expires": app.config[cfg.key("RELAY_INTERVAL_SECONDS")]},
            },
        },
    )
    from .tasks import register_tasks

    register_tasks(celery)
    worker_process_init.connect(_fresh_connections_after_fork(app), weak=False)
    return celery


def _fresh_connections_after_fork(app: Flask) -> Any:
    """A prefork pool process starts as a copy of the worker's main process, pooled database
    connections included: loading the host's app (creating tables, seeding) leaves some there.
    Two processes talking over one connection mix up each other's results (on PostgreSQL,
    ``bench/p3_end_to_end.py --postgres`` saw unique violations and "result object does not
    return rows"); SQLite forbids carrying a connection across ``fork`` at all. Each pool
    process therefore drops the inherited pool without closing it (the main process still
    owns those connections) and opens its own, as SQLAlchemy's documentation prescribes."""

    app_ref = weakref.ref(app)  # the signal outlives apps made and dropped (tests)

    def fresh_connections(**_kwargs: Any) -> None:
        from interview_coach.plugin.extension import EXTENSION_KEY

        live = app_ref()
        state = live.extensions.get(EXTENSION_KEY) if live is not None else None
        if live is not None and state is not None:
            with live.app_context():  # a host's Flask-SQLAlchemy engine exists only in one
                state.store.engine.dispose(close=False)

    return fresh_connections
