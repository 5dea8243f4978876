"""Interview Coach, the worker side: Celery app and tasks, planning, composing, sending."""
