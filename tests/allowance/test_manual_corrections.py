"""A coordinator's correction of an approved month: recorded with a reason, carried by the
person's next statement in plain words, never netted out by a recomputation, audit-logged,
and only for coordinators within their scope."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from allowance import explanation
from allowance.models import Correction, CorrectionKind, State, Statement
from allowance.services import statements as service
from allowance.services.corrections import record_correction
from allowance.services.errors import NotPermitted
from participants.models import Attendance, MonthLock
from participants.privacy import anonymise
from participants.services import attendance
from tests.allowance.helpers import DEC, NOV, november, operator_and_coordinator
from tests.allowance.test_statement_pdf import text_of
from tests.factories.companies import TerritoryFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def month():
    """One approved November of 60.00 euro; returns (project, path, sessions, operator,
    coordinator, statement)."""
    territory = TerritoryFactory()
    project, (path,), sessions = november(1, territory)
    operator, coordinator = operator_and_coordinator(territory)
    MonthLock.objects.create(project=project, month=NOV)
    service.compute_month(project, NOV)
    statement = Statement.objects.get(path=path)
    statement = service.approve(coordinator, service.check(operator, statement))
    return project, path, sessions, operator, coordinator, statement


def test_a_correction_is_carried_by_the_next_statement_in_plain_words(month):
    project, path, _sessions, _operator, coordinator, statement = month
    correction = record_correction(
        coordinator, statement, amount="-12.50", reason="hours", note="Ore 3/11 errate"
    )
    assert (correction.kind, correction.amount, correction.made_by) == (
        CorrectionKind.MANUAL,
        Decimal("-12.50"),
        coordinator,
    )
    entry = ModelLogEntry.objects.get(action="approdo.allowance.correction")
    assert entry.user_id == coordinator.pk and entry.data["amount"] == "-12.50"
    MonthLock.objects.create(project=project, month=DEC)
    service.compute_month(project, DEC)
    december = Statement.objects.get(path=path, month=DEC)
    assert december.amount == Decimal("7.50")  # 4 h at 5 euro, less 12.50
    correction.refresh_from_db()
    assert correction.carried_by == december
    step = december.explanation[-2]
    assert step["code"] == "carried_manual" and "Ore" not in str(step)  # the note stays in
    texts = {}
    for language in ("en", "it", "ar"):
        with translation.override(language):
            texts[language] = explanation.lines(december.explanation)[-2][0]
    assert texts["en"] == (
        "Correction of 2026-11 made by the coordinator: hours of attendance typed wrong."
    )
    assert len(set(texts.values())) == 3 and "2026-11" in texts["ar"]


def test_the_pdf_explains_it_in_the_person_s_language(client, no_staff_mfa, month):
    project, path, _sessions, operator, coordinator, statement = month
    record_correction(coordinator, statement, amount="7.20", reason="transport")
    MonthLock.objects.create(project=project, month=DEC)
    service.compute_month(project, DEC)
    december = Statement.objects.get(path=path, month=DEC)
    person = path.participant
    person.preferred_language = "it"
    person.save()
    client.force_login(operator)
    text = text_of(client.get(url("allowance_statements:pdf", december.pk)))
    assert "rimborso del trasporto" in " ".join(text.split())
    assert "7,20" in text


def test_a_recomputation_does_not_reverse_it(month):
    project, path, sessions, operator, coordinator, statement = month
    record_correction(coordinator, statement, amount="25", reason="transport")
    assert service.compute_month(project, NOV) == (0, 0, 0)
    assert Correction.objects.count() == 1
    # A register change afterwards is still found, and only the register's difference.
    recorded = Attendance.objects.get(path=path, session=sessions[0])
    attendance.adjust(operator, recorded, presence="present", hours="1", reason="Uscita")
    assert service.compute_month(project, NOV) == (0, 0, 1)
    found = Correction.objects.get(kind=CorrectionKind.RECOMPUTED)
    assert found.amount == Decimal("-15.00")
    assert service.compute_month(project, NOV) == (0, 0, 0)


def test_only_an_approved_month_and_a_real_amount_and_reason(month):
    project, path, _sessions, _operator, coordinator, statement = month
    with translation.override("en"):
        for amount, reason, message in [
            ("0", "hours", "zero"),
            ("dodici", "hours", "in euro"),
            ("5", "mood", "Choose why"),
        ]:
            with pytest.raises(ValidationError) as refused:
                record_correction(coordinator, statement, amount=amount, reason=reason)
            assert message in " ".join(refused.value.messages)
        MonthLock.objects.create(project=project, month=DEC)
        service.compute_month(project, DEC)
        december = Statement.objects.get(path=path, month=DEC)
        assert december.state == State.COMPUTED
        with pytest.raises(ValidationError):
            record_correction(coordinator, december, amount="5", reason="hours")
    assert not Correction.objects.exists()


def test_only_a_coordinator_in_scope_corrects(client, no_staff_mfa, month):
    _project, _path, _sessions, operator, coordinator, statement = month
    with pytest.raises(NotPermitted):
        record_correction(operator, statement, amount="5", reason="hours")
    stranger = operator_and_coordinator(TerritoryFactory())[1]
    with pytest.raises(NotPermitted):
        record_correction(stranger, statement, amount="5", reason="hours")
    data = {"amount": "5", "reason": "transport", "note": ""}
    client.force_login(stranger)
    assert client.post(url("allowance_statements:correct", statement.pk), data).status_code == 404
    client.force_login(operator)
    page = client.get(url("allowance_statements:inspect", statement.pk))
    assert page.status_code == 200 and "statement-correct" not in page.text
    assert client.post(url("allowance_statements:correct", statement.pk), data).status_code == 403
    assert not Correction.objects.exists()
    client.force_login(coordinator)
    page = client.get(url("allowance_statements:inspect", statement.pk))
    assert "statement-correct" in page.text
    done = client.post(url("allowance_statements:correct", statement.pk), data)
    assert done.status_code == 302
    page = client.get(url("allowance_statements:inspect", statement.pk))
    assert "a transport refund" in page.text
    assert Correction.objects.get().reason == "transport"


def test_the_note_goes_with_the_person(month):
    _project, path, _sessions, _operator, coordinator, statement = month
    record_correction(coordinator, statement, amount="5", reason="other", note="Errore ufficio")
    assert anonymise(path.participant) is True
    assert Correction.objects.get().note == ""
