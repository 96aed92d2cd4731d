"""The company team: invitations, join requests, roles, the last-admin rule, switching."""

import datetime
import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone, translation

from companies.models import (
    CompanyLogEntry,
    Invitation,
    JoinRequest,
    JoinRequestStatus,
    Membership,
    MembershipRole,
)
from tests.factories.companies import (
    CompanyFactory,
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
)
from tests.factories.users import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    with translation.override("it"):
        return reverse(f"companies:{name}", args=args)


@pytest.fixture
def admin(client):
    membership = MembershipFactory(role=MembershipRole.ADMIN)
    client.force_login(membership.user)
    client.user = membership.user
    client.company = membership.company
    return client


def invitation_link(invitation):
    return url("invitation", invitation.token)


class TestInviting:
    def test_admin_invites_and_the_link_is_mailed_in_the_inviters_language(
        self, admin, mailoutbox, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = admin.post(
                url("invite", admin.company.pk),
                {"email": "Collega@Impresa.example", "role": "admin"},
            )
        assert response.status_code == 302
        invitation = Invitation.objects.get()
        assert invitation.email == "collega@impresa.example"
        assert invitation.role == MembershipRole.ADMIN
        assert invitation.expires_at - invitation.created_at == datetime.timedelta(days=7)
        assert len(mailoutbox) == 1
        mail = mailoutbox[0]
        assert mail.to == ["collega@impresa.example"]
        assert admin.company.legal_name in mail.subject
        assert "Sei invitato" in mail.subject
        assert f"http://testserver{invitation_link(invitation)}" in mail.body
        html = mail.alternatives[0][0]
        assert invitation_link(invitation) in html and 'lang="it"' in html
        assert CompanyLogEntry.objects.filter(action="approdo.company.invite").count() == 1

    def test_a_new_invitation_replaces_the_pending_one(self, admin):
        first = InvitationFactory(company=admin.company, email="collega@impresa.example")
        admin.post(url("invite", admin.company.pk), {"email": first.email, "role": "member"})
        first.refresh_from_db()
        assert first.revoked_at is not None
        assert admin.company.invitations.filter(revoked_at__isnull=True).count() == 1

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"email": "non-una-email", "role": "member"}, "indirizzo email valido"),
            ({"email": "a@b.example", "role": "owner"}, "opzione valida"),
        ],
    )
    def test_bad_input_is_refused_and_nothing_is_stored(self, admin, data, message):
        response = admin.post(url("invite", admin.company.pk), data)
        assert response.status_code == 400
        assert message in response.text
        assert not Invitation.objects.exists()

    def test_inviting_a_member_again_is_refused(self, admin):
        response = admin.post(
            url("invite", admin.company.pk), {"email": admin.user.email, "role": "member"}
        )
        assert response.status_code == 400
        assert "fa già parte del gruppo" in response.text
        assert not Invitation.objects.exists()

    def test_members_who_are_not_admins_cannot_invite(self, client):
        membership = MembershipFactory(role=MembershipRole.MEMBER)
        client.force_login(membership.user)
        response = client.post(
            url("invite", membership.company.pk), {"email": "x@y.example", "role": "admin"}
        )
        assert response.status_code == 403
        assert not Invitation.objects.exists()
        team = client.get(url("team", membership.company.pk))
        assert team.status_code == 200
        assert "Invita un collega" not in team.text


