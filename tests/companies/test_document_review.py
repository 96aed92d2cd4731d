"""Staff review of company documents: the queue, downloads (404 for others), decisions."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from companies.models import (
    CompanyDocument,
    CompanyLogEntry,
    CompanyStatus,
    DocumentKind,
    DocumentStatus,
)
from companies.services import upload_document
from tests import documents_corpus as corpus
from tests.factories.companies import CompanyFactory, MembershipFactory, TerritoryFactory
from tests.factories.users import (
    StaffUserFactory,
    UserFactory,
    admin_user,
    moderator_of,
    staff_in_group,
)

pytestmark = pytest.mark.django_db


def download_url(world):
    with translation.override("it"):
        return reverse(
            "companies:document_download", args=[world["company"].pk, world["document"].pk]
        )


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def private_dir(monkeypatch, tmp_path):
    storage = CompanyDocument._meta.get_field("file").storage
    monkeypatch.setattr(storage, "base_location", str(tmp_path))
    monkeypatch.setattr(storage, "location", str(tmp_path))


@pytest.fixture
def world(no_staff_mfa, private_dir):
    north, south = TerritoryFactory(), TerritoryFactory()
    company = CompanyFactory(territory=north, status=CompanyStatus.APPROVED)
    owner = MembershipFactory(company=company, user__preferred_language="it").user
    kind = DocumentKind.objects.get(
        translation_key="8d3f5b2a-61c4-4e0f-9a57-3c1d2e4f5a01", locale=Locale.get_default()
    )
    content = corpus.cades()
    document = upload_document(
        owner, company, kind, SimpleUploadedFile("convenzione.pdf.p7m", content)
    )
    return {
        "company": company,
        "owner": owner,
        "document": document,
        "content": content,
        "moderator": moderator_of(north),
        "other_moderator": moderator_of(south),
        "superuser": admin_user(StaffUserFactory()),
    }


class TestAccess:
    def test_the_territorys_moderator_downloads_it_with_an_audit_entry(self, client, world):
        client.force_login(world["moderator"])
        queue = client.get(admin_url("documents_admin:index"))
        assert world["company"].legal_name in queue.text
        # The kind's name in the staff member's admin language.
        assert "Signed internship agreement (convenzione)" in queue.text
        response = client.get(download_url(world))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == world["content"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith("attachment;")
        entry = CompanyLogEntry.objects.get(action="approdo.company.document_download")
        assert entry.user == world["moderator"]
        assert entry.data["version"] == 1

    @pytest.mark.parametrize(
        "who", ["other_moderator", "viewer", "other_company_user", "editor", "anonymous"]
    )
    def test_everyone_else_gets_nothing(self, client, world, who):
        if who == "viewer":
            viewer = UserFactory(is_staff=True)
            admin_user(viewer, "wagtailadmin.access_admin", "companies.view_company")
            world["company"].territory.moderators.add(viewer)
            client.force_login(viewer)
        elif who == "other_company_user":
            client.force_login(MembershipFactory().user)
        elif who == "editor":
            client.force_login(staff_in_group("Editors"))
        elif who != "anonymous":
            client.force_login(world[who])
        response = client.get(download_url(world))
        assert response.status_code == 404
        assert not CompanyLogEntry.objects.filter(
            action="approdo.company.document_download"
        ).exists()


def test_staff_without_their_authenticator_cannot_download(client, world, settings):
    settings.APPRODO_STAFF_REQUIRE_MFA = True
    client.force_login(world["moderator"])
    assert client.get(download_url(world)).status_code == 404
    from tests.totp import enrol_totp

    enrol_totp(world["moderator"])
    assert client.get(download_url(world)).status_code == 200


def test_the_decision_email_survives_a_newer_upload(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    from companies import notifications

    document = world["document"]
    document.status = DocumentStatus.SUPERSEDED  # the company uploaded again meanwhile
    document.rejection_reason = "Manca la firma."
    document.save()
    with django_capture_on_commit_callbacks(execute=True):
        notifications.send_document_decision.call(document.pk, DocumentStatus.REJECTED)
    assert "Manca la firma." in mailoutbox[0].body


class TestDecisions:
    def _decide(self, client, world, **data):
        return client.post(
            admin_url("documents_admin:decide", world["document"].pk), data, follow=True
        )

    def test_accept_tells_the_company(
        self, client, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        client.force_login(world["moderator"])
        with django_capture_on_commit_callbacks(execute=True):
            response = self._decide(client, world, action="accept")
        assert "Document accepted." in response.text
        world["document"].refresh_from_db()
        assert world["document"].status == DocumentStatus.ACCEPTED
        assert world["document"].reviewed_by == world["moderator"]
        assert [m.to for m in mailoutbox] == [[world["owner"].email]]
        assert "accettato" in mailoutbox[0].body

    def test_reject_needs_a_reason_that_the_company_reads(
        self, client, world, mailoutbox, django_capture_on_commit_callbacks
    ):
        client.force_login(world["moderator"])
        response = self._decide(client, world, action="reject", reason=" ")
        assert "Write why the document is rejected." in response.text
        world["document"].refresh_from_db()
        assert world["document"].status == DocumentStatus.UPLOADED
        with django_capture_on_commit_callbacks(execute=True):
            self._decide(client, world, action="reject", reason="Manca la firma.")
        world["document"].refresh_from_db()
        assert world["document"].status == DocumentStatus.REJECTED
        assert "Manca la firma." in mailoutbox[0].body
        client.force_login(world["owner"])
        with translation.override("it"):
            page = client.get(reverse("companies:documents", args=[world["company"].pk]))
        assert "Manca la firma." in page.text

    def test_a_second_decision_changes_nothing(self, client, world):
        client.force_login(world["moderator"])
        self._decide(client, world, action="accept")
        response = self._decide(client, world, action="reject", reason="Ripensamento.")
        assert "already been reviewed" in response.text
        world["document"].refresh_from_db()
        assert world["document"].status == DocumentStatus.ACCEPTED

    def test_another_territorys_moderator_cannot_decide(self, client, world):
        client.force_login(world["other_moderator"])
        response = client.post(
            admin_url("documents_admin:decide", world["document"].pk), {"action": "accept"}
        )
        assert response.status_code == 404
        world["document"].refresh_from_db()
        assert world["document"].status == DocumentStatus.UPLOADED

    def test_the_review_screen_and_home_panel_show_the_document(self, client, world):
        client.force_login(world["moderator"])
        review = client.get(admin_url("companies_admin:inspect", world["company"].pk)).text
        # The admin speaks the staff member's language, so the link does too.
        assert download_url(world).replace("/it/", "/en/") in review
        assert "CAdES" in review
        home = client.get(admin_url("wagtailadmin_home")).text
        assert "1 document" in home
