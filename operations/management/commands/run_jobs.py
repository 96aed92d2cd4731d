"""Runs the scheduled jobs that are due (start it every minute from a timer, on any instance)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import formats, timezone

from operations import scheduler


class Command(BaseCommand):
    help = (
        "Run every scheduled job that is due (APPRODO_SCHEDULE). --job NAME runs that job "
        "if due (--force: now); --list prints the schedule and each job's last run."
    )

    def add_arguments(self, parser):
        parser.add_argument("--job", default=None, help="only this job")
        parser.add_argument("--force", action="store_true", help="run it even if not due")
        parser.add_argument(
            "--list", action="store_true", dest="show_list", help="print the schedule"
        )

    def handle(self, *args, job=None, force=False, show_list=False, **options):
        names = [j.name for j in scheduler.schedule()]
        if job and job not in names:
            raise CommandError(f"No scheduled job {job!r}; the schedule has: {', '.join(names)}")
        if force and not job:
            raise CommandError("--force needs --job: forcing every job at once is a mistake.")
        if show_list:
            return self.print_table()
        for name, outcome in scheduler.run_due(only=job, force=force).items():
            self.stdout.write(f"{name}: {outcome or 'not due'}")

    def print_table(self):
        def when(value):
            if value is None:
                return "-"
            return formats.date_format(timezone.localtime(value), "Y-m-d H:i")

        for row in scheduler.table():
            state = row["state"]
            self.stdout.write(
                f"{row['job'].name:<24} every {int(row['job'].every.total_seconds()):>6}s  "
                f"last {when(state and state.last_started_at):<16}  "
                f"{(state and state.last_outcome) or 'never':<10}  "
                f"next {when(row['next_due']) if row['next_due'] else 'now'}"
                f"{'  OVERDUE' if row['overdue'] else ''}"
            )
