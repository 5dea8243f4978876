"""Templates: subject from the template, escaping, strictness, host overrides, the message."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from jinja2 import UndefinedError

from interview_coach.plugin.events import parse_event
from interview_coach.workers.compose import Composed, build_message, template_context
from interview_coach.workers.rendering import EmailRenderer, RenderedEmail, TemplateError
from interview_coach.workers.tailoring import InterviewerQuestions, PrepPlan, QuestionPick, SkillReminder
from interview_coach.workers.timefmt import format_when

EVENT = parse_event({
    "kind": "interview_scheduled",
    "application": {
        "id": "a1",
        "job": {"id": "j1", "title": "Data <b>Analyst</b>", "company": "Northwind & Co"},
        "candidate": {"id": "c1", "name": "Priya <script>alert(1)</script> Nair", "email": "priya@example.com",
                      "timezone": "Asia/Kolkata"},
    },
    "interview": {"id": "i1", "stage": "onsite", "format": "video", "starts_at": "2031-03-04T09:30:00+00:00",
                  "timezone": "Europe/London", "video_link": "https://meet.example/abc",
                  "interviewers": [{"name": "Tom Reyes", "title": "Analytics Manager", "is_hiring_manager": True}]},
})

PLAN = PrepPlan(
    questions=(InterviewerQuestions("Tom Reyes", "Analytics Manager", "hiring_manager", (
        QuestionPick("q1", "What would a great first 90 days look like?", "It shows how success is measured.",
                     "success"),)),),
    skills=(SkillReminder("SQL", "hard", "Wrote the SQL behind our weekly revenue report.", True),
            SkillReminder("Communication", "soft", "Presented findings to the leadership team monthly.", False)),
)


def _render(kind: str, renderer: EmailRenderer | None = None):  # type: ignore[no-untyped-def]
    context = template_context(kind, EVENT, unsubscribe_url="https://jobs.example/coach/unsubscribe/t", plan=PLAN)
    return (renderer or EmailRenderer()).render(kind, context)


def test_subject_comes_from_the_template_and_stays_out_of_the_body():
    rendered = _render("interview_prep")
    assert rendered.subject == "Your interview for Data <b>Analyst</b>: how to prepare"
    assert not rendered.text.startswith("Your interview")


def test_html_escapes_whatever_the_host_sent():
    rendered = _render("interview_prep")
    assert "<b>Analyst" not in rendered.html
    assert "Data &lt;b&gt;Analyst&lt;/b&gt;" in rendered.html
    assert "Northwind &amp; Co" in rendered.html


def test_css_is_inlined_for_mail_clients_that_drop_style_blocks():
    html = _render("interview_prep").html
    assert "<style" not in html
    assert 'style="' in html


def test_times_are_in_the_candidates_zone_and_name_it():
    text = _render("interview_prep").text
    # 09:30 UTC is 15:00 in Kolkata (UTC+5:30).
    assert "When: Tuesday 4 March 2031 at 15:00 (Asia/Kolkata, IST)" in text
    assert "Interviewer's time: Tuesday 4 March 2031 at 09:30 (Europe/London, GMT)" in text


def test_format_when_names_summer_time():
    assert format_when(datetime(2031, 7, 1, 12, tzinfo=UTC), "Europe/London") == \
        "Tuesday 1 July 2031 at 13:00 (Europe/London, BST)"


def test_prep_email_shows_questions_with_why_and_skills_with_evidence():
    text = _render("interview_prep").text
    assert "Tom Reyes, Analytics Manager:" in text
    assert "1. What would a great first 90 days look like?\n   Why ask: It shows how success is measured." in text
    assert '- SQL (the job requires this)\n  You wrote: "Wrote the SQL behind our weekly revenue report."' in text
    assert "How you work:" in text and "Communication" in text


GROUPED_PLAN = PrepPlan(questions=PLAN.questions, skills=(
    SkillReminder("SQL", "hard", "Built the revenue dashboard in Tableau on SQL views.", True),
    SkillReminder("Looker", "hard", "Listed in your skills", True, listed=True),
    SkillReminder("Tableau", "hard", "Built the revenue dashboard in Tableau on SQL views.", False),
    SkillReminder("Cash handling", "hard", "Counted the tills and prepared the deposit.", True),
    SkillReminder("Opening and closing the store", "hard", "Counted the tills and prepared the deposit.", True),
    SkillReminder("dbt", "hard", "Listed in your skills", False, listed=True),
))


def _render_grouped():  # type: ignore[no-untyped-def]
    context = template_context("interview_prep", EVENT, unsubscribe_url="https://jobs.example/coach/unsubscribe/t",
                               plan=GROUPED_PLAN)
    return EmailRenderer().render("interview_prep", context)


def test_skills_shown_by_the_same_line_are_one_item_that_quotes_it_once():
    rendered = _render_grouped()
    assert ('- SQL and Tableau (the job requires SQL)\n'
            '  You wrote: "Built the revenue dashboard in Tableau on SQL views."\n') in rendered.text
    # A name with its own "and" is not run into the next one.
    assert "- Cash handling, Opening and closing the store (the job requires both)\n" in rendered.text
    assert rendered.text.count("Built the revenue dashboard") == 1
    assert rendered.html.count("Built the revenue dashboard") == 1
    assert "<strong>SQL</strong>" in rendered.html and " and <strong>Tableau</strong>" in rendered.html


def test_skills_only_in_the_candidates_list_are_not_quoted_as_their_words():
    rendered = _render_grouped()
    assert "- Looker and dbt (the job requires Looker)\n  From your list of skills.\n" in rendered.text
    assert "Listed in your skills" not in rendered.text
    assert "Listed in your skills" not in rendered.html
    assert "From your list of skills." in rendered.html


def test_every_kind_renders_with_an_unsubscribe_link_in_both_parts():
    for kind in ("application_received", "interview_prep", "interview_reminder", "interview_rescheduled",
                 "interview_cancelled"):
        rendered = _render(kind)
        assert "https://jobs.example/coach/unsubscribe/t" in rendered.text, kind
        assert 'href="https://jobs.example/coach/unsubscribe/t"' in rendered.html, kind


def test_a_host_template_overrides_the_packaged_one(tmp_path: Path):
    (tmp_path / "application_received.txt").write_text(
        '{% extends "base.txt" %}{% block subject %}Thanks, {{ candidate.first_name }}{% endblock %}'
        "{% block body %}Custom body{% endblock %}")
    rendered = _render("application_received", EmailRenderer(str(tmp_path)))
    assert rendered.subject == "Thanks, Priya"
    assert rendered.text.startswith("Custom body")
    assert "Thanks for applying" in rendered.html  # the .html was not overridden


def test_a_subject_with_a_line_break_is_an_error(tmp_path: Path):
    (tmp_path / "application_received.txt").write_text(
        '{% extends "base.txt" %}{% block subject %}Hello\nBcc: someone{% endblock %}')
    with pytest.raises(TemplateError, match="line break"):
        _render("application_received", EmailRenderer(str(tmp_path)))


def test_a_missing_variable_is_an_error_not_a_blank(tmp_path: Path):
    (tmp_path / "application_received.txt").write_text(
        '{% extends "base.txt" %}{% block subject %}Hi {{ candidate.nickname }}{% endblock %}')
    with pytest.raises(UndefinedError):
        _render("application_received", EmailRenderer(str(tmp_path)))


def test_message_has_crlf_line_endings_unsubscribe_headers_and_a_stable_message_id():
    rendered = _render("application_received")
    composed = Composed(rendered=rendered, plan=None, recipient="priya@example.com", recipient_name="Priya Nair")
    message = build_message(composed, sender="Careers <careers@northwind.test>",
                            message_id="<abc.coach@northwind.test>",
                            unsubscribe_url="https://jobs.example/coach/unsubscribe/t")
    raw = message.as_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    assert message["List-Unsubscribe"] == "<https://jobs.example/coach/unsubscribe/t>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Message-ID"] == "<abc.coach@northwind.test>"
    assert [part.get_content_type() for part in message.get_payload()] == ["text/plain", "text/html"]


def test_accented_subject_and_names_arrive_intact_and_a_line_break_in_a_header_is_refused():
    rendered = RenderedEmail(subject="Votre entretien chez Café Étoile", html="<p>Bonjour Zoë</p>",
                             text="Bonjour Zoë\n")
    composed = Composed(rendered=rendered, plan=None, recipient="zoe@example.com", recipient_name="Zoë Müller")
    message = build_message(composed, sender="Café Étoile <jobs@cafe.test>", message_id="<m.coach@cafe.test>",
                            unsubscribe_url="https://cafe.test/u/t")
    raw = message.as_bytes()
    assert raw.isascii()  # encoded for any server, 8BITMIME or not
    parsed = message_from_bytes(raw, policy=default)
    assert parsed["Subject"] == "Votre entretien chez Café Étoile"
    assert parsed["To"].addresses[0].display_name == "Zoë Müller"
    assert parsed["From"].addresses[0].display_name == "Café Étoile"
    assert parsed.get_body(("plain",)).get_content() == "Bonjour Zoë\n"
    assert parsed.get_body(("html",)).get_content() == "<p>Bonjour Zoë</p>"
    injected = Composed(rendered=RenderedEmail(subject="Hi\r\nBcc: x@evil.test", html="", text=""), plan=None,
                        recipient="zoe@example.com", recipient_name="Zoë")
    with pytest.raises(ValueError, match="Subject header would contain a line break"):
        build_message(injected, sender="jobs@cafe.test", message_id="<m@cafe.test>", unsubscribe_url="https://u")
