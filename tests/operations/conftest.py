"""Fixtures of the backup and restore tests: a second, empty PostgreSQL database."""

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
