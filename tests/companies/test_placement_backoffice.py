"""Placements in the back office: proposing from a company's page, the lifecycle buttons,
corrections, the hiring outcome and e-mails to each side (the scoping of every screen and the
listing's queries: test_placement_scoping.py)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from companies.models import CompanyLogEntry, Placement, PlacementEvent, PlacementStatus
from companies.services import placements
from mail.outbox import OutgoingEmail
from tests.companies.test_placements import new_placement
from tests.companies.test_placements import setting as placement_setting  # noqa: F401
from tests.factories.companies import (
    CompanyFactory,
    MembershipFactory,
    OperatingSiteFactory,
    PlacementFactory,
    PositionFactory,
)
from tests.factories.participants import ParticipantFactory
from tests.factories.users import admin_user, staff_in_group
from tests.forms import assert_form_error

pytestmark = pytest.mark.django_db


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def world(placement_setting, no_staff_mfa, client):  # noqa: F811
    return build_world(placement_setting, client)


def build_world(setting, client):
    """The placement setting plus a tutor, an intern and the staff member's signed-in client."""
    tutor = staff_in_group("Tutors", preferred_language="en")
    intern = ParticipantFactory(territory=setting["territory"], preferred_name="Ami")
    client.force_login(setting["staff"])
    return {**setting, "tutor": tutor, "intern": intern, "client": client}


def proposal(world, **overrides):
    data = {
        "participant": world["intern"].pk,
        "site": world["site"].pk,
        "position": "",
        "starts_on": "2027-03-01",
        "ends_on": "2027-09-01",
        "weekly_hours": "20",
        "schedule": "Lunedì–venerdì, 9–13",
        "monthly_allowance": "450",
        "project_tutor": world["tutor"].pk,
        "company_tutor_name": "Paolo Verdi",
        "company_tutor_role": "Capo reparto",
        "company_tutor_email": "paolo@impresa.example",
        "company_tutor_phone": "",
        "workplace_notes": "Istruzioni scritte.",
    }
    data.update(overrides)
    return data


def propose_url(company):
    return f"{admin_url('placements_admin:add')}?company={company.pk}"


