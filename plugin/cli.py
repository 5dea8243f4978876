"""``flask coach ...``: the operator's commands."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import func, select

from . import migrate
from .config import EMAIL_KINDS
from .events import schema_text
from .extension import coach_state
from .health import worker_health
from .operations import OperationError, requeue_delivery
from .tables import DeliveryRow, EventRow, utcnow
from .toggles import resolve_toggles, set_toggle

coach_cli = AppGroup("coach", help="Interview Coach: candidate emails before and after interviews.")
db_cli = AppGroup("db", help="The plugin's own tables (Alembic, version table coach_alembic_version).")
coach_cli.add_command(db_cli)


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision: str) -> None:
    """Create or update the plugin's tables."""
    migrate.upgrade(coach_state().store.engine, revision)
    click.echo(f"interview coach tables at {migrate.current_revision(coach_state().store.engine)}")


@db_cli.command("downgrade")
@click.argument("revision")
def db_downgrade(revision: str) -> None:
    migrate.downgrade(coach_state().store.engine, revision)


@db_cli.command("current")
def db_current() -> None:
    click.echo(migrate.current_revision(coach_state().store.engine) or "no tables yet: run flask coach db upgrade")


@coach_cli.command("worker")
def worker_hint() -> None:
    """How to run the workers for this app."""
    app_path = "your_package:create_app"
    click.echo("Run a worker and the periodic scheduler (beat) next to your web processes:\n")
    click.echo(f"  FLASK_APP={app_path} celery -A interview_coach.workers.entry worker "
               f"-Q {current_app.config['INTERVIEW_COACH_TASK_QUEUE']} --loglevel INFO")
    click.echo(f"  FLASK_APP={app_path} celery -A interview_coach.workers.entry beat --loglevel INFO\n")
    click.echo("Run exactly one beat. In development, 'worker -B' runs both in one process.")


@coach_cli.command("status")
@click.option("--timeout", default=2.0, show_default=True, help="Seconds to wait for workers to answer.")
def status(timeout: float) -> None:
    """Events and emails by status, what is due, and whether a worker answers."""
    state = coach_state()
    now = utcnow()
    with state.store.begin() as session:
        events = dict(session.execute(select(EventRow.status, func.count()).group_by(EventRow.status)).all())
        deliveries = dict(session.execute(select(DeliveryRow.status, func.count())
                                          .group_by(DeliveryRow.status)).all())
        overdue = session.scalar(select(func.count()).where(DeliveryRow.status == "pending",
                                                            DeliveryRow.due_at <= now))
        health = worker_health(session, current_app.config["INTERVIEW_COACH_DISPATCH_INTERVAL_SECONDS"])
    click.echo("events:     " + (", ".join(f"{k} {v}" for k, v in sorted(events.items())) or "none"))
    click.echo("deliveries: " + (", ".join(f"{k} {v}" for k, v in sorted(deliveries.items())) or "none"))
    click.echo(f"due now:    {overdue}")
    click.echo(f"heartbeat:  {health.describe(now)}")
    try:
        replies = state.celery.control.ping(timeout=timeout) or []
    except Exception as exc:
        click.echo(f"workers:    broker unreachable ({type(exc).__name__})")
        raise SystemExit(2) from None
    answering = f"{len(replies)} answering" if replies else "none answering (stalled or not running)"
    click.echo(f"workers:    {answering}")
    if not replies or not health.consuming:
        raise SystemExit(1)


