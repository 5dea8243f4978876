"""The plugin's public routes: the candidate's unsubscribe page and the webhook."""

from __future__ import annotations

from flask import Blueprint, current_app, render_template, request

from .extension import coach_state
from .suppression import InvalidToken, email_from_token, suppress
from .webhook import receive_webhook

public_blueprint = Blueprint("interview_coach", __name__, template_folder="templates")
public_blueprint.add_url_rule("/webhook", view_func=receive_webhook, methods=["POST"])


def _masked(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


@public_blueprint.route("/unsubscribe/<token>", methods=["GET", "POST"])
def unsubscribe(token: str) -> tuple[str, int]:
    try:
        email = email_from_token(current_app, token)
    except InvalidToken:
        return render_template("interview_coach/unsubscribe.html", state="invalid"), 400
    if request.method == "GET":
        # Link scanners follow GETs: only a POST (the button, or a mail client's RFC 8058
        # one-click request) unsubscribes.
        return render_template("interview_coach/unsubscribe.html", state="confirm", address=_masked(email)), 200
    with coach_state().store.begin() as session:
        how = "one-click unsubscribe" if request.form.get("List-Unsubscribe") else "unsubscribe page"
        suppress(session, email, how)
    return render_template("interview_coach/unsubscribe.html", state="done", address=_masked(email)), 200
