"""From the session registers to the calculation's lines: who took part in a month, their
sessions, absences nobody recorded, corrections of a locked month, and the days on the path."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from allowance.calculation import compute
from allowance.collect import active_paths, person_months
from participants.models import Attendance, AttendanceAdjustment, Stage
from tests.allowance.test_calculation import APUANE
from tests.factories.participants import (
    ActivityFactory,
    EnrolmentFactory,
    PathFactory,
    ProjectFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

D = datetime.date
NOV = D(2026, 11, 1)


def course_with(project, size, days=(2, 3, 4)):
    course = ActivityFactory(project=project, kind="course")
    sessions = [SessionFactory(activity=course, date=D(2026, 11, d)) for d in days]
    paths = [
        EnrolmentFactory(activity=course, enrolled_on=D(2026, 10, 1)).path for _ in range(size)
    ]
    return course, sessions, paths


def test_lines_come_from_the_register_with_corrections_and_unrecorded_absences():
    project = ProjectFactory()
    _course, sessions, (path,) = course_with(project, 1)
    Attendance.objects.create(session=sessions[0], path=path, presence="present", hours=4)
    second = Attendance.objects.create(session=sessions[1], path=path, presence="present", hours=4)
    AttendanceAdjustment.objects.create(
        attendance=second, presence="present", hours=1, hours_delta=-3, reason="Uscita"
    )
    SessionFactory(activity=sessions[0].activity, date=D(2026, 12, 1))  # another month
    paths = list(active_paths(project, NOV))
    assert paths == [path]
    month = person_months(project, NOV, paths)[path.pk]
    assert [(line.date.day, line.attended, line.status) for line in month.lines] == [
        (2, Decimal("4"), "present"),
        (3, Decimal("1"), "present"),
        (4, Decimal("0"), "absent"),  # nothing recorded: absent
    ]
    assert compute([APUANE], month).total == 0  # 5 of 12 hours: under 70 %


def test_who_takes_part_in_a_month():
    project = ProjectFactory()
    _course, _sessions, (ongoing, left_before, left_during, not_started) = course_with(project, 4)
    left_before.stage = left_during.stage = Stage.WITHDRAWN
    left_before.exited_on, left_during.exited_on = D(2026, 10, 31), D(2026, 11, 17)
    not_started.stage = Stage.ENROLLED
    for path in (left_before, left_during, not_started):
        path.save()
    PathFactory(project=project, stage=Stage.ACTIVE)  # active, but in no activity
    paths = list(active_paths(project, NOV))
    assert set(paths) == {ongoing, left_during}
    months = person_months(project, NOV, paths)
    assert months[left_during.pk].periods == ((D(2026, 11, 1), D(2026, 11, 17)),)
    assert months[ongoing.pk].periods == ((D(2026, 11, 1), D(2026, 11, 30)),)


def test_sessions_before_the_enrolment_do_not_count():
    project = ProjectFactory()
    course, _sessions, (path,) = course_with(project, 1)
    path.enrolments.filter(activity=course).update(enrolled_on=D(2026, 11, 3))
    month = person_months(project, NOV, active_paths(project, NOV))[path.pk]
    assert [line.date.day for line in month.lines] == [3, 4]


def test_the_lines_of_many_people_take_the_same_queries_as_one():
    counts = {}
    for size in (1, 20):
        project = ProjectFactory()
        course_with(project, size)
        course_with(project, size, days=(9, 10))
        with CaptureQueriesContext(connection) as captured:
            months = person_months(project, NOV, active_paths(project, NOV))
        assert len(months) == 2 * size
        counts[size] = len(captured)
    assert counts[1] == counts[20], counts