@coach_cli.command("send-test")
@click.argument("email")
@click.option("--kind", type=click.Choice(EMAIL_KINDS), default="interview_prep", show_default=True)
def send_test(email: str, kind: str) -> None:
    """Send a sample email straight over SMTP, to check the mail settings and templates."""
    from interview_coach.workers.compose import build_message, compose
    from interview_coach.workers.context import worker_context
    from interview_coach.workers.mailer import SendError
    from interview_coach.workers.planning import message_id_for
    from interview_coach.workers.samples import sample_event

    ctx = worker_context(current_app, coach_state().store)
    event = sample_event(email)
    url = ctx.unsubscribe_url(email)
    composed = compose(ctx.renderer, kind, event, unsubscribe_url=url, company_name=ctx.company_name)
    message = build_message(composed, sender=ctx.mail_from, unsubscribe_url=url, reply_to=ctx.reply_to,
                            message_id=message_id_for(f"test:{kind}:{utcnow().isoformat()}", ctx.policy.mail_domain))
    try:
        ctx.mailer.send(message)
    except SendError as exc:
        raise click.ClickException(f"not sent: {exc.reason}") from None
    finally:
        ctx.mailer.close()
    click.echo(f"sent a sample {kind} email: {composed.rendered.subject!r}")


@coach_cli.command("relay")
@click.option("--all", "everything", is_flag=True, help="Also events younger than RELAY_AFTER_SECONDS.")
def relay_command(everything: bool) -> None:
    """Enqueue events that are still pending (e.g. after a broker outage)."""
    from datetime import timedelta

    from interview_coach.workers.tasks import relay

    state = coach_state()
    now = utcnow()
    cutoff = now if everything else now - timedelta(seconds=current_app.config["INTERVIEW_COACH_RELAY_AFTER_SECONDS"])
    count = relay(state.store, state.celery.tasks["interview_coach.process_event"], now, cutoff)
    click.echo(f"enqueued {count} pending event(s)")


@coach_cli.command("schema")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file instead.")
def schema(output: Path | None) -> None:
    """The JSON Schema of the events (what the webhook accepts)."""
    text = schema_text()
    if output:
        output.write_text(text)
        click.echo(f"wrote {output}")
    else:
        click.echo(text, nl=False)


@coach_cli.command("toggle")
@click.argument("kind", type=click.Choice(EMAIL_KINDS))
@click.argument("value", type=click.Choice(["on", "off", "inherit"]))
@click.option("--job", "job_id", help="The host's job id.")
@click.option("--company", "company_id", help="The company id (its default for all its jobs).")
@click.option("--offset-minutes", type=int, help="For interview_reminder: how long before the start.")
def toggle(kind: str, value: str, job_id: str | None, company_id: str | None, offset_minutes: int | None) -> None:
    """Switch an email kind on or off for a job or a company."""
    if bool(job_id) == bool(company_id):
        raise click.UsageError("give exactly one of --job or --company")
    scope, scope_id = ("job", job_id) if job_id else ("company", company_id)
    enabled = None if value == "inherit" else value == "on"
    try:
        with coach_state().store.begin() as session:
            set_toggle(session, scope, scope_id, kind, enabled, reminder_offset_minutes=offset_minutes,
                       updated_by="cli")  # type: ignore[arg-type]
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"{kind} {value} for {scope} {scope_id}")


@coach_cli.command("toggles")
@click.option("--job", "job_id", required=True)
@click.option("--company", "company_id", required=True)
def show_toggles(job_id: str, company_id: str) -> None:
    """The effective switches of one job, and where each value comes from."""
    config = current_app.config
    with coach_state().store.begin() as session:
        toggles = resolve_toggles(session, job_id, company_id, config["INTERVIEW_COACH_DEFAULT_KINDS"],
                                  config["INTERVIEW_COACH_REMINDER_OFFSET_MINUTES"])
    for item in toggles.values():
        extra = f", {item.reminder_offset_minutes} min before" if item.reminder_offset_minutes else ""
        click.echo(f"{item.kind:24} {'on' if item.enabled else 'off':3}  ({item.source}{extra})")


@coach_cli.command("resend")
@click.argument("delivery_id", type=int)
def resend(delivery_id: int) -> None:
    """Send a failed (or skipped, or cancelled) email again."""
    state = coach_state()
    try:
        with state.store.begin() as session:
            requeue_delivery(session, delivery_id, actor="cli")
    except OperationError as exc:
        raise click.ClickException(str(exc)) from None
    state.celery.tasks["interview_coach.send_delivery"].apply_async(args=[delivery_id])
    click.echo(f"email {delivery_id} queued again")
