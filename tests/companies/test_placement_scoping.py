"""Placements in the back office: every screen scoped to the user's territories and
placements, names kept out of the listing, and the listing's query count at two sizes."""

import pytest
from django.utils import formats, translation

from companies.models import Placement, PlacementStatus
from tests.companies.test_placement_backoffice import accept_one, admin_url, build_world
from tests.companies.test_placements import setting as placement_setting  # noqa: F401
from tests.factories.companies import PlacementFactory, TerritoryFactory
from tests.factories.users import moderator_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(placement_setting, no_staff_mfa, client):  # noqa: F811
    return build_world(placement_setting, client)


@pytest.fixture
def accepted(world):
    return accept_one(world)


SCOPED = ["inspect", "edit", "history", "history_results", "usage", "move", "outcome", "withdraw"]


def test_every_placement_admin_url_with_an_id_is_scoped():
    # A new URL taking a placement's id must join SCOPED, so its isolation is asserted.
    from companies.backoffice.viewsets import PlacementViewSet

    with_id = {
        pattern.name
        for pattern in PlacementViewSet().get_urlpatterns()
        if "pk" in str(pattern.pattern)
    }
    assert with_id == {*SCOPED, "delete"}  # delete is refused to everyone, tested below


class TestScoping:
    @pytest.mark.parametrize("name", SCOPED)
    def test_another_territorys_moderator_gets_a_404(self, client, world, accepted, name):
        client.force_login(moderator_of(TerritoryFactory()))
        url = admin_url(f"placements_admin:{name}", accepted.pk)
        response = (
            client.post(url, {"action": "start"})
            if name in ("move", "outcome", "withdraw")
            else (client.get(url))
        )
        assert response.status_code == 404
        accepted.refresh_from_db()
        assert accepted.status == PlacementStatus.ACCEPTED

    def test_the_listing_shows_codes_not_names(self, world, accepted):
        listing = world["client"].get(admin_url("placements_admin:index"))
        assert accepted.participant.code in listing.text
        assert accepted.participant.family_name not in listing.text
        search = world["client"].get(
            admin_url("placements_admin:index"), {"q": accepted.participant.family_name}
        )
        assert accepted.participant.code not in search.text

    def test_the_listing_shows_start_and_end_as_dates(self, world, accepted):
        """Not "just now" for a day still to come, and headings in sentence case."""
        listing = world["client"].get(admin_url("placements_admin:index")).text
        with translation.override("en"):
            starts = formats.date_format(accepted.starts_on, "SHORT_DATE_FORMAT")
        assert starts in listing and "just now" not in listing
        assert ">Start<" in listing.replace("\n", "").replace(" ", "")

    def test_tutors_follow_only_their_placements(self, client, world, accepted):
        other = PlacementFactory(
            participant__territory=world["territory"], company=world["company"]
        )
        client.force_login(world["tutor"])
        listing = client.get(admin_url("placements_admin:index"))
        assert accepted.participant.code in listing.text
        assert other.participant.code not in listing.text
        client.post(admin_url("placements_admin:move", accepted.pk), {"action": "start"})
        accepted.refresh_from_db()
        assert accepted.status == PlacementStatus.ACTIVE
        assert client.get(admin_url("placements_admin:inspect", other.pk)).status_code == 404

    def test_company_users_get_a_403(self, client, world, accepted):
        client.force_login(world["member"])
        for url in (
            admin_url("placements_admin:index"),
            admin_url("placements_admin:inspect", accepted.pk),
        ):
            assert client.get(url).status_code == 403

    def test_nobody_deletes_a_placement(self, world, accepted, staff_client):
        for client in (world["client"], staff_client):
            response = client.post(admin_url("placements_admin:delete", accepted.pk))
            assert response.status_code in (403, 404)
        assert Placement.objects.filter(pk=accepted.pk).exists()


@pytest.mark.parametrize("size", [1, 40])
def test_the_placements_listing_queries_do_not_grow(
    world, size, django_assert_max_num_queries, django_assert_num_queries
):
    for _ in range(size):
        PlacementFactory(company=world["company"], participant__territory=world["territory"])
    with django_assert_num_queries(LISTING_QUERIES):
        response = world["client"].get(admin_url("placements_admin:index"))
    assert response.status_code == 200


LISTING_QUERIES = 13
