"""Daily: e-mails each case operator the follow-ups that fall due today (run from cron)."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from participants.models import Path, Stage
from participants.notifications import send_follow_up_reminder


class Command(BaseCommand):
    help = "E-mail case operators about the six-month follow-ups due today (or --on DATE)."

    def add_arguments(self, parser):
        parser.add_argument("--on", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args, on=None, **options):
        on = on or timezone.localdate()
        due = Path.objects.filter(
            follow_up_due=on,
            stage__in=[Stage.COMPLETED, Stage.WITHDRAWN],
            participant__operator__isnull=False,
        ).values_list("pk", flat=True)
        with transaction.atomic():
            for pk in due:
                transaction.on_commit(lambda pk=pk: send_follow_up_reminder.enqueue(pk))
        self.stdout.write(f"{len(due)} follow-up reminder(s) queued for {on.isoformat()}")
