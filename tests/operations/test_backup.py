"""Backup and restore: a backup restored into an empty database and empty storages has every
company, document (with its bytes) and person; a damaged backup and a full database are refused."""

import hashlib
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command

from companies.models import Company, CompanyDocument, DocumentStatus
from participants.models import Participant
from tests import documents_corpus as corpus
from tests.factories.companies import CompanyFactory
from tests.factories.participants import ParticipantFactory
from tests.operations.conftest import connection_url

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.fixture
def stored_in(monkeypatch, tmp_path):
    """The private and media storages write under tmp_path for this test."""
    from companies.models import CompanyDocument

    # The documents' field keeps the storage it was built with; an earlier test that changed
    # STORAGES gives storages["private"] a new instance, so both are pointed here.
    field_storage = CompanyDocument._meta.get_field("file").storage
    targets = {"private": [storages["private"], field_storage], "media": [storages["default"]]}
    for folder, instances in targets.items():
        for storage in instances:
            monkeypatch.setattr(storage, "base_location", str(tmp_path / folder))
            monkeypatch.setattr(storage, "location", str(tmp_path / folder))


def restore(folder, database, tmp_path, *extra):
    """`manage.py restore` in its own process, on the given database and empty storages."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": connection_url(database),
        "APPRODO_VAR_DIR": str(tmp_path / "restored-var"),
        "APPRODO_PRIVATE_ROOT": str(tmp_path / "restored-private"),
        "MEDIA_ROOT": str(tmp_path / "restored-media"),
    }
    env.pop("APPRODO_S3_ENDPOINT_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(folder), *extra],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def upload_document(company, content):
    """A stored company document as the upload service leaves it."""
    return CompanyDocument.objects.create(
        company=company,
        kind_key=uuid.uuid4(),
        version=1,
        file=ContentFile(content, name="convenzione.pdf"),
        original_name="convenzione.pdf",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content_type="application/pdf",
        status=DocumentStatus.UPLOADED,
    )


@pytest.mark.django_db(transaction=True)
def test_backup_restored_into_an_empty_database_has_everything(
    empty_database, stored_in, tmp_path, capsys
):
    companies = CompanyFactory.create_batch(3)
    documents = [
        upload_document(company, corpus.pdf(text_marker=b"%d" % company.pk))
        for company in companies[:2]
    ]
    people = ParticipantFactory.create_batch(2)
    storages["default"].save("images/logo.png", ContentFile(corpus.PNG))

    call_command("backup", str(tmp_path / "backups"))
    output = capsys.readouterr().out
    (folder,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["storages"]["private"]["count"] == 2
    assert manifest["storages"]["default"]["count"] == 1
    assert all(person.family_name not in output for person in people)

    result = restore(folder, empty_database, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "2 private files, 1 media files" in result.stdout

    with psycopg.connect(connection_url(empty_database)) as restored:
        rows = restored.execute("SELECT partita_iva FROM companies_company")
        assert {row[0] for row in rows} == {company.partita_iva for company in companies}
        rows = restored.execute("SELECT id, file, sha256 FROM companies_companydocument")
        restored_documents = {row[0]: (row[1], row[2]) for row in rows}
        for document in documents:
            name, sha256 = restored_documents[document.pk]
            content = (tmp_path / "restored-private" / name).read_bytes()
            assert hashlib.sha256(content).hexdigest() == sha256 == document.sha256
        rows = restored.execute("SELECT id, family_name, email FROM participants_participant")
        restored_people = {row[0]: row[1:] for row in rows}
        for person in people:
            assert restored_people[person.pk] == (person.family_name, person.email)
    assert (tmp_path / "restored-media" / "images" / "logo.png").read_bytes() == corpus.PNG
    assert Company.objects.count() == len(companies)
    assert Participant.objects.count() == len(restored_people)

    # The restored database now holds companies: a second restore must be asked for.
    again = restore(folder, empty_database, tmp_path)
    assert again.returncode != 0
    assert "already holds companies" in again.stderr

    # A file altered after the backup stops the restore before anything is replaced.
    altered = folder / "files" / "private" / documents[0].file.name
    altered.write_bytes(b"%PDF-1.7 altered")
    damaged = restore(folder, empty_database, tmp_path, "--force")
    assert damaged.returncode != 0
    assert f"SHA-256 mismatch for files/private/{documents[0].file.name}" in damaged.stderr
    assert "nothing was restored" in damaged.stderr
