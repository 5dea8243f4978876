"""An SMTP server for the benchmarks, in a process of its own so it never competes with the
measured code for the GIL. It accepts everything and appends one line per message to a
record file: ``<unix time the DATA was accepted> <first recipient>``.

Usage: ``python bench/_smtp_sink.py --port PORT --record FILE [--tls-cert PEM --tls-key PEM]``;
prints ``ready`` once it listens and stops on SIGTERM or when its standard input closes.
With a certificate it also offers STARTTLS and, once TLS is on, AUTH (any login is taken):
what a mail provider asks of a client, so a benchmark can pay what a real inline send pays.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
import time
from typing import Any, TextIO

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class RecordingSink:
    def __init__(self, record: TextIO) -> None:
        self._record = record

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        accepted = time.time()
        rcpt = envelope.rcpt_tos[0] if envelope.rcpt_tos else "-"
        self._record.write(f"{accepted:.6f} {rcpt}\n")
        return "250 Message accepted"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--record", required=True)
    parser.add_argument("--tls-cert", help="PEM certificate chain: offer STARTTLS and AUTH")
    parser.add_argument("--tls-key", help="PEM private key of --tls-cert")
    args = parser.parse_args()
    # aiosmtpd logs a warning about its own deprecated attribute on every AUTH (its logger
    # "mail.log"); nothing to act on here, and 750 of them would bury the figures.
    logging.getLogger("mail.log").addFilter(lambda record: "login_data is deprecated" not in record.getMessage())
    tls: dict[str, Any] = {}
    if args.tls_cert:
        import ssl

        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        tls = {"tls_context": context, "authenticator": lambda *_: AuthResult(success=True),
               "auth_require_tls": True}
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with open(args.record, "a", buffering=1, encoding="ascii") as record:
        controller = Controller(RecordingSink(record), hostname="127.0.0.1", port=args.port, **tls)
        controller.start()
        print("ready", flush=True)
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
        stop.wait()
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
