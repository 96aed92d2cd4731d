"""The allowance budget split across the project's funding sources: the pro-rata charge of
what is spent and committed (to the cent, adding up exactly), the shares' checks, who sees
the split, and its queries."""

import datetime
import random
from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from allowance.budget_split import pro_rata
from allowance.models import AllowanceBudget, BatchState, BudgetShare, Statement
from allowance.services import payments as service
from allowance.services.statements import approve, check, compute_month
from participants.models import MonthLock
from projects.funding import FundingKind, FundingSource
from results.tables import budget_rows
from tests.allowance.helpers import NOV, november, operator_and_coordinator
from tests.factories.companies import TerritoryFactory
from tests.factories.users import staff_in_group

pytestmark = pytest.mark.django_db

IBAN = "IT60X0542811101000000123456"
PAYER = "DE89370400440532013000"
D = Decimal


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.mark.parametrize(
    ("total", "weights", "parts"),
    [
        ("100.00", ["1", "1", "1"], ["33.34", "33.33", "33.33"]),
        ("0.05", ["1", "1"], ["0.03", "0.02"]),
        ("120000.00", ["320000", "80000"], ["96000.00", "24000.00"]),
        # Exact parts 1.43, 2.86, 5.71 cents: the two cents left go to the largest
        # remainders (the second and third), not to the first in order.
        ("0.10", ["1", "2", "4"], ["0.01", "0.03", "0.06"]),
        ("10.00", ["0", "0"], ["5.00", "5.00"]),
        ("-0.05", ["1", "1"], ["-0.02", "-0.03"]),
        ("0", ["700", "300"], ["0.00", "0.00"]),
        ("5.00", [], []),
    ],
)
def test_pro_rata_to_the_cent(total, weights, parts):
    assert pro_rata(D(total), [D(w) for w in weights]) == [D(p) for p in parts]


def test_pro_rata_parts_add_up_and_stay_within_a_cent():
    draw = random.Random(14)
    for _ in range(500):
        total = D(draw.randint(-10_000, 10_000_000)) / 100
        weights = [D(draw.randint(0, 5_000_000)) / 100 for _ in range(draw.randint(1, 7))]
        parts = pro_rata(total, weights)
        assert sum(parts, D(0)) == total
        whole = sum(weights) or len(weights)
        for part, weight in zip(parts, weights, strict=True):
            exact = Fraction(total) * (Fraction(weight) if sum(weights) else 1) / Fraction(whole)
            assert abs(Fraction(part) - exact) < Fraction(1, 100)


def sources(project, count):
    return [
        FundingSource.objects.create(
            project=project,
            kind=FundingKind.EU_ESF_PLUS if n == 0 else FundingKind.REGION,
            funder=f"Funder {n}",
            amount=1000,
            sort_order=n,
        )
        for n in range(count)
    ]


def budget_for(project, shares, amount="1000.00"):
    budget = AllowanceBudget.objects.create(
        project=project,
        funding_source="FSE+ 2021-2027",
        amount=D(amount),
        payer_name="Consorzio",
        payer_iban=PAYER,
    )
    for n, (source, share) in enumerate(shares):
        BudgetShare.objects.create(budget=budget, source=source, amount=D(share), sort_order=n)
    return budget


def approved(size, territory=None):
    territory = territory or TerritoryFactory()
    project, paths, _sessions = november(size, territory)
    operator, coordinator = operator_and_coordinator(territory)
    MonthLock.objects.create(project=project, month=NOV)
    compute_month(project, NOV)
    for statement in Statement.objects.filter(project=project):
        approve(coordinator, check(operator, statement))
    return project, paths


@pytest.fixture
def cashier():
    return staff_in_group("Payments")


def pay(cashier, paths, project):
    for path in paths:
        service.save_bank_account(cashier, path.participant, holder="T", iban=IBAN)
    batch, _missing = service.create_batch(cashier, project, datetime.date(2026, 12, 10))
    service.mark_batch(cashier, batch, BatchState.PAID)


def test_spent_and_committed_are_charged_pro_rata_and_add_up(cashier):
    project, paths = approved(3)  # three statements of 60.00 euro
    esf, region, city = sources(project, 3)
    budget_for(project, [(esf, "333.34"), (region, "333.33"), (city, "333.33")])
    pay(cashier, paths[:1], project)
    budget = service.budgets_with_figures().get(project=project)
    assert (budget.spent, budget.committed) == (D("60.00"), D("120.00"))
    rows = budget.by_source
    assert [row.source for row in rows] == [esf, region, city]
    # 60.00 x 333.34 / 1000 = 20.0004: 20.00 each; 120.00 gives 40.0008 and 39.9996 twice,
    # rounded down 40.00, 39.99, 39.99 and the two cents left to the larger remainders.
    assert [row.spent for row in rows] == [D("20.00")] * 3
    assert [row.committed for row in rows] == [D("40.00")] * 3
    assert [row.left for row in rows] == [D("273.34"), D("273.33"), D("273.33")]
    assert sum(row.spent for row in rows) == budget.spent
    assert sum(row.committed for row in rows) == budget.committed
    assert sum(row.left for row in rows) == budget.left


def test_an_uneven_split_still_adds_up_to_the_cent(cashier):
    project, paths = approved(7)  # 420.00 euro approved
    esf, region = sources(project, 2)
    budget_for(project, [(esf, "666.67"), (region, "333.33")])
    pay(cashier, paths[:1], project)
    budget = service.budgets_with_figures().get(project=project)
    rows = budget.by_source
    # 60.00 x 2/3 = 40.0002 and 19.9998: 40.00 and 20.00; 360.00 gives 240.0012, 119.9988.
    assert [(row.spent, row.committed) for row in rows] == [
        (D("40.00"), D("240.00")),
        (D("20.00"), D("120.00")),
    ]
    assert sum(row.left for row in rows) == budget.left == D("580.00")


