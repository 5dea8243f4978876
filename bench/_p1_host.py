"""One variant of the example board for P1, in a process of its own (the model watchers
are installed on the board's session for the whole process, so variants must not share one).

``python bench/_p1_host.py VARIANT --dir D --redis URL --smtp-port P`` builds the board
and then answers JSON commands, one per line, on standard input:
``{"op": "run", "count": N, "gap_ms": G}`` → ``{"ms": [...]}`` (one apply POST per new
candidate, G ms of idle time after each);
``{"op": "stats"}``; ``{"op": "profile", "count": N}``; ``{"op": "quit"}``.

Variants: ``bare`` (``JOBBOARD_INTERVIEW_COACH=false``: the board alone), ``plugin`` (the
board as shipped: model watchers, event row in the request's transaction, publish to a real
Redis after commit from the plugin's thread), ``inline`` (the board alone, plus what the
plugin exists to avoid: after commit, compose the confirmation and send it over SMTP inside
the request, with a new connection per email as Flask-Mail does); ``inline-tls``, the same
with STARTTLS and AUTH first, as every mail provider requires.
"""

from __future__ import annotations

import argparse
import json
import os
import smtplib
import ssl
import sys
import time
from pathlib import Path
from typing import Any

from _support import use_example_board
from flask import Flask
from sqlalchemy import event as sa_event
from sqlalchemy import func, select
from sqlalchemy.orm import Session

use_example_board()

from jobboard import create_app, models  # noqa: E402
from jobboard.coach_integration import application_payload  # noqa: E402
from jobboard.extensions import db  # noqa: E402
from jobboard.seed import seed_database  # noqa: E402
from jobboard.seed_data.candidates_sales_support import RETAIL_ASSOCIATE  # noqa: E402

QUEUE = "bench-p1"


def build_app(variant: str, folder: Path, redis_url: str, smtp_port: int, smtp_ca: str | None = None,
              database_url: str | None = None) -> Flask:
    app = create_app({
        "SECRET_KEY": "bench-secret",
        "SQLALCHEMY_DATABASE_URI": database_url or f"sqlite:///{folder / f'{variant}.sqlite'}",
        "JOBBOARD_OUTBOX_DIR": str(folder / "outbox"),
        "JOBBOARD_INTERVIEW_COACH": variant == "plugin",
        "INTERVIEW_COACH_BROKER_URL": redis_url,
        "INTERVIEW_COACH_TASK_QUEUE": QUEUE,
        "INTERVIEW_COACH_BASE_URL": "https://jobs.bench.example",
    })
    if variant == "plugin":
        from interview_coach.plugin import coach_state
        from interview_coach.plugin.migrate import upgrade

        with app.app_context():
            upgrade(coach_state(app).store.engine)
    with app.app_context():
        seed_database()
    if variant.startswith("inline"):
        install_inline_mailer(smtp_port, smtp_ca if variant == "inline-tls" else None)
    if variant == "plugin":
        PLUGIN_TIMES.install(app)
    return app


class PluginTimes:
    """The plugin's own share, timed where it runs: its three session listeners inside the
    request (bracketed by listeners of ours registered before and after them), and each
    publish on its thread (CPU time of that thread, off the request)."""

    EVENTS = ("after_flush", "after_flush_postexec", "after_commit")

    def __init__(self) -> None:
        self.in_request: list[float] = []  # ms per request, all three listeners together
        self.publish_cpu: list[float] = []  # ms of the publisher thread's CPU per event
        self._current = 0.0
        self._started = 0.0

    def install(self, app: Flask) -> None:
        for name in self.EVENTS:
            sa_event.listen(db.session, name, self._start, insert=True)
            sa_event.listen(db.session, name, self._stop)
        from interview_coach.plugin import coach_state

        publisher = coach_state(app).publisher
        send = publisher._send

        def timed_send(event_id: int) -> None:
            started = time.thread_time()
            send(event_id)
            self.publish_cpu.append((time.thread_time() - started) * 1000)

        publisher._send = timed_send

    def _start(self, *_args: Any) -> None:
        self._started = time.perf_counter()

    def _stop(self, *_args: Any) -> None:
        self._current += time.perf_counter() - self._started

    def request_done(self) -> None:
        self.in_request.append(self._current * 1000)
        self._current = 0.0


PLUGIN_TIMES = PluginTimes()


