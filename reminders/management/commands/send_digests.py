"""Sends the moderators' weekly digest (scheduled daily; once per week and moderator)."""

import datetime

from django.core.management.base import BaseCommand

from reminders import digest


class Command(BaseCommand):
    help = (
        "Send this week's digest to each moderator who has not received it or turned it off "
        "(from APPRODO_REMINDERS['digest_weekday'] on)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", type=datetime.datetime.fromisoformat, default=None)

    def handle(self, *args, now=None, **options):
        self.stdout.write(f"{digest.weekly(now)} digest(s) queued")
