"""Seeds the funder's reports benchmark on top of the participants one (bench.seed_participants):
the same N people, now with the Annex I entry data, enrolled over the project's first months,
a share of them left (completed or withdrawn, with their exit and, for most, the six-month
follow-up), two in three with consented monitoring answers, some with an internship; the
project co-financed by ESF+ with its targets. Signs in a Monitoring-group user and an
allowance coordinator of the territory.

Run with the bench environment: `python -m bench.seed_monitoring 10000`. Prints JSON with
both cookies and the URLs to measure. Idempotent, like bench.seed_participants.
"""

import datetime
import itertools
import json
import sys
from decimal import Decimal

import django

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.users.models import UserProfile  # noqa: E402

from bench.db import refresh_statistics  # noqa: E402
from bench.seed_backoffice import partita_iva  # noqa: E402
from bench.seed_participants import seed, signed_in_cookie  # noqa: E402
from companies.models import (  # noqa: E402
    Company,
    CompanyStatus,
    OperatingSite,
    Placement,
    PlacementStatus,
    Territory,
)
from monitoring.models import CODES, MonitoringRecord, encode  # noqa: E402
from participants.models import (  # noqa: E402
    ContractType,
    EducationLevel,
    ExitOutcome,
    Gender,
    Household,
    LabourStatus,
    Participant,
    Path,
    PathEvent,
    Stage,
)
from projects.funding import FundingKind, FundingSource, TerritoryTarget  # noqa: E402
from projects.models import Project  # noqa: E402
from users.models import User  # noqa: E402

SESSION_SIZE = 30
ANNEX = "/admin/monitoring/indicators/"
COMPANY_VAT = partita_iva(900000)  # outside bench.seed_backoffice's range
# A path's life, in rotation over ten people: six active, two completed, one withdrawn, one
# found eligible but not enrolled yet (not counted anywhere).
LIVES = [Stage.ACTIVE] * 6 + [Stage.COMPLETED] * 2 + [Stage.WITHDRAWN, Stage.ELIGIBLE]
STEPS = {
    Stage.ELIGIBLE: [],
    Stage.ACTIVE: [
        ("enrol", Stage.ELIGIBLE, Stage.ENROLLED),
        ("start", Stage.ENROLLED, Stage.ACTIVE),
    ],
}
STEPS[Stage.COMPLETED] = [*STEPS[Stage.ACTIVE], ("complete", Stage.ACTIVE, Stage.COMPLETED)]
STEPS[Stage.WITHDRAWN] = [*STEPS[Stage.ACTIVE], ("withdraw", Stage.ACTIVE, Stage.WITHDRAWN)]
ANSWERS = ["no", "no", "yes", "not_stated", "no", "no", "yes"]


def _user(email, group, territory):
    user, _created = User.objects.get_or_create(email=email, defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=group))
    if territory is not None:
        territory.moderators.add(user)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return signed_in_cookie(user)


def _fund(project, territory, count):
    project.territories.add(territory)
    project.target_people = count
    project.target_women_percent = 55
    project.target_internships = count // 5
    project.target_hires = count // 10
    project.save()
    FundingSource.objects.bulk_create(
        [
            FundingSource(
                project=project,
                kind=FundingKind.EU_ESF_PLUS,
                funder="FSE+",
                amount=Decimal("1000000"),
            ),
            FundingSource(
                project=project, kind=FundingKind.REGION, funder="Regione", amount=Decimal("200000")
            ),
        ]
    )
    TerritoryTarget.objects.create(project=project, territory=territory, people=count)


def _entry_data(territory):
    people = list(Participant.objects.filter(territory=territory).order_by("pk"))
    cycles = {
        "gender": itertools.cycle([*Gender.values, "", Gender.FEMALE]),
        "labour_status": itertools.cycle(LabourStatus.values),
        "education_level": itertools.cycle([*EducationLevel.values, ""]),
        "household": itertools.cycle(Household.values),
    }
    for n, person in enumerate(people):
        for field, values in cycles.items():
            setattr(person, field, next(values))
        # 18 to 64 years old at entry: every age band has people.
        person.date_of_birth = datetime.date(1962 + n % 47, 1 + n % 12, 1 + n % 28)
    Participant.objects.bulk_update(people, [*cycles, "date_of_birth"], batch_size=2000)
    return people


