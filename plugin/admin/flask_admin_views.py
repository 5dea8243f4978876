"""For hosts that use Flask-Admin: one call adds the same pages to their Flask-Admin, inside
its layout and menu, behind the same guard, scope and CSRF checks.

    from interview_coach.plugin.admin import add_to_flask_admin
    add_to_flask_admin(admin)            # admin = flask_admin.Admin(app, ...)

Needs the ``flask-admin`` extra: ``pip install 'flask-interview-coach[flask-admin]'``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from werkzeug.wrappers import Response as BaseResponse

from .access import admin_hooks, guard_request
from .pages import TEMPLATE_DIR
from .routes import ROUTES, STATIC_FOLDER, TEMPLATE_FOLDER, Route, render_page

FLASK_ADMIN_BASE = f"{TEMPLATE_DIR}/flask_admin_layout.html"
MENU = (("Overview", "index"), ("Jobs", "jobs"), ("Company defaults", "companies"), ("Delivery log", "deliveries"),
        ("Opt-outs", "opt_outs"))


def _allowed() -> bool:
    """For Flask-Admin's menu: show the entries only to users the guard lets in."""
    guard = admin_hooks().guard
    if guard is None:
        return False
    verdict = guard()
    return bool(verdict) and not isinstance(verdict, BaseResponse)


def _method(route: Route) -> Callable[..., Any]:
    def method(self: Any, **kwargs: Any) -> Any:
        return render_page(route.page(**kwargs), FLASK_ADMIN_BASE, render=self.render)

    method.__name__ = route.endpoint
    return method


def view_class() -> type:
    """The Flask-Admin view class (built on demand: Flask-Admin is an optional extra)."""
    from flask_admin import BaseView, expose
    from flask_admin.menu import MenuLink

    def is_accessible(self: Any) -> bool:
        return _allowed()

    def _handle_view(self: Any, name: str, **kwargs: Any) -> Any:
        return guard_request()  # 403 without a guard, 400 for a POST without CSRF token

    def create_blueprint(self: Any, admin: Any) -> Any:
        blueprint = BaseView.create_blueprint(self, admin)
        # Our templates come from here; Flask-Admin's own (admin/master.html) from its index view.
        blueprint.template_folder = TEMPLATE_FOLDER
        return blueprint

    namespace: dict[str, Any] = {"is_accessible": is_accessible, "_handle_view": _handle_view,
                                 "create_blueprint": create_blueprint}
    for route in ROUTES:
        namespace[route.endpoint] = expose(route.rule, methods=route.methods)(_method(route))
    view = type("InterviewCoachAdminView", (BaseView,), namespace)

    class GuardedMenuLink(MenuLink):  # type: ignore[misc]
        def is_accessible(self) -> bool:
            return _allowed()

    view.menu_link_class = GuardedMenuLink  # type: ignore[attr-defined]
    return view


def add_to_flask_admin(admin: Any, *, category: str = "Candidate emails", endpoint: str = "interview_coach_emails",
                       url: str | None = None) -> Any:
    """Add the recruiters' admin to a ``flask_admin.Admin``: one view under ``url``
    (default ``/<admin url>/interview-coach``) and a menu ``category`` with its pages.
    Returns the view."""
    cls = view_class()
    view = cls(name=MENU[0][0], category=category, endpoint=endpoint, url=url or "interview-coach",
               static_folder=STATIC_FOLDER)
    admin.add_view(view)
    for name, page in MENU[1:]:
        admin.add_link(cls.menu_link_class(name=name, endpoint=f"{endpoint}.{page}", category=category))
    return view
