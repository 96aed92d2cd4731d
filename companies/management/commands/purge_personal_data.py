"""Retention of personal data: anonymises the people (participants, with their placements)
whose paths and placements ended long enough ago, or some now on an erasure request, and
deletes old sent e-mails. Dry run unless --apply. Each app owns its job (participants'
purge_participants for the people, mail.retention for the sent e-mails); this command runs
them together."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from mail.retention import purge_sent_emails


class Command(BaseCommand):
    help = (
        "Anonymise participants whose paths closed and placements ended more than N months "
        "ago (default APPRODO_PERSONAL_DATA_MONTHS; purge_participants), and delete sent "
        "e-mails older than APPRODO_SENT_EMAIL_DAYS. With --participant CODE (or --intern "
        "CODE, the same code), anonymise that person now (an erasure request). Prints what "
        "it would do; --apply does it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None)
        parser.add_argument(
            "--participant",
            "--intern",
            action="append",
            dest="participant",
            metavar="CODE",
            help="anonymise this person now, whatever the retention period (repeatable)",
        )
        parser.add_argument("--apply", action="store_true", help="anonymise for real")

    def handle(self, *args, months=None, participant=None, apply=False, **options):
        mode = "" if apply else " (dry run: nothing changed; use --apply)"
        # Named, not imported: the people are the participants app's.
        if participant:
            call_command(
                "purge_participants", participant=participant, apply=apply, stdout=self.stdout
            )
            return
        call_command("purge_participants", months=months, apply=apply, stdout=self.stdout)
        count = purge_sent_emails(apply)
        deleted = "deleted" if apply else "would delete"
        days = settings.APPRODO_SENT_EMAIL_DAYS
        self.stdout.write(f"{deleted} {count} sent e-mail(s) older than {days} days{mode}")
