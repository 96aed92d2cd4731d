"""`make bench`, soak: a fixed request rate through nginx, sampled every 10 seconds.

The load is open-loop: request k is due at ``start + k / rate`` whatever happened to the
requests before it, and its latency is counted from that due time, so a server (or a client)
that falls behind shows as latency instead of quietly lowering the rate. Threads only carry
the requests; the schedule decides when each is sent.

Each sample gives the requests finished in its window, their errors (an answer outside
2xx/3xx, or no answer: refused, reset, timed out), their 95th-percentile latency, and the
resident memory of each gunicorn instance (its master and workers, read from /proc).
"""

import math
import threading
import time
from pathlib import Path

import requests

from bench.harness import HEADERS

SAMPLE_SECONDS = 10
THREADS = 32  # enough that slow uncached answers never hold back the cached ones
TIMEOUT = 10


def percentile(values, pct):
    """The nearest-rank percentile of ``values`` (0 for none): a value actually observed."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def growth(samples):
    """How much the mean of the last third of ``samples`` exceeds the first third's (0.1 = 10%).

    Thirds rather than first and last sample: one sample taken during a garbage collection
    or a worker's cache fill would otherwise decide the verdict.
    """
    if len(samples) < 2:
        return 0.0
    third = max(1, len(samples) // 3)
    first = sum(samples[:third]) / third
    last = sum(samples[-third:]) / third
    return (last - first) / first if first else 0.0


def _children(pid):
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        children += [int(child) for child in task.read_text().split()]
    return children


def tree_rss_kb(pid):
    """Resident memory (kB) of a process and all its descendants; 0 once it has gone."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            pending += _children(current)
        except (FileNotFoundError, ProcessLookupError):
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


class PacedLoad:
    """Sends ``rate`` requests a second over ``urls`` (taken in turn) until stopped."""

    def __init__(self, urls, rate, threads=THREADS):
        self.urls = urls
        self.rate = rate
        self.threads = threads
        self.records = []  # (finished, latency ms, ok), in the order they finished
        self._lock = threading.Lock()
        self._next = 0
        self._stop = threading.Event()

    def _take(self):
        with self._lock:
            k = self._next
            self._next += 1
        return k, self.start + k / self.rate

    def _send(self):
        session = requests.Session()
        while True:
            k, due = self._take()
            wait = due - time.monotonic()
            if wait > 0 and self._stop.wait(wait):
                return
            if self._stop.is_set():
                return
            try:
                answer = session.get(
                    self.urls[k % len(self.urls)],
                    headers=HEADERS,
                    allow_redirects=False,
                    timeout=TIMEOUT,
                )
                answer.content  # noqa: B018 - the whole body, as a browser would read it
                ok = 200 <= answer.status_code < 400
            except requests.RequestException:
                ok = False
                session = requests.Session()  # a broken connection is not reused
            finished = time.monotonic()
            with self._lock:
                self.records.append((finished, (finished - due) * 1000, ok))

    def __enter__(self):
        self.start = time.monotonic()
        self._workers = [
            threading.Thread(target=self._send, daemon=True) for _ in range(self.threads)
        ]
        for worker in self._workers:
            worker.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for worker in self._workers:
            worker.join(TIMEOUT + 5)


def soak(urls, rate, seconds, instances):
    """Samples of one soak: ``instances`` maps a name to its gunicorn master's pid.

    Returns [{"t", "requests", "errors", "p95_ms", "rss_kb": {name: kB}}] and the latencies
    of every request, for the overall percentile.
    """
    samples, seen = [], 0
    windows = max(1, math.ceil(seconds / SAMPLE_SECONDS))
    with PacedLoad(urls, rate) as load:
        for window in range(1, windows + 1):
            elapsed = min(window * SAMPLE_SECONDS, seconds)
            time.sleep(max(0.0, load.start + elapsed - time.monotonic()))
            with load._lock:
                batch = load.records[seen:]
                seen = len(load.records)
            samples.append(
                {
                    "t": elapsed,
                    "requests": len(batch),
                    "errors": sum(1 for _f, _l, ok in batch if not ok),
                    "p95_ms": percentile([latency for _f, latency, _ok in batch], 95),
                    "rss_kb": {name: tree_rss_kb(pid) for name, pid in instances.items()},
                }
            )
    # Requests still in flight when the load stopped belong to the last window.
    with load._lock:
        late = load.records[seen:]
        latencies = [latency for _f, latency, _ok in load.records]
    samples[-1]["requests"] += len(late)
    samples[-1]["errors"] += sum(1 for _f, _l, ok in late if not ok)
    return samples, latencies
