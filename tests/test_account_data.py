"""A company user's own account: what is held about them, as a page and a JSON download.

Deleting the account is tested in test_account_deletion.py."""

import json
import uuid

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from companies.models import (
    CompanyDocument,
    CompanyEvent,
    InternCardView,
    MembershipRole,
    PlacementEvent,
)
from tests.factories.companies import (
    CompanyDeclarationFactory,
    InvitationFactory,
    JoinRequestFactory,
    MembershipFactory,
    PlacementFactory,
)
from tests.factories.participants import ParticipantFactory
from tests.factories.users import UserFactory
from tests.totp import enrol_totp
from users.account_data import export_account_data

pytestmark = pytest.mark.django_db

User = get_user_model()

# One query per list in the export: addresses, authenticators, memberships, requests to join,
# invitations, declarations, documents, company events, placement answers, card views,
# the reminder preference and the reminders sent.
EXPORT_QUERIES = 12


def url(name):
    with translation.override("en"):
        return reverse(name)


def add_document(company, user, number=1):
    return CompanyDocument.objects.create(
        company=company,
        kind_key=uuid.uuid4(),
        version=number,
        file=f"companies/{company.pk}/{uuid.uuid4().hex}.pdf",
        original_name=f"convenzione-{number}.pdf",
        size=1000 + number,
        sha256="0" * 64,
        content_type="application/pdf",
        uploaded_by=user,
    )


def populate(user, size):
    """Gives ``user`` ``size`` of every kind of record the export covers."""
    memberships = MembershipFactory.create_batch(size, user=user, role=MembershipRole.ADMIN)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=f"altro{n}-{user.pk}@example.org") for n in range(size)]
    )
    JoinRequestFactory.create_batch(size, user=user)
    for membership in memberships:
        company = membership.company
        InvitationFactory(company=company, invited_by=user)
        CompanyDeclarationFactory(company=company, signed_by=user)
        add_document(company, user)
        CompanyEvent.objects.create(
            company=company, from_status="draft", to_status="submitted", actor=user
        )
        placement = PlacementFactory(company__territory=company.territory)
        PlacementEvent.objects.create(
            placement=placement,
            action="accept",
            from_status="proposed",
            to_status="accepted",
            actor=user,
        )
        InternCardView.objects.create(placement=placement, user=user, viewer=user.email)


