"""`make bench`: public pages under gunicorn against the same bytes served by nginx.

Writes docs/performance.md. Targets (performance issue): with one sync gunicorn worker,
every public page reaches at least 1/8 of nginx's throughput on the same bytes when cached
and 1/150 uncached, with at most 10 queries whatever the number of news items; a repeated
404 costs at most 3 queries; a signed-in reader is at most twice as slow. Back
office (moderation issue): the companies listing with 10,000 companies answers a signed-in
moderator within 300 ms at the 95th percentile, with at most 25 queries; the project report
over 10,000 placements within 1 s, with at most 25 queries; the performance issue then asked
for 100 ms at the 95th percentile on one worker for both, which is what is measured.
Documents: a 50 MB upload raises the worker's peak memory by at most 10 MB and leaves no
temporary file.
Participants (bench/participants.py): the people list with 10,000 people and a 30-person
register, p95 within 100 ms on one worker, with constant queries. Allowance
(bench/allowance.py): a month's run for 1,000 people within seconds, with the queries of a
50-person run, creating nothing when run again. The funder's reports (bench/monitoring.py,
reporting issue): the Annex I tables and the targets dashboard over 10,000 participants, p95
within 1 s on one worker, with constant queries. `--only allowance` and `--only monitoring`
run one of those sections alone and replace it. Production shape
(bench/stack.py, production-scale issue): through nginx's front cache a public page answers at
least at 1/2 of nginx serving the same bytes as a static file, an editor's publish is served
within 1 s, and a soak at a fixed rate (APPRODO_SOAK_SECONDS, 600 by default) has no error and
flat memory. `python -m bench.run --only stack` (`make bench-stack`) runs that section alone
and replaces it in docs/performance.md.
"""

import argparse
import datetime
import os
import platform

from bench import allowance as bench_allowance
from bench import cold as bench_cold
from bench import monitoring as bench_monitoring
from bench import participants as bench_participants
from bench import stack as bench_stack
from bench import upload as bench_upload
from bench.harness import (
    BASE_DIR,
    environment,
    fetch,
    gunicorn,
    manage,
    nginx,
    prepare_site,
    run_json,
    splice,
    write_static_copy,
    wrk,
)

PUBLIC_PAGES = [
    ("home", "/it/"),
    ("news index", "/it/notizie/"),
    ("news page", "/it/notizie/parte-approdo/"),
    ("call", "/it/avvisi/avviso-aziende-ospitanti-2026/"),
    ("project", "/it/progetto-approdo/"),
    ("Arabic home", "/ar/"),
]
NEWS_PAGE = "/it/notizie/parte-approdo/"
NOT_FOUND = "/it/pagina-che-non-esiste/"
CACHED_TARGET = 8  # cached pages: at least 1/8 of nginx
UNCACHED_TARGET = 150  # uncached pages: at least 1/150 of nginx
PUBLIC_MAX_QUERIES = 10
NOT_FOUND_MAX_QUERIES = 3
LOGGED_IN_FACTOR = 2  # a signed-in reader: within 2x of the anonymous uncached page
NEWS_SIZES = (12, 500)  # the demo's news, then topped up
PUBLIC_SECONDS = 8
LISTING = "/admin/host-companies/companies/"
LISTING_COMPANIES = 10000
LISTING_P95_MS = 100  # the performance issue (the moderation issue asked for 300)
LISTING_MAX_QUERIES = 25
REPORT = "/admin/reports/project/"
REPORT_PLACEMENTS = 10000
REPORT_P95_MS = 100  # the performance issue (the moderation issue asked for 1,000)
REPORT_MAX_QUERIES = 25


def query_counts(env, paths):
    return run_json("bench.query_counts", *paths, env=env)


