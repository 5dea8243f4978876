"""The outbox page and the mail catcher that fills it."""

from __future__ import annotations

import asyncio
import mailbox
import os
import re
import smtplib
import threading
from email.message import EmailMessage
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient


def _email(subject: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Interview Coach <coach@localhost>"
    message["To"] = "jordan.alvarez@example.com"
    message["Subject"] = subject
    message.set_content("Questions to ask Luis:\n- What does a great first month look like?")
    message.add_alternative('<p onclick="x()">Questions for <b>Luis</b></p><script>alert(1)</script>',
                            subtype="html")
    return message


def test_outbox_lists_messages_newest_first_and_shows_one(app: Flask, client: FlaskClient) -> None:
    assert "No email yet." in client.get("/outbox/").get_data(as_text=True)
    box = mailbox.Maildir(app.config["JOBBOARD_OUTBOX_DIR"], create=True)
    older = box.add(_email("Thanks for applying"))
    newer = box.add(_email("Prepare for your interview with Summit Street Fitness"))
    # Maildir knows when a message was delivered from its file's time: make one older.
    os.utime(Path(app.config["JOBBOARD_OUTBOX_DIR"], "new", older), (1_700_000_000, 1_700_000_000))

    listing = client.get("/outbox/").get_data(as_text=True)
    assert listing.index("Prepare for your interview") < listing.index("Thanks for applying")

    page = client.get(f"/outbox/{newer}").get_data(as_text=True)
    assert "jordan.alvarez@example.com" in page
    assert 'sandbox=""' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # inside srcdoc, escaped
    assert "<script>alert(1)" not in page
    assert re.search(r"<pre[^>]*>Questions to ask Luis:", page)
    raw = client.get(f"/outbox/{newer}/raw")
    assert raw.mimetype == "text/plain"
    assert b"Subject: Prepare for your interview" in raw.data
    assert client.get("/outbox/no-such-key").status_code == 404


def test_mailcatcher_stores_each_message_with_its_envelope_recipients(tmp_path: Path) -> None:
    from jobboard.mailcatcher import serve

    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    ready = threading.Event()
    ports: list[int] = []

    def on_ready(port: int) -> None:
        ports.append(port)
        ready.set()

    server = serve("127.0.0.1", 0, str(tmp_path / "outbox"), on_ready=on_ready, stop=stop)
    thread = threading.Thread(target=loop.run_until_complete, args=(server,), daemon=True)
    thread.start()
    try:
        assert ready.wait(10)
        with smtplib.SMTP("127.0.0.1", ports[0], timeout=10) as smtp:
            smtp.send_message(_email("Hello"), to_addrs=["jordan.alvarez@example.com", "bcc@example.com"])
    finally:
        loop.call_soon_threadsafe(stop.set)
        thread.join(10)
        loop.close()

    (message,) = mailbox.Maildir(tmp_path / "outbox", create=False)
    assert message["X-Catcher-Recipients"] == "jordan.alvarez@example.com, bcc@example.com"
    assert message["Subject"] == "Hello"
