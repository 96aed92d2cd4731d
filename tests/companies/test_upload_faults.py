"""Uploads when the machine fails: a full or unwritable disk leaves nothing behind."""

import errno
import os

import pytest

from companies.models import CompanyDocument, CompanyLogEntry
from tests import documents_corpus as corpus
from tests.companies import test_documents as documents
from tests.companies.test_documents import private_storage, stored_files, upload

pytestmark = pytest.mark.django_db
clean_storage = documents.clean_storage
member = documents.member

FULL = "Non è stato possibile salvare il file per un problema nostro"


def disk_fills_up_mid_write(storage):
    """A save that writes the first half of the file, then runs out of space."""

    def _save(name, content):
        path = storage.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        content.seek(0)
        data = content.read()
        with open(path, "wb") as target:
            target.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return _save


def test_a_full_disk_mid_write_is_refused_and_leaves_nothing(member, monkeypatch, tmp_path):
    storage = private_storage()
    monkeypatch.setattr(storage, "_save", disk_fills_up_mid_write(storage))
    response = upload(member, member.company, "convenzione.pdf", corpus.pdf())
    assert response.status_code == 200
    assert FULL in response.text
    assert not CompanyDocument.objects.exists()
    assert stored_files() == []
    assert list((tmp_path / "tmp").iterdir()) == []
    assert not CompanyLogEntry.objects.filter(action="approdo.company.document_upload").exists()


def test_an_unwritable_temporary_directory_is_refused(member, settings, tmp_path):
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "missing")
    response = upload(member, member.company, "convenzione.pdf", corpus.pdf())
    assert response.status_code == 200
    assert FULL in response.text
    assert not CompanyDocument.objects.exists() and stored_files() == []
