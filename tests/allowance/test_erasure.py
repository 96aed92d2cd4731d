"""Anonymising a person removes their bank account and the log of who saw it; the
statements and payments (amounts, months, the code) stay for the accounts."""

import datetime

import pytest

from allowance.models import BankAccount, BankAccountView, Payment, Statement
from allowance.services import exports
from allowance.services import payments as service
from participants.models import Path, Stage
from participants.privacy import anonymise
from tests.allowance.test_payments import approved_month, cashier  # noqa: F401 (fixtures)
from tests.erasure import assert_erased, find

pytestmark = pytest.mark.django_db

HOLDER = "Zenobia Quartermaine"
IBAN = "IT60X0542811101000000123456"


def test_the_bank_account_goes_with_the_person(cashier, approved_month):  # noqa: F811
    project, paths = approved_month
    person = paths[0].participant
    # Names no table holds otherwise: a generated "Ida" is also in "validation".
    person.given_name, person.family_name = "Ermenegilda", "Vasconcellos"
    person.save(update_fields=["given_name", "family_name"])
    service.save_bank_account(cashier, person, holder=HOLDER, iban=IBAN)
    batch, _missing = service.create_batch(cashier, project, datetime.date(2026, 12, 10))
    exports.sepa_file(cashier, batch)
    service.show_bank_account(cashier, person)
    needles = [HOLDER, IBAN, person.given_name, person.family_name]
    assert find(needles)
    Path.objects.filter(participant=person).update(stage=Stage.WITHDRAWN)
    assert anonymise(person) is True
    assert_erased(needles)
    assert not BankAccount.objects.filter(participant=person).exists()
    assert not BankAccountView.objects.filter(participant=person).exists()
    assert Statement.objects.filter(path__participant=person).count() == 1
    assert Payment.objects.filter(statement__path__participant=person).count() == 1
