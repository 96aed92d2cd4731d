"""Retention of personal data: anonymises interns whose placements ended long enough ago
(or one intern now, on an erasure request) and deletes old sent e-mails. Dry run unless
--apply. Each app owns its job (companies.privacy for the interns, mail.retention for the
sent e-mails); this command runs them together."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from companies.models import Intern
from companies.privacy import (
    StillPlaced,
    anonymise,
    cutoff,
    due_for_anonymisation,
    erasable,
)
from mail.retention import purge_sent_emails


class Command(BaseCommand):
    help = (
        "Anonymise interns whose last placement ended more than N months ago (default "
        "APPRODO_PERSONAL_DATA_MONTHS), participants whose paths closed that long ago "
        "(purge_participants), and delete sent e-mails older than APPRODO_SENT_EMAIL_DAYS. "
        "With --intern CODE, anonymise that intern now (an erasure request). Prints what "
        "it would do; --apply does it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None)
        parser.add_argument(
            "--intern",
            action="append",
            metavar="CODE",
            help="anonymise this intern now, whatever the retention period (repeatable)",
        )
        parser.add_argument("--apply", action="store_true", help="anonymise for real")

    def handle(self, *args, months=None, intern=None, apply=False, **options):
        verb = "anonymised" if apply else "would anonymise"
        mode = "" if apply else " (dry run: nothing changed; use --apply)"
        if intern:
            return self.erase(intern, verb, mode, apply)
        limit = cutoff(months)
        due = list(due_for_anonymisation(months))
        for person in due:
            ended = person.last_end.isoformat() if person.last_end else "no placement"
            if apply:
                anonymise(person)
            self.stdout.write(f"{verb} {person.code} (last placement ended: {ended})")
        self.stdout.write(f"{len(due)} intern(s) {verb}, cut-off {limit.isoformat()}{mode}")
        # Participants follow the same retention period (participants.privacy).
        call_command("purge_participants", months=months, apply=apply, stdout=self.stdout)
        count = purge_sent_emails(apply)
        deleted = "deleted" if apply else "would delete"
        days = settings.APPRODO_SENT_EMAIL_DAYS
        self.stdout.write(f"{deleted} {count} sent e-mail(s) older than {days} days{mode}")

    def erase(self, codes, verb, mode, apply):
        people = []
        for code in codes:
            try:
                people.append(erasable(code))
            except Intern.DoesNotExist as missing:
                raise CommandError(f"No intern has the code {code}.") from missing
            except StillPlaced as placed:
                raise CommandError(
                    f"{code} has a placement that has not ended: end it (complete or end "
                    "early), or withdraw it if it has not started, before anonymising, so "
                    "the company is not left without contacts."
                ) from placed
        for person in people:
            if person.anonymised_at is not None:
                self.stdout.write(f"{person.code} was already anonymised")
                continue
            if apply:
                anonymise(person)
            self.stdout.write(f"{verb} {person.code} on request{mode}")
