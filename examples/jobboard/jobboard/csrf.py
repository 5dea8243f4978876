"""A minimal CSRF guard for the job board's own forms: a random token in the session,
echoed by every form as a hidden field. Installed per blueprint (not app-wide) so it never
gets in the way of routes other extensions mount, such as the plugin's webhook."""

from __future__ import annotations

import hmac
import secrets

from flask import abort, request, session

_SESSION_KEY = "csrf_token"
FIELD_NAME = "csrf_token"


def csrf_token() -> str:
    token = session.get(_SESSION_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        session[_SESSION_KEY] = token
    return str(token)


def protect_form_posts() -> None:
    if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
        return
    expected = session.get(_SESSION_KEY, "")
    sent = request.form.get(FIELD_NAME, "")
    if not expected or not hmac.compare_digest(str(expected), sent):
        abort(400, description="This form has expired. Go back, reload the page and try again.")
