"""A real browser on the real example board: Debian's Chromium driven by Playwright, and the
demo launcher (web app, Celery worker with its scheduler, SMTP mail catcher) in a temp dir.

Playwright never downloads a browser here: it launches the executable named by
``COACH_CHROMIUM`` (``scripts/run-tests.sh`` sets it, installing Debian's ``chromium`` when
it is missing), else ``chromium`` on the PATH. With none, these tests are skipped and say why.
"""

from __future__ import annotations

import mailbox
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any

import pytest

from tests.support.processes import REPO, free_port

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"


def chromium_executable() -> tuple[str | None, str]:
    """The browser to launch, or None and why there is none."""
    named = os.environ.get("COACH_CHROMIUM")
    if named:
        if os.access(named, os.X_OK):
            return named, ""
        return None, f"COACH_CHROMIUM={named} is not an executable"
    for candidate in ("chromium", "chromium-browser"):
        found = shutil.which(candidate)
        if found:
            return found, ""
    return None, ("no Chromium: install Debian's 'chromium' package (make test does so when run as root) "
                  "or set COACH_CHROMIUM to a Chromium executable")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable, why = chromium_executable()
    if executable is None:
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # launch() gives every run a fresh, throw-away user-data dir.
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Board:
    """The example board as `make demo` runs it, with what the tests need to look inside."""

    url: str
    state: Path
    process: subprocess.Popen[bytes]

    @property
    def maildir(self) -> Path:
        return self.state / "outbox"

    def emails(self) -> list[EmailMessage]:
        if not (self.maildir / "cur").is_dir():
            return []
        box = mailbox.Maildir(str(self.maildir), factory=None, create=False)
        found = []
        for key in box.iterkeys():
            try:
                found.append(message_from_bytes(box.get_bytes(key), policy=default))
            except (KeyError, FileNotFoundError):
                continue
        return found  # type: ignore[return-value]

    def emails_to(self, address: str, subject_part: str) -> list[EmailMessage]:
        return [m for m in self.emails()
                if address in str(m.get("X-Catcher-Recipients", "")) and subject_part in str(m["Subject"])]

    def wait_for_email(self, address: str, subject_part: str, timeout: float = 90.0) -> EmailMessage:
        return wait_for(lambda: next(iter(self.emails_to(address, subject_part)), None), timeout,
                        f"an email to {address} with {subject_part!r} in its subject", self)

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}"
                         for p in sorted((self.state / "logs").glob("*.log")))


def wait_for(check: Callable[[], Any], timeout: float, what: str, board: Board | None = None) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}\n{board.logs() if board else ''}")
        time.sleep(0.3)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.fixture(scope="session")
def board(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Board]:
    """The demo launcher with its embedded broker (a folder of its own: nothing shared with
    other tests), on free ports."""
    state = tmp_path_factory.mktemp("board")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL" and not k.startswith("INTERVIEW_COACH_")}
    log = (state / "launcher.log").open("ab")
    process = subprocess.Popen([sys.executable, str(REPO / "examples" / "jobboard" / "run_demo.py"), "--dir",
                                str(state), "--port", str(port)], env=env, cwd=REPO, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    log.close()
    board = Board(f"http://127.0.0.1:{port}", state, process)
    try:
        wait_for(lambda: process.poll() is not None or _answers(board.url + "/"), 120, "the example board", board)
        if process.poll() is not None:
            raise RuntimeError("the demo stopped: " + (state / "launcher.log").read_text() + board.logs())
        # The worker is up once the seeded applications' confirmations arrive.
        wait_for(lambda: len(board.emails()) >= 1, 120, "the seeded emails", board)
        yield board
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # the launcher stops its children
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@pytest.fixture
def page(browser: Any, board: Board) -> Iterator[Any]:
    context = browser.new_context(base_url=board.url, viewport={"width": 1360, "height": 900})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


def screenshot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    page = item.funcargs.get("page") if hasattr(item, "funcargs") else None
    if report.when == "call" and report.failed and page is not None:
        try:
            screenshot(page, f"FAILED-{item.name}")
        except Exception as exc:  # a screenshot must not hide the failure itself
            report.sections.append(("screenshot", f"no screenshot: {exc}"))
