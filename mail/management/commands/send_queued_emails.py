"""Delivers the e-mails whose next attempt is due (run it every few minutes from cron)."""

from collections import Counter

from django.core.management.base import BaseCommand

from mail.outbox import deliver_due


class Command(BaseCommand):
    help = "Send queued e-mails that are due: the safety net after a mail-server outage."

    def handle(self, *args, **options):
        outcomes = Counter(deliver_due())
        self.stdout.write(
            f"sent {outcomes['sent']}, failed {outcomes['failed']}, skipped {outcomes['skipped']}"
        )
