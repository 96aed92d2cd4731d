"""Queues the workers' heartbeat task: readiness then knows the queue is being worked."""

from django.core.management.base import BaseCommand

from operations.tasks import worker_heartbeat


class Command(BaseCommand):
    help = "Queue a heartbeat task for the task workers (scheduled every minute)."

    def handle(self, *args, **options):
        worker_heartbeat.enqueue()
