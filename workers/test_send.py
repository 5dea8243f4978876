""""Send a test to me": the admin's preview, composed again in the worker and sent to the
recruiter who asked. It is not a candidate email, so it has no ``coach_delivery`` row; its
outcome is written to the audit log, where the job's page shows it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from celery import Celery, Task

from interview_coach.plugin.operations import record_audit
from interview_coach.plugin.privacy import redact
from interview_coach.plugin.tables import utcnow

from .compose import build_message
from .context import WorkerContext
from .mailer import PermanentSendError, TransientSendError
from .planning import message_id_for
from .preview import SampleJob, addressed_to, build_preview

log = logging.getLogger("interview_coach.test_send")


@dataclass(frozen=True)
class SendTestRequest:
    job: SampleJob
    kind: str
    source: str  # an event id of the job, or "sample"
    to_email: str
    to_name: str
    actor: str


def send_test(ctx: WorkerContext, request: SendTestRequest, *, final_attempt: bool = True) -> str:
    """Compose and send; returns "sent" or "failed". Raises ``TransientSendError`` when a
    retry may help and this is not the final attempt."""
    with ctx.store.begin() as session:
        preview = build_preview(session, ctx, request.job, request.kind, request.source,
                                unsubscribe_email=request.to_email)
    composed = addressed_to(preview.composed, request.to_email, request.to_name)
    key = f"test:{request.kind}:{request.job.id}:{request.to_email}:{utcnow().isoformat()}"
    message = build_message(composed, sender=ctx.mail_from, message_id=message_id_for(key, ctx.policy.mail_domain),
                            unsubscribe_url=ctx.unsubscribe_url(request.to_email), reply_to=ctx.reply_to)
    try:
        ctx.mailer.send(message)
    except TransientSendError as exc:
        if not final_attempt:
            raise
        return _record(ctx, request, f"not sent: {exc.reason}")
    except PermanentSendError as exc:
        return _record(ctx, request, f"not sent: {exc.reason}")
    return _record(ctx, request, None, composed.rendered.subject)


def _record(ctx: WorkerContext, request: SendTestRequest, error: str | None, subject: str = "") -> str:
    if error:
        log.warning("interview coach: a test %s email was not sent: %s", request.kind, redact(error))
        detail = f"test of {request.kind} to {request.to_email} {error}"
    else:
        detail = f"test of {request.kind} sent to {request.to_email}: {subject}"
    with ctx.store.begin() as session:
        record_audit(session, request.actor, "test result", "job", request.job.id, detail[:1000])
    return "failed" if error else "sent"


def register_send_test(celery: Celery, context: Callable[[], WorkerContext]) -> None:
    @celery.task(name="interview_coach.send_test", shared=False, bind=True, max_retries=3)
    def send_test_task(self: Task, job: dict[str, str], kind: str, source: str, to_email: str, to_name: str,
                       actor: str) -> str:
        """``job`` carries the host's job fields (from its jobs provider, which the web request
        asked within the recruiter's scope); everything else is loaded fresh."""
        request = SendTestRequest(job=SampleJob(**job), kind=kind, source=source, to_email=to_email,
                                  to_name=to_name, actor=actor)
        try:
            return send_test(context(), request, final_attempt=self.request.retries >= self.max_retries)
        except TransientSendError:
            raise self.retry(countdown=5 * 2 ** self.request.retries) from None
