"""A project with allowance rules, a November of sessions and its people, for the tests."""

import datetime
from decimal import Decimal

from allowance.models import AllowanceRule
from participants.models import Attendance
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import (
    ActivityFactory,
    EnrolmentFactory,
    ProjectFactory,
    SessionFactory,
    moderator_for,
)
from tests.factories.users import staff_in_group

NOV = datetime.date(2026, 11, 1)
DEC = datetime.date(2026, 12, 1)


def apuane_rule(project, **kwargs):
    values = {
        "name": "Apuane FSE+",
        "valid_from": datetime.date(2026, 1, 1),
        "counted_kinds": ["course", "internship"],
        "basis": "hour",
        "rate": Decimal("5.00"),
        "monthly_cap": Decimal("500.00"),
        "threshold_percent": Decimal("70"),
    }
    return AllowanceRule.objects.create(project=project, **(values | kwargs))


def november(size, territory=None, hours="4"):
    """``size`` people enrolled in a course with three sessions in November (and one in
    December), all present; returns (project, paths, sessions)."""
    territory = territory or TerritoryFactory()
    project = ProjectFactory()
    apuane_rule(project)
    course = ActivityFactory(project=project, kind="course")
    sessions = [
        SessionFactory(activity=course, date=datetime.date(2026, 11, day), hours=Decimal(hours))
        for day in (2, 3, 4)
    ]
    sessions.append(SessionFactory(activity=course, date=datetime.date(2026, 12, 1)))
    paths = [
        EnrolmentFactory(
            activity=course,
            enrolled_on=datetime.date(2026, 10, 1),
            path__participant__territory=territory,
        ).path
        for _ in range(size)
    ]
    Attendance.objects.bulk_create(
        Attendance(session=session, path=path, presence="present", hours=session.hours)
        for session in sessions
        for path in paths
    )
    return project, paths, sessions


def operator_and_coordinator(territory):
    """A Moderator (who checks) and an Allowance coordinator (who approves) of ``territory``."""
    operator = moderator_for(territory)
    coordinator = staff_in_group("Allowance coordinators")
    territory.moderators.add(coordinator)
    return operator, coordinator