class TestExport:
    def test_it_holds_the_persons_data_and_their_actions(self):
        user = UserFactory(first_name="Giulia", last_name="Bianchi", preferred_language="it")
        EmailAddress.objects.create(user=user, email="giulia@altro.example", verified=False)
        secret = enrol_totp(user)
        membership = MembershipFactory(user=user, role=MembershipRole.ADMIN)
        company = membership.company
        asked = JoinRequestFactory(user=user, message="Sono la contabile.")
        InvitationFactory(company=company, invited_by=user, email="collega@impresa.example")
        CompanyDeclarationFactory(
            company=company,
            signed_by=user,
            declarant_name="Giulia Bianchi",
            items=[{"key": "k", "text": "I comply with D.lgs. 81/2008."}],
        )
        add_document(company, user)
        CompanyEvent.objects.create(
            company=company, from_status="draft", to_status="submitted", actor=user
        )
        placement = PlacementFactory(company=company)
        PlacementEvent.objects.create(
            placement=placement,
            action="decline",
            from_status="proposed",
            to_status="declined",
            actor=user,
            message="Nessun tutor disponibile a febbraio.",
        )
        InternCardView.objects.create(placement=placement, user=user, viewer=user.email)
        # Someone else's records never show.
        other = MembershipFactory(company=company, role=MembershipRole.MEMBER).user
        CompanyEvent.objects.create(
            company=company, from_status="submitted", to_status="approved", actor=other
        )

        data = export_account_data(user)

        assert data["profile"] == {
            "email": user.email,
            "first_name": "Giulia",
            "last_name": "Bianchi",
            "preferred_language": "it",
            "date_joined": user.date_joined.isoformat(),
            "last_login": None,
        }
        assert data["email_addresses"] == [
            {"email": user.email, "verified": True, "primary": True},
            {"email": "giulia@altro.example", "verified": False, "primary": False},
        ]
        assert data["two_factor"] == {"enabled": True, "methods": ["totp"]}
        expected_company = {"legal_name": company.legal_name, "partita_iva": company.partita_iva}
        assert data["memberships"] == [
            {
                "company": expected_company,
                "role": "admin",
                "since": membership.created_at.isoformat(),
            }
        ]
        [join_request] = data["join_requests"]
        assert join_request["company"]["legal_name"] == asked.company.legal_name
        assert join_request["message"] == "Sono la contabile."
        assert join_request["status"] == "pending"
        [invitation] = data["invitations_sent"]
        assert invitation["email"] == "collega@impresa.example"
        assert invitation["company"] == expected_company
        assert invitation["status"] == "pending"
        [declaration] = data["declarations_signed"]
        assert declaration["declarant_name"] == "Giulia Bianchi"
        assert declaration["items"] == ["I comply with D.lgs. 81/2008."]
        [document] = data["documents_uploaded"]
        assert document["original_name"] == "convenzione-1.pdf"
        assert document["status"] == "uploaded"
        assert [e["to_status"] for e in data["company_status_changes"]] == ["submitted"]
        assert data["placement_answers"] == [
            {
                "placement": placement.pk,
                "company": expected_company,
                "action": "decline",
                "message": "Nessun tutor disponibile a febbraio.",
                "date": PlacementEvent.objects.get().created_at.isoformat(),
            }
        ]
        [view] = data["intern_card_views"]
        assert view["placement"] == placement.pk
        assert view["company"] == expected_company

        dumped = json.dumps(data)
        assert secret not in dumped
        assert other.email not in dumped

    def test_no_intern_data_even_after_opening_the_card(self):
        user = UserFactory()
        intern = ParticipantFactory(
            given_name="Zebedeo",
            family_name="Quintavalle",
            preferred_name="Zeb",
            email="zebedeo@posta.example",
            phone="+39 333 7654321",
        )
        placement = PlacementFactory(participant=intern)
        MembershipFactory(user=user, company=placement.company)
        InternCardView.objects.create(placement=placement, user=user, viewer=user.email)
        PlacementEvent.objects.create(
            placement=placement,
            action="accept",
            from_status="proposed",
            to_status="accepted",
            actor=user,
        )

        dumped = json.dumps(export_account_data(user))

        assert len(export_account_data(user)["intern_card_views"]) == 1
        for value in [
            "Zebedeo",
            "Quintavalle",
            "Zeb",
            "zebedeo@posta.example",
            "7654321",
            intern.code,
            "mattino",
        ]:
            assert value not in dumped

    @pytest.mark.parametrize("size", [1, 15])
    def test_queries_do_not_grow_with_the_data(self, size, django_assert_num_queries):
        user = UserFactory()
        populate(user, size)
        with django_assert_num_queries(EXPORT_QUERIES):
            data = export_account_data(user)
        assert len(data["memberships"]) == size
        assert len(data["intern_card_views"]) == size
        assert len(data["placement_answers"]) == size
        assert len(data["email_addresses"]) == size + 1


class TestDataPages:
    def test_the_page_explains_and_links_the_download_and_the_deletion(self, client):
        client.force_login(UserFactory())
        response = client.get(url("users:data"))
        assert response.status_code == 200
        html = response.content.decode()
        assert html.count("<h1") == 1
        assert url("users:download") in html
        assert url("users:delete") in html
        # The header links the page for company users.
        assert f'href="{url("users:data")}"' in html
        assert "no-store" in response["Cache-Control"]

    def test_download_is_a_private_json_attachment(self, client):
        user = UserFactory()
        MembershipFactory(user=user)
        client.force_login(user)
        response = client.get(url("users:download"))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/json")
        today = timezone.localdate().isoformat()
        assert response["Content-Disposition"] == (
            f'attachment; filename="approdo-account-{today}.json"'
        )
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert response["X-Content-Type-Options"] == "nosniff"
        data = json.loads(response.content)
        assert data["profile"]["email"] == user.email
        assert len(data["memberships"]) == 1

    @pytest.mark.parametrize("name", ["users:data", "users:download", "users:delete"])
    def test_anonymous_visitors_are_sent_to_sign_in(self, client, name):
        response = client.get(url(name))
        assert response.status_code == 302
        assert response["Location"].startswith(url("account_login"))
        assert "next=" in response["Location"]

    def test_an_unverified_address_gets_no_data(self, client, mailoutbox):
        client.force_login(UserFactory(verified=False))
        response = client.get(url("users:download"))
        assert not response["Content-Type"].startswith("application/json")
        assert "Content-Disposition" not in response
