"""Database chores shared by the bench seeders (import after django.setup())."""

from django.db import connection


def refresh_statistics():
    """Runs ANALYZE after a bulk load, on PostgreSQL.

    A seeder writes thousands of rows a moment before they are measured. In production
    autovacuum analyses a table soon after such a change; without it the planner here would
    still believe the tables hold a handful of rows and choose plans no deployment runs.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
