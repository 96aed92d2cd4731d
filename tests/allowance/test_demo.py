"""The allowance's demo: the demo project's rules and budget (split across its funders),
two months computed, checked and approved by two people, one correction carried; a second
run adds nothing."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from allowance.demo import build_allowance_demo
from allowance.models import AllowanceBudget, AllowanceRule, Correction, State, Statement
from companies.models import CompanyStatus, PlacementStatus
from participants.demo import build_participants_demo
from participants.models import AttendanceAdjustment
from projects.funding import FundingSource
from tests.factories.companies import CompanyFactory, OperatingSiteFactory, PlacementFactory
from tests.factories.participants import moderator_for, tutor

pytestmark = pytest.mark.django_db


@pytest.fixture
def built():
    company = CompanyFactory(status=CompanyStatus.APPROVED)
    site = OperatingSiteFactory(company=company)
    starts = timezone.localdate() - datetime.timedelta(days=80)
    PlacementFactory(
        company=company,
        site=site,
        participant__territory=company.territory,
        status=PlacementStatus.ACTIVE,
        starts_on=starts,
        ends_on=starts + datetime.timedelta(days=183),
    )
    operator = moderator_for(company.territory)
    project = build_participants_demo(operator, tutor())
    # The funder's reports' demo (monitoring, before the allowance's) funds the project.
    for kind, funder, amount in [("eu_esf_plus", "FSE+", 320000), ("region", "Regione", 80000)]:
        FundingSource.objects.create(project=project, kind=kind, funder=funder, amount=amount)
    project = build_allowance_demo(operator)
    return project, operator


def test_rules_budget_and_two_approved_months(built):
    project, operator = built
    rule = AllowanceRule.objects.get(project=project)
    assert (rule.monthly_cap, rule.threshold_percent, rule.justified_count) == (500, 70, True)
    assert rule.extras.get().kind == "transport"
    budget = AllowanceBudget.objects.get(project=project)
    # Split across ESF+ and the Region in the proportion of their funding.
    assert [(s.source.funder, s.amount) for s in budget.shares.all()] == [
        ("FSE+", Decimal("96000.00")),
        ("Regione", Decimal("24000.00")),
    ]
    statements = Statement.objects.filter(project=project)
    months = sorted(set(statements.values_list("month", flat=True)))
    assert len(months) == 2
    assert months[1] == (months[0] + datetime.timedelta(days=32)).replace(day=1)
    assert statements.count() > 10
    assert set(statements.values_list("state", flat=True)) == {State.APPROVED}
    assert statements.filter(amount__gt=0).exists()
    # Checked by the operator, approved by somebody else.
    assert set(statements.values_list("checked_by", flat=True)) == {operator.pk}
    approvers = set(statements.values_list("approved_by", flat=True))
    assert len(approvers) == 1 and operator.pk not in approvers


def test_one_correction_carried_into_the_second_month(built):
    correction = Correction.objects.get()
    assert AttendanceAdjustment.objects.count() == 1
    first, second = sorted(set(Statement.objects.values_list("month", flat=True)))
    assert correction.for_month == first
    assert correction.amount > 0
    carrier = correction.carried_by
    assert (carrier.month, carrier.path_id) == (second, correction.path_id)
    assert carrier.state == State.APPROVED
    assert "carried" in [step["code"] for step in carrier.explanation]
    # Each statement approved once, through the service (with its audit entry).
    assert ModelLogEntry.objects.filter(action="approdo.allowance.approve").count() == (
        Statement.objects.count()
    )


def test_a_second_run_adds_nothing(built):
    project, operator = built
    counts = [
        model.objects.count()
        for model in (AllowanceRule, Statement, Correction, AttendanceAdjustment, ModelLogEntry)
    ]
    assert build_allowance_demo(operator) == project
    assert counts == [
        model.objects.count()
        for model in (AllowanceRule, Statement, Correction, AttendanceAdjustment, ModelLogEntry)
    ]
