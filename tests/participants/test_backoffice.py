"""The participants' back office: scoping (foreign ids are 404), the logged page views,
the filtered list, and the path's moves through the screens, in it, en and ar."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from participants.models import Participant, ParticipantView, Path, Stage
from projects.models import EligibilityQuestion
from tests.factories.companies import PlacementFactory, TerritoryFactory
from tests.factories.participants import (
    ActivityFactory,
    EnrolmentFactory,
    PathFactory,
    ProjectFactory,
    ReferringOrganisationFactory,
    SessionFactory,
    moderator_for,
    tutor,
)

pytestmark = pytest.mark.django_db


def url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def world(no_staff_mfa):
    territory = TerritoryFactory()
    path = PathFactory(participant__territory=territory, participant__family_name="Diallo")
    return {"territory": territory, "path": path, "staff": moderator_for(territory)}


def test_the_moderator_sees_the_person_and_each_view_is_logged(client, world):
    client.force_login(world["staff"])
    person = world["path"].participant
    assert person.code in client.get(url("participants_admin:index")).text
    page = client.get(url("participants_admin:inspect", person.pk))
    assert page.status_code == 200
    assert "Diallo" in page.text and "Referred" in page.text
    logged = ParticipantView.objects.get(participant=person)
    assert logged.user == world["staff"] and logged.viewer == world["staff"].email


def test_the_person_page_labels_read_in_sentence_case_and_numbers_left_to_right(client, world):
    """Labels as Wagtail writes its own ("Pseudonymous code", not "pseudonymous code"), and a
    phone number that read "0000000 333 39+" on Arabic pages keeps its order."""
    client.force_login(world["staff"])
    person = world["path"].participant
    page = client.get(url("participants_admin:inspect", person.pk)).text
    assert "<dt>Pseudonymous code</dt>" in page and "<dt>Phone</dt>" in page
    assert f'<bdi dir="ltr">{person.phone}</bdi>' in page


@pytest.mark.parametrize("name", ["inspect", "edit", "history"])
def test_a_foreign_id_is_a_404_and_leaves_no_trace(client, world, name):
    stranger = moderator_for(TerritoryFactory())
    client.force_login(stranger)
    person = world["path"].participant
    response = client.get(url(f"participants_admin:{name}", person.pk))
    assert response.status_code == 404
    assert b"Diallo" not in response.content
    assert person.code not in client.get(url("participants_admin:index")).text
    assert not ParticipantView.objects.exists()


def test_foreign_moves_and_registers_are_404(client, world):
    client.force_login(moderator_for(TerritoryFactory()))
    path = world["path"]
    assert client.post(url("participants_admin:move", path.pk, "contact")).status_code == 404
    assert client.get(url("participants_admin:exit", path.pk, "withdraw")).status_code == 404
    session = EnrolmentFactory(path=path, activity__project=path.project).activity
    session = SessionFactory(activity=session)
    assert client.get(url("participant_sessions:register", session.pk)).status_code == 404
    path.refresh_from_db()
    assert path.stage == Stage.REFERRED


def test_tutors_see_only_the_people_they_follow(client, world):
    follower = tutor()
    client.force_login(follower)
    person = world["path"].participant
    assert client.get(url("participants_admin:inspect", person.pk)).status_code == 404
    PlacementFactory(participant=person, project_tutor=follower)
    assert client.get(url("participants_admin:inspect", person.pk)).status_code == 200
    assert person.code in client.get(url("participants_admin:index")).text


def test_the_list_filters_by_stage_and_project(client, world):
    other = PathFactory(participant__territory=world["territory"], stage=Stage.ACTIVE)
    client.force_login(world["staff"])
    active = client.get(url("participants_admin:index"), {"stage": "active"}).text
    assert other.participant.code in active and world["path"].participant.code not in active
    by_project = client.get(url("participants_admin:index"), {"project": world["path"].project_id})
    assert world["path"].participant.code in by_project.text
    assert other.participant.code not in by_project.text


@pytest.mark.parametrize("language", ["it", "en", "ar"])
def test_the_screens_answer_in_every_language(client, world, language):
    profile = UserProfile.get_for_user(world["staff"])
    profile.preferred_language = language
    profile.save()
    client.force_login(world["staff"])
    path = world["path"]
    session = SessionFactory(activity=ActivityFactory(project=path.project))
    EnrolmentFactory(activity=session.activity, path=path)
    for address in [
        url("participants_admin:index"),
        url("participants_admin:inspect", path.participant_id),
        url("participants_admin:add"),
        url("participant_sessions:index"),
        url("participant_sessions:register", session.pk),
        url("participants_admin:exit", path.pk, "withdraw"),
    ]:
        response = client.get(address)
        assert response.status_code == 200, address
        assert f'lang="{language}"' in response.text


def test_a_session_still_to_come_is_listed_by_its_date(client, world):
    """Wagtail's DateColumn called every future day "just now"."""
    client.force_login(world["staff"])
    session = SessionFactory(
        activity=ActivityFactory(project=world["path"].project), date=datetime.date(2099, 3, 9)
    )
    EnrolmentFactory(activity=session.activity, path=world["path"])
    listing = client.get(url("participant_sessions:index")).text
    assert "/2099" in listing


