"""Hands committed event ids to the broker, off the host's request thread.

The host's request only appends ids to an in-memory queue (microseconds). A daemon thread
publishes ``process_event`` tasks. When the broker is unreachable the thread drops the ids
after logging once: their rows stay ``pending`` in ``coach_event`` and the relay enqueues
them later, so a broker outage costs latency, never an email, and never slows the host.
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable

log = logging.getLogger("interview_coach.publisher")

# After a failed publish, skip the broker for this long; the relay covers the gap.
_BACKOFF_SECONDS = 5.0


class EventPublisher:
    def __init__(self, send: Callable[[int], None]) -> None:
        self._send = send
        self._queue: queue.SimpleQueue[int | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._lock = threading.Lock()
        self._broker_down_until = 0.0
        self._markers: list[threading.Event] = []

    def submit(self, event_ids: Iterable[int]) -> None:
        """Queue ids for publishing. Never blocks, never raises."""
        try:
            self._ensure_thread()
            for event_id in event_ids:
                self._queue.put(event_id)
        except Exception:  # the host's request goes on whatever happens here
            log.exception("interview coach: could not queue events; the relay will pick them up")

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything submitted so far has been handled (tests, shutdown)."""
        done = threading.Event()
        self._ensure_thread()
        self._markers.append(done)  # before the marker goes in, so the thread always finds it
        self._queue.put(None)
        return done.wait(timeout)

    def _ensure_thread(self) -> None:
        # A forked worker (gunicorn) inherits the object but not the thread: start anew.
        if self._thread is not None and self._pid == os.getpid() and self._thread.is_alive():
            return
        with self._lock:
            if self._thread is not None and self._pid == os.getpid() and self._thread.is_alive():
                return
            self._queue = queue.SimpleQueue()
            self._markers = []
            self._pid = os.getpid()
            self._thread = threading.Thread(target=self._run, name="interview-coach-publisher", daemon=True)
            self._thread.start()
            # A short-lived process (a CLI command, a seed script) must not exit with ids
            # still queued; if it does anyway, the relay picks the rows up later.
            atexit.register(self.flush, 2.0)

    def _run(self) -> None:
        while True:
            event_id = self._queue.get()
            if event_id is None:
                if self._markers:
                    self._markers.pop(0).set()
                continue
            if time.monotonic() < self._broker_down_until:
                continue  # the row stays pending; the relay will enqueue it
            try:
                self._send(event_id)
            except Exception as exc:
                self._broker_down_until = time.monotonic() + _BACKOFF_SECONDS
                log.warning("interview coach: broker unavailable (%s); pending events will be relayed",
                            type(exc).__name__)
