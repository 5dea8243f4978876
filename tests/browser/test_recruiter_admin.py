"""A recruiter uses the candidate emails admin of the example board in a real browser, and
the real worker and SMTP server show what it changed. Screenshots of every page go to
test-artifacts/screenshots/."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Board, screenshot, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

ADMIN = "/recruiter/emails"
HANNAH = "hannah.kowalski@fernhill.example"  # Fernhill Home Goods' recruiter
AISHA = "aisha.rahman"  # applied to Fernhill's Customer Support Specialist
JOB = "Customer Support Specialist"


def sign_in(page: Any, name: str) -> None:
    page.goto("/recruiter/login")
    page.get_by_label(re.compile(rf"^{name}")).check()
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text(f"Signed in as {name}").wait_for()


def open_admin(page: Any, tab: str | None = None) -> None:
    """The board's nav link, then one of the admin's tabs; returns once its page is shown."""
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Candidate emails").click()
    page.get_by_role("heading", level=1, name="Candidate emails").wait_for()
    if tab:
        page.get_by_role("navigation", name="Candidate emails").get_by_role("link", name=tab).click()
        page.get_by_role("heading", level=1, name=tab).wait_for()


def prep_switch(page: Any) -> Any:
    return page.get_by_role("switch", name=f"Interview prep for {JOB}")


def schedule_interview(page: Any, candidate: str, stage: str, day_offset: int,
                       panel: list[tuple[str, str, str]]) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Recruiter").click()
    page.get_by_role("link", name=candidate).click()
    form = page.locator("#schedule")
    form.get_by_label("Stage").select_option(stage)
    date_input = form.get_by_label("Date")
    date_input.fill(page.evaluate(f"new Date(Date.now() + {day_offset} * 864e5).toISOString().slice(0, 10)"))
    form.get_by_label("Video link").fill(f"https://meet.example.com/{stage}-{day_offset}")
    for i, (name, title, role) in enumerate(panel):
        form.locator(f"#panel-{i}-name").fill(name)
        form.locator(f"#panel-{i}-title").fill(title)
        form.locator(f"#panel-{i}-role").select_option(role)
    form.get_by_role("button", name="Schedule interview").click()
    page.get_by_text("Interview scheduled.").wait_for()


def delivery_row(page: Any, kind: str, candidate: str, status: str, timeout: float = 60.0) -> Any:
    """Reload the delivery log (filtered) until the email shows with ``status``."""

    def shown() -> Any:
        page.goto(f"{ADMIN}/emails?kind={kind}&candidate={candidate}")
        row = page.locator("table.coach-log tbody tr").filter(has_text=status)
        return row if row.count() else None

    return wait_for(shown, timeout, f"a {status} {kind} email for {candidate} in the delivery log")


def test_the_admin_sends_visitors_to_sign_in_first(page: Any) -> None:
    page.goto(f"{ADMIN}/jobs")
    expect(page).to_have_url(re.compile(r"/recruiter/login\?next="))
    expect(page.get_by_role("heading", name="Recruiter sign-in")).to_be_visible()


def test_a_recruiter_switches_prep_off_and_on_previews_it_and_sends_a_test(page: Any, board: Board) -> None:
    sign_in(page, "Hannah Kowalski")
    open_admin(page)
    # The overview knows the worker is consuming once its periodic sweep has run.
    wait_for(lambda: page.reload() and page.get_by_text("A worker is consuming.").count(), 60,
             "the overview to show a consuming worker", board)
    expect(page.get_by_role("link", name=re.compile(r"^[1-9]\d* sent$"))).to_be_visible()
    screenshot(page, "01-overview")

    # Interview prep off for one job, from the jobs list's switch.
    open_admin(page, "Jobs")
    expect(prep_switch(page)).to_have_attribute("aria-checked", "true")
    prep_switch(page).click()
    page.get_by_text("Saved: Interview prep: inherited → off").wait_for()
    expect(prep_switch(page)).to_have_attribute("aria-checked", "false")
    screenshot(page, "02-jobs-prep-off")

    # An interview scheduled now gets no prep email: it is skipped, with the reason.
    schedule_interview(page, "Aisha Rahman", "skills", 3, [
        ("Dana Whitfield", "Support Team Lead", "hiring_manager"),
        ("Chris Odum", "Senior Support Specialist", "peer")])
    row = delivery_row(page, "interview_prep", AISHA, "skipped")
    assert "switched off for this job" in row.inner_text()
    screenshot(page, "03-delivery-log-prep-skipped")
    assert not board.emails_to(AISHA, "how to prepare"), "a prep email reached the SMTP server while switched off"

    # Switched on again, the next interview's prep email reaches the SMTP server.
    open_admin(page, "Jobs")
    prep_switch(page).click()
    page.get_by_text("Saved: Interview prep: off → on").wait_for()
    schedule_interview(page, "Aisha Rahman", "final", 6, [
        ("Marta Quinn", "Head of Customer Experience", "hiring_manager"),
        ("Chris Odum", "Senior Support Specialist", "peer")])
    prep = board.wait_for_email(AISHA, "how to prepare")
    assert "Final interview" in str(prep["Subject"]) or "final" in str(prep["Subject"]).lower()
    assert len(board.emails_to(AISHA, "how to prepare")) == 1

    # The job's page shows both changes: who, what, when.
    open_admin(page, "Jobs")
    page.get_by_role("link", name=JOB).click()
    changes = page.get_by_role("table", name=re.compile("Who changed what"))
    expect(changes.get_by_text("Interview prep: inherited → off")).to_be_visible()
    expect(changes.get_by_text("Interview prep: off → on")).to_be_visible()
    expect(changes.get_by_text("Hannah Kowalski", exact=True)).to_have_count(2)
    expect(changes.get_by_text(HANNAH).first).to_be_visible()
    screenshot(page, "04-job")

    # The preview of the prep email groups the questions per interviewer.
    page.get_by_role("link", name="Preview emails").click()
    page.get_by_label("Interview").select_option(index=0)  # the latest interview: the final
    page.get_by_role("button", name="Show").click()
    groups = page.locator(".coach-interviewer")
    expect(groups).to_have_count(2)
    assert "Marta Quinn" in groups.nth(0).locator("h4").inner_text()
    assert "Chris Odum" in groups.nth(1).locator("h4").inner_text()
    for i in range(2):
        assert groups.nth(i).locator("li").count() >= 1
    email_frame = page.frame_locator("iframe.coach-email-frame")
    expect(email_frame.get_by_text("Marta Quinn").first).to_be_visible()
    subject = page.get_by_test_id("preview-subject").inner_text()
    # The preview is what was sent. (Python folds a long subject onto the next line; the
    # unfolded value keeps that line's leading space, which mail clients drop.)
    assert subject == str(prep["Subject"]).strip()
    screenshot(page, "05-preview-prep")

    # "Send a test to me" reaches the recruiter's own inbox.
    page.get_by_role("button", name="Send a test to me").click()
    page.get_by_text(f"is on its way to {HANNAH}").wait_for()
    test_email = board.wait_for_email(HANNAH, "[Test]")
    assert str(test_email["Subject"]).strip() == f"[Test] {subject}"

    open_admin(page, "Company defaults")
    screenshot(page, "06-companies")
    page.get_by_role("link", name="Change the defaults of Fernhill Home Goods").click()
    page.get_by_role("heading", name="Fernhill Home Goods").wait_for()
    screenshot(page, "07-company-defaults")


def test_a_recruiter_removes_an_opt_out_after_confirming(page: Any, board: Board) -> None:
    # A candidate unsubscribes through the link in their email.
    confirmation = board.wait_for_email("tom.brennan", "We received your application")
    link = re.search(r"https?://\S+/unsubscribe/\S+", confirmation.get_body(preferencelist=("plain",)).get_content())
    assert link is not None
    page.goto(link.group(0).rstrip(">"))
    page.get_by_role("button", name="Unsubscribe").click()
    page.get_by_role("heading", name="You are unsubscribed").wait_for()

    sign_in(page, "Hannah Kowalski")
    open_admin(page, "Opt-outs")
    page.get_by_role("link", name=re.compile("Remove tom.brennan")).wait_for()
    screenshot(page, "08-opt-outs")
    page.get_by_role("link", name=re.compile("Remove tom.brennan")).click()
    screenshot(page, "09-opt-out-confirm")
    page.get_by_role("button", name="Yes, remove from the opt-outs").click()
    page.get_by_text("will receive emails again").wait_for()
    expect(page.get_by_text("Nobody has opted out.")).to_be_visible()

    open_admin(page, "Delivery log")
    screenshot(page, "10-delivery-log")


def test_keyboard_alone_switches_an_email(page: Any) -> None:
    sign_in(page, "Tasha Greene")
    open_admin(page, "Jobs")
    switch = page.get_by_role("switch", name="Reminder for Membership Sales Consultant")
    before = switch.get_attribute("aria-checked")
    switch.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Saved: Reminder").wait_for()
    after = "false" if before == "true" else "true"
    expect(page.get_by_role("switch", name="Reminder for Membership Sales Consultant")).to_have_attribute(
        "aria-checked", after)
    # Every form control on the page has an accessible name.
    unnamed = page.evaluate("""() => [...document.querySelectorAll('.coach-admin input:not([type=hidden]),'
        + '.coach-admin select, .coach-admin button')].filter(el => !el.hidden && !(el.labels && el.labels.length)
        && !el.getAttribute('aria-label') && !el.textContent.trim()).map(el => el.outerHTML)""")
    assert unnamed == []
