"""Hours planned and attended per person, activity and project, and the caseload per
operator: right sums, scoped like the participants list, constant queries."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from companies.models import PlacementStatus
from participants import totals
from participants.models import (
    Attendance,
    AttendanceAdjustment,
    Enrolment,
    IndividualPlan,
    InternshipAdjustment,
    InternshipMonth,
    PlannedActivity,
    Stage,
)
from tests.factories.companies import PlacementFactory, TerritoryFactory
from tests.factories.participants import (
    ActivityFactory,
    PathFactory,
    ProjectFactory,
    SessionFactory,
    moderator_for,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db
H = Decimal


def planned(path, activity, hours):
    plan, _created = IndividualPlan.objects.get_or_create(
        path=path,
        defaults={"assessed_on": datetime.date(2026, 10, 1), "members": "Équipe", "goals": "-"},
    )
    PlannedActivity.objects.create(plan=plan, activity=activity, planned_hours=hours)
    Enrolment.objects.get_or_create(activity=activity, path=path)


def world(size=1, territory=None, operator=None):
    """``size`` people on a 36-hour guidance path with a course and an internship."""
    territory = territory or TerritoryFactory()
    project = ProjectFactory(target_hours=36)
    course = ActivityFactory(project=project, name="Sicurezza", kind="course")
    stage = ActivityFactory(project=project, name="Tirocinio", kind="internship")
    sessions = [SessionFactory(activity=course, hours=H("4")) for _ in range(2)]
    paths = []
    for n in range(size):
        path = PathFactory(
            project=project,
            stage=Stage.ACTIVE if n % 2 == 0 else Stage.ENROLLED,
            participant__territory=territory,
            participant__operator=operator,
        )
        planned(path, course, H("8"))
        planned(path, stage, H("28"))
        first = Attendance.objects.create(
            session=sessions[0], path=path, presence="present", hours=H("4")
        )
        Attendance.objects.create(session=sessions[1], path=path, presence="absent", hours=H("0"))
        AttendanceAdjustment.objects.create(
            attendance=first, presence="present", hours=H("3"), hours_delta=H("-1"), reason="x"
        )
        placement = PlacementFactory(
            status=PlacementStatus.ACTIVE, participant__territory=territory
        )
        placement.participant = path.participant
        placement.save()
        signed = InternshipMonth.objects.create(
            placement=placement,
            month=datetime.date(2026, 10, 1),
            days=5,
            hours=H("20"),
            countersigned_at=datetime.datetime(2026, 11, 2, tzinfo=datetime.UTC),
        )
        InternshipAdjustment.objects.create(
            month=signed, days=6, hours=H("24"), days_delta=1, hours_delta=H("4"), reason="y"
        )
        # Confirmed but not countersigned: not counted yet.
        InternshipMonth.objects.create(
            placement=placement, month=datetime.date(2026, 11, 1), days=5, hours=H("20")
        )
        paths.append(path)
    return {"territory": territory, "project": project, "paths": paths, "course": course}


def test_hours_per_person_activity_and_project():
    operator = UserFactory(is_staff=True)
    mine = world(size=2, operator=operator)
    staff = moderator_for(mine["territory"])
    rows = list(totals.paths_with_hours(staff))
    assert len(rows) == 2
    for row in rows:
        # 4 h recorded - 1 h corrected + 20 h countersigned + 4 h corrected.
        assert (row.planned, totals.attended(row)) == (H("36"), H("27"))
    activities, per_project = totals.activity_totals(staff)
    by_name = {row["activity"].name: row for row in activities}
    assert (by_name["Sicurezza"]["planned"], by_name["Sicurezza"]["attended"]) == (H("16"), H("6"))
    assert (by_name["Tirocinio"]["planned"], by_name["Tirocinio"]["attended"]) == (H("56"), H("48"))
    assert by_name["Sicurezza"]["people"] == 2
    assert [(p["planned"], p["attended"]) for p in per_project] == [(H("72"), H("54"))]
    [load] = totals.caseload(staff)
    assert (load["operator"], load["active"], load["open"], load["people"]) == (operator, 1, 2, 2)


def test_totals_are_scoped_like_the_participants_list():
    mine = world(size=1)
    world(size=3)  # another territory
    staff = moderator_for(mine["territory"])
    assert [row.pk for row in totals.paths_with_hours(staff)] == [mine["paths"][0].pk]
    activities, per_project = totals.activity_totals(staff)
    assert {row["people"] for row in activities} == {1}
    assert per_project[0]["attended"] == H("27")
    assert sum(row["people"] for row in totals.caseload(staff)) == 1
    nobody = UserFactory(is_staff=True)
    assert not totals.paths_with_hours(nobody).exists()
    assert totals.activity_totals(nobody) == ([], [])


def test_the_dashboard_reads_in_constant_queries(client, no_staff_mfa):
    counts = []
    for size in (1, 12):
        territory = TerritoryFactory()
        operators = [UserFactory(is_staff=True) for _ in range(3)]
        for operator in operators:
            world(size=size, territory=territory, operator=operator)
        staff = moderator_for(territory)
        client.force_login(staff)
        with translation.override("en"):
            address = reverse("participant_totals:index")
        client.get(address)
        ContentType.objects.clear_cache()
        with CaptureQueriesContext(connection) as captured:
            response = client.get(address)
        assert response.status_code == 200
        assert response.text.count('href="/admin/participants/people/inspect/') >= size
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_the_dashboard_needs_the_participants_permission(client, no_staff_mfa):
    client.force_login(UserFactory(is_staff=True))
    with translation.override("en"):
        address = reverse("participant_totals:index")
    assert client.get(address).status_code in (302, 403)


def test_the_dashboard_filters_by_project(client, no_staff_mfa):
    first = world(size=1)
    second = world(size=1, territory=first["territory"])
    client.force_login(moderator_for(first["territory"]))
    with translation.override("en"):
        address = reverse("participant_totals:index")
    page = client.get(address, {"project": second["project"].pk}).text
    assert second["paths"][0].participant.code in page
    assert first["paths"][0].participant.code not in page


def test_the_persons_page_counts_countersigned_internship_hours():
    from participants.services.attendance import hours_by_activity

    path = world(size=1)["paths"][0]
    hours = {activity.name: (plan, done) for activity, plan, done in hours_by_activity(path)}
    assert hours == {"Sicurezza": (H("8"), H("3")), "Tirocinio": (H("28"), H("24"))}
