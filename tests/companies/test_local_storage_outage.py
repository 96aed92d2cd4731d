"""Company documents on the local disk: a read that fails (an I/O error, a volume that is not
mounted, a file gone) answers the same clear 503 as an unreachable bucket, never a 500."""

import errno

import pytest
from django.core.files.storage import filesystem

from companies.models import CompanyDocument
from tests import documents_corpus as corpus
from tests.companies import test_documents as documents
from tests.companies.test_documents import upload, url

pytestmark = pytest.mark.django_db
member = documents.member
clean_storage = documents.clean_storage
UNAVAILABLE = "Al momento i documenti non si possono aprire"


def stored_document(member):
    upload(member, member.company, "convenzione.pdf.p7m", corpus.cades())
    return CompanyDocument.objects.get()


def test_a_disk_read_error_answers_a_clear_503(member, monkeypatch):
    document = stored_document(member)

    def failing_open(path, mode="r", *args, **kwargs):
        raise OSError(errno.EIO, "Input/output error", path)

    # The open() that FileSystemStorage._open calls: the disk itself fails, not our code.
    monkeypatch.setattr(filesystem, "open", failing_open, raising=False)
    response = member.get(url("document_download", member.company.pk, document.pk))

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert UNAVAILABLE in response.text


def test_a_file_missing_from_the_disk_answers_a_clear_503(member):
    document = stored_document(member)
    storage = CompanyDocument._meta.get_field("file").storage
    storage.delete(document.file.name)

    response = member.get(url("document_download", member.company.pk, document.pk))

    assert response.status_code == 503
    assert UNAVAILABLE in response.text
