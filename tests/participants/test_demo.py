"""The participants' demo: 40 people over every stage, two courses with registers,
internships with company-confirmed months, two withdrawals, one follow-up due; the same
every run, and a second run adds nothing."""

import datetime

import pytest
from django.db.models import Count
from django.utils import timezone

from companies.models import CompanyStatus, PlacementStatus
from participants.demo import build_participants_demo
from participants.models import (
    Attendance,
    InternshipMonth,
    Participant,
    Path,
    PathEvent,
    Session,
    Stage,
)
from participants.services.path import follow_ups_due
from tests.factories.companies import CompanyFactory, OperatingSiteFactory, PlacementFactory
from tests.factories.participants import moderator_for, tutor

pytestmark = pytest.mark.django_db


@pytest.fixture
def built():
    company = CompanyFactory(status=CompanyStatus.APPROVED)
    site = OperatingSiteFactory(company=company)
    today = timezone.localdate()
    for status, starts in [
        (PlacementStatus.ACTIVE, today - datetime.timedelta(days=80)),
        (PlacementStatus.COMPLETED, today - datetime.timedelta(days=270)),
    ]:
        PlacementFactory(
            company=company,
            site=site,
            participant__territory=company.territory,
            status=status,
            starts_on=starts,
            ends_on=starts + datetime.timedelta(days=183),
        )
    operator = moderator_for(company.territory)
    project = build_participants_demo(operator, tutor())
    return {"project": project, "operator": operator, "company": company}


def test_forty_people_at_every_stage(built):
    paths = Path.objects.filter(project=built["project"])
    assert paths.count() == Participant.objects.count() == 40
    stages = dict(paths.values_list("stage").annotate(n=Count("pk")))
    assert set(stages) == set(Stage.values)
    assert stages[Stage.WITHDRAWN] == 2
    assert all(path.withdrawal_reason for path in paths.filter(stage=Stage.WITHDRAWN))
    assert len(follow_ups_due(built["operator"])) == 1
    # Each path's timeline leads to its stage.
    for path in paths:
        assert PathEvent.objects.filter(path=path).order_by("created_at").last().to_stage == (
            path.stage
        )


def test_two_courses_with_sessions_and_attendance(built):
    courses = Session.objects.filter(
        activity__project=built["project"], activity__kind="course"
    ).values_list("activity", flat=True)
    assert len(set(courses)) == 2
    assert Attendance.objects.filter(session__activity__in=set(courses)).count() > 40
    assert Attendance.objects.filter(presence="absent").exists()


def test_internships_with_confirmed_and_countersigned_months(built):
    months = InternshipMonth.objects.filter(placement__company=built["company"])
    assert months.filter(countersigned_at__isnull=False).exists()
    assert months.filter(countersigned_at__isnull=True).exists()  # one waits for the tutor
    stages = {
        month.placement.status: month.placement.participant.paths.get().stage for month in months
    }
    assert stages == {
        PlacementStatus.ACTIVE: Stage.ACTIVE,
        PlacementStatus.COMPLETED: Stage.COMPLETED,
    }
    # Only the running placement's last month waits for the tutor.
    assert months.filter(countersigned_at__isnull=True).count() == 1


def test_the_same_every_time_and_a_second_run_adds_nothing(built):
    codes = sorted(Participant.objects.values_list("code", flat=True))
    assert codes == [f"PAR-DEMO{n:02d}" for n in range(1, 41)]
    counts = (Participant.objects.count(), Attendance.objects.count(), PathEvent.objects.count())
    assert build_participants_demo(built["operator"], tutor()) == built["project"]
    assert counts == (
        Participant.objects.count(),
        Attendance.objects.count(),
        PathEvent.objects.count(),
    )
