from django.core.management.base import BaseCommand

from operations.recovery import recover


class Command(BaseCommand):
    help = (
        "Requeue the tasks a stopped worker left running that are safe to run twice, and mark "
        "the others failed (scheduled every five minutes; operations/recovery.py)."
    )

    def handle(self, *args, **options):
        requeued, failed = recover()
        self.stdout.write(f"{requeued} requeued, {failed} marked failed")
