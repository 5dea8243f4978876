"""A tiny SMTP server for the demo: every message it receives goes into a Maildir, which the
job board's outbox page reads. Nothing is relayed anywhere.

    python -m jobboard.mailcatcher --host 127.0.0.1 --port 1025 --maildir instance/outbox

Ctrl-C (or SIGTERM, as ``docker stop`` sends) stops it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import mailbox
import signal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session


class MaildirHandler:
    """aiosmtpd handler: store the message as received, plus the envelope recipients (the
    SMTP ``RCPT TO`` addresses, which a Bcc leaves out of the headers)."""

    def __init__(self, folder: str | Path) -> None:
        self.maildir = mailbox.Maildir(folder, create=True)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        recipients = ", ".join(str(rcpt) for rcpt in envelope.rcpt_tos)
        trace = f"X-Catcher-Recipients: {recipients}\r\nX-Catcher-Mail-From: {envelope.mail_from}\r\n"
        content = envelope.original_content or b""
        key = self.maildir.add(trace.encode() + content)
        print(f"mailcatcher: stored {key} for {recipients}", flush=True)
        return "250 Message accepted for delivery"


async def serve(host: str, port: int, folder: str, *, on_ready: Callable[[int], None] | None = None,
                stop: asyncio.Event | None = None) -> None:
    """Run until ``stop`` is set, or until SIGINT/SIGTERM when no ``stop`` is given.
    ``on_ready`` gets the bound port (useful with ``port=0``)."""
    handler = MaildirHandler(folder)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="jobboard-mailcatcher", enable_SMTPUTF8=True), host=host, port=port
    )
    if stop is None:
        stop = asyncio.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
    bound = server.sockets[0].getsockname()
    print(f"mailcatcher: listening on {bound[0]}:{bound[1]}, storing mail in {Path(folder).resolve()}",
          flush=True)
    if on_ready is not None:
        on_ready(bound[1])
    try:
        await stop.wait()
    finally:
        server.close()
        # From Python 3.12 this waits for open connections: give them a moment, no more.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(server.wait_closed(), timeout=2)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Catch SMTP mail into a Maildir (demo only).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1025)
    parser.add_argument("--maildir", required=True, help="Maildir folder (created if missing)")
    args: Any = parser.parse_args(argv)
    asyncio.run(serve(args.host, args.port, args.maildir))
    print("mailcatcher: stopped", flush=True)


if __name__ == "__main__":
    main()
