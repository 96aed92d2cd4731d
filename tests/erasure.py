"""Proof that an erasure erased: no text column of any table still holds the person.

Every erasure test (interns' anonymisation and purge, account deletion) ends with
``assert_erased(values)``. The tables and columns are introspected from the database, so a
table added by a new app is searched without anyone remembering to add it here. Works on
PostgreSQL and SQLite.
"""

from django.db import connection

# Column types, as Django's introspection names them, that can hold a name or an address.
TEXT_TYPES = {
    "CharField",
    "TextField",
    "JSONField",
    "EmailField",
    "SlugField",
    "URLField",
    "FilePathField",
    "GenericIPAddressField",
}


def text_columns():
    """(table, column) for every text, character or JSON column of every table."""
    introspection = connection.introspection
    with connection.cursor() as cursor:
        for table in sorted(introspection.table_names(cursor)):
            for column in introspection.get_table_description(cursor, table):
                try:
                    kind = introspection.get_field_type(column.type_code, column)
                except KeyError:  # a database type Django has no field for
                    continue
                if kind in TEXT_TYPES:
                    yield table, column.name


def _like(value):
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.upper()}%"


def find(values, allowed=()):
    """Where any of ``values`` (case-insensitive substrings) still is: a list of
    (table, column, value, count). ``allowed`` lists (table, column) pairs kept on purpose.

    JSON is searched as the database stores it: on SQLite non-ASCII characters are
    escaped there, so pass ASCII values (as the erasure tests do).
    """
    values = [value for value in values if value]
    assert values, "nothing to search for"
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        for table, column in text_columns():
            if (table, column) in allowed:
                continue
            text = f"UPPER(CAST({quote(column)} AS TEXT))"
            for value in values:
                cursor.execute(
                    f"SELECT COUNT(*) FROM {quote(table)} WHERE {text} LIKE %s ESCAPE '\\'",  # noqa: S608
                    [_like(value)],
                )
                count = cursor.fetchone()[0]
                if count:
                    found.append((table, column, value, count))
    return found


def assert_erased(values, allowed=()):
    """Fails, listing every place, if any of ``values`` is still stored anywhere."""
    found = find(values, allowed)
    assert not found, "still stored: " + "; ".join(
        f"{table}.{column} holds {value!r} ({count} row(s))"
        for table, column, value, count in found
    )