class TestAccepting:
    def _invited(self, client, **kwargs):
        invitation = InvitationFactory(**kwargs)
        user = UserFactory(email=invitation.email)
        client.force_login(user)
        return invitation, user

    def test_the_invited_account_joins_with_the_chosen_role(self, client):
        invitation, user = self._invited(client, role=MembershipRole.ADMIN)
        response = client.post(invitation_link(invitation))
        assert response.status_code == 302
        membership = Membership.objects.get(user=user)
        assert membership.company == invitation.company
        assert membership.role == MembershipRole.ADMIN
        invitation.refresh_from_db()
        assert invitation.accepted_by == user and invitation.accepted_at is not None

    def test_a_used_invitation_cannot_be_used_again(self, client):
        invitation, user = self._invited(client)
        client.post(invitation_link(invitation))
        Membership.objects.filter(user=user).delete()  # even after leaving the team
        response = client.post(invitation_link(invitation))
        assert response.status_code == 200
        assert "già stato usato" in response.text
        assert not Membership.objects.filter(user=user).exists()

    def test_an_expired_invitation_is_refused(self, client):
        invitation, user = self._invited(client)
        with time_machine.travel(timezone.now() + datetime.timedelta(days=7, minutes=1)):
            response = client.post(invitation_link(invitation))
        assert "è scaduto" in response.text
        assert not Membership.objects.filter(user=user).exists()

    def test_an_invitation_is_still_valid_just_before_seven_days(self, client):
        invitation, user = self._invited(client)
        with time_machine.travel(timezone.now() + datetime.timedelta(days=6, hours=23)):
            client.post(invitation_link(invitation))
        assert Membership.objects.filter(user=user).exists()

    def test_a_revoked_invitation_is_refused(self, admin):
        invitation = InvitationFactory(company=admin.company)
        admin.post(url("invitation_revoke", admin.company.pk, invitation.pk))
        invitee = UserFactory(email=invitation.email)
        admin.force_login(invitee)
        response = admin.post(invitation_link(invitation))
        assert "è stato revocato" in response.text
        assert not Membership.objects.filter(user=invitee).exists()

    def test_another_account_cannot_accept(self, client):
        invitation = InvitationFactory()
        stranger = UserFactory(email="qualcun.altro@example.org")
        client.force_login(stranger)
        response = client.post(invitation_link(invitation))
        assert response.status_code == 200
        assert "un indirizzo diverso" in response.text
        assert not Membership.objects.filter(user=stranger).exists()
        invitation.refresh_from_db()
        assert invitation.is_pending

    def test_an_unverified_copy_of_the_address_is_not_enough(self, client):
        invitation = InvitationFactory()
        user = UserFactory(email=invitation.email, verified=False)
        client.force_login(user)
        client.post(invitation_link(invitation))
        assert not Membership.objects.filter(user=user).exists()

    @pytest.mark.parametrize("token", ["made-up", "abc:def:ghi"])
    def test_a_tampered_link_is_a_404(self, client, token):
        InvitationFactory()
        assert client.get(url("invitation", token)).status_code == 404

    def test_a_signed_link_of_an_unknown_invitation_is_a_404(self, client):
        invitation = InvitationFactory()
        link = invitation_link(invitation)
        invitation.delete()
        assert client.get(link).status_code == 404

    def test_a_new_person_signs_up_from_the_link_without_a_second_confirmation(
        self, client, mailoutbox
    ):
        invitation = InvitationFactory(email="nuova@impresa.example")
        page = client.get(invitation_link(invitation))
        signup_url = re.search(r'href="([^"]*/accounts/signup/[^"]*)"', page.text).group(1)
        response = client.post(
            signup_url.replace("&amp;", "&"),
            {
                "email": "nuova@impresa.example",
                "password1": DEFAULT_PASSWORD,
                "password2": DEFAULT_PASSWORD,
            },
        )
        assert response.status_code == 302
        assert response.url == invitation_link(invitation)
        assert EmailAddress.objects.get(email="nuova@impresa.example").verified
        assert mailoutbox == []  # no confirmation e-mail: the link proved the address
        client.post(invitation_link(invitation))
        assert Membership.objects.filter(
            user__email="nuova@impresa.example", company=invitation.company
        ).exists()