def install_inline_mailer(smtp_port: int, ca_file: str | None = None) -> None:
    """Send the confirmation inside the request, after the commit, like a host without a queue.
    With ``ca_file``, as a mail provider requires: STARTTLS (verifying the certificate), then AUTH."""
    from interview_coach.plugin.events import ApplicationSubmitted
    from interview_coach.workers.compose import build_message, compose
    from interview_coach.workers.rendering import EmailRenderer

    renderer = EmailRenderer()

    def after_flush(session: Session, _context: Any) -> None:
        new = [obj for obj in session.new if isinstance(obj, models.Application)]
        session.info.setdefault("bench_new_applications", []).extend(new)

    def after_flush_postexec(session: Session, _context: Any) -> None:
        rows = session.info.pop("bench_new_applications", [])
        session.info.setdefault("bench_outbox", []).extend(
            ApplicationSubmitted(application=application_payload(row)) for row in rows)

    def after_commit(session: Session) -> None:
        for event in session.info.pop("bench_outbox", []):
            url = f"https://jobs.bench.example/unsubscribe/{event.application.candidate.id}"
            composed = compose(renderer, "application_received", event, unsubscribe_url=url)
            message = build_message(composed, sender="Careers <careers@bench.example>",
                                    message_id=f"<{event.application.id}@bench.example>", unsubscribe_url=url)
            with smtplib.SMTP("127.0.0.1", smtp_port, timeout=10) as smtp:
                if ca_file:
                    smtp.starttls(context=ssl.create_default_context(cafile=ca_file))
                    smtp.login("bench", "bench-password")
                smtp.send_message(message)

    sa_event.listen(db.session, "after_flush", after_flush)
    sa_event.listen(db.session, "after_flush_postexec", after_flush_postexec)
    sa_event.listen(db.session, "after_commit", after_commit)
    sa_event.listen(db.session, "after_rollback", lambda s: s.info.pop("bench_outbox", None))


class Applicant:
    """Posts the apply form as new candidates, one request at a time."""

    def __init__(self, app: Flask, variant: str) -> None:
        self.app, self.variant, self.sent = app, variant, 0
        with app.app_context():
            job_id = db.session.scalar(select(models.Job.id).where(models.Job.title.like("Membership%")))
        self.url = f"/jobs/{job_id}"
        setup = app.test_client()
        with setup.session_transaction() as session:
            session["csrf_token"] = "bench-csrf-token"
        cookie = setup.get_cookie("session")
        assert cookie is not None
        # The same session cookie every time: flashed messages must not pile up in it.
        self.headers = {"Cookie": f"session={cookie.value}"}
        self.client = app.test_client(use_cookies=False)

    def form(self) -> dict[str, str]:
        self.sent += 1
        return {"csrf_token": "bench-csrf-token", "name": f"{RETAIL_ASSOCIATE['name']} {self.sent}",
                "email": f"p1-{self.variant}-{self.sent}@bench.example", "timezone": RETAIL_ASSOCIATE["timezone"],
                "profile": RETAIL_ASSOCIATE["profile"], "skills": RETAIL_ASSOCIATE["skills"]}

    def run(self, count: int, gap_ms: float = 0.0) -> list[float]:
        """``count`` POSTs; ``gap_ms`` of idle time after each one (a server that is not saturated)."""
        durations = []
        for _ in range(count):
            form = self.form()
            started = time.perf_counter()
            response = self.client.post(self.url, data=form, headers=self.headers)
            durations.append((time.perf_counter() - started) * 1000)
            # A WSGI server closes each response once it is sent (the plugin publishes then);
            # Flask's test client leaves that to its caller.
            response.close()
            if self.variant == "plugin":
                PLUGIN_TIMES.request_done()
            if response.status_code != 302:
                raise RuntimeError(f"apply answered {response.status_code}: {response.get_data(as_text=True)[:500]}")
            if gap_ms:
                time.sleep(gap_ms / 1000)
        return durations


def stats(app: Flask, variant: str, redis_url: str) -> dict[str, Any]:
    with app.app_context():
        applications = db.session.scalar(select(func.count()).select_from(models.Application))
        result: dict[str, Any] = {"applications": applications}
        if variant == "plugin":
            import redis

            from interview_coach.plugin import coach_state
            from interview_coach.plugin.tables import EventRow

            coach_state(app).publisher.flush(30)
            result["events"] = db.session.scalar(select(func.count()).select_from(EventRow))
            result["published"] = redis.Redis.from_url(redis_url).llen(QUEUE)
            result["in_request_ms"] = PLUGIN_TIMES.in_request
            result["publish_cpu_ms"] = PLUGIN_TIMES.publish_cpu
    return result


def profile(applicant: Applicant, count: int) -> str:
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(applicant.run, count)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    if os.environ.get("P1_PROFILE_CALLEES"):
        stats.print_callees(os.environ["P1_PROFILE_CALLEES"])
    stats.print_stats(r"interview_coach|plugin/|coach_integration|p1_host", 30)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("variant", choices=("bare", "plugin", "inline", "inline-tls"))
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--redis", required=True)
    parser.add_argument("--smtp-port", type=int, required=True)
    parser.add_argument("--smtp-ca", help="inline-tls: the CA file of the SMTP server's certificate")
    parser.add_argument("--database-url", help="the board's database (default: a SQLite file in --dir)")
    args = parser.parse_args()
    replies, sys.stdout = sys.stdout, sys.stderr  # only our JSON goes to the parent
    app = build_app(args.variant, args.dir, args.redis, args.smtp_port, args.smtp_ca, args.database_url)
    applicant = Applicant(app, args.variant)

    def reply(value: object) -> None:
        replies.write(json.dumps(value) + "\n")
        replies.flush()

    reply({"ready": True})
    for line in sys.stdin:
        command = json.loads(line)
        if command["op"] == "run":
            reply({"ms": applicant.run(int(command["count"]), float(command.get("gap_ms", 0)))})
        elif command["op"] == "stats":
            reply(stats(app, args.variant, args.redis))
        elif command["op"] == "profile":
            reply({"text": profile(applicant, int(command["count"]))})
        else:
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