def measure_listing(env):
    """The moderator's companies queue over 10,000 submitted companies."""
    cookie = run_json("bench.seed_backoffice", str(LISTING_COMPANIES), env=env)["cookie"]
    headers = {"Cookie": cookie}
    with gunicorn(env, 8774) as url:
        body, _ = fetch(url + LISTING, headers=headers)
    assert b"Impresa di prova" in body, "the bench moderator does not see the queue"
    # Written before the measuring server starts: whitenoise indexes files at start-up.
    static = write_static_copy("companies-listing.html", body)
    with gunicorn(env, 8775, workers=1) as url:
        # One connection on one worker: a moderator at work, not a queue (whose waiting
        # would measure the number of workers instead).
        # Warm-up, not measured: the worker's first requests fill its own caches.
        wrk(url + LISTING, headers=headers, connections=1, seconds=2)
        rps, p95 = wrk(url + LISTING, headers=headers, connections=1)
        ref_rps, ref_p95 = wrk(url + static, connections=1)
    queries = run_json("bench.query_counts", LISTING, env={**env, "BENCH_COOKIE": cookie})
    return (len(body), rps, p95, ref_rps, ref_p95, queries[LISTING]), cookie


def measure_report(env, cookie):
    """The project report over 10,000 placements and their steps, for the same moderator."""
    seeded = run_json("bench.seed_report", str(REPORT_PLACEMENTS), env=env)
    path = f"{REPORT}?year={seeded['year']}"
    headers = {"Cookie": cookie}
    with gunicorn(env, 8776) as url:
        body, _ = fetch(url + path, headers=headers)
    assert b"report-placements" in body, "the bench moderator does not see the report"
    static = write_static_copy("project-report.html", body)
    with gunicorn(env, 8777, workers=1) as url:
        wrk(url + path, headers=headers, connections=1, seconds=2)  # warm-up, not measured
        rps, p95 = wrk(url + path, headers=headers, connections=1)
        ref_rps, ref_p95 = wrk(url + static, connections=1)
    queries = run_json("bench.query_counts", path, env={**env, "BENCH_COOKIE": cookie})
    return path, seeded, (len(body), rps, p95, ref_rps, ref_p95, queries[path])


def measure_public(env):
    """Every public page cached and uncached under one sync gunicorn worker, against nginx.

    nginx and both gunicorns run side by side and each page's three measurements follow one
    another, so a neighbour's load on the shared machine hits reference and application
    alike.
    """
    cached_env = {**env, "APPRODO_PAGE_CACHE_SECONDS": "600"}
    uncached_env = {**env, "APPRODO_PAGE_CACHE_SECONDS": "0"}
    cookie = run_json("bench.seed_public", "cookie", env=env)["cookie"]
    statics = {}
    with gunicorn(uncached_env, 8771, workers=1) as url:
        for _name, path in PUBLIC_PAGES:
            body, _ = fetch(url + path)
            statics[path] = (len(body), write_static_copy(f"page{len(statics)}.html", body))
    rows = []
    with (
        nginx(8780) as static_url,
        gunicorn(env, 8779, workers=1, app="bench.ceiling:application") as bare_url,
        gunicorn(cached_env, 8772, workers=1) as cached_url,
        gunicorn(uncached_env, 8773, workers=1) as uncached_url,
    ):
        for name, path in PUBLIC_PAGES:
            size, static = statics[path]
            fetch(cached_url + path)  # fill the cache
            ref = wrk(static_url + static, seconds=PUBLIC_SECONDS)
            bare = wrk(bare_url + static, seconds=PUBLIC_SECONDS)
            cached = wrk(cached_url + path, seconds=PUBLIC_SECONDS)
            uncached = wrk(uncached_url + path, seconds=PUBLIC_SECONDS)
            rows.append((name, path, size, ref, bare, cached, uncached))
        signed_in = {"Cookie": cookie}
        logged_in = wrk(uncached_url + NEWS_PAGE, seconds=PUBLIC_SECONDS, headers=signed_in)
        anonymous = wrk(uncached_url + NEWS_PAGE, seconds=PUBLIC_SECONDS)
    paths = [path for _name, path in PUBLIC_PAGES]
    counts = {}
    for size in NEWS_SIZES:
        news = run_json("bench.seed_public", "news", str(size), env=env)["news"]
        counts[news] = {
            "uncached": query_counts(uncached_env, paths),
            "cached": query_counts(cached_env, paths),
        }
    not_found_env = {**cached_env, "BENCH_NOT_FOUND": NOT_FOUND}
    not_found = run_json("bench.query_counts", NOT_FOUND, env=not_found_env)[NOT_FOUND]
    return rows, counts, (anonymous, logged_in), not_found


