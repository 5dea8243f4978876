"""Every configuration key of the plugin, with its default, in one place.

``init_app`` applies these with ``setdefault`` so the host's values win, then checks them;
a bad value fails at start-up naming the key to fix. The README's config table lists the
same keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from email.errors import HeaderParseError
from email.headerregistry import Address
from typing import Any

from .events import EVENT_KINDS

PREFIX = "INTERVIEW_COACH_"

# The email kinds the plugin sends; each can be switched per job and per company.
EMAIL_KINDS: tuple[str, ...] = (
    "application_received",
    "interview_prep",
    "interview_reminder",
    "interview_rescheduled",
    "interview_cancelled",
)

DEFAULTS: dict[str, Any] = {
    # Storage: None → the host's Flask-SQLAlchemy engine when `db=` is given, else the
    # host's SQLALCHEMY_DATABASE_URI, else SQLite in the instance folder.
    "DATABASE_URL": None,
    # Broker: Redis in production. "filesystem://" needs no server (the demo's fallback).
    "BROKER_URL": "redis://localhost:6379/0",
    "BROKER_FILESYSTEM_DIR": None,  # for filesystem://; default <instance>/coach-broker
    "BROKER_VISIBILITY_TIMEOUT": 3600,  # seconds; every retry delay must stay below it
    "TASK_QUEUE": "interview_coach",
    # Mail.
    "MAIL_FROM": "Interview Coach <coach@localhost>",
    "MAIL_REPLY_TO": None,
    "SMTP_HOST": "localhost",
    "SMTP_PORT": 25,
    "SMTP_USERNAME": None,
    "SMTP_PASSWORD": None,
    "SMTP_SECURITY": "none",  # "none" | "starttls" | "ssl"
    "SMTP_TIMEOUT": 10.0,  # seconds, per SMTP command
    "SMTP_IDLE_SECONDS": 30.0,  # a pooled connection idle longer is checked with NOOP
    # Links in emails (unsubscribe) point here; required for workers to send.
    "BASE_URL": None,
    "URL_PREFIX": "/coach",  # where the plugin's public routes (webhook, unsubscribe) live
    "SECRET_KEY": None,  # signs unsubscribe links; defaults to the app's SECRET_KEY
    # Host contract.
    "WEBHOOK_SECRET": None,  # the webhook answers 404 until this is set
    "WEBHOOK_TOLERANCE_SECONDS": 300,
    # Delivery.
    "REMINDER_OFFSET_MINUTES": 24 * 60,
    "DISPATCH_INTERVAL_SECONDS": 15.0,  # how often due reminders are swept
    "RELAY_INTERVAL_SECONDS": 30.0,
    "RELAY_AFTER_SECONDS": 120.0,  # a pending event older than this was never picked up
    "SEND_LEASE_SECONDS": 120.0,  # a claimed delivery not finished by then is tried again
    "MAX_ATTEMPTS": 8,
    "RETRY_BACKOFF_SECONDS": 30.0,  # first retry; doubles each time
    "RETRY_BACKOFF_MAX_SECONDS": 1800.0,
    # Which kinds are on when neither the job nor its company says.
    "DEFAULT_KINDS": EMAIL_KINDS,
    # Templates: a folder whose files override the package's email templates by name.
    "TEMPLATE_FOLDER": None,
    "COMPANY_NAME": None,  # shown in the email footer; defaults to the job's company
    # The recruiters' admin (plugin/admin). Callables may be objects or "module:attr" strings.
    "ADMIN_URL_PREFIX": "/coach/admin",  # where the admin blueprint is mounted; None: not mounted
    "ADMIN_BASE_TEMPLATE": None,  # the host's layout (blocks `title` and `content`); None: a plain page
    "ADMIN_GUARD": None,  # callable() -> allowed? (or a response); None: every admin page answers 403
    "ADMIN_SCOPE": None,  # callable() -> company ids the user may see, or None for all
    "ADMIN_CURRENT_USER": None,  # callable() -> the signed-in user (has `name` and `email`)
    "ADMIN_JOBS_PROVIDER": None,  # callable(JobQuery) -> JobPage; None: the jobs seen in events
    "ADMIN_PAGE_SIZE": 25,
    "ADMIN_TEST_SEND_LIMIT": "5 per hour",  # per recruiter, in the `limits` notation
    "ADMIN_RATE_LIMIT_STORAGE_URL": None,  # None: the broker's Redis, or in-process memory for other brokers
    # Candidates' profile text is removed from stored events after this many days.
    "RETENTION_DAYS": 90,
    "RETENTION_INTERVAL_SECONDS": 3600.0,
}

_SECURITY = ("none", "starttls", "ssl")


class ConfigError(RuntimeError):
    """A configuration value the plugin cannot work with; the message names the key."""


def key(name: str) -> str:
    return PREFIX + name


def apply_defaults(config: dict[str, Any]) -> None:
    for name, value in DEFAULTS.items():
        config.setdefault(key(name), value)


def check_config(config: Mapping[str, Any]) -> None:
    """Fail at start-up, naming the key, rather than at the first email."""
    unknown = sorted(k for k in config if k.startswith(PREFIX) and k[len(PREFIX):] not in DEFAULTS)
    if unknown:
        raise ConfigError(f"unknown setting(s) {', '.join(unknown)}; see the README's config table")
    if config[key("SMTP_SECURITY")] not in _SECURITY:
        raise ConfigError(f"{key('SMTP_SECURITY')} must be one of {_SECURITY}")
    for name in ("SMTP_PORT", "MAX_ATTEMPTS", "REMINDER_OFFSET_MINUTES", "RETENTION_DAYS"):
        if not isinstance(config[key(name)], int) or config[key(name)] < 0:
            raise ConfigError(f"{key(name)} must be a non-negative whole number")
    bad_kinds = set(config[key("DEFAULT_KINDS")]) - set(EMAIL_KINDS)
    if bad_kinds:
        raise ConfigError(f"{key('DEFAULT_KINDS')} has unknown kinds {sorted(bad_kinds)}; known: {EMAIL_KINDS}")
    if config[key("RETRY_BACKOFF_MAX_SECONDS")] >= config[key("BROKER_VISIBILITY_TIMEOUT")]:
        # On Redis a message not acknowledged within the visibility timeout is delivered
        # again: a longer retry delay would send the email twice.
        raise ConfigError(
            f"{key('RETRY_BACKOFF_MAX_SECONDS')} must be below {key('BROKER_VISIBILITY_TIMEOUT')}"
        )
    try:
        Address(addr_spec=_addr_spec(config[key("MAIL_FROM")]))
    except (HeaderParseError, ValueError, IndexError) as exc:
        raise ConfigError(f"{key('MAIL_FROM')} is not an email address: {exc}") from None
    prefix = config[key("URL_PREFIX")]
    if not prefix.startswith("/") or prefix.endswith("/"):
        raise ConfigError(f"{key('URL_PREFIX')} must start with '/' and not end with one, e.g. '/coach'")
    _check_admin_config(config)


def _check_admin_config(config: Mapping[str, Any]) -> None:
    prefix = config[key("ADMIN_URL_PREFIX")]
    if prefix is not None and (not isinstance(prefix, str) or not prefix.startswith("/") or prefix.endswith("/")):
        raise ConfigError(f"{key('ADMIN_URL_PREFIX')} must start with '/' and not end with one (e.g. "
                          "'/admin/emails'), or be None")
    size = config[key("ADMIN_PAGE_SIZE")]
    if not isinstance(size, int) or not 1 <= size <= 500:
        raise ConfigError(f"{key('ADMIN_PAGE_SIZE')} must be a whole number from 1 to 500")
    from limits import parse
    from limits.storage import SCHEMES

    try:
        parse(str(config[key("ADMIN_TEST_SEND_LIMIT")]))
    except ValueError:
        raise ConfigError(f"{key('ADMIN_TEST_SEND_LIMIT')} must read like '5 per hour' or '10/day'") from None
    storage = config[key("ADMIN_RATE_LIMIT_STORAGE_URL")]
    if storage and (str(storage).partition("://")[0] not in SCHEMES or str(storage).startswith("async+")):
        raise ConfigError(f"{key('ADMIN_RATE_LIMIT_STORAGE_URL')} must be a storage URL of the `limits` library, "
                          "e.g. redis://localhost:6379/1 or memory://")


def _addr_spec(value: str) -> str:
    from email.utils import parseaddr

    spec = parseaddr(value)[1]
    if "@" not in spec:
        raise ValueError(f"{value!r}")
    return spec


__all__ = ["DEFAULTS", "EMAIL_KINDS", "EVENT_KINDS", "ConfigError", "apply_defaults", "check_config", "key"]
