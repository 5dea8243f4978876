"""Interview Coach, the Flask side: the extension, the host contract and the plugin's tables."""

from . import signals
from .config import EMAIL_KINDS, ConfigError
from .extension import InterviewCoach, coach_state
from .watchers import RowChange

__all__ = ["EMAIL_KINDS", "ConfigError", "InterviewCoach", "RowChange", "coach_state", "signals"]
