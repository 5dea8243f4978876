"""An SMTP server for the benchmarks, in a process of its own so it never competes with the
measured code for the GIL. It accepts everything and appends one line per message to a
record file: ``<unix time the DATA was accepted> <first recipient>``.

Usage: ``python bench/_smtp_sink.py --port PORT --record FILE``; prints ``ready`` once it
listens and stops on SIGTERM or when its standard input closes.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from typing import Any, TextIO

from aiosmtpd.controller import Controller


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
    args = parser.parse_args()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with open(args.record, "a", buffering=1, encoding="ascii") as record:
        controller = Controller(RecordingSink(record), hostname="127.0.0.1", port=args.port)
        controller.start()
        print("ready", flush=True)
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
        stop.wait()
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
