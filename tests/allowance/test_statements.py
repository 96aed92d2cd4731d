"""Statements of a locked month: computed once for everyone taking part, in constant
queries, checked and approved by two people with the audit log, never changed after
approval (a later correction is carried by the next month)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from allowance.models import Correction, State, Statement
from allowance.services import statements as service
from allowance.services.errors import IllegalTransition, MonthNotLocked, NotPermitted
from participants.models import Attendance, MonthLock
from participants.services import attendance
from tests.allowance.helpers import DEC, NOV, november, operator_and_coordinator
from tests.factories.companies import TerritoryFactory

pytestmark = pytest.mark.django_db


def lock(project, month=NOV):
    return MonthLock.objects.get_or_create(project=project, month=month)[0]


def test_locking_a_month_computes_its_statements(django_capture_on_commit_callbacks):
    territory = TerritoryFactory()
    project, paths, _sessions = november(2, territory)
    operator, _coordinator = operator_and_coordinator(territory)
    with django_capture_on_commit_callbacks(execute=True):
        attendance.lock_month(operator, project, NOV)
    statements = Statement.objects.filter(project=project, month=NOV)
    assert sorted(s.path_id for s in statements) == sorted(p.pk for p in paths)
    assert {s.amount for s in statements} == {Decimal("60.00")}  # 12 h at 5 euro
    assert {s.state for s in statements} == {State.COMPUTED}


def test_a_month_not_locked_is_not_computed():
    project, _paths, _sessions = november(1)
    with pytest.raises(MonthNotLocked):
        service.compute_month(project, NOV)
    assert not Statement.objects.exists()


def test_running_twice_creates_nothing_twice():
    project, _paths, _sessions = november(3)
    lock(project)
    assert service.compute_month(project, NOV) == (3, 0, 0)
    assert service.compute_month(project, NOV) == (0, 0, 0)
    assert Statement.objects.count() == 3


def test_the_computation_takes_the_same_queries_for_1_and_50_people(
    django_assert_num_queries,
):
    """First run (creates) and second run (nothing to write), each constant."""
    counts = {}
    for size in (1, 50):
        project, _paths, _sessions = november(size)
        lock(project)
        for run in ("first", "again"):
            ContentType.objects.clear_cache()
            if size == 1:
                with CaptureQueriesContext(connection) as captured:
                    service.compute_month(project, NOV)
                counts[run] = len(captured)
            else:
                with django_assert_num_queries(counts[run]):
                    service.compute_month(project, NOV)
        assert Statement.objects.filter(project=project).count() == size
    assert counts == {"first": 16, "again": 15}


def test_operator_checks_coordinator_approves_with_the_audit_log():
    territory = TerritoryFactory()
    project, (path,), _sessions = november(1, territory)
    operator, coordinator = operator_and_coordinator(territory)
    lock(project)
    service.compute_month(project, NOV)
    statement = Statement.objects.get(path=path)
    with pytest.raises(NotPermitted):
        service.approve(operator, statement)  # operators do not approve
    with pytest.raises(NotPermitted):
        service.check(coordinator, statement)  # nor coordinators check
    with pytest.raises(IllegalTransition):
        service.approve(coordinator, statement)  # not checked yet
    service.check(operator, statement)
    service.approve(coordinator, statement)
    statement.refresh_from_db()
    assert statement.state == State.APPROVED
    assert (statement.checked_by, statement.approved_by) == (operator, coordinator)
    actions = ModelLogEntry.objects.for_instance(statement).values_list("action", "user")
    assert sorted(actions) == sorted(
        [("approdo.allowance.check", operator.pk), ("approdo.allowance.approve", coordinator.pk)]
    )


def test_who_checked_does_not_approve():
    territory = TerritoryFactory()
    project, (path,), _sessions = november(1, territory)
    operator, coordinator = operator_and_coordinator(territory)
    coordinator.groups.add(*operator.groups.all())  # both roles
    lock(project)
    service.compute_month(project, NOV)
    statement = service.check(coordinator, Statement.objects.get(path=path))
    with pytest.raises(ValidationError):
        service.approve(coordinator, statement)
    assert Statement.objects.get(pk=statement.pk).state == State.CHECKED


def test_statements_outside_the_scope_are_refused():
    project, (path,), _sessions = november(1)
    operator, _coordinator = operator_and_coordinator(TerritoryFactory())
    lock(project)
    service.compute_month(project, NOV)
    statement = Statement.objects.get(path=path)
    assert not service.visible_statements(operator).exists()
    with pytest.raises(NotPermitted):
        service.check(operator, statement)


def approved(territory, size=1):
    project, paths, sessions = november(size, territory)
    operator, coordinator = operator_and_coordinator(territory)
    lock(project)
    service.compute_month(project, NOV)
    for statement in Statement.objects.filter(project=project):
        service.approve(coordinator, service.check(operator, statement))
    return project, paths, sessions, operator


def test_an_approved_statement_never_changes_and_a_correction_goes_to_the_next_month():
    territory = TerritoryFactory()
    project, (path,), sessions, operator = approved(territory)
    statement = Statement.objects.get(path=path)
    before = (statement.amount, statement.explanation)
    recorded = Attendance.objects.get(path=path, session=sessions[0])
    attendance.adjust(operator, recorded, presence="present", hours="1", reason="Uscita")
    assert service.compute_month(project, NOV) == (0, 0, 1)
    assert service.compute_month(project, NOV) == (0, 0, 0)  # found once
    statement.refresh_from_db()
    assert (statement.amount, statement.explanation) == before
    correction = Correction.objects.get()
    assert correction.amount == Decimal("-15.00") and correction.for_month == NOV
    lock(project, DEC)
    service.compute_month(project, DEC)
    december = Statement.objects.get(path=path, month=DEC)
    assert december.amount == Decimal("5.00")  # 4 h at 5 euro, minus 15.00
    assert december.explanation[-2]["code"] == "carried"
    correction.refresh_from_db()
    assert correction.carried_by == december
    service.compute_month(project, DEC)  # recomputed: still carries it, once
    assert Statement.objects.get(pk=december.pk).amount == Decimal("5.00")


def test_a_checked_statement_is_not_recomputed_until_sent_back():
    territory = TerritoryFactory()
    project, (path,), sessions = november(1, territory)
    operator, coordinator = operator_and_coordinator(territory)
    lock(project)
    service.compute_month(project, NOV)
    statement = service.check(operator, Statement.objects.get(path=path))
    Attendance.objects.filter(path=path, session=sessions[0]).update(hours=0, presence="absent")
    service.compute_month(project, NOV)
    assert Statement.objects.get(pk=statement.pk).amount == Decimal("60.00")
    service.reopen(coordinator, statement)
    service.compute_month(project, NOV)
    assert Statement.objects.get(pk=statement.pk).amount == 0  # 8 of 12 hours: under 70 %


def test_the_date_is_the_first_of_the_month_whatever_day_is_given():
    project, _paths, _sessions = november(1)
    lock(project)
    service.compute_month(project, datetime.date(2026, 11, 20))
    assert Statement.objects.get().month == NOV


def test_coordinators_hear_that_a_month_is_ready_without_any_name(
    django_capture_on_commit_callbacks,
):
    from mail.outbox import OutgoingEmail

    territory = TerritoryFactory()
    project, paths, _sessions = november(2, territory)
    operator, coordinator = operator_and_coordinator(territory)
    with django_capture_on_commit_callbacks(execute=True):
        attendance.lock_month(operator, project, NOV)
    with django_capture_on_commit_callbacks(execute=True):
        attendance.lock_month(operator, project, NOV)  # already locked: nothing new
    email = OutgoingEmail.objects.get(kind="allowance.ready")
    assert email.to == coordinator.email
    assert project.name in email.subject and "November 2026" in email.subject
    assert "2 allowance statements" in email.text and f"?project={project.pk}" in email.text
    for path in paths:
        person = path.participant
        assert not {person.code, person.family_name} & set(email.text.split())
