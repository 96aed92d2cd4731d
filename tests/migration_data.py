"""The rows the migrations make, kept through transactional tests by serialised rollback.

Wagtail's and Approdo's data migrations create the root page, locales, default Site, image
collection, content workflow and the staff groups with their permissions. A transactional
test (live server, real commits, threads) ends with a flush that empties every table, so the
tests after it, and the next run on a kept database (``--reuse-db``), would miss them.

Django's own answer is serialised rollback: the test database is serialised once after
migrating (``serialize_db_to_string``) and loaded back (``deserialize_db_from_string``).
Django loads it at the *start* of a test that asks for it, which leaves the database empty
after the last one (pytest-django issue 1117); here it is loaded right after every flush, so
the database always holds what the migrations made, whatever runs next.
"""

import json
from contextlib import contextmanager
from pathlib import Path

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.test import TransactionTestCase

# Serialised rows by database alias. Kept here as well as on the connection: the connection
# object a test sees is per context (asgiref), and differs under Playwright's event loop.
SNAPSHOTS = {}

# Migrations always create the default Site; a flushed database has none.
MIGRATION_MADE_TABLE = "wagtailcore_site"


def kept_database_was_flushed(alias=DEFAULT_DB_ALIAS):
    """True when the kept test database exists but lost the migrations' rows.

    That happens only when a run was interrupted between a flush and the restore; the
    database is then created afresh rather than tests failing on missing rows.
    """
    connection = connections[alias]
    name = connection.creation._get_test_db_name()
    if connection.vendor == "sqlite" and (
        connection.creation.is_in_memory_db(name) or not Path(name).exists()
    ):
        return False
    probe = connection.__class__({**connection.settings_dict, "NAME": name}, alias="probe")
    try:
        with probe.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {MIGRATION_MADE_TABLE}")  # noqa: S608
            return cursor.fetchone()[0] == 0
    except DatabaseError:
        return False  # no test database yet, or not migrated: it is being created anyway
    finally:
        probe.close()


def snapshot(alias=DEFAULT_DB_ALIAS):
    """Serialises the freshly set-up test database where Django's serialised rollback keeps it.

    Content types go first: building a Wagtail page or task while loading calls
    ``ContentType.objects.get_for_model``, which would otherwise insert a content type under a
    new id (when its cache is cold) and collide with the snapshot's own row a moment later.
    """
    connection = connections[alias]
    rows = json.loads(connection.creation.serialize_db_to_string())
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")  # stable
    SNAPSHOTS[alias] = connection._test_serialized_contents = json.dumps(rows)


def restore(alias=DEFAULT_DB_ALIAS):
    connections[alias].creation.deserialize_db_from_string(SNAPSHOTS[alias])
    # Wagtail caches site root paths; they would point at rows that were just recreated.
    cache.clear()


@contextmanager
def restored_after_every_flush():
    """While active, a transactional test's teardown flushes, then loads the snapshot back.

    Flagging the test case as serialised-rollback makes the flush skip ``post_migrate``, which
    would otherwise recreate content types and permissions under new ids that the snapshot's
    rows do not point at.
    """
    flush = TransactionTestCase._fixture_teardown

    def flush_then_restore(test_case):
        aliases = [a for a in test_case._databases_names(include_mirrors=False) if a in SNAPSHOTS]
        for alias in aliases:
            connections[alias]._test_serialized_contents = SNAPSHOTS[alias]
        test_case.serialized_rollback = True
        flush(test_case)
        for alias in aliases:
            restore(alias)

    TransactionTestCase._fixture_teardown = flush_then_restore
    try:
        yield
    finally:
        TransactionTestCase._fixture_teardown = flush
