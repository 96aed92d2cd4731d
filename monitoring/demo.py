"""Demo data for the funder's reports: the demo project's funding, targets, the people's
entry data and, for most of them, consented monitoring answers (development only)."""

import datetime
import itertools

from django.utils import timezone

from home.models import ProjectPage
from monitoring.models import CODES, MonitoringRecord, encode
from participants.demo import PROJECT_CODE
from participants.models import EducationLevel, Gender, Household, LabourStatus, Participant
from projects.funding import FundingKind, FundingSource, PartnerRole, Partnership, TerritoryTarget
from projects.models import Project


def _fund(project):
    if project.funding_sources.exists():
        return
    project.cup = "D12H23000450006"
    project.programme = "PR FSE+ Toscana 2021–2027, Priorità 3, Azione 3.k.1"
    project.target_women_percent = 55
    project.target_internships = 16
    project.target_hires = 6
    project.page = ProjectPage.objects.order_by("pk").first()
    project.save()
    FundingSource.objects.bulk_create(
        [
            FundingSource(
                project=project, kind=FundingKind.EU_ESF_PLUS, funder="FSE+", amount=320000
            ),
            FundingSource(
                project=project, kind=FundingKind.REGION, funder="Regione Toscana", amount=80000
            ),
        ]
    )
    Partnership.objects.bulk_create(
        [
            Partnership(project=project, name="Società della Salute Apuane", role=PartnerRole.LEAD),
            Partnership(project=project, name="Cooperativa Il Ponte (demo)", tasks="Tutoraggio"),
        ]
    )
    for territory in project.territories.all():
        TerritoryTarget.objects.get_or_create(
            project=project, territory=territory, defaults={"people": project.target_people or 40}
        )


def build_demo(accounts):
    """The demo app's entry point; runs after participants' demo (INSTALLED_APPS order)."""
    project = Project.objects.filter(code=PROJECT_CODE).first()
    if project is None:
        return None
    _fund(project)
    people = list(Participant.objects.filter(paths__project=project).order_by("code"))
    genders = itertools.cycle([Gender.FEMALE, Gender.MALE, Gender.FEMALE, Gender.NOT_STATED])
    statuses = itertools.cycle(list(LabourStatus)[:-1])
    levels = itertools.cycle(list(EducationLevel))
    households = itertools.cycle(list(Household))
    for person in people:
        person.gender = next(genders)
        person.labour_status = next(statuses)
        person.education_level = next(levels)
        person.household = next(households)
    Participant.objects.bulk_update(
        people, ["gender", "labour_status", "education_level", "household"]
    )
    answers = itertools.cycle(["no", "no", "yes", "not_stated", "no"])
    recorder = accounts.get("moderator")
    records = [
        MonitoringRecord(
            participant=person,
            consent_given_on=timezone.localdate() - datetime.timedelta(days=90),
            consent_recorded_by_name=recorder.email if recorder else "demo",
            answers=encode({code: next(answers) for code in CODES}),
        )
        for index, person in enumerate(people)
        if index % 3  # a third gave no consent
        and not MonitoringRecord.objects.filter(participant=person).exists()
    ]
    MonitoringRecord.objects.bulk_create(records)
    return project
