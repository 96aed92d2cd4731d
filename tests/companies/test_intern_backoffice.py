"""Staff read who opened the intern cards on the participant's page; the former "Interns"
screens lead to the participants' ones, and the scoping is the participants' rule."""

import pytest
from django.urls import reverse
from django.utils import translation

from companies.models import InternCardView
from companies.services import placements
from tests.companies.test_placements import new_placement
from tests.companies.test_placements import setting as placement_setting  # noqa: F401
from tests.factories.companies import TerritoryFactory
from tests.factories.users import moderator_of, staff_in_group

pytestmark = pytest.mark.django_db


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def world(placement_setting, no_staff_mfa):  # noqa: F811
    placement = placements.propose(placement_setting["staff"], new_placement(placement_setting))
    InternCardView.objects.create(
        placement=placement,
        user=placement_setting["member"],
        viewer=placement_setting["member"].email,
    )
    return {**placement_setting, "placement": placement, "intern": placement.participant}


def test_the_moderator_reads_the_card_access_log_on_the_persons_page(client, world):
    client.force_login(world["staff"])
    listing = client.get(admin_url("participants_admin:index"))
    assert world["intern"].code in listing.text
    record = client.get(admin_url("participants_admin:inspect", world["intern"].pk))
    assert record.status_code == 200
    assert world["member"].email in record.text
    assert world["company"].legal_name in record.text
    assert admin_url("placements_admin:inspect", world["placement"].pk) in record.text


@pytest.mark.parametrize("name", ["inspect", "edit", "history"])
def test_another_territorys_moderator_gets_a_404(client, world, name):
    client.force_login(moderator_of(TerritoryFactory()))
    response = client.get(admin_url(f"participants_admin:{name}", world["intern"].pk))
    assert response.status_code == 404
    assert world["intern"].family_name.encode() not in response.content
    assert world["member"].email.encode() not in response.content
    listing = client.get(admin_url("participants_admin:index"))
    assert world["intern"].code not in listing.text


def test_company_users_never_see_the_log(client, world):
    client.force_login(world["member"])
    response = client.get(admin_url("participants_admin:inspect", world["intern"].pk))
    assert response.status_code in (302, 403)
    assert world["member"].email.encode() not in response.content


def test_tutors_see_the_people_they_follow(client, world):
    tutor = staff_in_group("Tutors")
    client.force_login(tutor)
    assert world["intern"].code not in client.get(admin_url("participants_admin:index")).text
    page = admin_url("participants_admin:inspect", world["intern"].pk)
    assert client.get(page).status_code == 404
    world["placement"].__class__.objects.filter(pk=world["placement"].pk).update(
        project_tutor=tutor
    )
    assert world["intern"].code in client.get(admin_url("participants_admin:index")).text
    assert client.get(page).status_code == 200


@pytest.mark.parametrize(
    "old",
    ["host-companies/interns/", "host-companies/interns/inspect/7/", "host-companies/interns/add/"],
)
def test_the_former_intern_screens_lead_to_the_participants(client, world, old):
    client.force_login(world["staff"])
    response = client.get(f"/admin/{old}")
    assert response.status_code == 302
    assert response["Location"] == admin_url("participants_admin:index")


def test_the_placement_page_links_the_person_only_for_those_who_may_see_them(client, world):
    client.force_login(world["staff"])
    person_page = admin_url("participants_admin:inspect", world["intern"].pk)
    placement_page = admin_url("placements_admin:inspect", world["placement"].pk)
    assert person_page in client.get(placement_page).text
    # A tutor of the placement may act on it and sees the person too.
    tutor = staff_in_group("Tutors")
    world["placement"].__class__.objects.filter(pk=world["placement"].pk).update(
        project_tutor=tutor
    )
    client.force_login(tutor)
    assert person_page in client.get(placement_page).text


def test_the_placement_form_offers_by_name_only_the_people_the_user_may_see(client, world):
    from tests.factories.participants import ParticipantFactory

    mine = ParticipantFactory(territory=world["territory"], given_name="Oriana")
    foreign = ParticipantFactory(given_name="Ermenegilda")
    client.force_login(world["staff"])
    url = f"{admin_url('placements_admin:add')}?company={world['company'].pk}"
    form = client.get(url).text
    assert f"Oriana {mine.family_name} ({mine.code})" in form
    assert foreign.code not in form and "Ermenegilda" not in form
