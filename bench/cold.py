"""`make bench`, public pages after a publish: what the first reader of each page pays.

An uncached page is measured warm (what the content generation keeps: the chrome, the
route, the listings and the page's parts); the first render after any edit finds none of it
and reads the database again. Here each public page is rendered in-process twenty times
with the generation replaced before every render (as a publish does), then twenty times warm;
medians and the queries of the first render are reported. No target: this is for the reader,
to see what a publish costs and that it is paid once.

`python -m bench.cold PATH…` (bench environment, page cache off) prints the JSON the
section is built from.
"""

import json
import statistics
import sys
import time

from bench.harness import run_json

ROUNDS = 20


def main(paths):
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from home.generation import invalidate

    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    results = {}
    for path in paths:
        client.get(path)
        cold, queries = [], 0
        for _ in range(ROUNDS):
            invalidate()  # outside a transaction: the token is dropped at once
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(path)
                cold.append(time.perf_counter() - started)
            assert response.status_code == 200, (path, response.status_code)
            queries = max(queries, len(captured))
        warm, warm_queries = [], 0
        for _ in range(ROUNDS):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                client.get(path)
                warm.append(time.perf_counter() - started)
            warm_queries = max(warm_queries, len(captured))
        results[path] = {
            "cold_ms": statistics.median(cold) * 1000,
            "warm_ms": statistics.median(warm) * 1000,
            "queries": queries,
            "warm_queries": warm_queries,
        }
    print(json.dumps(results))


def section(env, pages):
    """Markdown lines for docs/performance.md (page cache off in ``env``)."""
    measured = run_json("bench.cold", *[path for _name, path in pages], env=env)
    lines = [
        "After a publish, the first render of a page reads the database again (the chrome, "
        "its route, its listings and its parts are kept per content generation); each page "
        f"rendered in-process {ROUNDS} times with the generation replaced before each "
        f"render, then {ROUNDS} times warm (medians, Django's test client, no network):",
        "",
        "| URL | first render after a publish ms | its queries | warm render ms | warm queries |",
        "|---|---|---|---|---|",
    ]
    for _name, path in pages:
        row = measured[path]
        lines.append(
            f"| `{path}` | {row['cold_ms']:.1f} | {row['queries']} | {row['warm_ms']:.1f} "
            f"| {row['warm_queries']} |"
        )
    return [*lines, ""]


if __name__ == "__main__":
    main(sys.argv[1:])
