"""Tasks whose worker stopped under them (operations/recovery.py): the ones safe to run twice
go back to the queue and a worker runs them; the others are marked failed; nothing younger
than the limit, and nothing not running, is touched."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from operations.models import Heartbeat
from operations.recovery import MESSAGE, recover
from tests.operations.conftest import batch_worker

pytestmark = pytest.mark.django_db

HEARTBEAT = "operations.tasks.worker_heartbeat"
NOTICE = "companies.notifications.send_submission"


def row(task_path, status=TaskResultStatus.RUNNING, minutes_ago=60, args=()):
    """A task result as django-tasks-db leaves it when a worker claims it and then stops."""
    started = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    return DBTaskResult.objects.create(
        task_path=task_path,
        args_kwargs={"args": list(args), "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),
        status=status,
        started_at=started if status != TaskResultStatus.READY else None,
        worker_ids=["stopped-worker"],
        exception_class_path="",
        traceback="",
    )


# The worker claims in its own transactions, as in production.
@pytest.mark.django_db(transaction=True)
def test_a_lost_task_safe_to_repeat_is_run_again_by_a_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    lost = row(HEARTBEAT)
    assert recover() == (1, 0)
    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.READY and lost.started_at is None
    batch_worker("next-worker").run()
    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.SUCCESSFUL
    assert lost.worker_ids == ["stopped-worker", "next-worker"]
    assert Heartbeat.objects.filter(role=Heartbeat.WORKER).exists()


def test_a_lost_notification_is_marked_failed_not_run_again(caplog):
    lost = row(NOTICE, args=[4242])
    assert recover() == (0, 1)
    assert f"Task {lost.pk} ({NOTICE}) lost its worker: marked failed" in caplog.text
    assert "4242" not in caplog.text
    lost.refresh_from_db()
    assert lost.status == TaskResultStatus.FAILED
    assert lost.finished_at is not None
    assert lost.exception_class_path == "operations.recovery.WorkerLost"
    assert lost.traceback == MESSAGE
    assert lost.task_result.errors[0].exception_class_path == "operations.recovery.WorkerLost"


def test_recent_running_and_not_running_tasks_are_left_alone(settings):
    settings.APPRODO_TASK_LOST_AFTER = 15 * 60
    running = [row(HEARTBEAT, minutes_ago=14), row(NOTICE, minutes_ago=14)]
    others = [
        row(NOTICE, status=status)
        for status in (
            TaskResultStatus.READY,
            TaskResultStatus.SUCCESSFUL,
            TaskResultStatus.FAILED,
        )
    ]
    assert recover() == (0, 0)
    for result in running + others:
        before = result.status
        result.refresh_from_db()
        assert result.status == before
    settings.APPRODO_TASK_LOST_AFTER = 10 * 60
    assert recover() == (1, 1)


def test_the_command_reports_and_is_scheduled(capsys, settings):
    row(HEARTBEAT)
    row(NOTICE)
    call_command("recover_lost_tasks")
    assert capsys.readouterr().out.strip() == "1 requeued, 1 marked failed"
    command, period = settings.APPRODO_SCHEDULE["recover_lost_tasks"]
    assert command == ["recover_lost_tasks"]
    assert period < settings.APPRODO_TASK_LOST_AFTER


def test_every_task_said_safe_to_repeat_exists(settings):
    for path in settings.APPRODO_REPEATABLE_TASKS:
        assert isinstance(import_string(path), Task), path
