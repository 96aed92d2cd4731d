"""The équipe's assessment and the individual plan, and hours planned vs attended."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from participants.models import Attendance, IndividualPlan, Stage
from participants.services.assessment import record_assessment
from participants.services.attendance import hours_by_activity
from tests.factories.participants import (
    ActivityFactory,
    PathFactory,
    SessionFactory,
    moderator_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def contacted():
    path = PathFactory(stage=Stage.CONTACTED)
    return path, moderator_for(path.participant.territory)


def test_the_assessment_records_the_plan_and_moves_the_path(contacted):
    path, staff = contacted
    guidance = ActivityFactory(project=path.project, name="Orientamento", kind="guidance")
    safety = ActivityFactory(project=path.project, name="Sicurezza", planned_hours=Decimal("8"))
    plan = record_assessment(
        staff,
        path,
        assessed_on=datetime.date(2026, 11, 20),
        members="Servizi sociali (A.S. Bianchi); Centro per l'impiego (dott. Neri)",
        goals="Lavoro nella ristorazione; attestato di sicurezza.",
        planned=[(guidance, Decimal("36")), (safety, Decimal("8"))],
    )
    path.refresh_from_db()
    assert path.stage == Stage.ASSESSED
    assert plan.items.count() == 2
    session = SessionFactory(activity=safety, hours=Decimal("4"))
    Attendance.objects.create(session=session, path=path, presence="present", hours=Decimal("4"))
    assert [(a.name, planned, attended) for a, planned, attended in hours_by_activity(path)] == [
        ("Orientamento", Decimal("36"), Decimal("0")),
        ("Sicurezza", Decimal("8"), Decimal("4")),
    ]


def test_an_activity_of_another_project_is_refused_and_nothing_stored(contacted):
    path, staff = contacted
    with pytest.raises(ValidationError):
        record_assessment(
            staff,
            path,
            assessed_on=datetime.date(2026, 11, 20),
            members="Équipe",
            goals="Lavoro",
            planned=[(ActivityFactory(), Decimal("10"))],
        )
    path.refresh_from_db()
    assert path.stage == Stage.CONTACTED
    assert not IndividualPlan.objects.exists()


def test_a_plan_with_two_internships_is_refused_and_nothing_stored(contacted):
    """The company's confirmed months count towards the one internship activity of a path."""
    path, staff = contacted
    first, second = (
        ActivityFactory(project=path.project, name=name, kind="internship")
        for name in ("Tirocinio A", "Tirocinio B")
    )
    with translation.override("en"), pytest.raises(ValidationError, match="at most one internship"):
        record_assessment(
            staff,
            path,
            assessed_on=datetime.date(2026, 11, 20),
            members="Équipe",
            goals="Lavoro",
            planned=[(first, Decimal("600")), (second, Decimal("600"))],
        )
    path.refresh_from_db()
    assert path.stage == Stage.CONTACTED
    assert not IndividualPlan.objects.exists()


def test_enrolling_enrols_in_the_planned_activities(contacted):
    from participants.models import Enrolment, Path
    from participants.services.path import enrol

    path, staff = contacted
    course = ActivityFactory(project=path.project)
    ActivityFactory(project=path.project)  # in the catalogue, not in the plan
    record_assessment(
        staff,
        path,
        assessed_on=datetime.date(2026, 11, 20),
        members="Équipe",
        goals="Lavoro",
        planned=[(course, Decimal("20"))],
    )
    Path.objects.filter(pk=path.pk).update(stage=Stage.ELIGIBLE)
    enrol(staff, path)
    assert list(Enrolment.objects.filter(path=path).values_list("activity", flat=True)) == [
        course.pk
    ]
