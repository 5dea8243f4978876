"""SMTP failures sorted into worth-retrying and never-will-work."""

from __future__ import annotations

import smtplib

import pytest

from interview_coach.workers.mailer import PermanentSendError, TransientSendError, classify


@pytest.mark.parametrize("exc", [
    smtplib.SMTPDataError(451, b"4.3.0 try again later"),
    smtplib.SMTPSenderRefused(421, b"service not available", "from@example.com"),
    smtplib.SMTPRecipientsRefused({"a@example.com": (450, b"mailbox busy")}),
    smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
    TimeoutError("timed out"),
    ConnectionRefusedError(111, "Connection refused"),
])
def test_transient_failures_are_retried(exc):
    assert isinstance(classify(exc), TransientSendError)


@pytest.mark.parametrize("exc", [
    smtplib.SMTPDataError(554, b"5.7.1 message rejected"),
    smtplib.SMTPRecipientsRefused({"a@example.com": (550, b"5.1.1 no such user")}),
    smtplib.SMTPSenderRefused(553, b"sender not allowed", "from@example.com"),
])
def test_permanent_failures_are_not(exc):
    error = classify(exc)
    assert isinstance(error, PermanentSendError)
    assert error.reason[:3] in {"554", "553"} or "550" in error.reason


def test_the_reply_is_kept_as_the_reason():
    error = classify(smtplib.SMTPRecipientsRefused({"a@example.com": (550, b"5.1.1 no such user")}))
    assert error.reason == "recipient refused: 550 5.1.1 no such user"
