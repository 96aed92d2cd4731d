"""`make bench`, production shape: the front cache, publishing and a soak (deploy/stack.py).

The whole shape runs on loopback (nginx with its front cache, two gunicorn instances, SeaweedFS,
a task worker, the scheduler) around its own PostgreSQL database with the demo content,
created here and dropped afterwards. Three measurements (production-scale issue):

1. a published page through the front cache answers at ≥ 1/2 of the same nginx serving the
   same bytes as a static file (wrk, same connections, one after the other, page by page);
2. an editor's publish, done in a separate process with production settings, is served by
   the front URL within a second of the publish returning (p50, p95, max over 10 publishes);
3. a soak at a fixed request rate (bench/soak.py) over cached pages, an uncached page and a
   static file: no error, and each instance's memory flat (the last third of the samples
   within 10% of the first third).

`section()` returns the Markdown section of docs/performance.md and whether every target was
met; `python -m bench.run --only stack` runs this section alone and splices it into the page.
APPRODO_SOAK_SECONDS sets the soak's length (600 by default), APPRODO_SOAK_RATE its rate.
"""

import contextlib
import datetime
import os
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import redis
import requests

from bench import soak as bench_soak
from bench.harness import HEADERS, PYTHON, VAR, fetch, wrk
from bench.harness import splice as harness_splice
from deploy.stack import BASE_DIR, Stack

HEADING = "## Production shape: front cache, publishing and soak"
PAGES = [
    ("home", "/it/"),
    ("news index", "/it/notizie/"),
    ("news page", "/it/notizie/parte-approdo/"),
]
PUBLISHED_SLUG = "parte-approdo"
UNCACHED = "/it/search/?q=approdo"  # a logged-out search: rendered by an instance every time
STATIC_FILE = "/static/css/approdo.css"
FRONT_TARGET = 2  # through the front cache: at least 1/2 of nginx's static file
WRK_SECONDS = 8
PUBLISHES = 10
VISIBLE_TARGET_S = 1.0
VISIBLE_GIVE_UP_S = 10.0
SOAK_WARM_UP_S = 10
MEMORY_GROWTH_LIMIT = 0.10
RATE_HELD = 0.95  # at least 95% of the due requests answered within the soak
PUBLISH_SCRIPT = """\
import time
from news.models import NewsPage
page = NewsPage.objects.get(slug={slug!r}, locale__language_code="it")
page.title = {title!r}
started = time.monotonic()
page.save_revision().publish()
print("published", started, time.monotonic())
"""


def soak_seconds():
    return int(os.environ.get("APPRODO_SOAK_SECONDS", "600"))


def soak_rate():
    return int(os.environ.get("APPRODO_SOAK_RATE", "20"))


def database_url():
    """Its own database on the server DATABASE_URL names (or the local PostgreSQL)."""
    if url := os.environ.get("BENCH_STACK_DATABASE_URL"):
        return url
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith("postgres"):
        server = "postgres://postgres@127.0.0.1:5432/postgres"
    return server.rsplit("/", 1)[0] + "/approdo_bench_stack"


def _postgres(command, url):
    parts = urlsplit(url)
    subprocess.run(
        [
            command,
            "-h",
            parts.hostname or "127.0.0.1",
            "-p",
            str(parts.port or 5432),
            "-U",
            parts.username or "postgres",
            *(["--if-exists", "--force"] if command == "dropdb" else []),
            parts.path.lstrip("/"),
        ],
        check=True,
        env={**os.environ, "PGPASSWORD": parts.password or ""},
    )


@contextlib.contextmanager
def running_stack():
    """The production shape with the demo content, on a fresh database and Redis database."""
    url = database_url()
    redis_url = os.environ.get("BENCH_STACK_REDIS_URL", "redis://127.0.0.1:6379/12")
    root = VAR / "stack"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    _postgres("dropdb", url)
    _postgres("createdb", url)
    redis.Redis.from_url(redis_url).flushdb()
    # Precompressed copies only matter to browsers asking for gzip; wrk does not.
    stack = Stack(root, database_url=url, redis_url=redis_url, precompress=False)
    try:
        with stack:
            stack.start(seed=True)
            yield stack
    finally:
        _postgres("dropdb", url)


def front_page(stack, path):
    """A page's bytes as the front cache serves them, once it serves them from its cache."""
    for _attempt in range(20):
        body, headers = fetch(stack.front + path)
        if headers.get("X-Front-Cache") == "HIT":
            return body
        time.sleep(0.1)
    raise RuntimeError(f"the front cache does not keep {path}")