def test_the_shares_are_checked(cashier):
    project, _paths = approved(1)
    esf, region = sources(project, 2)
    other = sources(approved(1)[0], 1)[0]
    cases = [
        ([], "add a share"),
        ([(esf, D("600")), (region, D("300"))], "add up to 900.00 €, the budget is 1000.00 €"),
        ([(esf, D("600")), (other, D("400"))], "not the project's: Funder 0"),
        ([(esf, D("500")), (esf, D("500"))], "one share only"),
    ]
    for shares, message in cases:
        with translation.override("en"), pytest.raises(ValidationError) as refused:
            service.check_shares(project, D("1000.00"), shares)
        assert message in " ".join(refused.value.messages)
    service.check_shares(project, D("1000.00"), [(esf, D("600")), (region, D("400"))])
    with translation.override("it"), pytest.raises(ValidationError) as refused:
        service.check_shares(project, D("1000.00"), [])
    assert "add a share" not in " ".join(refused.value.messages)


def form_data(project, shares, amount="1000.00"):
    data = {
        "project": project.pk,
        "funding_source": "FSE+ 2021-2027",
        "amount": amount,
        "payer_name": "Consorzio",
        "payer_iban": PAYER,
        "payer_bic": "",
        "shares-TOTAL_FORMS": len(shares),
        "shares-INITIAL_FORMS": 0,
        "shares-MIN_NUM_FORMS": 1,
        "shares-MAX_NUM_FORMS": 1000,
    }
    for n, (source, share) in enumerate(shares):
        data |= {
            f"shares-{n}-source": source.pk,
            f"shares-{n}-amount": share,
            f"shares-{n}-ORDER": n + 1,
            f"shares-{n}-DELETE": "",
            f"shares-{n}-id": "",
        }
    return data


def test_the_budget_form_stores_all_or_nothing(client, no_staff_mfa):
    project, _paths = approved(1)
    esf, region = sources(project, 2)
    other = sources(approved(1)[0], 1)[0]
    client.force_login(staff_in_group("Allowance coordinators"))
    for shares, message in [
        ([(esf, "600.00"), (region, "300.00")], "The shares add up to 900.00"),
        ([(esf, "600.00"), (other, "400.00")], "not the project&#x27;s"),
    ]:
        refused = client.post(url("allowance_budgets:add"), form_data(project, shares))
        assert refused.status_code == 200 and message in refused.text
    assert not AllowanceBudget.objects.exists() and not BudgetShare.objects.exists()
    done = client.post(
        url("allowance_budgets:add"), form_data(project, [(esf, "700.00"), (region, "300.00")])
    )
    assert done.status_code == 302
    budget = AllowanceBudget.objects.get()
    assert [(s.source, s.amount) for s in budget.shares.all()] == [
        (esf, D("700.00")),
        (region, D("300.00")),
    ]
    edit = client.get(url("allowance_budgets:edit", budget.pk))
    assert edit.status_code == 200 and "Shares by funding source" in edit.text
    # Only the project's own sources are offered on its budget.
    assert f"{project.code} · Funder 1" in edit.text
    assert f"{other.project.code} · Funder 0" not in edit.text
    data = form_data(project, [(esf, "600.00"), (other, "400.00")])
    data |= {"shares-INITIAL_FORMS": 0}
    refused = client.post(url("allowance_budgets:edit", budget.pk), data)
    assert refused.status_code == 200
    assert [s.amount for s in budget.shares.all()] == [D("700.00"), D("300.00")]


def test_only_who_may_see_budgets_sees_the_split(client, no_staff_mfa, cashier):
    territory = TerritoryFactory()
    project, _paths = approved(2, territory)
    esf, region = sources(project, 2)
    budget_for(project, [(esf, "800.00"), (region, "200.00")])
    operator, coordinator = operator_and_coordinator(territory)
    client.force_login(operator)  # a Moderator: statements, no budgets
    assert client.get(url("allowance_budgets:index")).status_code == 403
    for user in (cashier, coordinator):
        client.force_login(user)
        page = client.get(url("allowance_budgets:index"))
        assert page.status_code == 200
        assert "Funder 1 (Region)" in page.text and "200.00" in page.text
        assert "96.00" in page.text  # ESF+'s part of the 120.00 committed


def test_the_dashboard_rows_split_the_paid_amount_shown():
    project, _paths = approved(1)
    esf, region = sources(project, 2)
    budget_for(project, [(esf, "750.00"), (region, "250.00")])
    budget = service.budgets_with_figures().get(project=project)
    with translation.override("en"):
        rows = budget_rows(budget, D("100.01"))
        hidden = budget_rows(budget, "<5")
    assert [row.cells for row in rows] == [[D("750.00"), D("75.01")], [D("250.00"), D("25.00")]]
    assert "Funder 0" in str(rows[0].labels[0])
    assert [row.cells[1] for row in hidden] == ["<5", "<5"]
    assert budget_rows(None, D("1")) == []


def test_the_budget_screen_reads_in_constant_queries(client, no_staff_mfa, cashier):
    counts = []
    for people, count in ((1, 1), (6, 5)):
        project, paths = approved(people)
        found = sources(project, count)
        shares = pro_rata(D("1000.00"), [D(1)] * count)
        budget_for(project, list(zip(found, shares, strict=True)))
        pay(cashier, paths[: max(1, people // 2)], project)
        client.force_login(cashier)
        client.get(url("allowance_budgets:index"))
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url("allowance_budgets:index"))
        assert page.status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
