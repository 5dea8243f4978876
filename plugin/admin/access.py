"""Who may use the admin, and what they may see: the host's guard and scope, and CSRF.

Checked before every admin view, in this order: the guard (403 without one), then CSRF on
every POST (400). Company scope is applied by each page to what it reads and changes; an
object outside the recruiter's scope answers 404, as if it did not exist.
"""

from __future__ import annotations

from collections.abc import Collection

from flask import abort, current_app, request
from flask_wtf.csrf import validate_csrf
from werkzeug.wrappers import Response as BaseResponse
from wtforms import ValidationError

from .. import config as cfg
from ..extension import coach_state
from .hooks import AdminHooks, AdminUser, as_admin_user

NO_GUARD = (f"The recruiters' admin is closed until the host sets {cfg.key('ADMIN_GUARD')} "
            "(a function that says whether the signed-in user may use it).")


def admin_hooks() -> AdminHooks:
    hooks = coach_state().admin
    return hooks if hooks is not None else AdminHooks()


def check_access() -> BaseResponse | None:
    """None to go on; a response (e.g. the host's redirect to its sign-in page) to send
    instead. Aborts with 403 when there is no guard or the guard says no."""
    guard = admin_hooks().guard
    if guard is None:
        abort(403, description=NO_GUARD)
    verdict = guard()
    if isinstance(verdict, BaseResponse):
        return verdict
    if not verdict:
        abort(403, description="You do not have access to the candidate emails admin.")
    return None


def check_csrf() -> None:
    """Every state change is a POST carrying Flask-WTF's CSRF token (form field or the
    ``X-CSRFToken`` header); anything else is refused with 400."""
    if request.method in ("GET", "HEAD", "OPTIONS") or not current_app.config.get("WTF_CSRF_ENABLED", True):
        return
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    token = request.form.get(field) or request.headers.get("X-CSRFToken") or request.headers.get("X-CSRF-Token")
    try:
        validate_csrf(token)
    except ValidationError as exc:
        abort(400, description=f"{exc.args[0] if exc.args else 'The CSRF token is invalid.'} "
                               "Go back, reload the page and try again.")


def guard_request() -> BaseResponse | None:
    response = check_access()
    if response is not None:
        return response
    check_csrf()
    return None


def allowed_companies() -> frozenset[str] | None:
    """The company ids this user may see, or None for every company."""
    scope = admin_hooks().scope
    if scope is None:
        return None
    companies = scope()
    return None if companies is None else frozenset(str(c) for c in companies)


def in_scope(company_id: str, companies: Collection[str] | None) -> bool:
    return companies is None or company_id in companies


def require_company(company_id: str) -> None:
    if not in_scope(company_id, allowed_companies()):
        abort(404)


def current_user() -> AdminUser | None:
    hook = admin_hooks().current_user
    return as_admin_user(hook()) if hook is not None else None


def actor() -> str:
    """Who to name in the audit log."""
    user = current_user()
    return user.actor if user is not None else "admin"
