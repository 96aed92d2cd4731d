"""Payments: IBANs checked and shown only to the Payments group (every showing logged),
batches of approved statements as SEPA pain.001 (valid against its schema) and XLSX, the
bank's answer, failed payments back in the queue, and the budget's figures."""

import datetime
import io
import os
from decimal import Decimal

import pytest
import sepaxml
import xmlschema
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from allowance.models import (
    AllowanceBudget,
    BankAccountView,
    BatchState,
    Payment,
    PaymentBatch,
    Statement,
)
from allowance.services import exports
from allowance.services import payments as service
from allowance.services.errors import NotPermitted
from allowance.services.statements import approve, check, compute_month
from participants.models import MonthLock
from tests.allowance.helpers import NOV, november, operator_and_coordinator
from tests.factories.companies import TerritoryFactory
from tests.factories.users import staff_in_group

pytestmark = pytest.mark.django_db

IBANS = ["IT60X0542811101000000123456", "DE89370400440532013000", "FR1420041010050500013M02606"]
PAYER = "IT02L1234512345123456789012"


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def cashier():
    return staff_in_group("Payments")


@pytest.fixture
def approved_month(cashier):
    """Three approved statements of 60.00 euro; two people have a bank account."""
    territory = TerritoryFactory()
    project, paths, _sessions = november(3, territory)
    operator, coordinator = operator_and_coordinator(territory)
    MonthLock.objects.create(project=project, month=NOV)
    compute_month(project, NOV)
    for statement in Statement.objects.filter(project=project):
        approve(coordinator, check(operator, statement))
    AllowanceBudget.objects.create(
        project=project,
        funding_source="FSE+ 2021-2027",
        amount=Decimal("1000.00"),
        payer_name="Consorzio Apuane",
        payer_iban=PAYER,
    )
    for path, iban in zip(paths[:2], IBANS, strict=False):
        service.save_bank_account(
            cashier, path.participant, holder=f"Titolare {path.pk}", iban=iban
        )
    return project, paths


def test_an_iban_is_checked_and_stored_compact(cashier):
    _project, (path,), _sessions = november(1)
    with pytest.raises(ValidationError) as refused:
        service.save_bank_account(
            cashier, path.participant, holder="A", iban="IT60X0542811101000000123457"
        )
    assert "iban" in refused.value.message_dict
    account = service.save_bank_account(
        cashier, path.participant, holder="Amina", iban="it60 x054 2811 1010 0000 0123 456"
    )
    assert account.iban == IBANS[0]


def test_only_the_payments_group_sees_an_iban_and_every_showing_is_logged(
    client, no_staff_mfa, cashier, approved_month
):
    _project, paths = approved_month
    account = paths[0].participant.bank_account
    moderator, coordinator = operator_and_coordinator(paths[0].participant.territory)
    for user in (moderator, coordinator):
        with pytest.raises(NotPermitted):
            service.show_bank_account(user, paths[0].participant)
        client.force_login(user)
        assert client.get(url("allowance_bank_accounts:inspect", account.pk)).status_code == 403
        assert client.get(url("allowance_bank_accounts:index")).status_code == 403
    assert not BankAccountView.objects.exists()
    client.force_login(cashier)
    listing = client.get(url("allowance_bank_accounts:index"))
    assert listing.status_code == 200 and IBANS[0] not in listing.text  # masked in the list
    page = client.get(url("allowance_bank_accounts:inspect", account.pk))
    assert IBANS[0] in page.text
    client.get(url("allowance_bank_accounts:edit", account.pk))
    views = BankAccountView.objects.filter(participant=paths[0].participant)
    assert [(v.user, v.purpose) for v in views] == [(cashier, "screen"), (cashier, "screen")]


def test_a_bank_account_is_entered_through_the_form(client, no_staff_mfa, cashier):
    _project, (path,), _sessions = november(1)
    client.force_login(cashier)
    data = {"participant": path.participant.pk, "holder": "Amina", "iban": "IT00 1234", "bic": ""}
    refused = client.post(url("allowance_bank_accounts:add"), data)
    assert refused.status_code == 200 and "not a valid IBAN" in refused.text
    data["iban"] = IBANS[0]
    assert client.post(url("allowance_bank_accounts:add"), data).status_code == 302
    assert path.participant.bank_account.iban == IBANS[0]


def test_a_batch_pays_the_queue_and_a_failure_returns_to_it(cashier, approved_month):
    project, paths = approved_month
    with pytest.raises(NotPermitted):
        service.create_batch(operator_and_coordinator(TerritoryFactory())[1], project, NOV)
    batch, missing = service.create_batch(cashier, project, datetime.date(2026, 12, 10))
    assert [s.path for s in missing] == [paths[2]]  # no bank account: left in the queue
    assert batch.payments.count() == 2
    assert [s.path for s in service.queue(project)] == [paths[2]]
    assert service.create_batch(cashier, project, NOV) == (None, [missing[0]])  # nothing twice
    figures = service.budgets_with_figures().get(project=project)
    assert (figures.spent, figures.committed, figures.left) == (0, Decimal("180.00"), 820)
    service.mark_batch(cashier, batch, BatchState.PAID)
    with pytest.raises(ValidationError):
        service.mark_batch(cashier, batch, BatchState.FAILED)  # the answer is given once
    bounced = batch.payments.first()
    service.mark_payment_failed(cashier, bounced)
    assert bounced.statement in service.queue(project)
    again, _missing = service.create_batch(cashier, project, datetime.date(2026, 12, 20))
    assert [p.statement for p in again.payments.all()] == [bounced.statement]
    figures = service.budgets_with_figures().get(project=project)
    assert (figures.spent, figures.committed) == (Decimal("60.00"), Decimal("120.00"))
    assert Payment.objects.filter(statement=bounced.statement).count() == 2


