"""Staff keep intern records of their territories and read who opened the intern cards."""

import pytest
from django.urls import reverse
from django.utils import translation

from companies.models import Intern, InternCardView
from companies.services import placements
from tests.companies.test_placements import new_placement
from tests.companies.test_placements import setting as placement_setting  # noqa: F401
from tests.factories.companies import TerritoryFactory
from tests.factories.users import moderator_of
from tests.forms import assert_form_error

pytestmark = pytest.mark.django_db


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def world(placement_setting, no_staff_mfa):  # noqa: F811
    placement = placements.propose(placement_setting["staff"], new_placement(placement_setting))
    InternCardView.objects.create(placement=placement, user=placement_setting["member"])
    return {**placement_setting, "placement": placement, "intern": placement.intern}


def test_the_moderator_reads_the_card_access_log(client, world):
    client.force_login(world["staff"])
    listing = client.get(admin_url("interns_admin:index"))
    assert world["intern"].code in listing.text
    record = client.get(admin_url("interns_admin:inspect", world["intern"].pk))
    assert record.status_code == 200
    assert world["member"].email in record.text
    assert world["company"].legal_name in record.text


@pytest.mark.parametrize("name", ["inspect", "edit", "history"])
def test_another_territorys_moderator_gets_a_404(client, world, name):
    client.force_login(moderator_of(TerritoryFactory()))
    response = client.get(admin_url(f"interns_admin:{name}", world["intern"].pk))
    assert response.status_code in (403, 404)
    assert world["intern"].family_name.encode() not in response.content
    listing = client.get(admin_url("interns_admin:index"))
    assert world["intern"].code not in listing.text


def test_company_users_never_see_the_log(client, world):
    client.force_login(world["member"])
    response = client.get(admin_url("interns_admin:inspect", world["intern"].pk))
    assert response.status_code == 403


def test_a_new_intern_only_in_ones_own_territory(client, world):
    client.force_login(world["staff"])
    elsewhere = TerritoryFactory()
    data = {
        "given_name": "Luca",
        "family_name": "Neri",
        "preferred_name": "",
        "phone": "",
        "email": "",
        "preferred_language": "it",
        "staff_notes": "",
    }
    response = client.post(admin_url("interns_admin:add"), {**data, "territory": elsewhere.pk})
    assert_form_error(response, "territory", "valid choice")
    assert not Intern.objects.filter(family_name="Neri").exists()
    client.post(admin_url("interns_admin:add"), {**data, "territory": world["territory"].pk})
    created = Intern.objects.get(family_name="Neri")
    assert created.code.startswith("TIR-")


def test_tutors_see_the_interns_they_follow(client, world):
    from tests.factories.users import staff_in_group

    tutor = staff_in_group("Tutors")
    client.force_login(tutor)
    assert world["intern"].code not in client.get(admin_url("interns_admin:index")).text
    world["placement"].__class__.objects.filter(pk=world["placement"].pk).update(
        project_tutor=tutor
    )
    assert world["intern"].code in client.get(admin_url("interns_admin:index")).text


INTERN_SCOPED = ["inspect", "edit", "history", "history_results", "usage", "delete"]


def test_every_intern_admin_url_with_an_id_is_scoped():
    # A new URL taking an intern's id must join INTERN_SCOPED, so its isolation is asserted.
    from companies.backoffice.viewsets import InternViewSet

    patterns = InternViewSet().get_urlpatterns()
    with_id = {pattern.name for pattern in patterns if "pk" in str(pattern.pattern)}
    assert with_id == set(INTERN_SCOPED)


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("name", INTERN_SCOPED)
def test_every_intern_url_answers_404_to_another_territory(client, world, name, method):
    intern = world["intern"]
    before = Intern.objects.filter(pk=intern.pk).values().get()
    client.force_login(moderator_of(TerritoryFactory()))
    data = {
        "given_name": "Cambiato",
        "family_name": "Altrove",
        "preferred_name": "",
        "phone": "",
        "email": "",
        "preferred_language": "it",
        "territory": intern.territory_id,
        "staff_notes": "",
    }
    url = admin_url(f"interns_admin:{name}", intern.pk)
    response = client.post(url, data) if method == "post" else client.get(url)
    assert response.status_code == 404
    assert intern.family_name.encode() not in response.content
    assert Intern.objects.filter(pk=intern.pk).values().get() == before
