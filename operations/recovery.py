"""Tasks whose worker stopped under them: killed, out of memory, or its database session
ended mid-task. django-tasks-db leaves such a task "running" for ever: nothing runs it
again, nothing says it failed, and the daily pruning keeps it, since it never finished.

`recover_lost_tasks` (scheduled every five minutes) looks for tasks running for longer than
``APPRODO_TASK_LOST_AFTER`` seconds; none of the project's tasks runs for more than seconds.
A task named in ``APPRODO_REPEATABLE_TASKS`` (one whose second run does no harm: it checks
what is already done) goes back to the queue as it was, on the same row, so its history keeps
both workers; any other (the notifications, which would e-mail twice) is marked failed with
``WorkerLost``. Each is named in a warning in the log.
"""

import datetime
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


class WorkerLost(Exception):
    """The error recorded on a lost task: its worker stopped before it finished."""


MESSAGE = (
    "The worker running this task stopped before it finished (killed, out of memory, or its "
    "database session ended); the task is not safe to run twice, so it was not run again.\n"
)


def lost_tasks(now=None):
    """Tasks still marked running long after any of them should have finished."""
    cutoff = (now or timezone.now()) - datetime.timedelta(seconds=settings.APPRODO_TASK_LOST_AFTER)
    return DBTaskResult.objects.running().filter(started_at__lt=cutoff)


def recover(now=None):
    """Requeues the lost tasks that may run twice, fails the others; returns both counts.

    Each is one conditional UPDATE: a task that finishes meanwhile is not touched, and a
    worker finishing one of them afterwards still records its own outcome.
    """
    now = now or timezone.now()
    repeatable = set(settings.APPRODO_REPEATABLE_TASKS)
    for pk, path in lost_tasks(now).values_list("pk", "task_path"):
        # The task's path and id only: its arguments may name a person's records.
        logger.warning(
            "Task %s (%s) lost its worker: %s",
            pk,
            path,
            "queued again" if path in repeatable else "marked failed",
        )
    requeued = (
        lost_tasks(now)
        .filter(task_path__in=repeatable)
        .update(status=TaskResultStatus.READY, started_at=None)
    )
    # What is still lost after the requeue is what may not run twice.
    failed = lost_tasks(now).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
        traceback=MESSAGE,
        return_value=None,
    )
    return requeued, failed
