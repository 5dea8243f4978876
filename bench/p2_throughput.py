"""P2: emails per second per worker process, full pipeline, against a naive pipeline and the
SMTP ceiling, all measured in the same run.

Run ``.venv/bin/python bench/p2_throughput.py`` (``--profile`` adds a cProfile of the full
pipeline). Prints figures only; a missed goal is reported, never an error.

- **Full pipeline**: what the worker's ``process_event`` task does for each event, without
  Celery around it, over events already stored in the plugin's inbox in SQLite (half
  ``interview_scheduled``, whose tailored prep email is due at once, half
  ``application_submitted`` confirmations): plan the event's deliveries and claim the one
  due now (toggles, opt-outs, interview state, in one transaction: the real
  ``planning.process_event``), then the real ``sending.deliver``: tailoring, Jinja
  (templates compiled once), css-inline, MIME, SMTP over the pooled ``Mailer``
  connection, record the outcome. One thread: one worker process.
- **Naive pipeline**, the same planning, ``deliver`` and database work over the same kind
  of events, with the three choices the plugin avoids: a new ``jinja2.Environment`` (every
  template compiled again) per email, premailer for CSS inlining, and a new SMTP connection
  per email (connect, EHLO, send, QUIT, as Flask-Mail does per message).
- **Ceiling**: ``smtplib.SMTP.send_message`` of one pre-built prep email, again and again
  over one connection: what this SMTP server and client can do with no work per email.

The SMTP server (aiosmtpd) runs in a process of its own, on a free loopback port.
Goals (issue 5): ≥ 150 emails/s, ≥ 3× naive, ≥ 40% of the ceiling.
"""

from __future__ import annotations

import argparse
import logging
import os
import smtplib
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from _events import mixed
from _support import SmtpSink, goal, header, scratch_dir
from flask import Flask
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from interview_coach.plugin import InterviewCoach, coach_state
from interview_coach.plugin.migrate import upgrade
from interview_coach.workers import planning
from interview_coach.workers.compose import build_message, compose
from interview_coach.workers.context import WorkerContext, worker_context
from interview_coach.workers.rendering import RenderedEmail, package_template_folder
from interview_coach.workers.sending import deliver

ROUNDS = 3
FULL_PER_ROUND = 400
NAIVE_PER_ROUND = 100
CEILING_PER_ROUND = 800
WARM_UP = 20
BREAKDOWN = 100


class NaiveRenderer:
    """Renders like a first implementation would: a fresh Environment each time, premailer."""

    def render(self, kind: str, context: dict[str, Any]) -> RenderedEmail:
        import premailer

        env = Environment(loader=FileSystemLoader(package_template_folder()), undefined=StrictUndefined,
                          autoescape=select_autoescape(enabled_extensions=("html",)), trim_blocks=True,
                          lstrip_blocks=True, keep_trailing_newline=True)
        text_template = env.get_template(f"{kind}.txt")
        subject = "".join(text_template.blocks["subject"](text_template.new_context(context))).strip()
        html = premailer.Premailer(env.get_template(f"{kind}.html").render(context),
                                   cssutils_logging_level=logging.CRITICAL).transform()
        return RenderedEmail(subject=subject, html=html, text=text_template.render(context))


class NaiveMailer:
    """A new SMTP connection per email."""

    def __init__(self, port: int) -> None:
        self.port = port

    def send(self, message: EmailMessage) -> None:
        with smtplib.SMTP("127.0.0.1", self.port, timeout=10) as smtp:
            smtp.send_message(message)


def make_app(folder: Path, smtp_port: int) -> Flask:
    app = Flask("bench_p2")
    app.config.update(
        SECRET_KEY="bench-secret",
        INTERVIEW_COACH_DATABASE_URL=f"sqlite:///{folder / 'coach.sqlite'}",
        # Tasks are never consumed here: the loop below is the worker.
        INTERVIEW_COACH_BROKER_URL="memory://",
        INTERVIEW_COACH_SMTP_HOST="127.0.0.1",
        INTERVIEW_COACH_SMTP_PORT=smtp_port,
        INTERVIEW_COACH_BASE_URL="https://jobs.bench.example",
        INTERVIEW_COACH_MAIL_FROM="Careers <careers@bench.example>",
    )
    InterviewCoach().init_app(app)
    upgrade(coach_state(app).store.engine)
    return app