def _lives(project):
    """Stages, steps over the project's first ten months, exits and follow-ups."""
    start = timezone.make_aware(datetime.datetime(project.starts_on.year, 1, 5, 10))
    paths = list(Path.objects.filter(project=project).order_by("pk"))
    events = []
    outcomes = itertools.cycle(ExitOutcome.values)
    contracts = itertools.cycle(ContractType.values)
    for n, path in enumerate(paths):
        path.stage = LIVES[n % len(LIVES)]
        entered = start + datetime.timedelta(days=n % 300)
        for offset, (action, source, target) in enumerate(STEPS[path.stage]):
            moment = entered + datetime.timedelta(days=30 * offset)
            events.append(
                PathEvent(
                    path=path, action=action, from_stage=source, to_stage=target, created_at=moment
                )
            )
        if path.stage in (Stage.COMPLETED, Stage.WITHDRAWN):
            path.exited_on = timezone.localdate(moment)
            path.exit_outcome = next(outcomes)
            path.contract_type = next(contracts) if path.exit_outcome == "employed" else ""
            if n % 3:  # a third not followed up yet
                path.follow_up_outcome = next(outcomes)
    Path.objects.bulk_update(
        paths,
        ["stage", "exited_on", "exit_outcome", "contract_type", "follow_up_outcome"],
        batch_size=2000,
    )
    PathEvent.objects.bulk_create(events, batch_size=5000)
    return paths


def _internships(territory, paths):
    """One company and site; a started internship for one person in five enrolled."""
    Company.objects.filter(partita_iva=COMPANY_VAT).delete()
    company = Company.objects.create(
        legal_name="Impresa ospitante di prova s.r.l.",
        legal_form="srl",
        partita_iva=COMPANY_VAT,
        codice_fiscale=COMPANY_VAT,
        ateco_code="56.11.11",
        ateco_section="I",
        headcount=40,
        address="Via Roma 1",
        cap="54033",
        comune="Carrara",
        provincia="MS",
        pec="ospitante@pec.example",
        phone="0585 000000",
        legal_representative="Maria Rossi",
        territory=territory,
        status=CompanyStatus.APPROVED,
    )
    site = OperatingSite.objects.create(
        company=company,
        name="Sede",
        address="Via Roma 1",
        cap="54033",
        comune="Carrara",
        provincia="MS",
    )
    began = datetime.date(2026, 4, 1)
    Placement.objects.bulk_create(
        [
            Placement(
                participant_id=path.participant_id,
                company=company,
                site=site,
                starts_on=began,
                ends_on=began + datetime.timedelta(days=150),
                weekly_hours=20,
                schedule="9–13",
                monthly_allowance=Decimal("450"),
                company_tutor_name="Tutor",
                status=PlacementStatus.COMPLETED if path.stage == Stage.COMPLETED else "active",
            )
            for n, path in enumerate(paths)
            if n % 5 == 0 and path.stage != Stage.ELIGIBLE
        ],
        batch_size=2000,
    )


def _monitoring(people):
    """Consented answers for two people in three (the others were not asked)."""
    answers = itertools.cycle(ANSWERS)
    MonitoringRecord.objects.bulk_create(
        [
            MonitoringRecord(
                participant=person,
                consent_given_on=datetime.date(2026, 2, 1),
                consent_recorded_by_name="bench",
                answers=encode({code: next(answers) for code in CODES}),
            )
            for n, person in enumerate(people)
            if n % 3
        ],
        batch_size=1000,
    )


def main(count):
    seeded = seed(count, SESSION_SIZE)
    territory = Territory.objects.get(code="bench-participants")
    project = Project.objects.get(code="bench-participants")
    _fund(project, territory, count)
    people = _entry_data(territory)
    paths = _lives(project)
    _internships(territory, paths)
    _monitoring(people)
    refresh_statistics()
    by_project = f"{ANNEX}?project={project.pk}"
    records = MonitoringRecord.objects.filter(participant__territory=territory).count()
    print(
        json.dumps(
            {
                "people": count,
                "records": records,
                "events": PathEvent.objects.filter(path__project=project).count(),
                "monitoring_cookie": _user("bench-monitoring@approdo.example", "Monitoring", None),
                "coordinator_cookie": _user(
                    "bench-coordinator@approdo.example", "Allowance coordinators", territory
                ),
                "annex": by_project,
                "annex_by_fund": f"{ANNEX}?funding_kind={FundingKind.EU_ESF_PLUS}",
                "annex_xlsx": f"{by_project}&export=xlsx",
                "dashboard": f"/admin/reports/results/{project.pk}/",
                "cookie": seeded["cookie"],
            }
        )
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
