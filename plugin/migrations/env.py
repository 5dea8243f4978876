"""Alembic environment for the plugin's own tables.

The plugin keeps its own version table (``coach_alembic_version``), so its migrations
never collide with the host's Alembic history in the same database.
"""

from __future__ import annotations

from alembic import context

from interview_coach.plugin.tables import metadata

VERSION_TABLE = "coach_alembic_version"


def _include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    # Autogenerate must only ever see the plugin's tables, never the host's.
    return not (type_ == "table" and not (name or "").startswith("coach_"))


engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        include_object=_include_object,
        render_as_batch=True,  # SQLite can only ALTER tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
