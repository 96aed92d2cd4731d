"""Fixtures of the operations tests: a second, empty PostgreSQL database for backup and
restore, and a task worker that stops once the queue is empty."""

import uuid

import psycopg
import pytest
from django.db import connection


def connection_url(name):
    """The test database's server, as a URL for the database `name` on it."""
    settings_dict = connection.settings_dict
    user = settings_dict.get("USER") or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{name}"


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("backup and restore use pg_dump and pg_restore (PostgreSQL only)")


@pytest.fixture
def empty_database(postgresql):
    """A second PostgreSQL database with nothing in it, dropped at the end."""
    name = f"{connection.settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(connection_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(connection_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def batch_worker(worker_id="test-worker"):
    """The project's task worker in the library's batch mode: it stops once the queue is empty."""
    from operations.management.commands.db_worker import Worker

    return Worker(
        queue_names=["default"],
        interval=0.01,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )
