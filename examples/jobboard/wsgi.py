"""Entry point for gunicorn: ``gunicorn --chdir examples/jobboard wsgi:app``."""

from jobboard import create_app

app = create_app()
