"""Reading the mail catcher's Maildir: what the plugin's workers actually sent."""

from __future__ import annotations

import email.policy
import mailbox
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

# Headers worth showing first; every header is on the page under "All headers".
SUMMARY_HEADERS = ("From", "To", "Reply-To", "Subject", "Date", "Message-ID", "X-Catcher-Recipients")


@dataclass(frozen=True)
class OutboxEntry:
    key: str
    received_at: datetime
    subject: str
    to: str
    sender: str


@dataclass(frozen=True)
class OutboxMessage:
    entry: OutboxEntry
    headers: list[tuple[str, str]]
    html: str | None
    text: str | None


def _open(folder: str) -> mailbox.Maildir | None:
    if not (Path(folder) / "cur").is_dir():
        return None  # nothing caught yet: the catcher creates the Maildir on first start
    return mailbox.Maildir(folder, factory=None, create=False)


def _parse(raw: bytes, *, headers_only: bool = False) -> EmailMessage:
    message = BytesParser(policy=email.policy.default).parsebytes(raw, headersonly=headers_only)
    assert isinstance(message, EmailMessage)
    return message


def _entry(key: str, message: EmailMessage, received: float) -> OutboxEntry:
    return OutboxEntry(key=key, received_at=datetime.fromtimestamp(received, UTC),
                       subject=str(message.get("Subject", "(no subject)")), to=str(message.get("To", "")),
                       sender=str(message.get("From", "")))


def list_messages(folder: str, limit: int = 200) -> list[OutboxEntry]:
    """Newest first."""
    box = _open(folder)
    if box is None:
        return []
    entries = []
    for key in box.iterkeys():
        try:
            message = box.get_message(key)  # a MaildirMessage: knows when it was delivered
        except (KeyError, FileNotFoundError):
            continue  # removed while we were listing
        entries.append(_entry(key, _parse(message.as_bytes(), headers_only=True), message.get_date()))
    entries.sort(key=lambda entry: (entry.received_at, entry.key), reverse=True)
    return entries[:limit]


def raw_message(folder: str, key: str) -> bytes | None:
    box = _open(folder)
    if box is None:
        return None
    try:
        return box.get_bytes(key)
    except (KeyError, FileNotFoundError):
        return None


def read_message(folder: str, key: str) -> OutboxMessage | None:
    box = _open(folder)
    if box is None:
        return None
    try:
        delivered = box.get_message(key).get_date()
        raw = box.get_bytes(key)
    except (KeyError, FileNotFoundError):
        return None
    message = _parse(raw)
    html_part = message.get_body(preferencelist=("html",))
    text_part = message.get_body(preferencelist=("plain",))
    return OutboxMessage(
        entry=_entry(key, message, delivered),
        headers=[(name, str(value)) for name, value in message.items()],
        html=html_part.get_content() if html_part is not None else None,
        text=text_part.get_content() if text_part is not None else None,
    )