def test_the_sepa_file_is_valid_pain_001(cashier, approved_month):
    project, paths = approved_month
    batch, _missing = service.create_batch(cashier, project, datetime.date(2026, 12, 10))
    xml = exports.sepa_file(cashier, batch)
    schema = os.path.join(os.path.dirname(sepaxml.__file__), "schemas", "pain.001.001.03.xsd")
    xmlschema.XMLSchema(schema).validate(xml.decode())
    text = xml.decode()
    assert IBANS[0] in text and IBANS[1] in text and PAYER in text
    assert "<CtrlSum>120.00</CtrlSum>" in text
    assert paths[0].participant.code in text
    logged = BankAccountView.objects.filter(purpose="sepa")
    assert {v.participant_id for v in logged} == {p.participant_id for p in paths[:2]}


def test_the_spreadsheet_for_accounting_is_formula_safe(cashier, approved_month):
    project, paths = approved_month
    service.save_bank_account(
        cashier, paths[0].participant, holder='=HYPERLINK("http://x")', iban=IBANS[2]
    )
    batch, _missing = service.create_batch(cashier, project, datetime.date(2026, 12, 10))
    with translation.override("en"):
        sheet = load_workbook(io.BytesIO(exports.xlsx_file(cashier, batch))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Code"
    assert len(rows) == 3
    holders = {row[1] for row in rows[1:]}
    assert '\'=HYPERLINK("http://x")' in holders
    assert {row[4] for row in rows[1:]} == {60}


def test_the_batch_screens(client, no_staff_mfa, cashier, approved_month):
    project, _paths = approved_month
    client.force_login(cashier)
    assert client.get(url("allowance_batches:make")).status_code == 200
    response = client.post(
        url("allowance_batches:make"), {"project": project.pk, "execution_date": "2099-01-04"}
    )
    assert response.status_code == 302
    batch = PaymentBatch.objects.get()
    page = client.get(url("allowance_batches:inspect", batch.pk))
    assert page.status_code == 200
    sepa = client.get(url("allowance_batches:download", batch.pk, "xml"))
    assert sepa["Content-Disposition"].startswith("attachment")
    assert b"CstmrCdtTrfInitn" in sepa.content
    xlsx = client.get(url("allowance_batches:download", batch.pk, "xlsx"))
    assert xlsx.status_code == 200
    client.post(url("allowance_batches:outcome", batch.pk, "paid"))
    batch.refresh_from_db()
    assert batch.state == BatchState.PAID
    assert client.get(url("allowance_budgets:index")).status_code == 200


def test_without_the_payments_permission_no_file_leaves(
    client, no_staff_mfa, cashier, approved_month
):
    project, paths = approved_month
    batch, _missing = service.create_batch(cashier, project, datetime.date(2026, 12, 10))
    coordinator = operator_and_coordinator(paths[0].participant.territory)[1]
    client.force_login(coordinator)
    for kind in ("xml", "xlsx"):
        assert client.get(url("allowance_batches:download", batch.pk, kind)).status_code == 403
    assert client.post(url("allowance_batches:outcome", batch.pk, "paid")).status_code == 403


def test_payment_screens_read_in_constant_queries(client, no_staff_mfa, cashier):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for size in (1, 20):
        territory = TerritoryFactory()
        project, paths, _sessions = november(size, territory)
        operator, coordinator = operator_and_coordinator(territory)
        MonthLock.objects.create(project=project, month=NOV)
        compute_month(project, NOV)
        for statement in Statement.objects.filter(project=project):
            approve(coordinator, check(operator, statement))
        AllowanceBudget.objects.create(
            project=project, funding_source="FSE+", amount=1000, payer_name="X", payer_iban=PAYER
        )
        for path in paths:
            service.save_bank_account(cashier, path.participant, holder="T", iban=IBANS[0])
        batch, _missing = service.create_batch(cashier, project, datetime.date(2026, 12, 10))
        client.force_login(cashier)
        pages = [
            url("allowance_batches:inspect", batch.pk),
            url("allowance_bank_accounts:index"),
            url("allowance_budgets:index"),
            url("allowance_batches:index"),
        ]
        for n, address in enumerate(pages):
            client.get(address)
            with CaptureQueriesContext(connection) as captured:
                assert client.get(address).status_code == 200
            counts.setdefault(n, []).append(len(captured))
    assert all(one == many for one, many in counts.values()), counts
