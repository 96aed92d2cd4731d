"""`make bench`, participants: the people list over 10,000 people and the attendance
register of a 30-person session, on ONE gunicorn worker, p95 within 100 ms, and the same
number of queries as with 200 people and a 1-person session.

`section(env)` measures and returns the Markdown section of docs/performance.md and
whether it met its targets; bench/run.py appends it. `python -m bench.participants` runs
this scenario alone (migrate, collectstatic, then the measurement) and prints the section.
"""

from bench.harness import environment, fetch, gunicorn, manage, run_json, wrk

PEOPLE = 10000
SESSION_SIZE = 30
SMALL = (200, 1)
P95_MS = 100  # the performance issue: as the companies queue


def _queries(seeded, env):
    counts = run_json(
        "bench.query_counts",
        seeded["list"],
        seeded["register"],
        env={**env, "BENCH_COOKIE": seeded["cookie"]},
    )
    return counts[seeded["list"]], counts[seeded["register"]]


def measure(env):
    """[(name, url, bytes, req/s, p95 ms, queries small, queries large)] for both screens."""
    small = run_json("bench.seed_participants", *map(str, SMALL), env=env)
    small_queries = _queries(small, env)
    seeded = run_json("bench.seed_participants", str(PEOPLE), str(SESSION_SIZE), env=env)
    large_queries = _queries(seeded, env)
    headers = {"Cookie": seeded["cookie"]}
    screens = [
        ("participants list", seeded["list"], b"PAR-B"),
        (f"register of a {SESSION_SIZE}-person session", seeded["register"], b"presence-"),
    ]
    rows = []
    with gunicorn(env, 8781, workers=1) as url:
        for index, (name, path, marker) in enumerate(screens):
            body, _ = fetch(url + path, headers=headers)
            assert marker in body, f"the bench operator does not see the {name}"
            # One connection on one worker: an operator at work, not a queue.
            rps, p95 = wrk(url + path, headers=headers, connections=1)
            rows.append(
                (name, path, len(body), rps, p95, small_queries[index], large_queries[index])
            )
    return rows


def render(rows):
    """The Markdown section and whether every target was met."""
    lines = [
        f"## Back office: participants ({PEOPLE:,} people) and the attendance register",
        "",
        "A moderator of the benchmark territory, signed in, opens the people list (first page,",
        f"20 of {PEOPLE:,}) and the register of a {SESSION_SIZE}-person session (half filled "
        "in). One gunicorn",
        "worker, wrk with 1 connection for 10 s. Queries are counted in-process with "
        f"{SMALL[0]} people and",
        f"a {SMALL[1]}-person session, then at full size: they must not change.",
        "",
        "| screen | bytes | req/s | p95 ms | queries (small → large) | target | result |",
        "|---|---|---|---|---|---|---|",
    ]
    ok_all = True
    for name, path, size, rps, p95, small, large in rows:
        ok = p95 <= P95_MS and small == large
        ok_all = ok_all and ok
        lines.append(
            f"| {name} (`{path}`) | {size:,} | {rps:,.1f} | {p95:.1f} | {small} → {large} | "
            f"p95 ≤ {P95_MS} ms, constant | {'pass' if ok else 'FAIL'} |"
        )
    lines.append("")
    return "\n".join(lines), ok_all


def section(env):
    return render(measure(env))


def main():
    env = environment(APPRODO_PAGE_CACHE_SECONDS=0)
    manage("migrate", "--noinput", "-v0", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    text, ok = section(env)
    print(text)
    if not ok:
        raise SystemExit("A participants benchmark target was missed.")


if __name__ == "__main__":
    main()