def store_events(app: Flask, prefix: str, count: int) -> list[int]:
    """Events through the plugin's inbox, as the host hands them over (not timed)."""
    state = coach_state(app)
    event_ids = [state.inbox.record_now(mixed(prefix, i), "api") for i in range(count)]
    state.publisher.flush()
    assert all(event_ids)
    return [event_id for event_id in event_ids if event_id is not None]


def timed_sends(ctx: WorkerContext, event_ids: list[int]) -> float:
    """Plan each event, claiming what is due now, then send it: the worker's task body."""
    started = time.perf_counter()
    for event_id in event_ids:
        with ctx.store.engine.begin() as connection:
            plan = planning.process_event(connection, event_id, ctx.policy, claim_due_now=True)
        if len(plan.claimed) != 1:
            raise RuntimeError(f"event {event_id}: {len(plan.claimed)} emails due now, expected 1")
        result = deliver(ctx, plan.claimed[0])
        if result.outcome != "sent":
            raise RuntimeError(f"event {event_id}: {result}")
    return time.perf_counter() - started


def timed_ceiling(port: int, message: EmailMessage, count: int) -> float:
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as smtp:
        started = time.perf_counter()
        for _ in range(count):
            smtp.send_message(message)
        return time.perf_counter() - started


def prebuilt_prep_message(ctx: WorkerContext) -> EmailMessage:
    event = mixed("ceiling", 1)  # an interview_scheduled event: the largest email
    url = ctx.unsubscribe_url(event.application.candidate.email)
    composed = compose(ctx.renderer, "interview_prep", event, unsubscribe_url=url)
    return build_message(composed, sender=ctx.mail_from, message_id="<ceiling@bench.example>", unsubscribe_url=url)


def breakdown(ctx: WorkerContext, ids: list[int]) -> None:
    """Where one email's time goes: the steps of ``send_delivery`` timed one by one (a
    separate pass, so the wrappers never touch the throughput figures)."""
    from interview_coach.workers import sending

    spent: dict[str, float] = {}
    originals = {name: getattr(sending, name) for name in ("compose", "build_message", "_finish")}
    labels = {"compose": "compose", "build_message": "MIME message", "_finish": "record outcome"}
    process_event = planning.process_event

    def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - started
        return wrapper

    for name, function in originals.items():
        setattr(sending, name, timed(labels[name], function))
    planning.process_event = timed("plan + claim", process_event)  # type: ignore[assignment]
    send = ctx.mailer.send
    ctx.mailer.send = timed("SMTP", send)  # type: ignore[method-assign]
    try:
        total = timed_sends(ctx, ids)
    finally:
        for name, function in originals.items():
            setattr(sending, name, function)
        planning.process_event = process_event  # type: ignore[assignment]
        ctx.mailer.send = send  # type: ignore[method-assign]
    parts = ", ".join(f"{label} {1000 * value / len(ids):.2f}" for label, value in spent.items())
    rest = 1000 * (total - sum(spent.values())) / len(ids)
    print(f"\nfull pipeline, ms per email ({len(ids)} more emails): {1000 * total / len(ids):.2f} in all = "
          f"{parts}, other {rest:.2f}")


def profile(ctx: WorkerContext, ids: list[int]) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(timed_sends, ctx, ids)
    print("\nprofile of the full pipeline (cumulative time, top 25):")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def premailer_missing() -> bool:
    try:
        import premailer  # noqa: F401
    except ImportError:
        print("premailer is not installed (it is in the [dev] extra: pip install -e '.[dev]'); "
              "the naive pipeline is skipped")
        return True
    return False