def measure_front(stack):
    """[(name, path, bytes, (static req/s, p95), (front req/s, p95))], one page at a time."""
    static_root = Path(stack.env()["APPRODO_VAR_DIR"]) / "static"
    rows = []
    for index, (name, path) in enumerate(PAGES):
        body = front_page(stack, path)
        copy = static_root / "bench" / f"front-{index}.html"
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(body)
        static = f"/static/bench/{copy.name}"
        assert fetch(stack.front + static)[0] == body
        # The same nginx process answers both: its static location, then its front cache.
        reference = wrk(stack.front + static, seconds=WRK_SECONDS)
        front = wrk(stack.front + path, seconds=WRK_SECONDS)
        rows.append((name, path, len(body), reference, front))
    return rows


def _publish(stack, title):
    """Starts publishing the news page under a new title in a process with production settings.

    Returns the process and the time its publish returned, read as soon as it says so (before
    the process has finished exiting).
    """
    script = PUBLISH_SCRIPT.format(slug=PUBLISHED_SLUG, title=title)
    log = (stack.root / "logs" / "publish.log").open("a")
    process = subprocess.Popen(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=BASE_DIR,
        env=stack.env(),
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    for line in process.stdout:
        if line.startswith("published "):
            return process, float(line.split()[2])
    process.wait()
    raise RuntimeError(f"the publish failed (exit {process.returncode}; see {log.name})")


def watch(url, title, returned):
    """(sent, shows the new title?) for requests sent one after another from ``returned`` on,
    until 20 in a row show it or VISIBLE_GIVE_UP_S has passed."""
    session, seen = requests.Session(), []
    # time.monotonic() is the machine's clock on Linux: comparable across processes.
    while time.monotonic() - returned < VISIBLE_GIVE_UP_S:
        sent = time.monotonic()
        try:
            text = session.get(url, headers=HEADERS, timeout=30).text
        except requests.RequestException:
            text = ""  # no answer: not visible yet
        seen.append((sent, title in text))
        if len(seen) >= 20 and all(new for _sent, new in seen[-20:]):
            break
        time.sleep(0.005)
    return seen


def visible_after(seen, returned):
    """Seconds from ``returned`` until the page showed, from the reader's (sent, new?) pairs.

    Visible from the first request after which every answer had the new page (never before
    ``returned``); None when it never settled on the new page.
    """
    settled = None
    for sent, new in seen:
        if not new:
            settled = None
        elif settled is None:
            settled = sent
    if settled is None:
        return None
    return max(0.0, settled - returned)


def measure_publish(stack):
    """Seconds from each publish returning to the front URL serving the new title."""
    url = stack.front + PAGES[2][1]
    delays = []
    for n in range(PUBLISHES):
        title = f"Approdo riparte, versione {n} {time.time_ns()}"
        process, returned = _publish(stack, title)
        seen = watch(url, title, returned)
        process.stdout.close()
        if process.wait() != 0:
            raise RuntimeError("the publishing process failed (logs/publish.log)")
        delays.append(visible_after(seen, returned))
    return delays


def soak_urls(front):
    """One turn of the soak's mix: 6 cached pages, 3 static files, 1 uncached search."""
    pages = [front + path for _name, path in PAGES]
    static, search = front + STATIC_FILE, front + UNCACHED
    return [*pages, static, *pages, static, static, search]


def measure_soak(stack):
    urls = soak_urls(stack.front)
    for url in set(urls):
        fetch(url)
    _body, headers = fetch(stack.front + UNCACHED)
    assert headers.get("X-Front-Cache") != "HIT", "the uncached page is cached by nginx"
    instances = {name: stack.processes[f"app_{name}"].pid for name in ("a", "b")}
    rate, seconds = soak_rate(), soak_seconds()
    # Warm-up at the same rate, not sampled: each worker's first requests fill its caches.
    bench_soak.soak(urls, rate, SOAK_WARM_UP_S, instances)
    samples, latencies = bench_soak.soak(urls, rate, seconds, instances)
    return rate, seconds, samples, latencies


def measure():
    # The machine is shared: its load when the run began says how to read the figures.
    run = (datetime.datetime.now(datetime.UTC), os.getloadavg()[0])
    with running_stack() as stack:
        return measure_front(stack), measure_publish(stack), measure_soak(stack), run


def render_front(rows):
    lines = [
        "### Through the front cache",
        "",
        "An anonymous page served from nginx's front cache, against the same nginx serving the",
        "same bytes from its static location; wrk with 1 thread and 8 connections, "
        f"{WRK_SECONDS} s each,",
        f"one after the other. Target: at least 1/{FRONT_TARGET} of the static file.",
        "",
        "| page | URL | bytes | static req/s | static p95 ms | front cache req/s "
        "| front cache p95 ms | ratio | result |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    verdicts = []
    for name, path, size, (ref, ref_p95), (front, front_p95) in rows:
        ok = front * FRONT_TARGET >= ref
        verdicts.append(ok)
        lines.append(
            f"| {name} | `{path}` | {size:,} | {ref:,.0f} | {ref_p95:.1f} | {front:,.0f} | "
            f"{front_p95:.1f} | {front / ref if ref else 0:.2f} | {'pass' if ok else 'FAIL'} |"
        )
    return [*lines, ""], all(verdicts)


def render_publish(delays):
    measured = [d for d in delays if d is not None]
    never = len(delays) - len(measured)
    p50, p95 = (bench_soak.percentile(measured, p) for p in (50, 95))
    worst = max(measured, default=0.0)
    ok = never == 0 and worst <= VISIBLE_TARGET_S
    return [
        "### From publish to visible",
        "",
        f"An editor's publish of `{PAGES[2][1]}` (a new title, `save_revision().publish()` in a",
        "separate process with production settings), repeated "
        f"{len(delays)} times. As soon as the publish returns, a",
        "reader asks the front URL again and again (~5 ms apart); the delay runs from the "
        "publish returning",
        "to the first request after which every answer has the new title (the first request "
        "included).",
        "",
        "| publishes | p50 s | p95 s | max s | never shown | target | result |",
        "|---|---|---|---|---|---|---|",
        f"| {len(delays)} | {p50:.3f} | {p95:.3f} | {worst:.3f} | {never} | "
        f"≤ {VISIBLE_TARGET_S:.0f} s | {'pass' if ok else 'FAIL'} |",
        "",
    ], ok


def render_soak(rate, seconds, samples, latencies):
    requests_total = sum(s["requests"] for s in samples)
    errors = sum(s["errors"] for s in samples)
    growths = {name: bench_soak.growth([s["rss_kb"][name] for s in samples]) for name in ("a", "b")}
    flat = all(g < MEMORY_GROWTH_LIMIT for g in growths.values())
    # A rate the shape cannot keep up with is an overload, not a soak.
    held = requests_total >= RATE_HELD * rate * seconds
    ok = errors == 0 and flat and held
    shortened = (
        f" This run was shortened to {seconds} s (APPRODO_SOAK_SECONDS); the default is 600 s."
        if seconds < 600
        else ""
    )
    lines = [
        "### Soak",
        "",
        f"{rate} requests a second through nginx for {seconds} s, open-loop: each request has "
        "its due time",
        "and its latency counts from it, so falling behind shows. In every 10 requests: 6 to "
        "the three",
        f"pages above (front cache), 3 to a static file (`{STATIC_FILE}`) and 1 logged-out search",
        f"(`{UNCACHED}`, rendered by an instance every time), after {SOAK_WARM_UP_S} s of "
        "warm-up at the same",
        "rate. Errors: answers outside 2xx/3xx and requests with no answer. Memory: resident "
        "set of each",
        "gunicorn instance (master and workers), every 10 s. Targets: no error; memory growth "
        "of the last",
        f"third of the samples over the first third < {MEMORY_GROWTH_LIMIT:.0%}; the rate held "
        f"(≥ {RATE_HELD:.0%} of the",
        f"requests answered).{shortened}",
        "",
        "| t s | requests | errors | p95 ms | instance A MB | instance B MB |",
        "|---|---|---|---|---|---|",
    ]
    for s in samples:
        lines.append(
            f"| {s['t']} | {s['requests']:,} | {s['errors']} | {s['p95_ms']:.1f} | "
            f"{s['rss_kb']['a'] / 1024:.1f} | {s['rss_kb']['b'] / 1024:.1f} |"
        )
    lines += [
        "",
        f"{requests_total:,} requests ({requests_total / seconds:.1f} a second), {errors} "
        f"errors, p95 {bench_soak.percentile(latencies, 95):.1f} ms; memory growth "
        f"A {growths['a']:+.1%}, B {growths['b']:+.1%}: {'pass' if ok else 'FAIL'}.",
        "",
    ]
    return lines, ok


def render(front, delays, soak, run):
    started, load = run
    lines = [
        HEADING,
        "",
        "`deploy/stack.py` on loopback: nginx (one worker process) with its front cache, two "
        "gunicorn",
        "instances (two sync workers each), PostgreSQL, Redis, SeaweedFS, a task worker and the "
        "scheduler,",
        "with the demo content on a database of its own. `python -m bench.run --only stack` "
        "(or `make bench-stack`)",
        "runs this section alone; APPRODO_SOAK_SECONDS sets the soak's length (600 s by "
        "default) and",
        "APPRODO_SOAK_RATE its rate (20 requests a second by default, sized for the two "
        "shared cores",
        "the benchmark runs on here).",
        "",
        f"Last run: {started:%Y-%m-%d %H:%M} UTC · {os.cpu_count()} cores · load average "
        f"{load:.1f} when it began.",
        "",
    ]
    verdicts = []
    for part, ok in (render_front(front), render_publish(delays), render_soak(*soak)):
        lines += part
        verdicts.append(ok)
    return "\n".join(lines), all(verdicts)


def section():
    return render(*measure())


def splice(document, text):
    """``document`` with this section replaced by ``text`` (appended when it has none)."""
    return harness_splice(document, HEADING, text)
