"""Erasing a person with a placement leaves them nowhere: every personal field filled, the
person edited through the admin (so the audit log has entries), a placement run and ended
with reasons naming them, e-mails sent; then ``purge_personal_data --participant CODE --apply``
and a search of every text column of every table (tests/erasure.py)."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from companies.models import CompanyLogEntry, Placement
from companies.services import placements
from mail.outbox import OutgoingEmail
from tests.companies.test_placements import setting as placement_setting  # noqa: F401
from tests.erasure import assert_erased, find
from tests.factories.participants import ParticipantFactory
from tests.factories.users import staff_in_group

pytestmark = pytest.mark.django_db

PERSON = {
    "given_name": "Ottavina",
    "family_name": "Brambillasca",
    "preferred_name": "Tavinella",
    "phone": "+39 347 9081726",
    "email": "ottavina.b@example.org",
}
TUTOR = {
    "company_tutor_phone": "+39 0577 998877",
    "company_tutor_email": "tutor-xq@impresa.example",
}
REASON = "Brambillasca si trasferisce a Lione"


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def secrets():
    """Everything about the person the fixture stored, and the tutor's contacts."""
    return [*PERSON.values(), "Tavinella", REASON, *TUTOR.values()]


@pytest.fixture
def erased_person(placement_setting, no_staff_mfa, client, django_capture_on_commit_callbacks):  # noqa: F811
    """A person with every personal field filled, as the admin and the services leave them
    after a placement proposed, accepted, started and ended early."""
    staff, company = placement_setting["staff"], placement_setting["company"]
    tutor = staff_in_group("Tutors")
    client.force_login(staff)
    territory = placement_setting["territory"]
    form = {**PERSON, "preferred_language": "it", "territory": territory.pk}
    intern = ParticipantFactory(**{**PERSON, "preferred_name": ""}, territory=territory)
    response = client.post(admin_url("participants_admin:edit", intern.pk), form)
    assert response.status_code == 302
    proposal = {
        "participant": intern.pk,
        "site": placement_setting["site"].pk,
        "position": "",
        "starts_on": "2027-03-01",
        "ends_on": "2027-09-01",
        "weekly_hours": "20",
        "schedule": "9-13",
        "monthly_allowance": "450",
        "project_tutor": tutor.pk,
        "company_tutor_name": "Paolo Verdi",
        "company_tutor_role": "Capo reparto",
        **TUTOR,
        "workplace_notes": "Tavinella lavora meglio con istruzioni scritte.",
    }
    with django_capture_on_commit_callbacks(execute=True):
        url = f"{admin_url('placements_admin:add')}?company={company.pk}"
        assert client.post(url, proposal).status_code == 302
        placement = Placement.objects.get(participant=intern)
        placements.company_decision(placement_setting["member"], company, placement, True)
        for action, reason in (("start", ""), ("terminate", REASON)):
            response = client.post(
                admin_url("placements_admin:move", placement.pk),
                {"action": action, "reason": reason},
            )
            assert response.status_code == 302
    placement.refresh_from_db()
    assert (placement.status, placement.reason) == ("terminated", REASON)
    client.force_login(placement_setting["member"])
    card = client.get(reverse("companies:intern_card", args=[company.pk, placement.pk]))
    assert PERSON["preferred_name"] in card.text
    # The setting is meaningful: the person is stored in several tables before erasure.
    where = {table for table, _column, _value, _count in find(secrets())}
    assert {"participants_participant", "companies_placement", "companies_placementevent"} <= where
    assert CompanyLogEntry.objects.for_instance(intern).count() == 1
    assert OutgoingEmail.objects.exists()
    return intern


def test_purge_on_request_leaves_the_person_nowhere(erased_person):
    out = io.StringIO()
    call_command("purge_personal_data", "--participant", erased_person.code, "--apply", stdout=out)
    assert f"anonymised {erased_person.code}" in out.getvalue()
    assert_erased(secrets())
    # The facts the funder's report counts stay.
    placement = Placement.objects.get(participant=erased_person)
    assert (placement.status, placement.weekly_hours) == ("terminated", 20)


def test_the_search_finds_what_is_stored(erased_person):
    with pytest.raises(AssertionError, match=r"participants_participant\.email holds"):
        assert_erased([PERSON["email"]])
    assert_erased([PERSON["email"]], allowed={("participants_participant", "email")})


def test_the_former_option_name_still_erases(erased_person):
    out = io.StringIO()
    call_command("purge_personal_data", "--intern", erased_person.code, "--apply", stdout=out)
    assert f"anonymised {erased_person.code}" in out.getvalue()
    assert_erased(secrets())
