"""A Celery prefork pool process must not use the database connections it inherited from
the worker's main process (two processes on one connection mix up each other's results)."""

from __future__ import annotations

from celery.signals import worker_process_init

from interview_coach.plugin import coach_state


def test_a_pool_process_opens_its_own_connections_and_leaves_the_inherited_ones_open(app):
    with app.app_context():
        engine = coach_state(app).store.engine
        with engine.connect() as connection:  # the main process used the pool (loading the app)
            inherited = connection.connection.dbapi_connection
        with engine.connect() as connection:
            assert connection.connection.dbapi_connection is inherited  # pooled: handed out again

        worker_process_init.send(sender=None)  # what Celery sends in each new pool process

        with engine.connect() as connection:
            assert connection.connection.dbapi_connection is not inherited
        # Not closed: it belongs to the main process, which may still be using it.
        assert inherited.execute("SELECT 1").fetchone() == (1,)


def test_a_forked_child_never_uses_the_parents_connections_of_the_plugins_own_engine(tmp_path):
    import os

    from interview_coach.plugin.store import engine_from_url

    engine = engine_from_url(f"sqlite:///{tmp_path / 'coach.db'}")
    with engine.connect() as connection:
        parent_connection = id(connection.connection.dbapi_connection)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report whether the pool handed it the parent's connection
        try:
            with engine.connect() as connection:
                same = id(connection.connection.dbapi_connection) == parent_connection
            os.write(write, b"same" if same else b"own")
        finally:
            os._exit(0)
    os.close(write)
    answer = os.read(read, 10)
    os.waitpid(pid, 0)
    assert answer == b"own"
    with engine.connect() as connection:  # the parent's pool is untouched
        assert id(connection.connection.dbapi_connection) == parent_connection
