"""The recruiters' admin: per-job switches, company defaults, previews, test sends, the
delivery log and opt-outs. ``init_app`` mounts ``admin_blueprint`` at
``INTERVIEW_COACH_ADMIN_URL_PREFIX``; ``add_to_flask_admin`` adds the same pages to a
Flask-Admin."""

from .flask_admin_views import add_to_flask_admin
from .hooks import AdminJob, AdminUser, JobPage, JobQuery
from .routes import admin_blueprint

__all__ = ["AdminJob", "AdminUser", "JobPage", "JobQuery", "add_to_flask_admin", "admin_blueprint"]
