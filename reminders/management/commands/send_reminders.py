"""Sends the reminders due now (scheduled daily; safe to run again: each goes once)."""

import datetime

from django.core.management.base import BaseCommand

from reminders import for_companies, for_staff

GROUPS = {"companies": for_companies, "staff": for_staff}


class Command(BaseCommand):
    help = (
        "Send the reminders due now: --to companies (draft idle, changes not answered, "
        "documents missing, agreement expiring, month's attendance) or --to staff (queues, "
        "statements, follow-ups); both without --to. Each reminder goes once per period."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", choices=sorted(GROUPS), default=None, dest="group")
        parser.add_argument(
            "--now",
            type=datetime.datetime.fromisoformat,
            default=None,
            help="act as if it were this moment (ISO 8601, with its offset)",
        )

    def handle(self, *args, group=None, now=None, **options):
        for name in [group] if group else sorted(GROUPS):
            for job, count in GROUPS[name].run(now).items():
                self.stdout.write(f"{name}.{job}: {count} e-mail(s) queued")
