"""What the tests of the production shape share: talking to the instances like a browser
behind TLS, steady load through nginx, the processes of an instance, the database's sessions."""

import contextlib
import re
import subprocess
import threading
import time
from pathlib import Path

import requests
from django.db import connection

from deploy.stack import PYTHON

SECURE = {"X-Forwarded-Proto": "https"}  # what nginx tells the instances
AGREEMENT = "8d3f5b2a-61c4-4e0f-9a57-3c1d2e4f5a01"
PASSWORD = "una-password-lunga-2026"
SEARCH = "/it/search/?q=approdo"  # never front-cached: every request reaches an instance


def manage_on(stack, script):
    """Runs Python in a process configured like the instances (production settings)."""
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        env=stack.env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def drop_database_connections():
    """What a PostgreSQL restart does to the app: every other session ends at once."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


class Browser:
    """Keeps cookies by hand: the instances mark them Secure (TLS ends before nginx), which
    a cookie jar would not send back over the stack's plain HTTP."""

    def __init__(self):
        self.cookies = {}

    def request(self, method, url, **kwargs):
        response = requests.request(
            method, url, cookies=self.cookies, timeout=60, allow_redirects=False, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def form(self, url):
        """GETs a form page; returns it and its CSRF token."""
        page = self.request("GET", url, headers=SECURE)
        assert page.status_code == 200, page.status_code
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return page, token

    def post(self, url, referer, **kwargs):
        headers = {**SECURE, "Referer": referer.replace("http:", "https:")}
        return self.request("POST", url, headers=headers, **kwargs)


def log_in(instance, user, browser=None):
    """POSTs the login form from a new (or the given) browser."""
    browser = browser or Browser()
    url = f"{instance}/it/accounts/login/"
    _, token = browser.form(url)
    return browser.post(
        url, url, data={"csrfmiddlewaretoken": token, "login": user.email, "password": PASSWORD}
    )


class Load:
    """Steady GETs through nginx from a few threads while a test breaks an instance; each
    request's start, end (monotonic clock) and failure, None when a whole page came back."""

    def __init__(self, url, concurrency=4):
        self.url = url
        self.concurrency = concurrency
        self.records = []
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.run) for _ in range(concurrency)]

    def run(self):
        while not self.stopping.is_set():
            started = time.monotonic()
            try:
                response = requests.get(self.url, timeout=30)
                if response.status_code != 200:
                    failure = response.status_code
                elif "</html>" not in response.text:
                    failure = "truncated"
                elif response.headers.get("X-Front-Cache") == "HIT":
                    failure = "front cache hit: the load must reach the instances"
                else:
                    failure = None
            except requests.RequestException as error:
                failure = type(error).__name__
            self.records.append((started, time.monotonic(), failure))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join()


def proc_stat(pid):
    """The fields of /proc/<pid>/stat after the command name: state, parent, ..."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def process_tree(pid):
    """A gunicorn master and its workers (psutil is not a dependency: /proc has it)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError):
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                children.append(int(stat.parent.name))
    return [pid, *children]


def cpu_ticks(pids):
    """CPU time the processes used (user + system, in clock ticks)."""
    return sum(int(proc_stat(pid)[11]) + int(proc_stat(pid)[12]) for pid in pids)


def wait_until_serving(pids, deadline=20):
    """Returns once the instance works on its share of the load through nginx (else stopping
    it would prove nothing); the first requests after start-up are slow and may all be queued."""
    before, end = cpu_ticks(pids), time.monotonic() + deadline
    while cpu_ticks(pids) - before < 5:
        assert time.monotonic() < end, "nginx sends the instance no request"
        time.sleep(0.1)


def gone(pid):
    try:
        return proc_stat(pid)[0] in ("Z", "X")  # a zombie holds no socket and runs nothing
    except FileNotFoundError:
        return True
