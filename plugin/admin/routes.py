"""The admin's routes, in one table shared by both mounts: the blueprint ``init_app``
registers at ``ADMIN_URL_PREFIX``, and the Flask-Admin view (``add_to_flask_admin``).
Endpoint names are the same in both, so templates link with ``url_for('.name')``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, render_template
from werkzeug.wrappers import Response as BaseResponse

from .. import config as cfg
from . import companies, deliveries, jobs, opt_outs, overview, preview
from .access import guard_request
from .pages import ADMIN_UI, STANDALONE_BASE, TEMPLATE_DIR, Page

HERE = Path(__file__).resolve().parent
TEMPLATE_FOLDER = str(HERE / "templates")
STATIC_FOLDER = str(HERE / "static")
GET, POST = ("GET",), ("POST",)


@dataclass(frozen=True)
class Route:
    rule: str
    endpoint: str
    page: Callable[..., Page | BaseResponse]
    methods: tuple[str, ...] = GET


ROUTES: tuple[Route, ...] = (
    Route("/", "index", overview.overview),
    Route("/jobs", "jobs", jobs.jobs),
    Route("/jobs/bulk", "bulk_toggle", jobs.bulk_toggle, POST),
    Route("/jobs/<path:job_id>/switches", "set_job_toggles", jobs.set_job_toggles, POST),
    Route("/jobs/<path:job_id>/preview", "preview", preview.preview),
    Route("/jobs/<path:job_id>/preview/test", "send_test", preview.send_test, POST),
    Route("/jobs/<path:job_id>", "job", jobs.job),
    Route("/companies", "companies", companies.companies),
    Route("/companies/<path:company_id>/switches", "set_company_toggles", companies.set_company_toggles, POST),
    Route("/companies/<path:company_id>", "company", companies.company),
    Route("/emails", "deliveries", deliveries.deliveries),
    Route("/emails/<int:delivery_id>/resend", "resend_delivery", deliveries.resend_delivery, POST),
    Route("/emails/<int:delivery_id>/cancel", "cancel_delivery", deliveries.cancel_pending, POST),
    Route("/opt-outs", "opt_outs", opt_outs.opt_outs),
    Route("/opt-outs/<int:opt_out_id>/remove", "confirm_remove_opt_out", opt_outs.confirm_remove_opt_out),
    Route("/opt-outs/<int:opt_out_id>/remove", "remove_opt_out", opt_outs.remove_opt_out, POST),
)


def render_page(result: Page | BaseResponse, base_template: str,
                render: Callable[..., str] = render_template) -> Any:
    """A page inside ``base_template``; a response as it is."""
    if not isinstance(result, Page):
        return result
    html = render(f"{TEMPLATE_DIR}/{result.template}", base_template=base_template, admin_ui=ADMIN_UI,
                  **result.context)
    return html, result.status, {"Cache-Control": "no-store"}


def _blueprint_view(route: Route) -> Callable[..., Any]:
    def view(**kwargs: Any) -> Any:
        base = current_app.config[cfg.key("ADMIN_BASE_TEMPLATE")] or STANDALONE_BASE
        return render_page(route.page(**kwargs), base)

    view.__name__ = route.endpoint
    view.__doc__ = route.page.__doc__
    return view


def make_blueprint() -> Blueprint:
    blueprint = Blueprint("interview_coach_admin", __name__, template_folder=TEMPLATE_FOLDER,
                          static_folder=STATIC_FOLDER, static_url_path="/static")
    blueprint.before_request(guard_request)
    for route in ROUTES:
        blueprint.add_url_rule(route.rule, route.endpoint, _blueprint_view(route), methods=list(route.methods))
    return blueprint


admin_blueprint = make_blueprint()
