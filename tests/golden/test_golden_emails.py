"""Prep emails (the showcase and two more cases), as HTML and as text, against golden files a
person has read.

When a template or the tailoring engine changes on purpose, run
`python -m tests.golden.render_showcase`, read both files (open the .html in a browser),
and commit them with the change."""

from __future__ import annotations

import pytest

from tests.golden.render_showcase import GOLDEN_CASES, HERE, render_showcase


@pytest.mark.parametrize(("case", "stem"), GOLDEN_CASES.items())
def test_prep_email_text_matches_the_reviewed_golden_file(case: str, stem: str):
    rendered = render_showcase(case)
    assert f"Subject: {rendered.subject}\n\n{rendered.text}" == (HERE / f"{stem}.txt").read_text()


@pytest.mark.parametrize(("case", "stem"), GOLDEN_CASES.items())
def test_prep_email_html_matches_the_reviewed_golden_file(case: str, stem: str):
    assert render_showcase(case).html == (HERE / f"{stem}.html").read_text()
