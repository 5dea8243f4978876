"""The showcase prep email, as HTML and as text, against golden files a person has read.

When a template or the tailoring engine changes on purpose, run
`python -m tests.golden.render_showcase`, read both files (open the .html in a browser),
and commit them with the change."""

from __future__ import annotations

from tests.golden.render_showcase import HERE, render_showcase


def test_showcase_prep_email_text_matches_the_reviewed_golden_file():
    rendered = render_showcase()
    assert f"Subject: {rendered.subject}\n\n{rendered.text}" == (HERE / "interview_prep.txt").read_text()


def test_showcase_prep_email_html_matches_the_reviewed_golden_file():
    assert render_showcase().html == (HERE / "interview_prep.html").read_text()
