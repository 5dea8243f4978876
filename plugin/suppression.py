"""Candidates' opt-outs: signed unsubscribe links and the ``coach_suppression`` list."""

from __future__ import annotations

from flask import Flask
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import Connection, bindparam, delete, select
from sqlalchemy.orm import Session

from . import config as cfg
from .store import connection_of, insert_ignoring_duplicates
from .tables import SuppressionRow, utcnow

_SALT = "interview-coach.unsubscribe"


class InvalidToken(ValueError):
    """An unsubscribe link that was not made by this app (forged or altered)."""


def _serializer(app: Flask) -> URLSafeSerializer:
    secret = app.config[cfg.key("SECRET_KEY")] or app.config.get("SECRET_KEY")
    if not secret:
        raise cfg.ConfigError(f"set {cfg.key('SECRET_KEY')} (or the app's SECRET_KEY) to sign unsubscribe links")
    return URLSafeSerializer(secret, salt=_SALT)


def unsubscribe_token(app: Flask, email: str) -> str:
    return _serializer(app).dumps({"e": email.lower()})


def email_from_token(app: Flask, token: str) -> str:
    try:
        data = _serializer(app).loads(token)
    except BadSignature:
        raise InvalidToken("this unsubscribe link is not valid") from None
    if not isinstance(data, dict) or not isinstance(data.get("e"), str):
        raise InvalidToken("this unsubscribe link is not valid")
    return data["e"]


SUPPRESSED = select(SuppressionRow.id).where(SuppressionRow.email == bindparam("email"))


def is_suppressed(session: Session | Connection, email: str) -> bool:
    return connection_of(session).execute(SUPPRESSED, {"email": email.lower()}).first() is not None


def suppress(session: Session, email: str, reason: str) -> bool:
    """Add an address to the list; False if it was already there."""
    values = {"email": email.lower(), "reason": reason[:200], "created_at": utcnow()}
    return insert_ignoring_duplicates(session, SuppressionRow.__table__, values, unique_column="email") is not None


def unsuppress(session: Session, email: str) -> bool:
    result = session.execute(delete(SuppressionRow).where(SuppressionRow.email == email.lower()))
    return bool(result.rowcount)  # type: ignore[attr-defined]
