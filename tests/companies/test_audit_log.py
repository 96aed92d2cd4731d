"""The audit log names no person and shows staff only what they may open: the site history
report (HTML, CSV, XLSX) and the object histories. The people in placements are
participants: their entries are labelled by the code and follow the participants' scope."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from companies.models import CompanyLogEntry
from companies.services import placements
from tests.companies.test_placements import new_placement
from tests.companies.test_placements import setting as placement_setting  # noqa: F401
from tests.factories.companies import CompanyFactory, TerritoryFactory
from tests.factories.participants import ParticipantFactory
from tests.factories.users import moderator_of, staff_in_group

pytestmark = pytest.mark.django_db

GIVEN, FAMILY = "Giulietta", "Capuleti"


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def person_form(territory, **overrides):
    return {
        "given_name": GIVEN,
        "family_name": FAMILY,
        "preferred_name": "Giuly",
        "phone": "+39 333 1234567",
        "email": "giulietta@example.org",
        "preferred_language": "it",
        "territory": territory.pk,
        **overrides,
    }


@pytest.fixture
def world(placement_setting, no_staff_mfa, client):  # noqa: F811
    """Territory A's moderator edits a person through the admin and proposes a placement,
    so both the person and the company have audit entries."""
    client.force_login(placement_setting["staff"])
    territory = placement_setting["territory"]
    intern = ParticipantFactory(given_name=GIVEN, family_name=FAMILY, territory=territory)
    response = client.post(
        admin_url("participants_admin:edit", intern.pk),
        person_form(territory, preferred_name="Giu"),
    )
    assert response.status_code == 302, response
    placement = placements.propose(
        placement_setting["staff"], new_placement(placement_setting, participant=intern)
    )
    client.logout()
    return {**placement_setting, "intern": intern, "placement": placement}


def site_history(client, export=None):
    url = admin_url("wagtailadmin_reports:site_history")
    response = client.get(url, {"export": export} if export else {})
    assert response.status_code == 200, response
    if export is None:
        return response.content
    content = b"".join(response.streaming_content)
    if export == "xlsx":  # zipped: read the cells
        import io

        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content)).active
        content = repr(list(sheet.values)).encode()
    return content


def test_the_persons_entries_are_labelled_with_the_code_only(world):
    entries = CompanyLogEntry.objects.for_instance(world["intern"])
    assert set(entries.values_list("action", flat=True)) == {"wagtail.edit"}
    assert set(entries.values_list("label", flat=True)) == {world["intern"].code}
    # Not in Wagtail's shared log, which would list them to every participants' reader.
    assert not ModelLogEntry.objects.filter(content_type__app_label="participants").exists()
    for model in (CompanyLogEntry, ModelLogEntry):
        for label, data in model.objects.values_list("label", "data"):
            assert GIVEN not in label and FAMILY not in label
            assert GIVEN not in str(data) and FAMILY not in str(data)


def test_the_own_moderator_reads_the_entries(client, world):
    client.force_login(world["staff"])
    page = site_history(client).decode()
    assert world["intern"].code in page
    assert world["company"].legal_name in page
    assert FAMILY not in page


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
def test_another_territorys_moderator_reads_none_of_them(client, world, export):
    other = moderator_of(TerritoryFactory())
    CompanyFactory(territory=other.moderated_territories.get())  # something of their own
    client.force_login(other)
    content = site_history(client, export)
    for secret in (world["intern"].code, world["company"].legal_name, FAMILY):
        assert secret.encode() not in content


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_exports_carry_the_own_entries(client, world, export):
    client.force_login(world["staff"])
    content = site_history(client, export)
    assert world["intern"].code.encode() in content
    assert FAMILY.encode() not in content


def test_a_tutor_reads_only_the_placements_they_follow(client, world):
    stranger = staff_in_group("Tutors")
    client.force_login(stranger)
    content = site_history(client, "csv")
    for secret in (world["intern"].code, world["company"].legal_name, FAMILY):
        assert secret.encode() not in content
    assert not CompanyLogEntry.objects.viewable_by_user(stranger).exists()

    tutor = staff_in_group("Tutors")
    world["placement"].__class__.objects.filter(pk=world["placement"].pk).update(
        project_tutor=tutor
    )
    seen = CompanyLogEntry.objects.viewable_by_user(tutor)
    assert set(seen.values_list("action", flat=True)) == {
        "approdo.company.placement",  # the proposal, logged on the company
        "wagtail.edit",  # the person they follow, by the participants' rule
    }
