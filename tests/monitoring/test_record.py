"""The monitoring record: consent first, "prefers not to say" everywhere, encrypted at rest,
every read logged, erased with the person, never in the person's export."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import translation

from monitoring import services
from monitoring.models import CODES, MonitoringRead, MonitoringRecord
from participants.export import personal_data
from participants.privacy import anonymise
from tests.erasure import assert_erased
from tests.factories.participants import ParticipantFactory

pytestmark = pytest.mark.django_db

CONSENT = datetime.date(2026, 11, 3)


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def form(**answers):
    data = {"consent": "on", "consent_given_on": CONSENT.isoformat()}
    data.update(dict.fromkeys(CODES, ""))
    data.update(answers)
    return data


def test_answers_are_recorded_with_consent_and_stored_encrypted(client, monitoring_user):
    person = ParticipantFactory()
    client.force_login(monitoring_user)
    response = client.post(
        url("monitoring_record", person.pk),
        form(third_country="yes", disability="not_stated", rural="no"),
    )
    assert response.status_code == 302
    item = MonitoringRecord.objects.get(participant=person)
    assert item.answer_map() == {
        "third_country": "yes",
        "disability": "not_stated",
        "rural": "no",
    }
    assert (item.consent_given_on, item.consent_recorded_by) == (CONSENT, monitoring_user)
    assert item.consent_recorded_by_name == monitoring_user.email
    with connection.cursor() as cursor:
        cursor.execute("SELECT answers FROM monitoring_monitoringrecord WHERE id = %s", [item.pk])
        raw = cursor.fetchone()[0]
    assert raw.startswith("gAAAAA")  # a Fernet token
    assert "third_country" not in raw and "yes" not in raw


def test_without_a_decryption_key_the_answers_are_unreadable(monitoring_user, settings):
    person = ParticipantFactory()
    services.record(monitoring_user, person, consent_given_on=CONSENT, answers={"rural": "yes"})
    from encrypted_fields.fields import EncryptedTextField

    field = MonitoringRecord._meta.get_field("answers")
    assert isinstance(field, EncryptedTextField)
    settings.SALT_KEY = ["another-key"]
    for name in ("keys", "f"):
        field.__dict__.pop(name, None)  # the derived key is cached on the field
    try:
        assert MonitoringRecord.objects.get(participant=person).answer_map() == {}
    finally:
        settings.SALT_KEY = ["test-only-monitoring-key"]
        for name in ("keys", "f"):
            field.__dict__.pop(name, None)
    assert MonitoringRecord.objects.get(participant=person).answer_map() == {"rural": "yes"}


@pytest.mark.parametrize(
    "data",
    [
        form(consent="", rural="yes"),  # no consent
        form(consent_given_on="", rural="yes"),
        form(consent_given_on="2999-01-01", rural="yes"),
        form(rural="maybe"),
    ],
)
def test_without_consent_or_with_bad_input_nothing_is_stored(client, monitoring_user, data):
    person = ParticipantFactory()
    client.force_login(monitoring_user)
    response = client.post(url("monitoring_record", person.pk), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not MonitoringRecord.objects.exists()


def test_the_service_refuses_answers_without_consent(monitoring_user):
    with pytest.raises(ValidationError):
        services.record(
            monitoring_user, ParticipantFactory(), consent_given_on=None, answers={"rural": "no"}
        )
    assert not MonitoringRecord.objects.exists()


def test_every_read_is_logged(client, monitoring_user):
    person = ParticipantFactory()
    services.record(monitoring_user, person, consent_given_on=CONSENT, answers={"rural": "yes"})
    client.force_login(monitoring_user)
    for _ in range(2):
        response = client.get(url("monitoring_record", person.pk))
        assert response.status_code == 200
        assert "Lives in a rural area" in response.content.decode()
    reads = MonitoringRead.objects.filter(participant=person)
    assert reads.count() == 2 and {r.viewer for r in reads} == {monitoring_user.email}


def test_withdrawing_consent_deletes_the_answers(client, monitoring_user):
    person = ParticipantFactory()
    services.record(monitoring_user, person, consent_given_on=CONSENT, answers={"rural": "yes"})
    client.force_login(monitoring_user)
    assert client.post(url("monitoring_withdraw", person.pk)).status_code == 302
    assert not MonitoringRecord.objects.exists()


def test_anonymisation_erases_the_record_and_its_reads(client, monitoring_user):
    person = ParticipantFactory(given_name="Zenobia", family_name="Quartermaine")
    services.record(
        monitoring_user, person, consent_given_on=CONSENT, answers={"housing_exclusion": "yes"}
    )
    services.read(monitoring_user, person)
    assert anonymise(person) is True
    assert not MonitoringRecord.objects.filter(participant=person).exists()
    assert not MonitoringRead.objects.filter(participant=person).exists()
    # Nothing names the person, nor who recorded or read the answers (but their account).
    account = {("users_user", "email"), ("account_emailaddress", "email")}
    assert_erased(["Zenobia", "Quartermaine", monitoring_user.email], allowed=account)


def test_deleting_the_person_deletes_the_record(monitoring_user):
    person = ParticipantFactory()
    services.record(monitoring_user, person, consent_given_on=CONSENT, answers={"rural": "no"})
    person.delete()
    assert not MonitoringRecord.objects.exists()


def test_the_export_says_answers_exist_but_never_holds_them(monitoring_user):
    person = ParticipantFactory()
    assert "esf_monitoring" not in personal_data(person)
    services.record(monitoring_user, person, consent_given_on=CONSENT, answers={"rural": "yes"})
    data = personal_data(person)
    assert data["esf_monitoring"] == {
        "consent_given_on": CONSENT,
        "answers_held_encrypted": True,
    }
    assert "rural" not in repr(data)