class TestLastAdmin:
    def test_the_only_admin_cannot_leave(self, admin):
        response = admin.post(url("leave", admin.company.pk), follow=True)
        assert "almeno un amministratore" in response.text
        assert Membership.objects.filter(user=admin.user).exists()

    def test_the_only_admin_cannot_become_a_member(self, admin):
        own = admin.company.memberships.get(user=admin.user)
        admin.post(url("member_role", admin.company.pk, own.pk), {"role": "member"})
        own.refresh_from_db()
        assert own.role == MembershipRole.ADMIN

    def test_with_two_admins_one_may_step_down_but_not_both(self, admin):
        own = admin.company.memberships.get(user=admin.user)
        other = MembershipFactory(company=admin.company, role=MembershipRole.ADMIN)
        admin.post(url("member_role", admin.company.pk, other.pk), {"role": "member"})
        other.refresh_from_db()
        assert other.role == MembershipRole.MEMBER
        admin.post(url("member_role", admin.company.pk, own.pk), {"role": "member"})
        own.refresh_from_db()
        assert own.role == MembershipRole.ADMIN

    def test_admin_removes_a_member_who_then_sees_nothing(self, admin, client):
        other = MembershipFactory(company=admin.company, role=MembershipRole.MEMBER)
        admin.post(url("member_remove", admin.company.pk, other.pk))
        assert not Membership.objects.filter(pk=other.pk).exists()
        client.force_login(other.user)
        assert client.get(url("dashboard", admin.company.pk)).status_code == 404

    def test_a_member_may_leave(self, client):
        membership = MembershipFactory(role=MembershipRole.MEMBER)
        MembershipFactory(company=membership.company, role=MembershipRole.ADMIN)
        client.force_login(membership.user)
        response = client.post(url("leave", membership.company.pk))
        assert response.status_code == 302
        assert not Membership.objects.filter(pk=membership.pk).exists()

    def test_removing_yourself_follows_the_same_rule(self, admin):
        own = admin.company.memberships.get(user=admin.user)
        admin.post(url("member_remove", admin.company.pk, own.pk))
        assert Membership.objects.filter(pk=own.pk).exists()


class TestJoinRequests:
    @pytest.fixture
    def requester(self, client):
        user = UserFactory()
        client.force_login(user)
        client.user = user
        return client

    def test_a_user_asks_to_join_and_the_admins_are_told(
        self, requester, mailoutbox, django_capture_on_commit_callbacks
    ):
        company = CompanyFactory()
        italian = MembershipFactory(company=company, user__preferred_language="it")
        english = MembershipFactory(company=company, user__preferred_language="en")
        MembershipFactory(company=company, role=MembershipRole.MEMBER)
        with django_capture_on_commit_callbacks(execute=True):
            response = requester.post(
                url("join"),
                {"partita_iva": f"IT {company.partita_iva}", "message": "Sono la contabile."},
            )
        assert response.status_code == 302
        join_request = JoinRequest.objects.get()
        assert join_request.status == JoinRequestStatus.PENDING
        assert join_request.message == "Sono la contabile."
        assert sorted(m.to[0] for m in mailoutbox) == sorted(
            [italian.user.email, english.user.email]
        )
        by_recipient = {m.to[0]: m for m in mailoutbox}
        assert "chiede di entrare" in by_recipient[italian.user.email].subject
        assert "asks to join" in by_recipient[english.user.email].subject
        assert "Sono la contabile." in by_recipient[english.user.email].body
        index = requester.get(url("index"))
        assert company.legal_name in index.text

    def test_asking_twice_keeps_one_request(self, requester):
        company = CompanyFactory()
        for _ in range(2):
            requester.post(url("join"), {"partita_iva": company.partita_iva})
        assert JoinRequest.objects.count() == 1

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("06363391002", "cifra di controllo"),
            ("06363391001", "Nessuna impresa con questa partita IVA"),
        ],
    )
    def test_bad_or_unknown_partita_iva_is_refused(self, requester, value, message):
        CompanyFactory()
        response = requester.post(url("join"), {"partita_iva": value})
        assert response.status_code == 200
        assert message in response.text
        assert not JoinRequest.objects.exists()

    def test_a_member_asking_is_sent_to_the_dashboard(self, admin):
        response = admin.post(url("join"), {"partita_iva": admin.company.partita_iva})
        assert response.url == url("dashboard", admin.company.pk)
        assert not JoinRequest.objects.exists()

    def test_open_requests_are_limited(self, requester):
        for company in CompanyFactory.create_batch(5):
            requester.post(url("join"), {"partita_iva": company.partita_iva})
        sixth = CompanyFactory()
        response = requester.post(url("join"), {"partita_iva": sixth.partita_iva})
        assert "diverse richieste in attesa" in response.text
        assert JoinRequest.objects.count() == 5

    def test_admin_approves_with_a_role(self, admin):
        join_request = JoinRequestFactory(company=admin.company)
        response = admin.post(
            url("join_request_decide", admin.company.pk, join_request.pk),
            {"decision": "approve", "role": "admin"},
        )
        assert response.status_code == 302
        membership = Membership.objects.get(user=join_request.user)
        assert membership.role == MembershipRole.ADMIN
        join_request.refresh_from_db()
        assert join_request.status == JoinRequestStatus.APPROVED
        assert join_request.decided_by == admin.user

    def test_admin_refuses_and_a_second_answer_changes_nothing(self, admin):
        join_request = JoinRequestFactory(company=admin.company)
        decide = url("join_request_decide", admin.company.pk, join_request.pk)
        admin.post(decide, {"decision": "refuse"})
        response = admin.post(decide, {"decision": "approve", "role": "member"}, follow=True)
        assert "ha già risposto" in response.text
        assert not Membership.objects.filter(user=join_request.user).exists()
        join_request.refresh_from_db()
        assert join_request.status == JoinRequestStatus.REFUSED

    def test_members_cannot_answer_requests(self, client):
        membership = MembershipFactory(role=MembershipRole.MEMBER)
        join_request = JoinRequestFactory(company=membership.company)
        client.force_login(membership.user)
        response = client.post(
            url("join_request_decide", membership.company.pk, join_request.pk),
            {"decision": "approve", "role": "admin"},
        )
        assert response.status_code == 403
        assert not Membership.objects.filter(user=join_request.user).exists()

    def test_the_dashboard_tells_admins_about_waiting_requests(self, admin):
        JoinRequestFactory.create_batch(2, company=admin.company)
        response = admin.get(url("dashboard", admin.company.pk))
        assert url("team", admin.company.pk) in [item.url for item in response.context["todo"]]


