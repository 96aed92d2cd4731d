"""Uploads are scanned by a real clamd before they are kept; no scanner, no upload."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from companies.models import CompanyDocument, CompanyLogEntry, CompanyStatus
from tests import documents_corpus as corpus
from tests.clamd import EICAR, SIGNATURE_NAME
from tests.factories.companies import MembershipFactory

pytestmark = pytest.mark.django_db

AGREEMENT = "8d3f5b2a-61c4-4e0f-9a57-3c1d2e4f5a01"
# A PDF that opens normally, with the test string in a comment after the end of the file.
INFECTED_PDF = corpus.pdf() + b"\n%" + EICAR.encode() + b"\n"


@pytest.fixture
def member(client, monkeypatch, tmp_path, settings):
    storage = CompanyDocument._meta.get_field("file").storage
    monkeypatch.setattr(storage, "base_location", str(tmp_path / "p"))
    monkeypatch.setattr(storage, "location", str(tmp_path / "p"))
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()
    membership = MembershipFactory(company__status=CompanyStatus.APPROVED)
    client.force_login(membership.user)
    client.company = membership.company
    client.tmp = tmp_path
    return client


def upload(client, name, content):
    with translation.override("it"):
        path = reverse("companies:document_upload", args=[client.company.pk, AGREEMENT])
    return client.post(path, {"file": SimpleUploadedFile(name, content)}, follow=True)


def nothing_kept(client):
    stored = [f for _d, _s, files in os.walk(client.tmp / "p") for f in files]
    return (
        not CompanyDocument.objects.exists()
        and stored == []
        and list((client.tmp / "tmp").iterdir()) == []
    )


def test_a_clean_file_is_scanned_and_kept(member, settings, clamd_socket):
    settings.APPRODO_CLAMD_ADDRESS = clamd_socket
    response = upload(member, "convenzione.pdf", corpus.pdf())
    assert "caricato come versione 1" in response.text
    assert CompanyDocument.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("convenzione.pdf", INFECTED_PDF),
        ("convenzione.pdf.p7m", corpus.cades(INFECTED_PDF)),
        ("convenzione.pdf", EICAR.encode()),
    ],
    ids=["inside-a-pdf", "inside-a-p7m", "bare"],
)
def test_an_infected_file_is_refused_and_logged(member, settings, clamd_socket, name, content):
    settings.APPRODO_CLAMD_ADDRESS = clamd_socket
    response = upload(member, name, content)
    assert "contiene un virus" in response.text
    assert nothing_kept(member)
    entry = CompanyLogEntry.objects.get(action="approdo.company.document_infected")
    assert SIGNATURE_NAME in entry.data["signature"]


def test_a_scanner_that_does_not_answer_refuses_the_upload(member, settings, tmp_path):
    settings.APPRODO_CLAMD_ADDRESS = str(tmp_path / "no-clamd.sock")
    response = upload(member, "convenzione.pdf", corpus.pdf())
    assert "riprova tra qualche minuto" in response.text
    assert nothing_kept(member)
