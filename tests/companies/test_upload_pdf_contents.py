"""What a PDF carries: actions anywhere in it are flagged, attached files refused by default."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from companies import uploads
from companies.models import CompanyDocument
from tests import documents_corpus as corpus
from tests.companies import test_documents as documents
from tests.companies.test_documents import stored_files, upload

pytestmark = pytest.mark.django_db
clean_storage = documents.clean_storage
member = documents.member

ATTACHED = "contiene file allegati"


def inspected(content, name="convenzione.pdf"):
    return uploads.inspect(SimpleUploadedFile(name, content), name)


@pytest.mark.parametrize(
    ("builder", "flag"),
    [
        (corpus.with_link_launching, "launch"),
        (corpus.with_link_javascript, "javascript"),
        (corpus.with_named_javascript, "javascript"),
    ],
)
def test_actions_outside_the_open_action_are_flagged(builder, flag):
    assert inspected(builder()).flags == [flag]


def test_a_plain_pdf_has_no_warning():
    assert inspected(corpus.pdf()).flags == []


@pytest.mark.parametrize(
    "builder", [corpus.with_embedded_file, corpus.with_file_attachment_annotation]
)
class TestEmbeddedFiles:
    def test_refused_by_default_with_nothing_kept(self, member, builder):
        response = upload(member, member.company, "convenzione.pdf", builder())
        assert ATTACHED in response.text
        assert not CompanyDocument.objects.exists() and stored_files() == []

    def test_refused_inside_a_signed_envelope_too(self, member, builder):
        response = upload(member, member.company, "convenzione.pdf.p7m", corpus.cades(builder()))
        assert ATTACHED in response.text
        assert not CompanyDocument.objects.exists()

    def test_kept_and_flagged_where_the_deployment_allows(
        self, member, builder, settings, client, no_staff_mfa
    ):
        settings.APPRODO_PDF_EMBEDDED_FILES = "flag"
        response = upload(member, member.company, "convenzione.pdf", builder())
        assert "caricato come versione 1" in response.text
        document = CompanyDocument.objects.get()
        assert document.flags == ["embedded_files"]
        from django.urls import reverse
        from django.utils import translation

        from tests.factories.users import moderator_of

        client.force_login(moderator_of(member.company.territory))
        with translation.override("en"):
            review = reverse("companies_admin:inspect", args=[member.company.pk])
        page = client.get(review).text
        assert "the PDF carries attached files" in page