class TestProposing:
    def test_the_listing_leads_to_the_choice_of_a_company(self, world):
        listing = world["client"].get(admin_url("placements_admin:index"))
        assert admin_url("placements_admin:add") in listing.text

    def test_the_review_screen_offers_a_proposal_with_the_places_taken(self, world):
        page = world["client"].get(admin_url("companies_admin:inspect", world["company"].pk))
        assert 'id="propose-placement"' in page.text
        assert "0 of 2 places taken" in page.text

    def test_without_a_company_the_user_chooses_among_approved_ones_of_their_territories(
        self, world
    ):
        draft = CompanyFactory(territory=world["territory"], legal_name="Bozza s.r.l.")
        foreign = CompanyFactory(status="approved", legal_name="Altrove s.r.l.")
        page = world["client"].get(admin_url("placements_admin:add"))
        assert world["company"].legal_name in page.text
        assert draft.legal_name not in page.text
        assert foreign.legal_name not in page.text

    def test_a_proposal_is_stored_logged_and_sent_to_the_company(
        self, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = world["client"].post(propose_url(world["company"]), proposal(world))
        placement = Placement.objects.get()
        assert response.status_code == 302
        assert response.url == admin_url("placements_admin:inspect", placement.pk)
        assert placement.status == PlacementStatus.PROPOSED
        assert placement.company == world["company"]
        assert PlacementEvent.objects.get().actor == world["staff"]
        assert CompanyLogEntry.objects.filter(action="approdo.company.placement").exists()
        [email] = [m for m in mailoutbox if world["member"].email in m.to]
        assert world["company"].legal_name in email.subject
        # The e-mail leads to the card, where views are recorded; it never names the intern.
        for name in (world["intern"].given_name, world["intern"].family_name, "Ami"):
            assert name not in email.body
        assert world["intern"].code not in email.body
        card = reverse("companies:intern_card", args=[world["company"].pk, placement.pk])
        assert card.split("/", 2)[2] in email.body

    @pytest.mark.parametrize("query", ["company=99999999999999999999", "company=٣", "company=x"])
    def test_a_mangled_link_gets_the_choice_not_an_error(self, world, query):
        response = world["client"].get(f"{admin_url('placements_admin:add')}?{query}")
        assert response.status_code == 200
        assert 'id="placement-company-choice"' in response.text
        for query_position in ("position=abc", "position=99999999999999999999"):
            page = world["client"].get(f"{propose_url(world['company'])}&{query_position}")
            assert page.status_code == 200

    def test_a_position_at_the_end_of_the_calendar_is_no_error(self, world):
        position = PositionFactory(
            company=world["company"],
            site=world["site"],
            starts_on=datetime.date(9999, 12, 1),
            ends_on=datetime.date(9999, 12, 31),
        )
        page = world["client"].get(f"{propose_url(world['company'])}&position={position.pk}")
        assert page.status_code == 200

    def test_a_position_prefills_the_form(self, world):
        position = PositionFactory(
            company=world["company"], site=world["site"], schedule="Sabato, 8–12"
        )
        page = world["client"].get(f"{propose_url(world['company'])}&position={position.pk}")
        assert "Sabato, 8–12" in page.text

    @pytest.mark.parametrize(
        "overrides",
        [
            {"monthly_allowance": "500.01"},
            {"ends_on": "2027-02-01"},
            {"weekly_hours": "0"},
            {"project_tutor": ""},
            {"company_tutor_name": ""},
        ],
    )
    def test_bad_input_comes_back_with_an_error_and_nothing_is_stored(self, world, overrides):
        response = world["client"].post(propose_url(world["company"]), proposal(world, **overrides))
        assert_form_error(response, next(iter(overrides)))
        assert not Placement.objects.exists()

    def test_only_the_companys_sites_and_the_users_interns_can_be_chosen(self, world):
        foreign_site = OperatingSiteFactory()
        foreign_intern = ParticipantFactory()
        for overrides in ({"site": foreign_site.pk}, {"participant": foreign_intern.pk}):
            response = world["client"].post(
                propose_url(world["company"]), proposal(world, **overrides)
            )
            assert_form_error(response, next(iter(overrides)), "valid choice")
        assert not Placement.objects.exists()

    def test_beyond_capacity_is_refused_with_the_numbers(self, world):
        for _ in range(2):  # 8 employees: two interns at once
            PlacementFactory(company=world["company"], participant__territory=world["territory"])
        response = world["client"].post(propose_url(world["company"]), proposal(world))
        assert response.status_code == 200
        assert "already has 2 of its 2 places taken" in response.text
        assert Placement.objects.count() == 2

    def test_the_override_is_offered_only_with_its_permission_and_is_logged(self, world):
        for _ in range(2):
            PlacementFactory(company=world["company"], participant__territory=world["territory"])
        assert "override_capacity" not in world["client"].get(propose_url(world["company"])).text
        admin_user(world["staff"], "companies.override_capacity")
        response = world["client"].post(
            propose_url(world["company"]), proposal(world, override_capacity="on")
        )
        assert response.status_code == 302
        entry = CompanyLogEntry.objects.filter(action="approdo.company.placement").get()
        assert entry.data["capacity_override"] is True

    def test_unapproved_and_foreign_companies_are_404(self, world):
        draft = CompanyFactory(territory=world["territory"])
        foreign = CompanyFactory(status="approved")
        for company in (draft, foreign):
            response = world["client"].post(propose_url(company), proposal(world))
            assert response.status_code == 404
        assert not Placement.objects.exists()


@pytest.fixture
def accepted(world):
    return accept_one(world)


def accept_one(world):
    """A placement of the world's intern, proposed by staff and accepted by the company."""
    placement = placements.propose(
        world["staff"],
        new_placement(world, participant=world["intern"], project_tutor=world["tutor"]),
    )
    placements.company_decision(world["member"], world["company"], placement, True)
    return placement


class TestLifecycle:
    def move(self, world, placement, action, **data):
        return world["client"].post(
            admin_url("placements_admin:move", placement.pk), {"action": action, **data}
        )

    def test_the_buttons_follow_the_status(self, world, accepted):
        page = world["client"].get(admin_url("placements_admin:inspect", accepted.pk))
        assert 'value="start"' in page.text
        assert 'id="placement-missing-documents"' not in page.text
        assert 'value="complete"' not in page.text
        self.move(world, accepted, "start")
        page = world["client"].get(admin_url("placements_admin:inspect", accepted.pk))
        for action in ("suspend", "extend", "complete", "terminate"):
            assert f'value="{action}"' in page.text
        assert 'value="start"' not in page.text

    def test_it_starts_only_once_the_companys_documents_are_accepted(self, world, accepted):
        world["company"].documents.all().delete()
        page = world["client"].get(admin_url("placements_admin:inspect", accepted.pk))
        assert 'id="placement-missing-documents"' in page.text
        response = self.move(world, accepted, "start")
        accepted.refresh_from_db()
        assert accepted.status == PlacementStatus.ACCEPTED
        assert "once the company's documents are accepted" in world["client"].get(response.url).text
        with pytest.raises(placements.DocumentsMissing):
            placements.staff_move(world["staff"], accepted, "start")

    def test_a_whole_life(self, world, accepted):
        self.move(world, accepted, "start")
        self.move(world, accepted, "suspend", reason="Chiusura estiva")
        self.move(world, accepted, "resume")
        self.move(world, accepted, "extend", ends_on="2027-10-01")
        self.move(world, accepted, "complete")
        accepted.refresh_from_db()
        assert accepted.status == PlacementStatus.COMPLETED
        assert accepted.ends_on == datetime.date(2027, 10, 1)
        assert [e.action for e in accepted.events.all()] == [
            "propose",
            "accept",
            "start",
            "suspend",
            "resume",
            "extend",
            "complete",
        ]

    def test_an_illegal_move_is_explained_and_changes_nothing(self, world, accepted):
        response = self.move(world, accepted, "complete")
        accepted.refresh_from_db()
        assert accepted.status == PlacementStatus.ACCEPTED
        page = world["client"].get(response.url)
        assert "that step is no longer possible" in page.text

    def test_ending_early_needs_a_reason_and_an_extension_a_later_date(self, world, accepted):
        self.move(world, accepted, "start")
        self.move(world, accepted, "terminate", reason="  ")
        self.move(world, accepted, "extend", ends_on="2027-01-01")
        accepted.refresh_from_db()
        assert accepted.status == PlacementStatus.ACTIVE
        assert accepted.ends_on == datetime.date(2027, 8, 1)
        self.move(world, accepted, "terminate", reason="Trasferimento")
        accepted.refresh_from_db()
        assert (accepted.status, accepted.reason) == (PlacementStatus.TERMINATED, "Trasferimento")

    def test_each_side_hears_of_the_other(
        self, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        MembershipFactory(company=world["company"], user__preferred_language="en")
        with django_capture_on_commit_callbacks(execute=True):
            placement = placements.propose(
                world["staff"],
                new_placement(world, participant=world["intern"], project_tutor=world["tutor"]),
            )
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            placements.company_decision(world["member"], world["company"], placement, True)
        staff_mail = {m.to[0]: m for m in mailoutbox}
        assert set(staff_mail) == {world["staff"].email, world["tutor"].email}
        assert world["intern"].code in staff_mail[world["tutor"].email].subject
        assert "accepted" in staff_mail[world["tutor"].email].subject  # the tutor reads English
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            self.move(world, placement, "start")
        to_company = sorted(m.subject for m in mailoutbox if m.to[0] != world["tutor"].email)
        assert len(to_company) == 2  # both members, each in their own language
        assert any("Active" in subject for subject in to_company)
        assert any("In corso" in subject for subject in to_company)
        assert world["tutor"].email in {m.to[0] for m in mailoutbox}  # someone else moved it
        # The tutor's notice of the proposal, then the start to both members and the tutor.
        assert OutgoingEmail.objects.filter(kind="placement_updated").count() == 4

    def test_staff_reasons_reach_staff_never_the_company(
        self, world, accepted, mailoutbox, django_capture_on_commit_callbacks
    ):
        other = staff_in_group("Moderators")
        world["territory"].moderators.add(other)
        placements.staff_move(world["staff"], accepted, "start")
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            placements.staff_move(other, accepted, "terminate", "Ricoverata in ospedale")
        by_recipient = {m.to[0]: m for m in mailoutbox}
        assert "Ricoverata" in by_recipient[world["tutor"].email].body
        assert "Ricoverata" not in by_recipient[world["member"].email].body
        assert "Ricoverata" not in by_recipient[world["member"].email].alternatives[0][0]
        entry = CompanyLogEntry.objects.get(data__action="terminate")
        assert entry.data["reason_given"] is True
        assert "Ricoverata" not in str(entry.data)

    def test_the_tutor_hears_of_a_proposal_as_staff(
        self, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            placements.propose(
                world["staff"],
                new_placement(world, participant=world["intern"], project_tutor=world["tutor"]),
            )
        [to_tutor] = [m for m in mailoutbox if m.to[0] == world["tutor"].email]
        assert world["intern"].code in to_tutor.body
        assert "accept or decline" not in to_tutor.body
        assert OutgoingEmail.objects.get(to=world["tutor"].email).kind == "placement_updated"


class TestCorrectionsAndOutcome:
    def test_a_correction_over_someone_elses_newer_change_is_refused(self, world, accepted):
        edit_url = admin_url("placements_admin:edit", accepted.pk)
        form = world["client"].get(edit_url)
        loaded = form.context["form"]["loaded_version"].value()
        assert loaded
        # Someone else corrects the company tutor's e-mail meanwhile.
        accepted.company_tutor_email = "nuovo@impresa.example"
        placements.update_details(world["tutor"], accepted)
        data = proposal(world, workplace_notes="Mia correzione.", loaded_version=loaded)
        del data["participant"]
        response = world["client"].post(edit_url, data)
        assert response.status_code == 302
        accepted.refresh_from_db()
        assert accepted.company_tutor_email == "nuovo@impresa.example"
        assert accepted.workplace_notes != "Mia correzione."
        assert "while you were editing" in world["client"].get(response.url).text

    def test_details_are_corrected_and_logged(self, world, accepted):
        data = proposal(world, workplace_notes="Postazione tranquilla.")
        del data["participant"]
        response = world["client"].post(admin_url("placements_admin:edit", accepted.pk), data)
        assert response.status_code == 302
        accepted.refresh_from_db()
        assert accepted.workplace_notes == "Postazione tranquilla."
        entry = CompanyLogEntry.objects.get(action="approdo.company.placement", data__action="edit")
        assert "workplace_notes" in entry.data["fields"]

    def test_once_started_the_dates_move_only_by_an_extension(self, world, accepted):
        placements.staff_move(world["staff"], accepted, "start")
        data = proposal(world, starts_on="2027-02-01", ends_on="2027-12-01")
        del data["participant"]
        response = world["client"].post(admin_url("placements_admin:edit", accepted.pk), data)
        assert response.status_code == 200
        assert "only by an extension" in response.text
        accepted.refresh_from_db()
        assert accepted.ends_on == datetime.date(2027, 8, 1)

    def test_the_hiring_outcome_is_recorded_once_ended(self, world, accepted):
        url = admin_url("placements_admin:outcome", accepted.pk)
        world["client"].post(url, {"hired": "yes"})
        accepted.refresh_from_db()
        assert accepted.hired_after is None
        placements.staff_move(world["staff"], accepted, "start")
        placements.staff_move(world["staff"], accepted, "complete")
        world["client"].post(url, {"hired": "yes"})
        accepted.refresh_from_db()
        assert accepted.hired_after is True
        world["client"].post(url, {"hired": "maybe"})
        accepted.refresh_from_db()
        assert accepted.hired_after is True
        edit = world["client"].get(admin_url("placements_admin:edit", accepted.pk))
        data = proposal(world, workplace_notes="Troppo tardi.")
        del data["participant"]
        world["client"].post(admin_url("placements_admin:edit", accepted.pk), data)
        accepted.refresh_from_db()
        assert accepted.workplace_notes != "Troppo tardi."
        assert edit.status_code == 200
