"""An example job board that installs Interview Coach the way a host would."""

from .app import create_app

__all__ = ["create_app"]
