"""The outbox: every email the mail catcher received, read from its Maildir.

Only the demo needs this page (a real job board sends through a real mail server), but it
is how you see what Interview Coach sent without a mail client.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template
from werkzeug.wrappers import Response

from ..mail_outbox import SUMMARY_HEADERS, list_messages, raw_message, read_message

outbox_blueprint = Blueprint("outbox", __name__, url_prefix="/outbox")


def _folder() -> str:
    return str(current_app.config["JOBBOARD_OUTBOX_DIR"])


@outbox_blueprint.get("/")
def message_list() -> str:
    return render_template("outbox/list.html", messages=list_messages(_folder()), folder=_folder())


@outbox_blueprint.get("/<key>")
def message_page(key: str) -> str:
    message = read_message(_folder(), key)
    if message is None:
        abort(404)
    summary = [(name, value) for name, value in message.headers if name in SUMMARY_HEADERS]
    return render_template("outbox/message.html", message=message, summary=summary)


@outbox_blueprint.get("/<key>/raw")
def raw(key: str) -> Response:
    data = raw_message(_folder(), key)
    if data is None:
        abort(404)
    # text/plain and nosniff: the browser shows the source, never renders it.
    return Response(data, mimetype="text/plain", headers={"X-Content-Type-Options": "nosniff"})
