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
# The longest a publish waits for its request's response to be sent (``submit``'s
# ``not_before``): a server that never closes its responses (Flask's test client, a
# long stream) delays its emails by this much, no more.
MAX_WAIT_FOR_RESPONSE_SECONDS = 0.05


class EventPublisher:
    def __init__(self, send: Callable[[int], None]) -> None:
        self._send = send
        # (event id, the request's "response sent" event or None, when to stop waiting for it)
        self._queue: queue.SimpleQueue[tuple[int, threading.Event | None, float] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._lock = threading.Lock()
        self._broker_down_until = 0.0
        self._markers: list[threading.Event] = []

    def submit(self, event_ids: Iterable[int], not_before: threading.Event | None = None) -> None:
        """Queue ids for publishing. Never blocks, never raises.

        With ``not_before``, the thread waits until it is set (at most
        ``MAX_WAIT_FOR_RESPONSE_SECONDS``) before publishing these ids: the extension sets it
        when the host's response has been sent, so that the publish (half a millisecond of
        Python holding the GIL) does not delay that response."""
        try:
            self._ensure_thread()
            deadline = time.monotonic() + MAX_WAIT_FOR_RESPONSE_SECONDS
            for event_id in event_ids:
                self._queue.put((event_id, not_before, deadline))
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
            item = self._queue.get()
            if item is None:
                if self._markers:
                    self._markers.pop(0).set()
                continue
            event_id, not_before, deadline = item
            if not_before is not None and not not_before.is_set():
                # Counted from the submit, so a backlog never waits again.
                not_before.wait(max(0.0, deadline - time.monotonic()))
            if time.monotonic() < self._broker_down_until:
                continue  # the row stays pending; the relay will enqueue it
            try:
                self._send(event_id)
            except Exception as exc:
                self._broker_down_until = time.monotonic() + _BACKOFF_SECONDS
                log.warning("interview coach: broker unavailable (%s); pending events will be relayed",
                            type(exc).__name__)
