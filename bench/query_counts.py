"""Counts the database queries of benchmarked URLs in-process (run with the bench environment)."""

import json
import os
import sys

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main(paths):
    """Prints {path: queries}; BENCH_COOKIE="name=value" signs the client in first."""
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    if cookie := os.environ.get("BENCH_COOKIE"):
        name, value = cookie.split("=", 1)
        client.cookies[name] = value
    counts = {}
    for path in paths:
        client.get(path)  # warm per-process caches, as a running worker has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        # BENCH_NOT_FOUND names the one path expected to be missing (the 404 scenario).
        expected = 404 if path == os.environ.get("BENCH_NOT_FOUND") else 200
        assert response.status_code == expected, (path, response.status_code)
        counts[path] = len(queries)
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
