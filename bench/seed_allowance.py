"""Seeds a month of attendance for N people and times the allowance run over it.

Run with the bench environment: `python -m bench.seed_allowance 1000`. The benchmark
project's people are removed and created again, November is locked, then
`compute_month` runs twice: the first run creates every statement, the second must create
nothing (the run is idempotent). Prints JSON with the seconds and queries of both runs.
"""

import datetime
import json
import sys
import time
from decimal import Decimal

import django

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from allowance.models import AllowanceRule, Statement  # noqa: E402
from allowance.services.statements import compute_month  # noqa: E402
from bench.db import refresh_statistics  # noqa: E402
from companies.models import Territory  # noqa: E402
from participants.models import (  # noqa: E402
    Activity,
    Attendance,
    Enrolment,
    MonthLock,
    Participant,
    Path,
    Referral,
    Session,
    Stage,
)
from projects.models import Project, ReferringOrganisation  # noqa: E402

CODE = "bench-allowance"
MONTH = datetime.date(2026, 11, 1)
DAYS = (2, 4, 9, 11, 16, 18, 23, 25)  # two four-hour course days a week


def _clear():
    projects = Project.objects.filter(code=CODE)
    Statement.objects.filter(project__in=projects).delete()
    MonthLock.objects.filter(project__in=projects).delete()
    AllowanceRule.objects.filter(project__in=projects).delete()
    Participant.objects.filter(territory__code=CODE).delete()
    Activity.objects.filter(project__in=projects).delete()
    projects.delete()


def seed(count):
    """``count`` people in a course of eight four-hour November days; every third person
    misses two days and every seventh has one justified absence."""
    _clear()
    territory, _created = Territory.objects.get_or_create(
        code=CODE, defaults={"name": "Benchmark (allowance)"}
    )
    project = Project.objects.create(
        name="Benchmark allowance project",
        code=CODE,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2028, 12, 31),
        target_hours=32,
    )
    AllowanceRule.objects.create(
        project=project,
        name="Indennità di partecipazione (benchmark)",
        valid_from=datetime.date(2026, 1, 1),
        counted_kinds=["course", "internship"],
        basis="hour",
        rate=Decimal("5.00"),
        monthly_cap=Decimal("500.00"),
        threshold_percent=Decimal("70"),
        below_threshold="proportional",
        justified_count=True,
    )
    referrer, _created = ReferringOrganisation.objects.get_or_create(
        name="Benchmark referrer", defaults={"kind": "social_services"}
    )
    people = Participant.objects.bulk_create(
        [
            Participant(
                code=f"PAR-A{n:06d}",
                given_name="Persona",
                family_name=f"Benchmark {n:05d}",
                territory=territory,
            )
            for n in range(count)
        ],
        batch_size=2000,
    )
    referrals = Referral.objects.bulk_create(
        [Referral(participant=p, organisation=referrer, referred_on=MONTH) for p in people],
        batch_size=2000,
    )
    paths = Path.objects.bulk_create(
        [
            Path(participant=p, project=project, referral=r, stage=Stage.ACTIVE)
            for p, r in zip(people, referrals, strict=True)
        ],
        batch_size=2000,
    )
    course = Activity.objects.create(
        project=project, kind="course", name="Corso di base", planned_hours=Decimal("32")
    )
    sessions = Session.objects.bulk_create(
        [Session(activity=course, date=MONTH.replace(day=day), hours=Decimal("4")) for day in DAYS]
    )
    Enrolment.objects.bulk_create(
        [Enrolment(activity=course, path=p, enrolled_on=MONTH) for p in paths], batch_size=2000
    )
    rows = []
    for n, path in enumerate(paths):
        for index, session in enumerate(sessions):
            presence, hours = "present", Decimal("4")
            if n % 3 == 0 and index < 2:
                presence, hours = "absent", Decimal("0")
            elif n % 7 == 0 and index == 2:
                presence, hours = "justified", Decimal("0")
            rows.append(Attendance(session=session, path=path, presence=presence, hours=hours))
    Attendance.objects.bulk_create(rows, batch_size=5000)
    MonthLock.objects.create(project=project, month=MONTH)
    refresh_statistics()
    return project


def timed_run(project):
    """(seconds, queries, (created, updated, corrections)) of one compute_month."""
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as captured:
        result = compute_month(project, MONTH)
    return time.perf_counter() - started, len(captured), result


def main(count):
    project = seed(count)
    ContentType.objects.clear_cache()  # a worker's cold start
    first = timed_run(project)
    again = timed_run(project)
    total = sum(Statement.objects.filter(project=project).values_list("amount", flat=True))
    print(
        json.dumps(
            {
                "people": count,
                "statements": Statement.objects.filter(project=project).count(),
                "total": str(total),
                "first": {"seconds": first[0], "queries": first[1], "result": first[2]},
                "again": {"seconds": again[0], "queries": again[1], "result": again[2]},
            }
        )
    )
    _clear()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