def measure():
    load = os.getloadavg()[0]  # other work on the shared machine, for the reader
    env = prepare_site()
    database = env["DATABASE_URL"]
    uncached_env = environment(APPRODO_PAGE_CACHE_SECONDS=0)
    public = (*measure_public(env), bench_cold.section(uncached_env, PUBLIC_PAGES))
    listing, cookie = measure_listing(uncached_env)
    report = measure_report(uncached_env, cookie)
    upload = bench_upload.measure(uncached_env)
    return public, database, listing, report, upload, load


def render_public(public):
    """The public pages' section of docs/performance.md, and whether every target was met."""
    rows, counts, (anonymous, logged_in), not_found, cold = public
    verdicts = []
    lines = [
        "| page | URL | bytes | nginx req/s | gunicorn alone req/s | its ratio | cached req/s "
        "| cached p95 ms | cached ratio | uncached req/s | uncached p95 ms | uncached ratio "
        "| result |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    ceilings = []
    for name, path, size, (ref, _), (bare, _), (cached, cached_p95), (uncached, p95) in rows:
        bare_ratio = ref / bare if bare else float("inf")
        cached_ratio = ref / cached if cached else float("inf")
        uncached_ratio = ref / uncached if uncached else float("inf")
        ceilings.append(bare_ratio)
        ok = cached_ratio <= CACHED_TARGET and uncached_ratio <= UNCACHED_TARGET
        verdicts.append(ok)
        lines.append(
            f"| {name} | `{path}` | {size:,} | {ref:,.0f} | {bare:,.0f} | 1/{bare_ratio:.1f} | "
            f"{cached:,.0f} | {cached_p95:.1f} | 1/{cached_ratio:.1f} | {uncached:,.1f} | "
            f"{p95:.1f} | 1/{uncached_ratio:.0f} | {'pass' if ok else 'FAIL'} |"
        )
    reachable = "within" if max(ceilings) <= CACHED_TARGET else "beyond"
    lines += [
        "",
        "*Gunicorn alone*: the same gunicorn (one sync worker) answering with the same bytes "
        "from memory, with no Django and no work per request (bench/ceiling.py): the most any "
        f"page can reach on that server. It reached 1/{min(ceilings):.1f} to "
        f"1/{max(ceilings):.1f} of nginx, so a cached ratio of 1/{CACHED_TARGET} is "
        f"{reachable} what the app server itself allows here.",
    ]
    slowdown = anonymous[0] / logged_in[0] if logged_in[0] else float("inf")
    ok = slowdown <= LOGGED_IN_FACTOR
    verdicts.append(ok)
    lines += [
        "",
        f"A signed-in company user reading `{NEWS_PAGE}` (never cached): "
        f"{logged_in[0]:,.1f} req/s, p95 {logged_in[1]:.1f} ms, against {anonymous[0]:,.1f} "
        f"req/s anonymous uncached in the same run: {slowdown:.2f}× slower "
        f"(target ≤ {LOGGED_IN_FACTOR}×, {'pass' if ok else 'FAIL'}).",
        "",
        "Database queries per request, measured in-process with warm caches, with the demo's "
        "news and with the news index topped up:",
        "",
    ]
    sizes = list(counts)
    header = " | ".join(f"uncached, {n} news | cached, {n} news" for n in sizes)
    lines += [f"| URL | {header} | result |", "|---|" + "---|---|" * len(sizes) + "---|"]
    for _name, path in PUBLIC_PAGES:
        cells = [(counts[n]["uncached"][path], counts[n]["cached"][path]) for n in sizes]
        ok = (
            all(u <= PUBLIC_MAX_QUERIES and c == 0 for u, c in cells)
            and len({u for u, _c in cells}) == 1
        )
        verdicts.append(ok)
        row = " | ".join(f"{u} | {c}" for u, c in cells)
        lines.append(f"| `{path}` | {row} | {'pass' if ok else 'FAIL'} |")
    ok = not_found <= NOT_FOUND_MAX_QUERIES
    verdicts.append(ok)
    lines += [
        "",
        f"Targets: uncached ≤ {PUBLIC_MAX_QUERIES} queries and the same at every size, cached "
        f"0. A missing page (`{NOT_FOUND}`) asked for a second time costs {not_found} "
        f"queries (target ≤ {NOT_FOUND_MAX_QUERIES}, {'pass' if ok else 'FAIL'}).",
        "",
        *cold,
    ]
    return lines, all(verdicts)


def render_report(report):
    """The project report's section of docs/performance.md, and whether it met its target."""
    path, seeded, (size, rps, p95, ref_rps, ref_p95, queries) = report
    ok = p95 <= REPORT_P95_MS and queries <= REPORT_MAX_QUERIES
    lines = [
        f"## Back office: project report over {seeded['placements']:,} placements",
        "",
        f"The same moderator opens the project report for {seeded['year']}: "
        f"{seeded['placements']:,} placements",
        f"and {seeded['events']:,} steps in the benchmark territory, which the database "
        "groups by month,",
        "territory and action in one query; one worker, one connection. The target is absolute;",
        "the static copy of the same page is shown for scale.",
        "",
        "| URL | bytes | req/s | p95 ms | queries | static req/s | static p95 ms "
        "| target | result |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| `{path}` | {size:,} | {rps:,.1f} | {p95:.1f} | {queries} | {ref_rps:,.0f} | "
        f"{ref_p95:.1f} | p95 ≤ {REPORT_P95_MS} ms, ≤ {REPORT_MAX_QUERIES} queries | "
        f"{'pass' if ok else 'FAIL'} |",
        "",
    ]
    return lines, ok


def render(public, database, listing, report, upload, load):
    engine = "PostgreSQL" if database.startswith("postgres") else "SQLite"
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (bench/run.py). Public pages are served by gunicorn with one",
        "sync worker and production settings (DEBUG off, Redis cache); the reference is the",
        "*same response bytes* served as a static file by nginx (one worker process, started",
        "by the benchmark on a loopback port) in the same run, so the ratio is what matters",
        "on a shared, noisy machine. Cached: the anonymous page cache answers; uncached: it is",
        "off and every request renders the page, as for a signed-in reader: what it reads",
        "from the content (the page and its route, chrome, translations, listings, and the",
        "parts of the page that are the same for every reader) is kept under the content",
        "generation (home/generation.py) as in production, so it runs no query; the first",
        "render after a publish is measured apart. Gunicorn alone: the same worker",
        "answering with the same bytes and no application, the server's own ceiling. The",
        "last section measures the production shape instead (nginx's front cache, two",
        "instances, a soak): `make bench-stack` runs that section alone.",
        "",
        f"Last run: {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC · {engine} · "
        f"Python {platform.python_version()} · wrk 1 thread, 8 connections, "
        f"{PUBLIC_SECONDS} s per URL · load average {load:.1f} when it began (2 cores).",
        "",
        f"Targets: cached ≥ 1/{CACHED_TARGET} of nginx, uncached ≥ 1/{UNCACHED_TARGET}.",
        "",
    ]
    public_lines, ok = render_public(public)
    lines += public_lines
    verdicts = [ok]
    size, rps, p95, ref_rps, ref_p95, queries = listing
    ok = p95 <= LISTING_P95_MS and queries <= LISTING_MAX_QUERIES
    verdicts.append(ok)
    lines += [
        "",
        f"## Back office: companies queue with {LISTING_COMPANIES:,} companies",
        "",
        "A moderator of the benchmark territory, signed in (session cookie), opens the default",
        "queue (awaiting review, oldest first, 20 per page) on one gunicorn worker, wrk with one",
        "connection. The target is absolute here (the performance issue's); the static copy of",
        "the same page, served by the same worker, is shown for scale.",
        "",
        "| URL | bytes | req/s | p95 ms | queries | static req/s | static p95 ms "
        "| target | result |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| `{LISTING}` | {size:,} | {rps:,.1f} | {p95:.1f} | {queries} | {ref_rps:,.0f} | "
        f"{ref_p95:.1f} | p95 ≤ {LISTING_P95_MS} ms, ≤ {LISTING_MAX_QUERIES} queries | "
        f"{'pass' if ok else 'FAIL'} |",
        "",
    ]
    report_lines, ok = render_report(report)
    lines += report_lines
    verdicts.append(ok)
    growth_mb = upload["growth_kb"] / 1024
    ok = (
        upload["growth_kb"] <= bench_upload.MAX_GROWTH_KB
        and upload["leftovers"] == 0
        and upload["stored"]
    )
    verdicts.append(ok)
    lines += [
        "## Documents: uploading a 50 MB PDF",
        "",
        "One gunicorn worker; its peak resident memory (VmHWM) is read before and after the",
        "upload, which streams to a temporary file, is checked by content and moved into the",
        "private storage (ClamAV off here; clamd is sent the file in chunks too).",
        "",
        "| file | seconds | worker peak memory growth | stored | files left in the upload "
        "directory | target | result |",
        "|---|---|---|---|---|---|---|",
        f"| {upload['size'] / 1048576:.1f} MB PDF | {upload['seconds']:.1f} | "
        f"{growth_mb:.1f} MB | {'yes' if upload['stored'] else 'NO'} | {upload['leftovers']} "
        f"| ≤ 10 MB growth, nothing left | {'pass' if ok else 'FAIL'} |",
        "",
    ]
    return "\n".join(lines), all(verdicts)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument(
        "--only",
        choices=["stack", "allowance", "monitoring", "app"],
        help="run one part and replace it in docs/performance.md, keeping the others "
        "(app: everything but the production shape)",
    )
    args = parser.parse_args(argv)
    page = BASE_DIR / "docs" / "performance.md"
    if args.only == "stack":
        text, ok = bench_stack.section()
        page.write_text(bench_stack.splice(page.read_text(), text))
    elif args.only in ("allowance", "monitoring"):
        env = environment()
        manage("migrate", "--noinput", "-v0", env=env)
        manage("collectstatic", "--noinput", "-v0", env=env)
        module = bench_allowance if args.only == "allowance" else bench_monitoring
        text, ok = module.section(env)
        document = splice(page.read_text(), module.HEADING, text, bench_stack.HEADING)
        page.write_text(document)
    else:
        text, ok = render(*measure())
        participants_text, participants_ok = bench_participants.section(environment())
        allowance_text, allowance_ok = bench_allowance.section(environment())
        monitoring_text, monitoring_ok = bench_monitoring.section(environment())
        text = f"{text}\n{participants_text}\n{allowance_text}\n{monitoring_text}"
        ok = ok and participants_ok and allowance_ok and monitoring_ok
        if args.only == "app":
            # The production shape's section of the previous run is kept as it was.
            kept = page.read_text() if page.exists() else ""
            start = kept.find(bench_stack.HEADING)
            stack_text = kept[start:] if start != -1 else ""
        else:
            stack_text, stack_ok = bench_stack.section()
            ok = ok and stack_ok
        text = f"{text}\n{stack_text}".rstrip("\n") + "\n"
        page.write_text(text)
    print(text)
    if not ok:
        raise SystemExit("A benchmark target was missed (see docs/performance.md).")


if __name__ == "__main__":
    main()
