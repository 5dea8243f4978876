"""SMTP sending with one reused connection per worker process.

Errors are sorted into two kinds, because only one of them is worth another try:
- ``TransientSendError``: 4xx replies, dropped connections, timeouts, a refused connect;
- ``PermanentSendError``: 5xx replies (the address or message will never be accepted).
``smtplib`` errors all inherit from ``OSError``, so a bare ``except OSError: retry`` would
retry permanent failures forever; the classification below is explicit instead.
"""

from __future__ import annotations

import smtplib
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from email.message import Message


class SendError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class TransientSendError(SendError):
    """Worth another try later."""


class PermanentSendError(SendError):
    """Will never succeed as it is; record the reason and stop."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: str = "none"  # none | starttls | ssl
    username: str | None = None
    password: str | None = None
    timeout: float = 10.0
    idle_seconds: float = 30.0


def _reply(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
    return f"{code} {text}".strip()[:500]


def classify(exc: BaseException) -> SendError:
    """Map an exception from smtplib/socket onto transient or permanent."""
    if isinstance(exc, SendError):
        return exc
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        replies = list(exc.recipients.values())
        code, message = replies[0] if replies else (550, b"recipient refused")
        reason = "recipient refused: " + _reply(code, message)
        return TransientSendError(reason) if 400 <= code < 500 else PermanentSendError(reason)
    if isinstance(exc, smtplib.SMTPResponseException):  # sender refused, data error, auth, connect
        reason = _reply(exc.smtp_code, exc.smtp_error)
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            # A wrong password is a configuration problem: retrying spreads it, but the
            # email itself is fine once the config is fixed, so keep it retryable.
            return TransientSendError("SMTP authentication failed: " + reason)
        return TransientSendError(reason) if 400 <= exc.smtp_code < 500 else PermanentSendError(reason)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return TransientSendError("the SMTP server closed the connection")
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return TransientSendError("timed out talking to the SMTP server")
    if isinstance(exc, (ConnectionError, socket.gaierror)):
        return TransientSendError(f"could not reach the SMTP server ({type(exc).__name__})")
    if isinstance(exc, ssl.SSLError):
        return TransientSendError(f"TLS error with the SMTP server ({exc.reason})")
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return PermanentSendError(f"the SMTP server does not support what was asked: {exc}")
    return PermanentSendError(f"{type(exc).__name__}: {exc}"[:500])


class Mailer:
    """Holds one SMTP connection, opened on first use and reused while it answers."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self._smtp: smtplib.SMTP | None = None
        self._last_used = 0.0
        self._lock = threading.Lock()

    def send(self, message: Message) -> None:
        with self._lock:
            try:
                smtp = self._connection()
                try:
                    refused = smtp.send_message(message)
                except smtplib.SMTPServerDisconnected:
                    # The pooled connection went stale between emails: one fresh try.
                    self._drop()
                    smtp = self._connection()
                    refused = smtp.send_message(message)
                self._last_used = time.monotonic()
            except smtplib.SMTPResponseException as exc:
                if exc.smtp_code in (421,):  # the server is closing this session
                    self._drop()
                else:
                    self._reset()
                raise classify(exc) from exc
            except smtplib.SMTPRecipientsRefused as exc:
                self._reset()
                raise classify(exc) from exc
            except (OSError, smtplib.SMTPException) as exc:
                self._drop()
                raise classify(exc) from exc
        if refused:  # only some recipients refused; we send to one, so this is rare
            raise classify(smtplib.SMTPRecipientsRefused(refused))

    def close(self) -> None:
        with self._lock:
            self._drop(quit_politely=True)

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is not None and time.monotonic() - self._last_used > self.settings.idle_seconds:
            try:
                if self._smtp.noop()[0] != 250:
                    self._drop()
            except (OSError, smtplib.SMTPException):
                self._drop()
        if self._smtp is None:
            self._smtp = self._open()
            self._last_used = time.monotonic()
        return self._smtp

    def _open(self) -> smtplib.SMTP:
        s = self.settings
        smtp: smtplib.SMTP
        if s.security == "ssl":
            smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            if s.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
        if s.username:
            smtp.login(s.username, s.password or "")
        return smtp

    def _reset(self) -> None:
        # After a refused message the session may be mid-transaction; RSET makes it reusable.
        try:
            if self._smtp is not None:
                self._smtp.rset()
        except (OSError, smtplib.SMTPException):
            self._drop()

    def _drop(self, quit_politely: bool = False) -> None:
        smtp, self._smtp = self._smtp, None
        if smtp is None:
            return
        try:
            smtp.quit() if quit_politely else smtp.close()
        except (OSError, smtplib.SMTPException):
            smtp.close()
