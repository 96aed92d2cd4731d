"""A company user deletes their own account: what goes, what the companies keep, when it is
refused, and the safeguards (password again, consent, POST only)."""

import datetime

import pytest
import time_machine
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from companies.accounts import LastAdministrator
from companies.models import (
    CompanyEvent,
    CompanyLogEntry,
    CompanyStatus,
    InternCardView,
    JoinRequest,
    Membership,
    MembershipRole,
    PlacementEvent,
)
from companies.services import team as services_team
from mail.outbox import OutgoingEmail
from tests.erasure import assert_erased
from tests.factories.companies import (
    CompanyDeclarationFactory,
    CompanyFactory,
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
    PlacementFactory,
)
from tests.factories.users import DEFAULT_PASSWORD, StaffUserFactory, UserFactory
from tests.test_account_data import add_document, url
from tests.totp import enrol_totp
from users import services

pytestmark = pytest.mark.django_db

User = get_user_model()


def reauthenticate(client):
    """Types the password again on allauth's page, as deleting the account asks."""
    response = client.post(url("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    assert response.status_code == 302, response


@pytest.fixture
def member(client):
    """A signed-in user who just typed the password again."""
    user = UserFactory()
    client.force_login(user)
    reauthenticate(client)
    client.user = user
    return client


class TestDeletion:
    def test_deleting_keeps_the_companys_records_without_the_account(self, member, mailoutbox):
        user = member.user
        email = user.email
        enrol_totp(user)
        company = CompanyFactory(status=CompanyStatus.APPROVED)
        admin = MembershipFactory(company=company, role=MembershipRole.ADMIN).user
        # The person was invited: the invitation and its audit entry hold the address.
        services_team.invite(admin, company, email, MembershipRole.MEMBER)
        MembershipFactory(user=user, company=company, role=MembershipRole.MEMBER)
        JoinRequestFactory(user=user)
        invitation = InvitationFactory(company=company, invited_by=user)
        declaration = CompanyDeclarationFactory(company=company, signed_by=user)
        document = add_document(company, user)
        event = CompanyEvent.objects.create(
            company=company, from_status="submitted", to_status="approved", actor=user
        )
        placement = PlacementFactory(company=company)
        answer = PlacementEvent.objects.create(
            placement=placement,
            action="accept",
            from_status="proposed",
            to_status="accepted",
            actor=user,
        )
        view = InternCardView.objects.create(placement=placement, user=user, viewer=email)
        OutgoingEmail.objects.create(
            kind="x", to=email.upper(), language="it", subject="Per te", text="…"
        )
        kept_mail = OutgoingEmail.objects.create(
            kind="x", to="altro@example.org", language="it", subject="Altro", text="…"
        )

        response = member.post(url("users:delete"), {"confirm": "on"})

        assert response.status_code == 302
        assert response["Location"] == "/en/"
        assert not User.objects.filter(pk=user.pk).exists()
        assert not Membership.objects.filter(company=company, user_id=user.pk).exists()
        assert company.memberships.count() == 1
        assert not EmailAddress.objects.filter(email=email).exists()
        assert not Authenticator.objects.filter(user_id=user.pk).exists()
        assert not JoinRequest.objects.filter(user_id=user.pk).exists()
        for record, field in [
            (invitation, "invited_by"),
            (declaration, "signed_by"),
            (document, "uploaded_by"),
            (event, "actor"),
            (answer, "actor"),
            (view, "user"),
        ]:
            record.refresh_from_db()
            assert getattr(record, f"{field}_id") is None
        assert declaration.declarant_name == "Maria Rossi"
        assert view.viewer == email
        assert list(OutgoingEmail.objects.all()) == [kept_mail]
        entry = CompanyLogEntry.objects.get(action=services.DELETE_ACTION)
        assert entry.object_id == str(company.pk)
        assert entry.data == {"member": user.pk, "role": "member"}
        assert entry.message == "A member deleted their account"
        # Only the card access log keeps the address, on purpose (who saw an intern's data).
        assert_erased([email], allowed={("companies_interncardview", "viewer")})
        # Signed out, and told so on the next page.
        assert "_auth_user_id" not in member.session
        page = member.get(url("users:data"), follow=True)
        assert "Your account has been deleted." in page.content.decode()

    @pytest.mark.parametrize("status", [CompanyStatus.DRAFT, CompanyStatus.REJECTED])
    def test_the_sole_member_of_a_draft_or_rejected_company_may_go(self, member, status):
        company = CompanyFactory(status=status)
        MembershipFactory(user=member.user, company=company, role=MembershipRole.ADMIN)

        response = member.post(url("users:delete"), {"confirm": "on"})

        assert response.status_code == 302
        assert not User.objects.filter(pk=member.user.pk).exists()
        company.refresh_from_db()
        assert company.memberships.count() == 0

    def test_an_administrator_with_another_administrator_may_go(self, member):
        company = CompanyFactory(status=CompanyStatus.APPROVED)
        MembershipFactory(user=member.user, company=company, role=MembershipRole.ADMIN)
        MembershipFactory(company=company, role=MembershipRole.ADMIN)

        assert member.post(url("users:delete"), {"confirm": "on"}).status_code == 302
        assert not User.objects.filter(pk=member.user.pk).exists()

    @pytest.mark.parametrize(
        ("status", "colleague_role"),
        [
            (CompanyStatus.SUBMITTED, None),
            (CompanyStatus.CHANGES_REQUESTED, None),
            (CompanyStatus.APPROVED, None),
            (CompanyStatus.DRAFT, MembershipRole.MEMBER),
            (CompanyStatus.REJECTED, MembershipRole.MEMBER),
        ],
    )
    def test_the_last_administrator_is_refused(self, member, status, colleague_role):
        company = CompanyFactory(status=status, legal_name="Forno Bianchi s.r.l.")
        MembershipFactory(user=member.user, company=company, role=MembershipRole.ADMIN)
        if colleague_role:
            MembershipFactory(company=company, role=colleague_role)
        fine = MembershipFactory(user=member.user, company=CompanyFactory()).company

        response = member.post(url("users:delete"), {"confirm": "on"})

        assert response.status_code == 409
        html = response.content.decode()
        assert 'id="account-delete-refused"' in html
        assert "Forno Bianchi s.r.l." in html
        assert fine.legal_name not in html
        with translation.override("en"):
            assert reverse("companies:team", args=[company.pk]) in html
        assert "ask the project staff" in html
        assert User.objects.filter(pk=member.user.pk).exists()
        assert Membership.objects.filter(user=member.user).count() == 2
        assert not CompanyLogEntry.objects.filter(action=services.DELETE_ACTION).exists()

    def test_the_refusal_is_explained_before_asking_for_the_password(self, client):
        user = UserFactory()
        MembershipFactory(user=user, company=CompanyFactory(status=CompanyStatus.APPROVED))
        client.force_login(user)
        response = client.get(url("users:delete"))
        assert response.status_code == 200
        assert 'id="account-delete-refused"' in response.content.decode()
        assert "<form" not in response.content.decode().split("<main", 1)[1]

    def test_the_service_names_the_companies(self):
        user = UserFactory()
        first = CompanyFactory(status=CompanyStatus.SUBMITTED, legal_name="B s.r.l.")
        second = CompanyFactory(status=CompanyStatus.APPROVED, legal_name="A s.r.l.")
        for company in (first, second):
            MembershipFactory(user=user, company=company)
        with pytest.raises(LastAdministrator) as refused:
            services.delete_account(user)
        assert refused.value.companies == [second, first]
        assert User.objects.filter(pk=user.pk).exists()

    @pytest.mark.parametrize("flags", [{"is_staff": True}, {"is_superuser": True}])
    def test_staff_accounts_are_refused(self, flags):
        user = UserFactory(**flags)
        with pytest.raises(services.StaffAccount):
            services.delete_account(user)
        assert User.objects.filter(pk=user.pk).exists()

    def test_staff_made_in_wagtails_user_editor_are_refused_too(self):
        # Wagtail's user editor leaves is_staff unset; the Tutors group gives admin access.
        from tests.factories.users import staff_in_group

        tutor = staff_in_group("Tutors")
        tutor.is_staff = False
        tutor.save()
        with pytest.raises(services.StaffAccount):
            services.delete_account(tutor)
        assert User.objects.filter(pk=tutor.pk).exists()

    def test_staff_are_told_an_administrator_closes_their_account(self, client):
        user = StaffUserFactory()
        client.force_login(user)
        response = client.get(url("users:delete"))
        assert response.status_code == 200
        assert "an administrator of the portal closes them" in response.content.decode()
        response = client.post(url("users:delete"), {"confirm": "on"})
        assert response.status_code == 409
        assert User.objects.filter(pk=user.pk).exists()


class TestSafeguards:
    def test_a_fresh_sign_in_still_asks_for_the_password_again(self, client):
        user = UserFactory()
        response = client.post(
            url("account_login"), {"login": user.email, "password": DEFAULT_PASSWORD}
        )
        assert response.status_code == 302

        # allauth 65 counts only the re-authentication step, not the sign-in before it.
        response = client.get(url("users:delete"))
        assert response.status_code == 302
        reauth = url("account_reauthenticate")
        assert response["Location"] == f"{reauth}?next=%2Fen%2Faccounts%2Fdelete%2F"

        response = client.post(
            response["Location"], {"password": DEFAULT_PASSWORD, "next": url("users:delete")}
        )
        assert response["Location"] == url("users:delete")
        response = client.get(url("users:delete"))
        assert response.status_code == 200
        assert 'name="confirm"' in response.content.decode()

    def test_an_old_reauthentication_is_not_enough(self, member):
        later = timezone.now() + datetime.timedelta(minutes=6)
        with time_machine.travel(later):
            response = member.post(url("users:delete"), {"confirm": "on"})
        assert response.status_code == 302
        assert response["Location"].startswith(url("account_reauthenticate"))
        assert User.objects.filter(pk=member.user.pk).exists()

    def test_the_confirmed_deletion_completes_once_the_password_is_given(self, member):
        later = timezone.now() + datetime.timedelta(minutes=6)
        with time_machine.travel(later):
            asked = member.post(url("users:delete"), {"confirm": "on"})
            response = member.post(
                asked["Location"], {"password": DEFAULT_PASSWORD, "next": url("users:delete")}
            )
        assert response.status_code == 302
        assert response["Location"] == "/en/"
        assert not User.objects.filter(pk=member.user.pk).exists()

    def test_opening_the_page_deletes_nothing(self, member):
        response = member.get(url("users:delete"))
        assert response.status_code == 200
        assert response.content.decode().count("<h1") == 1
        assert '<label for="id_confirm"' in response.content.decode()
        assert User.objects.filter(pk=member.user.pk).exists()

    def test_consent_is_required(self, member):
        response = member.post(url("users:delete"), {})
        assert response.status_code == 400
        assert "Tick the box" in response.content.decode()
        assert User.objects.filter(pk=member.user.pk).exists()

    def test_other_methods_are_refused(self, member):
        assert member.put(url("users:delete")).status_code == 405
        assert member.delete(url("users:delete")).status_code == 405
        assert member.post(url("users:download")).status_code == 405
        assert User.objects.filter(pk=member.user.pk).exists()

    def test_a_post_without_the_csrf_token_is_refused(self):
        user = UserFactory()
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        page = client.get(url("users:data"))
        assert page.status_code == 200
        response = client.post(url("users:delete"), {"confirm": "on"})
        assert response.status_code == 403
        assert User.objects.filter(pk=user.pk).exists()