class TestForeignObjects:
    """An admin of one company cannot reach another company's members, invitations, requests."""

    @pytest.mark.parametrize(
        ("name", "make"),
        [
            ("member_role", lambda company: MembershipFactory(company=company)),
            ("member_remove", lambda company: MembershipFactory(company=company)),
            ("invitation_revoke", lambda company: InvitationFactory(company=company)),
            ("join_request_decide", lambda company: JoinRequestFactory(company=company)),
        ],
    )
    def test_another_companys_object_is_a_404(self, admin, name, make):
        foreign = make(CompanyFactory())
        response = admin.post(
            url(name, admin.company.pk, foreign.pk), {"role": "member", "decision": "approve"}
        )
        assert response.status_code == 404
        assert Membership.objects.count() == (2 if name.startswith("member") else 1)
        if name == "invitation_revoke":
            foreign.refresh_from_db()
            assert foreign.revoked_at is None


class TestSwitching:
    def test_a_user_in_two_companies_lists_and_switches_between_them(self, client):
        first = MembershipFactory(company__legal_name="Forno Rossi s.r.l.")
        second = MembershipFactory(user=first.user, company__legal_name="Ortofrutta Bianchi")
        client.force_login(first.user)
        index = client.get(url("index"))
        assert index.status_code == 200
        assert "Forno Rossi s.r.l." in index.text and "Ortofrutta Bianchi" in index.text
        dashboard = client.get(url("dashboard", first.company.pk))
        switcher = dashboard.text.split('id="company-switcher"')[1].split("</ul>")[0]
        assert "Cambia impresa" in switcher
        assert url("dashboard", second.company.pk) in switcher
        assert "Ortofrutta Bianchi" in switcher
        assert url("dashboard", first.company.pk) not in switcher  # not the current one
