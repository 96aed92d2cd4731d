"""Retention of participants' personal data: anonymises people whose paths closed and
placements ended long enough ago, or one person now on an erasure request. Dry run unless
--apply."""

from django.core.management.base import BaseCommand, CommandError

from participants.models import Participant
from participants.privacy import (
    StillOnPath,
    StillPlaced,
    anonymise,
    due_for_anonymisation,
    erasable,
)


class Command(BaseCommand):
    help = (
        "Anonymise participants whose paths all closed and placements ended more than N "
        "months ago (default APPRODO_PERSONAL_DATA_MONTHS). With --participant CODE, "
        "anonymise that person now (an erasure request). Prints what it would do; --apply does it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None)
        parser.add_argument("--participant", action="append", metavar="CODE")
        parser.add_argument("--apply", action="store_true", help="anonymise for real")

    def handle(self, *args, months=None, participant=None, apply=False, **options):
        verb = "anonymised" if apply else "would anonymise"
        mode = "" if apply else " (dry run: nothing changed; use --apply)"
        if participant:
            people = []
            for code in participant:
                try:
                    people.append(erasable(code))
                except Participant.DoesNotExist as missing:
                    raise CommandError(f"No participant has the code {code}.") from missing
                except StillOnPath as open_path:
                    raise CommandError(
                        f"{code} has a path still open: withdraw or complete it first."
                    ) from open_path
                except StillPlaced as placed:
                    raise CommandError(
                        f"{code} has a placement that has not ended: end it (complete or end "
                        "early), or withdraw it if it has not started, before anonymising, so "
                        "the company is not left without contacts."
                    ) from placed
        else:
            people = list(due_for_anonymisation(months))
        for person in people:
            if person.anonymised_at is not None:
                self.stdout.write(f"{person.code} was already anonymised")
                continue
            if apply:
                anonymise(person)
            self.stdout.write(f"{verb} {person.code}")
        self.stdout.write(f"{len(people)} participant(s) {verb}{mode}")
