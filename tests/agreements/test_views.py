"""The company downloads and uploads on its own pages; staff review in the back office."""

import errno
import hashlib

import pytest
from django.core.files.storage import filesystem
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from agreements import services
from agreements.models import DocumentType, GeneratedDocument, SignedDocument, SignedStatus
from companies.models import CompanyLogEntry
from tests.agreements import pki
from tests.factories.companies import CompanyFactory, MembershipFactory, PlacementFactory
from tests.factories.users import moderator_of


def url(name, *args):
    with translation.override("it"):
        return reverse(name, args=args)


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def member(client, world):
    client.force_login(world.user)
    return client


class TestCompanyPages:
    def test_overview_lists_the_agreement_and_each_placement(self, member, world):
        response = member.get(url("agreements:overview", world.company.pk))
        assert response.status_code == 200
        assert url("agreements:download", world.company.pk, "ar") in response.text
        assert (
            url("agreements:placement_download", world.company.pk, world.placement.pk, "it")
            in response.text
        )
        assert world.placement.participant.code in response.text
        assert "Esposito" not in response.text

    def test_download_is_the_generated_pdf_and_is_logged(self, member, world):
        response = member.get(url("agreements:download", world.company.pk, "it"))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        body = b"".join(response.streaming_content)
        generated = GeneratedDocument.objects.get()
        assert hashlib.sha256(body).hexdigest() == generated.sha256
        assert CompanyLogEntry.objects.filter(action="approdo.agreements.download").count() == 1

    def test_another_companys_documents_are_404(self, member, world):
        other = PlacementFactory()
        for path in [
            url("agreements:overview", other.company.pk),
            url("agreements:download", other.company.pk, "it"),
            url("agreements:placement_download", other.company.pk, other.pk, "it"),
            # Another company's placement under the user's own company.
            url("agreements:placement_download", world.company.pk, other.pk, "it"),
            url("agreements:download", world.company.pk, "xx"),
        ]:
            assert member.get(path).status_code == 404, path
        assert (
            member.post(url("agreements:placement_upload", world.company.pk, other.pk)).status_code
            == 404
        )
        assert not GeneratedDocument.objects.exists()

    def test_upload_of_a_good_signature_is_received(self, member, world, test_pki):
        body = b"".join(
            member.get(url("agreements:download", world.company.pk, "it")).streaming_content
        )
        response = member.post(
            url("agreements:upload", world.company.pk),
            {"file": SimpleUploadedFile("convenzione.pdf", test_pki.good.pades(body))},
            follow=True,
        )
        assert "Signed document received" in response.text or "ricevuto" in response.text
        assert SignedDocument.objects.get().all_passed

    def test_upload_of_another_document_says_why_and_keeps_nothing(self, member, world, test_pki):
        services.generate(world.company, DocumentType.AGREEMENT, "it")
        import weasyprint

        other = test_pki.good.pades(weasyprint.HTML(string="<p>Altro</p>").write_pdf())
        with translation.override("it"):
            response = member.post(
                url("agreements:upload", world.company.pk),
                {"file": SimpleUploadedFile("convenzione.pdf", other)},
                follow=True,
            )
        assert "generato" in response.text
        assert not SignedDocument.objects.exists()

    def test_upload_with_the_object_store_down_is_refused_and_keeps_nothing(
        self, member, world, test_pki, monkeypatch
    ):
        from botocore.config import Config

        from companies.object_storage import PrivateS3Storage
        from tests.seaweedfs import free_port

        body = b"".join(
            member.get(url("agreements:download", world.company.pk, "it")).streaming_content
        )
        down = PrivateS3Storage(
            bucket_name="private",
            endpoint_url=f"http://127.0.0.1:{free_port()}",
            access_key="approdo",
            secret_key="unused",
            region_name="us-east-1",
            addressing_style="path",
        )
        down.client_config = Config(retries={"max_attempts": 1}, connect_timeout=2)
        monkeypatch.setattr(SignedDocument._meta.get_field("file"), "storage", down)

        response = member.post(
            url("agreements:upload", world.company.pk),
            {"file": SimpleUploadedFile("convenzione.pdf", test_pki.good.pades(body))},
            follow=True,
        )

        assert response.status_code == 200
        assert "Non è stato possibile salvare il file per un problema nostro" in response.text
        assert not SignedDocument.objects.exists()
        assert not CompanyLogEntry.objects.filter(action="approdo.agreements.signed_upload")

    def test_admin_declares_a_delegate(self, member, world):
        response = member.post(
            url("agreements:signatories", world.company.pk),
            {"role": "delegate", "full_name": "Giuseppe Bianchi", "tax_code": pki.OTHER_CF.lower()},
        )
        assert response.status_code == 302
        assert world.company.signatories.filter(tax_code=pki.OTHER_CF).exists()

    def test_invalid_tax_code_is_refused(self, member, world):
        member.post(
            url("agreements:signatories", world.company.pk),
            {"role": "delegate", "full_name": "X", "tax_code": "RSSMRA80A41H501Z"},
        )
        assert world.company.signatories.count() == 1

    def test_another_companys_signatory_cannot_be_removed(self, member, world):
        other = CompanyFactory()
        from agreements.models import Signatory

        theirs = Signatory.objects.create(
            company=other, role="delegate", full_name="X", tax_code=pki.OTHER_CF
        )
        path = url("agreements:signatory_remove", world.company.pk, theirs.pk)
        assert member.post(path).status_code == 404
        assert Signatory.objects.filter(pk=theirs.pk).exists()


