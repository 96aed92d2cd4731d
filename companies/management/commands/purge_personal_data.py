"""Anonymises interns whose placements ended long enough ago. Dry run unless --apply."""

from django.core.management.base import BaseCommand

from companies.privacy import anonymise, cutoff, due_for_anonymisation


class Command(BaseCommand):
    help = (
        "Anonymise interns whose last placement ended more than N months ago (default "
        "APPRODO_PERSONAL_DATA_MONTHS). Prints what it would do; --apply does it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None)
        parser.add_argument("--apply", action="store_true", help="anonymise for real")

    def handle(self, *args, months=None, apply=False, **options):
        limit = cutoff(months)
        due = list(due_for_anonymisation(months))
        verb = "anonymised" if apply else "would anonymise"
        for intern in due:
            ended = intern.last_end.isoformat() if intern.last_end else "no placement"
            if apply:
                anonymise(intern)
            self.stdout.write(f"{verb} {intern.code} (last placement ended: {ended})")
        mode = "" if apply else " (dry run: nothing changed; use --apply)"
        self.stdout.write(f"{len(due)} intern(s) {verb}, cut-off {limit.isoformat()}{mode}")
