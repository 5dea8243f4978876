"""A real SMTP server for tests (aiosmtpd), recording what it accepts and able to refuse on cue."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from typing import Any

from aiosmtpd.controller import Controller


@dataclass
class Received:
    envelope_to: list[str]
    raw: bytes
    message: EmailMessage

    @property
    def kind(self) -> str:
        return str(self.message.get("X-Test-Kind", ""))

    def text(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        return part.get_content() if part else ""

    def html(self) -> str:
        part = self.message.get_body(preferencelist=("html",))
        return part.get_content() if part else ""


@dataclass
class RecordingHandler:
    received: list[Received] = field(default_factory=list)
    # Replies to give instead of accepting, consumed one per DATA command (e.g. "451 ...").
    data_replies: list[str] = field(default_factory=list)
    refuse_recipients: dict[str, str] = field(default_factory=dict)  # address -> reply
    data_attempts: int = 0
    lock: threading.Condition = field(default_factory=threading.Condition)
    # Cleared by ``SmtpServer.hold``: DATA waits for it before answering, so a test can act
    # while a send is in flight (the worker has taken the task and not yet acknowledged it).
    gate: threading.Event = field(default_factory=lambda: _opened(threading.Event()))

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        reply = self.refuse_recipients.get(address.lower())
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.data_attempts += 1
            self.lock.notify_all()
        if not self.gate.is_set():
            await asyncio.get_running_loop().run_in_executor(None, self.gate.wait, 60.0)
        with self.lock:
            if self.data_replies:
                return self.data_replies.pop(0)
            raw = envelope.original_content or envelope.content
            message = message_from_bytes(raw, policy=default)
            self.received.append(Received(list(envelope.rcpt_tos), raw, message))  # type: ignore[arg-type]
            self.lock.notify_all()
        return "250 Message accepted"


def _opened(event: threading.Event) -> threading.Event:
    event.set()
    return event


class SmtpServer:
    def __init__(self, port: int) -> None:
        self.handler = RecordingHandler()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=port)
        self.port = port

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()

    @property
    def received(self) -> list[Received]:
        with self.handler.lock:
            return list(self.handler.received)

    def wait_for(self, predicate: Callable[[Received], bool], count: int = 1, timeout: float = 30.0) -> list[Received]:
        """Block until ``count`` received messages match ``predicate``; fail after ``timeout``."""
        deadline = time.monotonic() + timeout
        with self.handler.lock:
            while True:
                matching = [r for r in self.handler.received if predicate(r)]
                if len(matching) >= count:
                    return matching
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    subjects = [str(r.message["Subject"]) for r in self.handler.received]
                    raise AssertionError(f"waited {timeout}s for {count} matching email(s); got {subjects}")
                self.handler.lock.wait(remaining)

    def hold(self) -> None:
        """Keep the next messages' DATA waiting, unanswered, until ``release``."""
        self.handler.gate.clear()

    def release(self) -> None:
        self.handler.gate.set()

    def wait_for_attempts(self, count: int, timeout: float = 30.0) -> None:
        """Block until ``count`` DATA commands have arrived (accepted, refused or held)."""
        deadline = time.monotonic() + timeout
        with self.handler.lock:
            while self.handler.data_attempts < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"waited {timeout}s for {count} DATA command(s)")
                self.handler.lock.wait(remaining)

    def clear(self) -> None:
        self.handler.gate.set()
        with self.handler.lock:
            self.handler.received.clear()
            self.handler.data_replies.clear()
            self.handler.refuse_recipients.clear()
            self.handler.data_attempts = 0
