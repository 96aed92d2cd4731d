"""Background tasks of the operations app."""

from django_tasks import task

from operations.models import Heartbeat
from operations.scheduler import beat


@task()
def worker_heartbeat():
    """Run by a task worker: proves that queued work is being picked up, not only queued."""
    beat(Heartbeat.WORKER)
