"""The job board's blueprints. None of them calls the plugin: it watches the models."""

from .outbox import outbox_blueprint
from .public import public_blueprint
from .recruiter import recruiter_blueprint

__all__ = ["outbox_blueprint", "public_blueprint", "recruiter_blueprint"]
