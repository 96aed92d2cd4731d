"""`make bench`, the funder's reports: the Annex I indicator tables (by project, by funding
source, and the XLSX download) and the targets-vs-actuals dashboard over 10,000
participants, on ONE gunicorn worker, p95 within 1 s over 20 requests each, and the same
number of queries as with 100 participants.

The people are bench.seed_participants' ones, given entry data, steps, exits, follow-ups,
monitoring answers and internships by bench.seed_monitoring. `section(env)` measures and
returns the Markdown section of docs/performance.md and whether it met its targets;
`python -m bench.run --only monitoring` replaces that section alone, and
`python -m bench.monitoring` prints it without writing anything.
"""

import os
import time

from bench.harness import environment, fetch, gunicorn, manage, run_json
from bench.soak import percentile

PEOPLE = 10000
SMALL = 100
REQUESTS = 20
WARM_UP = 2
P95_MS = 1000
HEADING = f"## Back office: the funder's reports over {PEOPLE:,} participants"
# (name, the seeded URL's key, whose cookie, what the page must hold)
SCREENS = [
    ("Annex I tables, one project", "annex", "monitoring_cookie", b"indicators-entry"),
    ("Annex I tables, funding source ESF+", "annex_by_fund", "monitoring_cookie", b"indicators-"),
    ("Annex I XLSX download, one project", "annex_xlsx", "monitoring_cookie", b"PK"),
    ("targets-vs-actuals dashboard", "dashboard", "coordinator_cookie", b"results-territories"),
]


def _queries(seeded, env):
    """[queries per screen], counted in-process as each screen's user."""
    found = []
    for _name, key, cookie, _marker in SCREENS:
        path = seeded[key]
        counts = run_json("bench.query_counts", path, env={**env, "BENCH_COOKIE": seeded[cookie]})
        found.append(counts[path])
    return found


def _timed(url, headers):
    """The body and the latencies (ms) of REQUESTS requests, one after the other, after
    WARM_UP requests that fill the worker's caches."""
    for _ in range(WARM_UP):
        body, _headers = fetch(url, headers=headers)
    latencies = []
    for _ in range(REQUESTS):
        began = time.perf_counter()
        fetch(url, headers=headers)
        latencies.append((time.perf_counter() - began) * 1000)
    return body, latencies


def measure(env):
    """[(name, path, bytes, median ms, p95 ms, max ms, queries small, queries large)]."""
    small = run_json("bench.seed_monitoring", str(SMALL), env=env)
    small_queries = _queries(small, env)
    seeded = run_json("bench.seed_monitoring", str(PEOPLE), env=env)
    large_queries = _queries(seeded, env)
    rows = []
    load_before = os.getloadavg()[0]
    with gunicorn(env, 8785, workers=1) as url:
        for index, (name, key, cookie, marker) in enumerate(SCREENS):
            path = seeded[key]
            headers = {"Cookie": seeded[cookie]}
            body, latencies = _timed(url + path, headers)
            assert marker in body, f"the bench user does not see the {name}"
            rows.append(
                (
                    name,
                    path,
                    len(body),
                    percentile(latencies, 50),
                    percentile(latencies, 95),
                    max(latencies),
                    small_queries[index],
                    large_queries[index],
                )
            )
    seeded["load"] = (load_before, os.getloadavg()[0])
    return seeded, rows


def render(seeded, rows):
    """The Markdown section and whether every target was met."""
    before, after = seeded["load"]
    lines = [
        HEADING,
        "",
        f"{PEOPLE:,} people on paths of one ESF+ co-financed project (bench.seed_monitoring):",
        f"entry data, nine in ten enrolled over ten months ({seeded['events']:,} steps), three",
        "in ten left with their exit and most with a follow-up, "
        f"{seeded['records']:,} consented monitoring",
        "records (each decrypted to be counted), one enrolled person in five with an",
        "internship. A Monitoring-group user opens the Annex I tables (by project and by",
        "funding source, whose default period is the projects' whole span) and downloads the",
        "XLSX; a coordinator of the territory opens the dashboard. One gunicorn worker,",
        f"{REQUESTS} requests per screen one after the other after {WARM_UP} warm-up requests. "
        "Queries are",
        f"counted in-process with {SMALL} participants, then at full size: they must not change.",
        "The machine is shared: its load average (1 min) was "
        f"{before:.1f} when the timing began and {after:.1f}",
        "when it ended.",
        "",
        "| screen | bytes | median ms | p95 ms | max ms | queries (small → large) | target "
        "| result |",
        "|---|---|---|---|---|---|---|---|",
    ]
    ok_all = True
    for name, path, size, median, p95, slowest, small, large in rows:
        ok = p95 <= P95_MS and small == large
        ok_all = ok_all and ok
        lines.append(
            f"| {name} (`{path}`) | {size:,} | {median:.0f} | {p95:.0f} | {slowest:.0f} | "
            f"{small} → {large} | p95 ≤ {P95_MS} ms, constant | {'pass' if ok else 'FAIL'} |"
        )
    lines.append("")
    return "\n".join(lines), ok_all


def section(env):
    return render(*measure(env))


def main():
    env = environment(APPRODO_PAGE_CACHE_SECONDS=0)
    manage("migrate", "--noinput", "-v0", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    text, ok = section(env)
    print(text)
    if not ok:
        raise SystemExit("A funder's reports benchmark target was missed.")


if __name__ == "__main__":
    main()
