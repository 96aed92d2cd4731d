"""Two calls racing for the same rows, with the interleaving forced rather than hoped for.

The first call ("winner") runs until it has taken its row lock, then pauses holding it; the
second call ("loser") starts, and PostgreSQL is asked whether the loser's session is waiting
for a lock. Only then does the winner go on and commit. A missing or misplaced lock therefore
fails every time ("the second call was not blocked"), not only when the scheduler happens to
interleave the threads badly.

Row locks are a PostgreSQL matter: SQLite serialises every writer on the whole database, so
the race tests are skipped there (issue 18 item 10 covers SQLite's busy timeout).
"""

import threading
import time
from dataclasses import dataclass

import pytest
from django.db import connection, connections

TIMEOUT = 10  # seconds; far beyond what any of these calls takes when it is not blocked


@dataclass
class Outcome:
    """What one side of the race returned, or the expected exception it raised."""

    value: object = None
    error: BaseException | None = None

    @property
    def ok(self):
        return self.error is None


def row_lock(sql):
    return "FOR UPDATE" in sql


def lock_on(table):
    """A predicate: the query is a row lock taken on ``table``."""
    return lambda sql: "FOR UPDATE" in sql and f'FROM "{table}"' in sql


class _Side(threading.Thread):
    """One call on its own connection; both sides connect, then meet at the barrier."""

    def __init__(self, call, expected, barrier):
        super().__init__(daemon=True)
        self.call, self.expected, self.barrier = call, expected, barrier
        self.outcome = Outcome()
        self.unexpected = None
        self.backend_pid = None

    def body(self):
        self.outcome.value = self.call()

    def run(self):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.backend_pid = cursor.fetchone()[0]
            self.barrier.wait()
            self.body()
        except self.expected as error:
            self.outcome.error = error
        except BaseException as error:  # re-raised in the test's thread
            self.unexpected = error
        finally:
            connections.close_all()


class _Winner(_Side):
    """Pauses right after its first query matching ``holds_lock``, holding that lock."""

    def __init__(self, call, expected, barrier, holds_lock):
        super().__init__(call, expected, barrier)
        self.holds_lock = holds_lock
        self.locked = threading.Event()
        self.go_on = threading.Event()

    def pause_after_lock(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not self.locked.is_set() and self.holds_lock(sql):
            self.locked.set()
            if not self.go_on.wait(TIMEOUT):
                raise TimeoutError("the race was never released")
        return result

    def body(self):
        with connection.execute_wrapper(self.pause_after_lock):
            super().body()


class _Loser(_Side):
    """Starts only once the winner holds its lock (and not at all if it never takes it)."""

    def __init__(self, call, expected, barrier):
        super().__init__(call, expected, barrier)
        self.start_signal = threading.Event()
        self.abandoned = False

    def body(self):
        self.start_signal.wait(TIMEOUT)
        if not self.abandoned:
            super().body()


def _waiting_for_lock(pid):
    with connection.cursor() as cursor:
        cursor.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", [pid])
        row = cursor.fetchone()
    return row is not None and row[0] == "Lock"


def _within_timeout(condition):
    """Polls ``condition`` until true (returns True) or TIMEOUT passes (returns False)."""
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def run_race(first, second, *, expected=(), holds_lock=row_lock, loser_waits=True):
    """Runs ``first`` and ``second`` in two threads; returns their two Outcomes.

    ``first`` takes the lock (the first query matching ``holds_lock``) and keeps it while
    ``second`` runs. With ``loser_waits`` the second call must be seen waiting for that lock;
    without (a SKIP LOCKED worker) it must finish while the lock is held. Exceptions listed
    in ``expected`` become the outcome's ``error``; any other is re-raised here.
    """
    barrier = threading.Barrier(2, timeout=TIMEOUT)
    winner = _Winner(first, expected, barrier, holds_lock)
    loser = _Loser(second, expected, barrier)
    winner.start()
    loser.start()
    problem = None
    try:
        _within_timeout(lambda: winner.locked.is_set() or not winner.is_alive())
        if not winner.locked.is_set():
            problem = "the first call never took its row lock"
            loser.abandoned = True
        loser.start_signal.set()
        if problem is None and loser_waits:
            blocked = _within_timeout(
                lambda: _waiting_for_lock(loser.backend_pid) or not loser.is_alive()
            )
            if not blocked or not loser.is_alive():
                problem = "the second call was not blocked by the first one's lock"
        elif problem is None:
            loser.join(TIMEOUT)
            if loser.is_alive():
                problem = "the second call waited for the first one's lock instead of going on"
    finally:
        loser.start_signal.set()
        winner.go_on.set()
        winner.join(TIMEOUT)
        loser.join(TIMEOUT)
    for side in (winner, loser):
        if side.unexpected is not None:
            raise side.unexpected
    if problem:
        pytest.fail(problem)
    return winner.outcome, loser.outcome
