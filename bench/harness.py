"""Shared pieces of the benchmarks: a production-like environment, gunicorn, wrk.

Absolute numbers on shared machines are noise; every scenario is reported as a ratio to a
reference measured in the same run: the same bytes served as a static file by nginx, the
server that would sit in front of gunicorn in production.
"""

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
VAR = BASE_DIR / "var" / "bench"
PYTHON = sys.executable
REPORT_SCRIPT = Path(__file__).resolve().parent / "report.lua"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_CONFIG = """\
daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    default_type text/html;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location /static/ {{ }}
    }}
}}
"""
HEADERS = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}


def environment(**extra):
    """Production settings with a local database, Redis and a throwaway secret."""
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR / 'bench.sqlite3'}"
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DATABASE_URL=database,
        SECRET_KEY="bench-" + "x" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CSRF_TRUSTED_ORIGINS="https://127.0.0.1",
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
        EMAIL_HOST="127.0.0.1",
        DEFAULT_FROM_EMAIL="bench@approdo.example",
        WAGTAILADMIN_BASE_URL="https://127.0.0.1",
        # wrk talks to gunicorn directly: no proxy in front.
        ALLAUTH_TRUSTED_PROXY_COUNT="0",
        # The upload benchmark measures streaming and storage, not ClamAV: scanning is off,
        # explicitly (production settings refuse to start with no address at all).
        APPRODO_CLAMD_ADDRESS=os.environ.get("BENCH_CLAMD_ADDRESS", "none"),
        APPRODO_MONITORING_KEY="bench-monitoring-salt",
        APPRODO_VAR_DIR=str(VAR),
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def prepare_site():
    """Fresh database with the demo content, static files collected, cache emptied."""
    if VAR.exists() and not os.environ.get("DATABASE_URL"):
        shutil.rmtree(VAR)
    VAR.mkdir(parents=True, exist_ok=True)
    env = environment()
    manage("migrate", "--noinput", "-v0", env=env)
    # seed_demo refuses production settings by design; dev settings reach the same database.
    manage("seed_demo", env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"})
    manage("collectstatic", "--noinput", "-v0", env=env)
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    return env


@contextlib.contextmanager
def nginx(port):
    """Debian's nginx on loopback serving STATIC_ROOT's copies, with a generated config.

    One worker process, as gunicorn gets one worker in the public-page scenarios: the
    reference and the application get the same share of the machine.
    """
    directory = VAR / "nginx"
    (directory / "tmp").mkdir(parents=True, exist_ok=True)
    config = directory / "nginx.conf"
    config.write_text(NGINX_CONFIG.format(dir=directory, port=port, root=VAR))
    # -e: the compiled-in error log (/var/log/nginx) may not be writable.
    process = subprocess.Popen(
        [NGINX, "-p", str(directory), "-c", str(config), "-e", str(directory / "error.log")],
        cwd=directory,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(url + "/static/", timeout=5)
                break
            except urllib.error.HTTPError:
                break  # 403/404 for the bare directory: nginx answers.
            except OSError as error:
                if process.poll() is not None or time.monotonic() > deadline:
                    log = directory / "error.log"
                    raise RuntimeError(f"nginx did not start; see {log}") from error
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextlib.contextmanager
def gunicorn(env, port, workers=2, app="portal.wsgi"):
    with gunicorn_process(env, port, workers, app) as (url, _process):
        yield url


@contextlib.contextmanager
def gunicorn_process(env, port, workers=2, app="portal.wsgi"):
    """gunicorn serving ``app`` on loopback; yields its URL and the master process."""
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            app,
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}", process
    finally:
        process.terminate()
        process.wait(timeout=30)


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers={**HEADERS, **(headers or {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read(), dict(response.headers)


def wrk(url, seconds=10, connections=8, headers=None):
    """Requests per second and p95 latency (ms) measured by wrk against a loopback URL."""
    all_headers = {**HEADERS, **(headers or {})}
    header_args = [arg for name, value in all_headers.items() for arg in ("-H", f"{name}: {value}")]
    result = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{seconds}s",
            "-s",
            str(REPORT_SCRIPT),
            *header_args,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    p95 = int(re.search(r"p95_us (\d+)", result.stdout).group(1)) / 1000
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", result.stdout)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses\n{result.stdout}")
    return rps, p95


def write_static_copy(name, content):
    """Store response bytes under STATIC_ROOT, where nginx (or whitenoise) serves them as-is."""
    target = VAR / "static" / "bench" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return f"/static/bench/{name}"


def splice(document, heading, text, before=None):
    """``document`` with the section under ``heading`` replaced by ``text``; a document
    without it gets it before the ``before`` heading when that one is there, else at the end.
    A section runs from its heading to the next "## " heading."""
    lines = document.splitlines()
    new_lines = text.rstrip("\n").splitlines()
    if heading in lines:
        start = lines.index(heading)
        end = next(
            (i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines)
        )
    elif before in lines:
        start = end = lines.index(before)
    else:
        return document.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n"
    kept_after = lines[end:]
    new = lines[:start] + new_lines
    if kept_after:
        new += ["", *kept_after]
    return "\n".join(new) + "\n"


def run_json(module, *args, env):
    """Runs `python -m module args` with ``env``; returns the JSON of its last output line."""
    result = subprocess.run(
        [PYTHON, "-m", module, *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])
