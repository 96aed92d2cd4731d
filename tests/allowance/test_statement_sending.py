"""Sending an approved statement to the person: a PDF attached to an e-mail in their language,
once the statement can no longer change; scoped like the statement page; logged; erased with
the person."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from allowance.models import Statement
from allowance.services import statements as service
from mail.outbox import OutgoingEmail, deliver_email
from participants.models import MonthLock, Path, Stage
from participants.privacy import anonymise
from tests.allowance.helpers import NOV, november, operator_and_coordinator
from tests.erasure import assert_erased, find
from tests.factories.companies import TerritoryFactory

pytestmark = pytest.mark.django_db
ADDRESS = "zenobia.quartermaine@example.org"


def send_url(statement):
    with translation.override("en"):
        return reverse("allowance_statements:send", args=[statement.pk])


@pytest.fixture
def staff():
    territory = TerritoryFactory()
    project, paths, _sessions = november(2, territory)
    MonthLock.objects.create(project=project, month=NOV)
    service.compute_month(project, NOV)
    operator, coordinator = operator_and_coordinator(territory)
    statement = Statement.objects.get(path=paths[0])
    person = statement.path.participant
    person.email, person.preferred_language = ADDRESS, "ar"
    # Names no other table holds by chance (the erasure test searches every column).
    person.given_name, person.family_name = "Zenobia", "Quartermaine"
    person.save()
    return statement, operator, coordinator


def approved(statement, operator, coordinator):
    service.check(operator, statement)
    service.approve(coordinator, statement)
    statement.refresh_from_db()
    return statement


def test_the_approved_statement_goes_to_the_person_as_a_pdf_in_their_language(
    client, no_staff_mfa, staff, django_capture_on_commit_callbacks
):
    statement, operator, coordinator = staff
    statement = approved(statement, operator, coordinator)
    client.force_login(operator)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(send_url(statement))
    assert response.status_code == 302
    email = OutgoingEmail.objects.get(kind="allowance.statement")
    assert (email.to, email.language) == (ADDRESS, "ar")
    assert email.attachment_name == f"statement-{statement.path.participant.code}-2026-11.pdf"
    assert bytes(email.attachment).startswith(b"%PDF")
    assert email.erase_after_send
    statement.refresh_from_db()
    assert statement.sent_at is not None
    entry = ModelLogEntry.objects.get(action="approdo.allowance.sent")
    assert entry.user_id == operator.pk and entry.object_id == str(statement.pk)

    assert deliver_email.call(email.pk) == "sent"
    (sent,) = mail.outbox
    assert sent.to == [ADDRESS]
    ((name, content, mimetype),) = sent.attachments
    assert name == email.attachment_name and mimetype == "application/pdf"
    assert content.startswith(b"%PDF")
    email.refresh_from_db()
    assert bytes(email.attachment) == b"" and email.text == ""


def test_a_statement_not_yet_approved_is_not_sent(client, no_staff_mfa, staff):
    statement, operator, _coordinator = staff
    client.force_login(operator)
    response = client.post(send_url(statement), follow=True)
    assert "Only an approved statement" in response.content.decode()
    assert not OutgoingEmail.objects.exists()
    statement.refresh_from_db()
    assert statement.sent_at is None


def test_a_person_without_an_address_gets_a_clear_refusal(client, no_staff_mfa, staff):
    statement, operator, coordinator = staff
    statement = approved(statement, operator, coordinator)
    person = statement.path.participant
    person.email = ""
    person.save()
    client.force_login(operator)
    response = client.post(send_url(statement), follow=True)
    assert "no e-mail address" in response.content.decode()
    assert not OutgoingEmail.objects.exists()
    assert not ModelLogEntry.objects.filter(action="approdo.allowance.sent").exists()


def test_another_territory_s_statement_is_a_404_and_nothing_is_sent(client, no_staff_mfa, staff):
    statement, operator, coordinator = staff
    statement = approved(statement, operator, coordinator)
    for user in operator_and_coordinator(TerritoryFactory()):
        client.force_login(user)
        assert client.post(send_url(statement)).status_code == 404
    assert client.get(send_url(statement)).status_code == 405
    assert not OutgoingEmail.objects.exists()


def test_what_was_sent_is_erased_with_the_person(client, no_staff_mfa, staff):
    statement, operator, coordinator = staff
    statement = approved(statement, operator, coordinator)
    client.force_login(operator)
    client.post(send_url(statement))
    person = statement.path.participant
    needles = [ADDRESS, person.given_name, person.family_name]
    assert find(needles)
    Path.objects.filter(participant=person).update(stage=Stage.WITHDRAWN)
    assert anonymise(person) is True
    assert_erased(needles)
    assert not OutgoingEmail.objects.filter(kind="allowance.statement").exists()
