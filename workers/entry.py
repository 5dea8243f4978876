"""Entry point for ``celery -A interview_coach.workers.entry worker|beat``.

Loads the host's Flask app the way ``flask`` does (``FLASK_APP``, or ``wsgi.py``/``app.py``
in the current folder) and exposes the plugin's Celery app as ``celery``. Imported only by
the worker command, never by the plugin itself.
"""

from __future__ import annotations

import os

from flask.cli import ScriptInfo

from interview_coach.plugin.extension import coach_state

flask_app = ScriptInfo(app_import_path=os.environ.get("FLASK_APP"), set_debug_flag=False).load_app()
celery = coach_state(flask_app).celery
app = celery