def _signed(world, signer, language="it"):
    generated = services.generate(world.company, DocumentType.AGREEMENT, language)
    data = signer.pades(generated.file.open("rb").read())
    return services.upload_signed(
        world.user, world.company, DocumentType.AGREEMENT, SimpleUploadedFile("c.pdf", data)
    )


@pytest.fixture
def moderator(client, world, no_staff_mfa):
    client.force_login(moderator_of(world.territory))
    return client


class TestStaffReview:
    def test_screen_shows_the_three_verdicts_and_one_click_accept(self, moderator, world, test_pki):
        signed = _signed(world, test_pki.good)
        page = moderator.get(admin_url("agreements_admin:detail", signed.pk))
        assert page.status_code == 200
        for check in ["document_verdict", "signature_verdict", "signer_verdict"]:
            assert f'data-check="{check}" data-verdict="passed"' in page.text
        assert 'name="accept_warning"' not in page.text
        response = moderator.post(
            admin_url("agreements_admin:decide", signed.pk), {"action": "accept"}
        )
        assert response.status_code == 302
        signed.refresh_from_db()
        assert signed.status == SignedStatus.ACCEPTED
        assert not signed.warning_accepted

    def test_signer_warning_must_be_accepted_explicitly(self, moderator, world, test_pki):
        signed = _signed(world, test_pki.wrong_signer)
        page = moderator.get(admin_url("agreements_admin:detail", signed.pk))
        assert 'data-check="signer_verdict" data-verdict="warning"' in page.text
        assert 'name="accept_warning"' in page.text
        decide = admin_url("agreements_admin:decide", signed.pk)
        moderator.post(decide, {"action": "accept"})
        signed.refresh_from_db()
        assert signed.status == SignedStatus.UPLOADED
        moderator.post(decide, {"action": "accept", "accept_warning": "1"})
        signed.refresh_from_db()
        assert signed.status == SignedStatus.ACCEPTED
        assert signed.warning_accepted

    def test_reject_needs_a_reason(self, moderator, world, test_pki):
        signed = _signed(world, test_pki.good)
        decide = admin_url("agreements_admin:decide", signed.pk)
        moderator.post(decide, {"action": "reject", "reason": " "})
        signed.refresh_from_db()
        assert signed.status == SignedStatus.UPLOADED
        moderator.post(decide, {"action": "reject", "reason": "Manca la pagina 2."})
        signed.refresh_from_db()
        assert signed.status == SignedStatus.REJECTED

    def test_another_territorys_moderator_gets_404(self, client, world, test_pki, no_staff_mfa):
        from tests.factories.companies import TerritoryFactory

        signed = _signed(world, test_pki.good)
        client.force_login(moderator_of(TerritoryFactory()))
        assert client.get(admin_url("agreements_admin:queue")).status_code == 200
        assert world.company.legal_name not in client.get(admin_url("agreements_admin:queue")).text
        for path in [
            admin_url("agreements_admin:detail", signed.pk),
            admin_url("agreements_admin:download", signed.pk, "signed"),
        ]:
            assert client.get(path).status_code == 404
        response = client.post(
            admin_url("agreements_admin:decide", signed.pk), {"action": "accept"}
        )
        assert response.status_code == 404
        signed.refresh_from_db()
        assert signed.status == SignedStatus.UPLOADED

    def test_downloads_for_staff_are_logged(self, moderator, world, test_pki):
        signed = _signed(world, test_pki.good)
        for which in ["signed", "generated"]:
            response = moderator.get(admin_url("agreements_admin:download", signed.pk, which))
            assert response.status_code == 200
        assert (
            CompanyLogEntry.objects.filter(action="approdo.agreements.review_download").count() == 2
        )

    def test_a_disk_read_error_answers_a_clear_503(self, moderator, world, test_pki, monkeypatch):
        signed = _signed(world, test_pki.good)

        def failing_open(path, mode="r", *args, **kwargs):
            raise OSError(errno.EIO, "Input/output error", path)

        # The open() that FileSystemStorage._open calls: the disk fails, not the view.
        monkeypatch.setattr(filesystem, "open", failing_open, raising=False)
        response = moderator.get(admin_url("agreements_admin:download", signed.pk, "signed"))
        assert response.status_code == 503
        assert response["Retry-After"] == "60"

    def test_queue_query_count_does_not_grow(self, moderator, world, test_pki):
        def count():
            with CaptureQueriesContext(connection) as captured:
                response = moderator.get(admin_url("agreements_admin:queue"))
            assert response.status_code == 200
            return len(captured)

        _signed(world, test_pki.good)
        small = count()
        for _ in range(4):
            company = CompanyFactory(territory=world.territory)
            MembershipFactory(company=company, user=world.user)
            world_b = type("W", (), {"company": company, "user": world.user})
            from agreements.models import ProjectTerms  # noqa: F401 - terms are per project

            _signed(world_b, test_pki.good)
        assert SignedDocument.objects.filter(status=SignedStatus.UPLOADED).count() == 5
        assert count() == small


def test_overview_query_count_does_not_grow_with_placements_and_uploads(member, world, test_pki):
    from agreements.models import Signatory

    def count():
        with CaptureQueriesContext(connection) as captured:
            response = member.get(url("agreements:overview", world.company.pk))
        assert response.status_code == 200
        return len(captured)

    _signed(world, test_pki.good)
    count()  # the first request fills the site's caches
    small = count()
    for n in range(4):
        placement = PlacementFactory(
            company=world.company, site=world.placement.site, participant__territory=world.territory
        )
        generated = services.generate(world.company, DocumentType.TRAINING_PROJECT, "it", placement)
        services.upload_signed(
            world.user,
            world.company,
            DocumentType.TRAINING_PROJECT,
            SimpleUploadedFile("p.pdf", test_pki.good.pades(generated.file.open("rb").read())),
            placement,
        )
        Signatory.objects.create(
            company=world.company, role="delegate", full_name=f"D{n}", tax_code=pki.OTHER_CF
        )
    # Saving a snippet (the signatories) drops the cached site chrome: refill it first.
    count()
    assert count() == small