def run(args: argparse.Namespace) -> None:
    header("P2: emails per second per worker process")
    if premailer_missing():
        args.naive = 0
    with scratch_dir("p2") as folder, SmtpSink(folder) as sink:
        app = make_app(folder, sink.port)
        with app.app_context():
            ctx = worker_context(app, coach_state(app).store)
            naive = WorkerContext(app=app, store=ctx.store, pid=os.getpid())
            naive.__dict__["renderer"] = NaiveRenderer()
            naive.__dict__["mailer"] = NaiveMailer(sink.port)
            rounds = args.rounds
            print(f"planning deliveries ({rounds} rounds: {args.full} full, {args.naive} naive, "
                  f"{args.ceiling} ceiling sends each; half tailored prep emails, half confirmations)...")
            full_ids = store_events(app, "full", WARM_UP + rounds * args.full)
            naive_ids = store_events(app, "naive", WARM_UP + rounds * args.naive) if args.naive else []
            message = prebuilt_prep_message(ctx)
            timed_sends(ctx, full_ids[:WARM_UP])
            timed_sends(naive, naive_ids[:WARM_UP])
            timed_ceiling(sink.port, message, WARM_UP)

            totals = {"full": [0, 0.0], "naive": [0, 0.0], "ceiling": [0, 0.0]}
            per_round: dict[str, list[float]] = {name: [] for name in totals}

            def measure(name: str, count: int, action: Callable[[], float]) -> None:
                elapsed = action()
                totals[name][0] += count
                totals[name][1] += elapsed
                per_round[name].append(count / elapsed)

            for r in range(rounds):
                full_batch = full_ids[WARM_UP + r * args.full:WARM_UP + (r + 1) * args.full]
                naive_batch = naive_ids[WARM_UP + r * args.naive:WARM_UP + (r + 1) * args.naive]
                measure("full", len(full_batch), lambda b=full_batch: timed_sends(ctx, b))  # type: ignore[misc]
                if naive_batch:
                    measure("naive", len(naive_batch), lambda b=naive_batch: timed_sends(naive, b))  # type: ignore[misc]
                measure("ceiling", args.ceiling, lambda: timed_ceiling(sink.port, message, args.ceiling))
            breakdown(ctx, store_events(app, "breakdown", BREAKDOWN))
            if args.profile:
                profile(ctx, store_events(app, "profile", 200))
            ctx.mailer.close()
        expected = (WARM_UP * (3 if args.naive else 2) + sum(int(count) for count, _ in totals.values())
                    + BREAKDOWN + (200 if args.profile else 0))
        received = sink.count()

    rates = {name: count / elapsed for name, (count, elapsed) in totals.items() if count}
    print(f"\n{'pipeline':<10}{'emails':>8}{'emails/s':>11}   per round")
    for name, rate in rates.items():
        rounds_text = ", ".join(f"{r:.0f}" for r in per_round[name])
        print(f"{name:<10}{totals[name][0]:>8}{rate:>11.1f}   {rounds_text}")
    print(f"SMTP server accepted {received} of {expected} messages sent")
    of_ceiling = rates["full"] / rates["ceiling"]
    versus_naive = rates["full"] / rates["naive"] if "naive" in rates else float("nan")
    print(f"\nfull / naive = {versus_naive:.1f}x;  full / ceiling = {of_ceiling:.0%}")
    goal("≥ 150 emails/s per worker process", rates["full"] >= 150, f"{rates['full']:.0f}/s")
    if "naive" in rates:
        goal("≥ 3× the naive pipeline", versus_naive >= 3, f"{versus_naive:.1f}x")
    goal("≥ 40% of the SMTP ceiling", of_ceiling >= 0.40, f"{of_ceiling:.0%}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="interleaved rounds (less drift on a noisy box)")
    parser.add_argument("--full", type=int, default=FULL_PER_ROUND, help="full-pipeline emails per round")
    parser.add_argument("--naive", type=int, default=NAIVE_PER_ROUND, help="naive-pipeline emails per round")
    parser.add_argument("--ceiling", type=int, default=CEILING_PER_ROUND, help="raw SMTP sends per round")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of the full pipeline")
    run(parser.parse_args())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
