"""What the host tells the admin: who may open it, which companies they see, who is signed
in, and which jobs exist. Each is a callable in the app's config, given as an object or as a
``"module:attribute"`` string; ``resolve_admin_hooks`` turns them into ``AdminHooks`` at
start-up and fails naming the key when one cannot be used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from .. import config as cfg


@dataclass(frozen=True)
class AdminJob:
    """One of the host's jobs, as the admin lists it. The posting text is optional: it
    makes the sample preview (for a job with no applications yet) read like the job."""

    id: str
    title: str
    company_id: str
    company_name: str
    description: str = ""
    requirements: str = ""
    location: str = ""

    @classmethod
    def coerce(cls, value: AdminJob | Mapping[str, Any]) -> AdminJob:
        if isinstance(value, AdminJob):
            return value
        names = {f.name for f in fields(cls)}
        return cls(**{k: ("" if v is None else str(v)) for k, v in value.items() if k in names})


@dataclass(frozen=True)
class JobQuery:
    """What the admin asks the host's jobs provider for."""

    search: str = ""  # free text typed by the recruiter; match it against titles (and more, if you like)
    company_ids: tuple[str, ...] | None = None  # only these companies; None: every company
    job_ids: tuple[str, ...] | None = None  # exactly these jobs (look-ups); None: no such filter
    offset: int = 0
    limit: int = 25


@dataclass(frozen=True)
class JobPage:
    total: int  # how many jobs match, for pagination
    jobs: Sequence[AdminJob]


@dataclass(frozen=True)
class AdminUser:
    """The signed-in recruiter: named in the audit log, and the address of test sends."""

    name: str
    email: str | None = None

    @property
    def actor(self) -> str:
        return f"{self.name} <{self.email}>" if self.email else self.name


JobsProvider = Callable[[JobQuery], JobPage]


@dataclass(frozen=True)
class AdminHooks:
    guard: Callable[[], Any] | None = None
    scope: Callable[[], Iterable[str] | None] | None = None
    current_user: Callable[[], Any] | None = None
    jobs_provider: JobsProvider | None = None


HOOK_KEYS = {"guard": "ADMIN_GUARD", "scope": "ADMIN_SCOPE", "current_user": "ADMIN_CURRENT_USER",
             "jobs_provider": "ADMIN_JOBS_PROVIDER"}


def _load(name: str, value: Any) -> Callable[..., Any] | None:
    if value is None:
        return None
    if isinstance(value, str):
        module_name, _, attribute = value.partition(":")
        if not module_name or not attribute:
            raise cfg.ConfigError(f"{cfg.key(name)} must be a callable or a 'module:attribute' string, not {value!r}")
        try:
            target: Any = importlib.import_module(module_name)
            for part in attribute.split("."):
                target = getattr(target, part)
        except (ImportError, AttributeError) as exc:
            raise cfg.ConfigError(f"{cfg.key(name)}: cannot import {value!r} ({exc})") from None
        value = target
    if not callable(value):
        raise cfg.ConfigError(f"{cfg.key(name)} must be callable; got {type(value).__name__}")
    return value  # type: ignore[no-any-return]


def resolve_admin_hooks(config: Mapping[str, Any]) -> AdminHooks:
    return AdminHooks(**{attr: _load(name, config[cfg.key(name)]) for attr, name in HOOK_KEYS.items()})


def as_admin_user(value: Any) -> AdminUser | None:
    """Whatever the host's ``ADMIN_CURRENT_USER`` returns (an object or a mapping with
    ``name`` and ``email``), as an ``AdminUser``."""
    if value is None or isinstance(value, AdminUser):
        return value
    get = value.get if isinstance(value, Mapping) else lambda attr: getattr(value, attr, None)
    name, email = get("name"), get("email")
    if not name and not email:
        return None
    return AdminUser(name=str(name or email), email=str(email) if email else None)
