"""The job schedule: which management commands run how often, and the claim that makes a
job run once per period however many schedulers fire.

The schedule is data in settings (``APPRODO_SCHEDULE``: name → command line and period in
seconds), so a deployer reads it in one place and changes a period per deployment
(``APPRODO_SCHEDULE_<NAME>_EVERY``, 0 switches a job off). Each app owns its command; the
scheduler only decides when to call it. ``manage.py run_jobs`` is what systemd's timer (or
cron) starts every minute on every instance; ``manage.py run_jobs --list`` shows the table.
"""

import datetime
import logging
import os
import socket
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from operations.models import Heartbeat, JobState, Outcome

logger = logging.getLogger("approdo.jobs")


@dataclass(frozen=True)
class Job:
    """A management command and how often it should run."""

    name: str
    command: tuple
    every: datetime.timedelta

    def next_due(self, state):
        if state is None or state.last_started_at is None:
            return None  # never ran: due now
        return state.last_started_at + self.every


def schedule():
    """The jobs switched on in this deployment, in the order settings declare them."""
    jobs = []
    for name, (command, seconds) in settings.APPRODO_SCHEDULE.items():
        override = os.environ.get(f"APPRODO_SCHEDULE_{name.upper()}_EVERY", "").strip()
        if override:
            seconds = int(override)
        if seconds > 0:
            jobs.append(Job(name, tuple(command), datetime.timedelta(seconds=seconds)))
    return jobs


def job_named(name):
    for job in schedule():
        if job.name == name:
            return job
    raise KeyError(name)


def claim(job, now, *, force=False):
    """Takes ``job`` for this run when it is due; True when this caller must run it.

    One conditional UPDATE: on PostgreSQL a second scheduler's UPDATE waits for the first
    one's row lock, then re-reads the row, finds it no longer due and changes nothing; on
    SQLite writers are serialised anyway. The claim commits before the command runs, so a
    long job holds no lock and a crashed run is retried after one period.
    """
    due = Q(last_started_at__isnull=True) | Q(last_started_at__lte=now - job.every)
    with transaction.atomic():
        JobState.objects.get_or_create(name=job.name)
        rows = JobState.objects.filter(Q(name=job.name) & (Q() if force else due)).update(
            last_started_at=now, last_outcome=Outcome.RUNNING, runs=F("runs") + 1
        )
    return rows == 1


def run(job, now):
    """Runs a claimed job's command and records how it ended (never raises)."""
    try:
        call_command(*job.command, verbosity=0)
    except Exception as error:
        logger.exception("Scheduled job %s failed", job.name)
        finished = timezone.now()
        JobState.objects.filter(name=job.name).update(
            last_finished_at=finished,
            last_outcome=Outcome.FAILED,
            last_error=type(error).__name__,
        )
        return Outcome.FAILED
    finished = timezone.now()
    JobState.objects.filter(name=job.name).update(
        last_finished_at=finished,
        last_succeeded_at=finished,
        last_outcome=Outcome.SUCCEEDED,
        last_error="",
    )
    return Outcome.SUCCEEDED


def run_due(*, only=None, force=False, now=None):
    """Runs every due job (or only the one named), returns ``{name: outcome or None}``.

    ``None`` means not due, or taken by another scheduler. The scheduler's heartbeat is
    stamped first, so readiness sees a scheduler that has nothing to do as alive.
    """
    now = now or timezone.now()
    beat(Heartbeat.SCHEDULER, now)
    jobs = [job_named(only)] if only else schedule()
    return {job.name: run(job, now) if claim(job, now, force=force) else None for job in jobs}


def beat(role, now=None):
    """Records that ``role`` is alive on this host now."""
    Heartbeat.objects.update_or_create(
        role=role,
        defaults={
            "seen_at": now or timezone.now(),
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
        },
    )


def table(now=None):
    """The schedule with each job's last run, for ``run_jobs --list`` and the admin report."""
    now = now or timezone.now()
    states = JobState.objects.in_bulk()
    rows = []
    for job in schedule():
        state = states.get(job.name)
        next_due = job.next_due(state)
        rows.append(
            {
                "job": job,
                "state": state,
                "next_due": next_due,
                "overdue": next_due is not None and next_due + job.every < now,
            }
        )
    return rows
