"""Seeds the report benchmark: 10,000 placements with their steps in the benchmark territory.

Run after bench.seed_backoffice (which creates the territory, its 10,000 companies and the
signed-in moderator). Half the companies are approved and given a site; each placement gets
its proposal, answer, start and (for most) end, spread over the twelve months of last year.
Prints JSON with the year. Idempotent: the territory's placements and interns are replaced.
"""

import datetime
import json
import sys

import django

django.setup()

from django.utils import timezone  # noqa: E402

from bench.db import refresh_statistics  # noqa: E402
from companies.models import (  # noqa: E402
    Company,
    CompanyStatus,
    OperatingSite,
    Placement,
    PlacementEvent,
    PlacementStatus,
    Territory,
)
from participants.models import Participant  # noqa: E402

# (final status, steps after the proposal), in rotation over the placements.
LIVES = [
    (PlacementStatus.COMPLETED, ["accept", "start", "complete"]),
    (PlacementStatus.COMPLETED, ["accept", "start", "complete"]),
    (PlacementStatus.TERMINATED, ["accept", "start", "terminate"]),
    (PlacementStatus.ACTIVE, ["accept", "start"]),
    (PlacementStatus.DECLINED, ["decline"]),
]
TARGET = {
    "accept": PlacementStatus.ACCEPTED,
    "decline": PlacementStatus.DECLINED,
    "start": PlacementStatus.ACTIVE,
    "complete": PlacementStatus.COMPLETED,
    "terminate": PlacementStatus.TERMINATED,
}


def main(count):
    territory = Territory.objects.get(code="bench")
    Placement.objects.filter(company__territory=territory).delete()
    # The report's people only: other benchmarks keep theirs in the same territory.
    Participant.objects.filter(territory=territory, code__startswith="TIR-B").delete()
    every = list(
        Company.objects.filter(territory=territory).order_by("pk").values_list("pk", flat=True)
    )
    companies = every[: len(every) // 2]
    Company.objects.filter(pk__in=companies).update(status=CompanyStatus.APPROVED)
    OperatingSite.objects.filter(company_id__in=companies).delete()
    sites = OperatingSite.objects.bulk_create(
        [
            OperatingSite(
                company_id=pk,
                name="Sede",
                address="Via Roma 1",
                cap="53036",
                comune="Poggibonsi",
                provincia="SI",
            )
            for pk in companies
        ],
        batch_size=2000,
    )
    interns = Participant.objects.bulk_create(
        [
            Participant(
                given_name="Nome",
                family_name=f"Cognome {n}",
                code=f"TIR-B{n:05d}",
                territory=territory,
            )
            for n in range(count)
        ],
        batch_size=2000,
    )
    year = timezone.localdate().year - 1
    start = timezone.make_aware(datetime.datetime(year, 1, 1, 10))
    placements = []
    for n, intern in enumerate(interns):
        site = sites[n % len(sites)]
        status, _steps = LIVES[n % len(LIVES)]
        begins = (start + datetime.timedelta(days=n % 200)).date()
        placements.append(
            Placement(
                participant=intern,
                company_id=site.company_id,
                site=site,
                starts_on=begins,
                ends_on=begins + datetime.timedelta(days=150),
                weekly_hours=20,
                schedule="9–13",
                monthly_allowance=450,
                company_tutor_name="Tutor",
                status=status,
                hired_after=(n % 3 == 0) if status == "completed" else None,
            )
        )
    placements = Placement.objects.bulk_create(placements, batch_size=2000)
    events = []
    for n, placement in enumerate(placements):
        _status, steps = LIVES[n % len(LIVES)]
        moment = start + datetime.timedelta(days=n % 200)
        previous = PlacementStatus.PROPOSED
        for action, days in zip(["propose", *steps], [0, 7, 21, 171], strict=False):
            target = TARGET.get(action, PlacementStatus.PROPOSED)
            events.append(
                PlacementEvent(
                    placement=placement,
                    action=action,
                    from_status=previous,
                    to_status=target,
                    created_at=moment + datetime.timedelta(days=days),
                )
            )
            previous = target
    PlacementEvent.objects.bulk_create(events, batch_size=5000)
    refresh_statistics()
    print(json.dumps({"year": year, "placements": len(placements), "events": len(events)}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
