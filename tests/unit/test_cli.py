"""`flask coach ...`: the operator's commands."""

from __future__ import annotations

from interview_coach.plugin import coach_state
from interview_coach.plugin.tables import DeliveryRow, utcnow
from tests.support.processes import free_port
from tests.support.smtp import SmtpServer


def test_db_current_reports_the_migrated_revision(app):
    result = app.test_cli_runner().invoke(args=["coach", "db", "current"])
    assert result.output.strip() == "0004"


def test_toggle_then_toggles_shows_where_each_value_comes_from(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["coach", "toggle", "interview_prep", "off", "--company", "acme"]).exit_code == 0
    assert runner.invoke(args=["coach", "toggle", "interview_reminder", "on", "--job", "42",
                               "--offset-minutes", "90"]).exit_code == 0
    output = runner.invoke(args=["coach", "toggles", "--job", "42", "--company", "acme"]).output
    lines = {line.split()[0]: line for line in output.splitlines()}
    assert "off" in lines["interview_prep"] and "(company)" in lines["interview_prep"]
    assert "(job, 90 min before)" in lines["interview_reminder"]
    assert "(default)" in lines["application_received"]


def test_toggle_needs_exactly_one_scope_and_a_sane_offset(app):
    runner = app.test_cli_runner()
    assert "exactly one" in runner.invoke(args=["coach", "toggle", "interview_prep", "off"]).output
    result = runner.invoke(args=["coach", "toggle", "interview_prep", "on", "--job", "1", "--offset-minutes", "5"])
    assert result.exit_code != 0 and "only interview_reminder has an offset" in result.output


def test_send_test_delivers_a_sample_prep_email_over_smtp(app):
    server = SmtpServer(free_port())
    server.start()
    try:
        app.config.update(INTERVIEW_COACH_SMTP_HOST="127.0.0.1", INTERVIEW_COACH_SMTP_PORT=server.port)
        result = app.test_cli_runner().invoke(args=["coach", "send-test", "recruiter@example.com"])
        assert result.exit_code == 0, result.output
        [email] = server.wait_for(lambda r: "recruiter@example.com" in r.envelope_to)
        assert "how to prepare" in str(email.message["Subject"])
    finally:
        server.stop()


def test_send_test_reports_an_smtp_refusal(app):
    app.config.update(INTERVIEW_COACH_SMTP_HOST="127.0.0.1", INTERVIEW_COACH_SMTP_PORT=free_port())
    result = app.test_cli_runner().invoke(args=["coach", "send-test", "recruiter@example.com"])
    assert result.exit_code == 1
    assert "not sent: could not reach the SMTP server" in result.output


def test_resend_only_takes_failed_or_skipped_emails(app):
    with app.app_context(), coach_state(app).store.begin() as session:
        delivery = DeliveryRow(key="k", kind="application_received", event_id=1, application_id="a", job_id="j",
                               company_id="c", candidate_id="c", recipient="x@example.com", status="sent",
                               due_at=utcnow(), message_id="<m@x>")
        session.add(delivery)
    result = app.test_cli_runner().invoke(args=["coach", "resend", str(delivery.id)])
    assert result.exit_code == 1 and "only failed, skipped or cancelled" in result.output


def test_schema_prints_the_event_json_schema(app):
    result = app.test_cli_runner().invoke(args=["coach", "schema"])
    assert '"interview_scheduled"' in result.output
