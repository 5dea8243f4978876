"""The signed webhook, for job boards that are not in-process.

POST ``{URL_PREFIX}/webhook`` with the event as JSON and two headers:
``X-Coach-Timestamp`` (Unix seconds) and ``X-Coach-Signature: v1=<hex>`` where the hex is
HMAC-SHA256 with ``INTERVIEW_COACH_WEBHOOK_SECRET`` over ``"<timestamp>." + raw body``.
Answers: 202 accepted (also for a repeat, which is a no-op), 400 naming the invalid field,
401 bad or stale signature, 404 while no secret is configured, 413 over 1 MB.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from flask import Response, current_app, jsonify, request
from pydantic import ValidationError

from . import config as cfg
from .events import parse_event
from .extension import coach_state

TIMESTAMP_HEADER = "X-Coach-Timestamp"
SIGNATURE_HEADER = "X-Coach-Signature"
MAX_BODY_BYTES = 1024 * 1024


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The signature header value a sender computes (also used by the tests)."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"v1={digest}"


def _error(status: int, message: str, **extra: object) -> tuple[Response, int]:
    return jsonify({"error": message, **extra}), status


def receive_webhook() -> tuple[Response, int]:
    secret = current_app.config[cfg.key("WEBHOOK_SECRET")]
    if not secret:
        return _error(404, f"the webhook is off: set {cfg.key('WEBHOOK_SECRET')} to turn it on")
    if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
        return _error(413, "the body is larger than 1 MB")
    body = request.get_data(cache=False)
    if len(body) > MAX_BODY_BYTES:
        return _error(413, "the body is larger than 1 MB")
    timestamp_text = request.headers.get(TIMESTAMP_HEADER, "")
    signature = request.headers.get(SIGNATURE_HEADER, "")
    if not timestamp_text.isdigit() or len(timestamp_text) > 12:
        return _error(401, f"missing or malformed {TIMESTAMP_HEADER} header (Unix seconds)")
    timestamp = int(timestamp_text)
    if not hmac.compare_digest(sign(secret, body, timestamp), signature):
        return _error(401, "bad signature")
    tolerance = current_app.config[cfg.key("WEBHOOK_TOLERANCE_SECONDS")]
    if abs(time.time() - timestamp) > tolerance:
        # Checked after the signature so the answer does not help forge timestamps.
        return _error(401, f"stale timestamp: more than {tolerance} seconds away from now")
    try:
        event = parse_event(body)
    except ValidationError as exc:
        fields = [{"field": ".".join(str(p) for p in e["loc"]) or "(body)", "message": e["msg"]}
                  for e in exc.errors(include_url=False, include_input=False, include_context=False)]
        return _error(400, "invalid event", fields=fields)
    event_id = coach_state().inbox.record_now(event, "webhook")
    return jsonify({"status": "accepted", "duplicate": event_id is None, "key": event.key()}), 202