def test_from_referral_to_exit_through_the_screens(client, world):
    client.force_login(world["staff"])
    project = ProjectFactory(min_age=16)
    question = EligibilityQuestion.objects.create(project=project, text="Percepisce l'ADI")
    course = ActivityFactory(project=project, name="Laboratorio")
    response = client.post(
        url("participants_admin:add"),
        {
            "given_name": "Samira",
            "family_name": "Haddad",
            "preferred_language": "ar",
            "date_of_birth": "1999-04-02",
            "territory": world["territory"].pk,
            "operator": world["staff"].pk,
            "project": project.pk,
            "organisation": ReferringOrganisationFactory().pk,
            "referred_on": "2026-11-02",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    path = Path.objects.get(participant__family_name="Haddad")
    client.post(url("participants_admin:move", path.pk, "contact"))
    client.post(
        url("participants_admin:assess", path.pk),
        {
            "assessed_on": "2026-11-20",
            "members": "Servizi sociali; Centro per l'impiego",
            "goals": "Lavoro nella ristorazione",
            f"hours_{course.pk}": "36",
        },
    )
    client.post(
        url("participants_admin:eligibility", path.pk),
        {
            f"answer_{question.pk}": "no",
            f"by_{question.pk}": "INPS",
            f"on_{question.pk}": "2026-11-21",
        },
    )
    client.post(url("participants_admin:move", path.pk, "enrol"))
    client.post(url("participants_admin:move", path.pk, "start"))
    client.post(
        url("participants_admin:exit", path.pk, "withdraw"),
        {"exited_on": "2027-03-01", "outcome": "looking", "reason": "moved"},
    )
    path.refresh_from_db()
    assert path.stage == Stage.WITHDRAWN
    assert path.follow_up_due == datetime.date(2027, 8, 31)
    assert list(path.events.values_list("action", flat=True)) == [
        "refer",
        "contact",
        "assess",
        "find_eligible",
        "enrol",
        "start",
        "withdraw",
    ]
    page = client.get(url("participants_admin:inspect", path.participant_id)).text
    assert "INPS" in page and "Laboratorio" in page


def test_a_minor_without_consent_is_not_referred(client, world):
    client.force_login(world["staff"])
    born = datetime.date.today().replace(year=datetime.date.today().year - 16)
    response = client.post(
        url("participants_admin:add"),
        {
            "given_name": "Luca",
            "family_name": "Minore",
            "preferred_language": "it",
            "date_of_birth": born.isoformat(),
            "territory": world["territory"].pk,
            "project": ProjectFactory().pk,
            "organisation": ReferringOrganisationFactory().pk,
            "referred_on": "2026-11-02",
        },
    )
    assert response.status_code == 200
    assert not Participant.objects.filter(family_name="Minore").exists()
