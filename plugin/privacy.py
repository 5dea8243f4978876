"""Keeping candidates' personal data out of logs."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")


def redact(text: str) -> str:
    """Replace anything that looks like an email address (SMTP replies often echo it)."""
    return _EMAIL.sub("<address>", text)
