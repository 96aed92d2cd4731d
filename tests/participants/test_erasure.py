"""After anonymisation no column of any table holds the person's names, e-mail or phone,
whatever went through the path; the facts the reports count are kept."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from participants.models import Attendance, Participant, Path, Stage
from participants.privacy import anonymise, due_for_anonymisation
from participants.services import attendance
from participants.services import path as moves
from participants.services.assessment import record_assessment
from tests.erasure import assert_erased, find
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import (
    ActivityFactory,
    ProjectFactory,
    ReferringOrganisationFactory,
    SessionFactory,
    moderator_for,
)

pytestmark = pytest.mark.django_db

GIVEN, FAMILY = "Zenobia", "Quartermaine"
EMAIL, PHONE = "zenobia.q@example.net", "+39 347 5550199"
NEEDLES = [GIVEN, FAMILY, EMAIL, PHONE, "Genitore Quartermaine"]


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def lived_path(client, no_staff_mfa, django_capture_on_commit_callbacks):
    """A person who went through every step that stores something."""
    territory = TerritoryFactory()
    staff = moderator_for(territory)
    project = ProjectFactory()
    course = ActivityFactory(project=project)
    person = Participant(
        given_name=GIVEN,
        family_name=FAMILY,
        preferred_name=GIVEN[:3],
        email=EMAIL,
        phone=PHONE,
        territory=territory,
        operator=staff,
        date_of_birth=datetime.date(2009, 3, 3),
        guardian_name="Genitore Quartermaine",
        guardian_consent_on=datetime.date(2026, 10, 1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        path = moves.refer(
            staff,
            person,
            project=project,
            organisation=ReferringOrganisationFactory(),
            referred_on=datetime.date(2026, 11, 2),
            contact_name=f"A.S. per {FAMILY}",
            contact_email="servizi@example.org",
        )
    moves.record_contact(staff, path)
    record_assessment(
        staff,
        path,
        assessed_on=datetime.date(2026, 11, 20),
        members=f"Équipe di {GIVEN}",
        goals=f"{GIVEN} vuole lavorare in cucina",
        planned=[(course, Decimal("36"))],
    )
    Path.objects.filter(pk=path.pk).update(stage=Stage.ACTIVE)
    from participants.models import Enrolment

    Enrolment.objects.create(activity=course, path=path)
    session = SessionFactory(activity=course)
    attendance.save_register(staff, session, {path.pk: ("present", "4")})
    attendance.lock_month(staff, project, session.date)
    attendance.adjust(
        staff,
        Attendance.objects.get(path=path),
        presence="present",
        hours="2",
        reason=f"{GIVEN} è uscita prima",
    )
    client.force_login(staff)
    client.get(url("participants_admin:inspect", person.pk))
    client.post(
        url("participants_admin:edit", person.pk),
        {
            "given_name": GIVEN,
            "family_name": FAMILY,
            "preferred_name": "",
            "phone": PHONE,
            "email": EMAIL,
            "preferred_language": "it",
            "date_of_birth": "2009-03-03",
            "territory": territory.pk,
            "operator": staff.pk,
            "guardian_consent_on": "2026-10-01",
            "guardian_name": "Genitore Quartermaine",
        },
    )
    moves.withdraw(staff, path, reason="moved", outcome="looking")
    return person


def test_after_anonymisation_no_column_holds_the_person(lived_path):
    assert find(NEEDLES)  # the search finds them before
    assert anonymise(lived_path) is True
    assert_erased(NEEDLES)
    path = Path.objects.get(participant=lived_path)
    assert path.stage == Stage.WITHDRAWN and path.withdrawal_reason == "moved"
    assert Attendance.objects.get(path=path).hours == Decimal("4")
    assert anonymise(lived_path) is False


def test_the_command_erases_on_request_and_by_retention(lived_path, capsys):
    call_command("purge_participants", participant=[lived_path.code])
    assert Participant.objects.get(pk=lived_path.pk).anonymised_at is None  # dry run
    assert list(due_for_anonymisation(months=1)) == []  # just changed: not yet due
    assert list(due_for_anonymisation(months=0)) == [lived_path]
    call_command("purge_participants", participant=[lived_path.code], apply=True)
    assert Participant.objects.get(pk=lived_path.pk).family_name == lived_path.code
    assert "anonymised" in capsys.readouterr().out
