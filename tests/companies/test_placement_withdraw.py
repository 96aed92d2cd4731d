"""Staff withdraw a placement before it starts: reason required, the company told, the
audit log written, the place and the intern freed; only within the user's scope."""

import pytest
from django.urls import reverse
from django.utils import translation

from companies.models import CompanyLogEntry, PlacementStatus
from companies.services import placements
from lifecycle import IllegalTransition
from mail.outbox import OutgoingEmail
from participants.privacy import erasable
from tests.companies.test_placements import new_placement
from tests.companies.test_placements import setting as placement_setting  # noqa: F401
from tests.factories.companies import TerritoryFactory
from tests.factories.participants import ParticipantFactory
from tests.factories.users import moderator_of, staff_in_group

pytestmark = pytest.mark.django_db

REASON = "La persona ha trovato un lavoro"


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def world(placement_setting, no_staff_mfa, client):  # noqa: F811
    """Territory A's moderator signed in, a tutor, and an intern of the territory."""
    client.force_login(placement_setting["staff"])
    return {
        **placement_setting,
        "tutor": staff_in_group("Tutors", preferred_language="en"),
        "intern": ParticipantFactory(territory=placement_setting["territory"]),
        "client": client,
    }


@pytest.fixture
def proposed(world):
    return placements.propose(
        world["staff"],
        new_placement(world, participant=world["intern"], project_tutor=world["tutor"]),
    )


@pytest.fixture
def accepted(world, proposed):
    placements.company_decision(world["member"], world["company"], proposed, True)
    return proposed


class TestService:
    def test_a_proposal_is_withdrawn_and_the_company_told(
        self,
        world,
        proposed,
        django_capture_on_commit_callbacks,
    ):
        with django_capture_on_commit_callbacks(execute=True):
            event = placements.withdraw(world["staff"], proposed, f"  {REASON}  ")
        proposed.refresh_from_db()
        assert proposed.status == PlacementStatus.WITHDRAWN
        assert (event.action, event.from_status, event.message) == ("withdraw", "proposed", REASON)
        entry = CompanyLogEntry.objects.filter(action="approdo.company.placement").latest("pk")
        assert entry.data == {"placement": proposed.pk, "action": "withdraw", "reason_given": True}
        to_member = OutgoingEmail.objects.get(to=world["member"].email, kind="placement_updated")
        with translation.override(to_member.language):
            assert str(PlacementStatus.WITHDRAWN.label) in to_member.text
        assert REASON not in to_member.text + to_member.html  # staff reasons stay with staff

    def test_an_accepted_placement_too_and_the_place_and_the_intern_are_free(
        self,
        world,
        accepted,
    ):
        world["company"].headcount = 3  # one intern at once
        world["company"].save()
        with pytest.raises(placements.CapacityExceeded):
            placements.propose(world["staff"], new_placement(world))
        with pytest.raises(Exception, match=world["intern"].code):
            erasable(world["intern"].code)
        placements.withdraw(world["staff"], accepted, REASON)
        assert erasable(world["intern"].code) == world["intern"]
        assert placements.propose(world["staff"], new_placement(world)).pk

    def test_a_reason_is_required(self, world, proposed):
        with pytest.raises(placements.ReasonRequired):
            placements.withdraw(world["staff"], proposed, "   ")
        proposed.refresh_from_db()
        assert proposed.status == PlacementStatus.PROPOSED

    def test_a_started_placement_is_ended_not_withdrawn(self, world, accepted):
        placements.staff_move(world["staff"], accepted, "start")
        with pytest.raises(IllegalTransition):
            placements.withdraw(world["staff"], accepted, REASON)
        accepted.refresh_from_db()
        assert accepted.status == PlacementStatus.ACTIVE

    def test_only_staff_of_the_territory(self, world, proposed):
        for user in (moderator_of(TerritoryFactory()), world["member"]):
            with pytest.raises(placements.NotPermitted):
                placements.withdraw(user, proposed, REASON)
        proposed.refresh_from_db()
        assert proposed.status == PlacementStatus.PROPOSED


class TestView:
    def test_the_placement_page_leads_to_the_confirmation(self, world, proposed):
        page = world["client"].get(admin_url("placements_admin:inspect", proposed.pk))
        assert admin_url("placements_admin:withdraw", proposed.pk) in page.text
        confirm = world["client"].get(admin_url("placements_admin:withdraw", proposed.pk))
        assert confirm.status_code == 200
        assert "cannot be undone" in confirm.text
        proposed.refresh_from_db()
        assert proposed.status == PlacementStatus.PROPOSED  # opening it changes nothing

    def test_without_a_reason_the_form_comes_back_with_the_error(self, world, proposed):
        url = admin_url("placements_admin:withdraw", proposed.pk)
        response = world["client"].post(url, {"reason": "  "})
        assert response.status_code == 200
        assert "Write why the proposal is withdrawn." in response.text
        proposed.refresh_from_db()
        assert proposed.status == PlacementStatus.PROPOSED

    def test_confirming_withdraws(self, world, proposed):
        url = admin_url("placements_admin:withdraw", proposed.pk)
        response = world["client"].post(url, {"reason": REASON})
        assert response.status_code == 302
        assert response["Location"] == admin_url("placements_admin:inspect", proposed.pk)
        proposed.refresh_from_db()
        assert (proposed.status, proposed.reason) == (PlacementStatus.WITHDRAWN, REASON)
        page = world["client"].get(admin_url("placements_admin:inspect", proposed.pk))
        assert admin_url("placements_admin:withdraw", proposed.pk) not in page.text
        again = world["client"].post(url, {"reason": REASON}, follow=True)
        assert "it can no longer be withdrawn" in again.text

    @pytest.mark.parametrize("method", ["get", "post"])
    def test_another_territorys_placement_is_a_404(self, client, world, proposed, method):
        client.force_login(moderator_of(TerritoryFactory()))
        url = admin_url("placements_admin:withdraw", proposed.pk)
        response = getattr(client, method)(url, {"reason": REASON})
        assert response.status_code == 404
        proposed.refresh_from_db()
        assert proposed.status == PlacementStatus.PROPOSED

    def test_a_tutor_withdraws_only_what_they_follow(self, client, world, proposed):
        other = placements.propose(
            world["staff"],
            new_placement(world, participant=ParticipantFactory(territory=world["territory"])),
        )
        client.force_login(world["tutor"])
        url = admin_url("placements_admin:withdraw", other.pk)
        assert client.post(url, {"reason": REASON}).status_code == 404
        other.refresh_from_db()
        assert other.status == PlacementStatus.PROPOSED
