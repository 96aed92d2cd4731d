"""File names a browser really sends: very long ones, and PDFs with a wrong or no suffix."""

import pytest

from companies.models import CompanyDocument
from tests import documents_corpus as corpus
from tests.companies import test_documents as documents
from tests.companies.test_documents import AGREEMENT, stored_files, upload, url

pytestmark = pytest.mark.django_db
clean_storage = documents.clean_storage
member = documents.member

BOUNDARY = "----approdo-boundary"


def raw_upload(client, company, filename, content):
    """A multipart body built by hand: the test client would cut the name to 255 characters."""
    body = (
        (
            f"--{BOUNDARY}\r\n"
            f'Content-Disposition: form-data; name="file"; filename="{filename}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )
    return client.post(
        url("document_upload", company.pk, AGREEMENT),
        body,
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )


def test_a_thousand_character_name_gets_the_page_and_a_translated_reason(member):
    response = raw_upload(member, member.company, "a" * 1000 + ".pdf", corpus.pdf())
    assert response.status_code == 302
    assert response["Location"] == url("documents", member.company.pk)
    page = member.get(response["Location"])
    assert "Il nome del file è troppo lungo" in page.text
    assert not CompanyDocument.objects.exists() and stored_files() == []


def test_a_name_that_fits_is_still_accepted_by_hand_too(member):
    response = raw_upload(member, member.company, "convenzione.pdf", corpus.pdf())
    assert response.status_code == 302
    assert CompanyDocument.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("convenzione", "questo nome di file non ha estensione"),
        ("convenzione.pdf.php", "questo nome di file finisce in «.php»"),
        ("CONVENZIONE.PDF.Exe", "questo nome di file finisce in «.exe»"),
    ],
)
def test_a_valid_pdf_with_a_wrong_name_is_told_what_to_rename(member, name, reason):
    response = upload(member, member.company, name, corpus.pdf())
    assert reason in response.text
    assert "rinominalo in modo che finisca in .pdf" in response.text
    assert not CompanyDocument.objects.exists() and stored_files() == []
