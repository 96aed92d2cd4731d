"""Search every column of every table for a string: what an erasure test needs.

Kept small and local; a project-wide helper may replace it.
"""

from django.db import connection


def tables_holding(*needles):
    """``{(table, column), …}`` whose text (any column, cast to text) contains a needle."""
    found = set()
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            columns = connection.introspection.get_table_description(cursor, table)
            for column in columns:
                quoted_table = connection.ops.quote_name(table)
                quoted = connection.ops.quote_name(column.name)
                for needle in needles:
                    cursor.execute(
                        f"SELECT 1 FROM {quoted_table} "  # noqa: S608 (names from introspection)
                        f"WHERE LOWER(CAST({quoted} AS TEXT)) LIKE %s LIMIT 1",
                        [f"%{needle.lower()}%"],
                    )
                    if cursor.fetchone():
                        found.add((table, column.name))
    return found
