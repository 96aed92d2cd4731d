"""Backup and restore of a deployment whose media and company documents live in S3-compatible
object storage (SeaweedFS): `manage.py backup` and `manage.py restore` run as a deployer runs
them, from the environment; the restore goes into an empty database and empty buckets, and
every company, document (same bytes) and person is found, a document downloads through the
app from the restored bucket, and buckets that already hold files are refused."""

import hashlib
import json
import os
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from companies.models import CompanyDocument, CompanyStatus
from operations.backup import BackupError, check_target_is_empty
from tests import documents_corpus as corpus
from tests import seaweedfs
from tests.companies.test_documents import url
from tests.factories.companies import CompanyFactory, MembershipFactory
from tests.factories.participants import ParticipantFactory
from tests.operations.conftest import connection_url
from tests.operations.test_backup import BASE_DIR, upload_document

pytestmark = pytest.mark.django_db(transaction=True)
PRIVATE_FILE = f"dichiarazioni/{uuid.uuid4().hex}.pdf"


def bucket_set(endpoint, label):
    """A private and a media bucket, new and empty, named for this test run."""
    names = {kind: f"{label}-{kind}-{uuid.uuid4().hex[:10]}" for kind in ("private", "media")}
    for name in names.values():
        seaweedfs.client(endpoint).create_bucket(Bucket=name)
    return names


def s3_environment(endpoint, buckets, database, tmp_path):
    """What a deployer's environment file says for object storage (deploy/approdo.env)."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": connection_url(database),
        "APPRODO_VAR_DIR": str(tmp_path / "var"),
        "APPRODO_S3_ENDPOINT_URL": endpoint,
        "APPRODO_S3_ACCESS_KEY": seaweedfs.ACCESS_KEY,
        "APPRODO_S3_SECRET_KEY": seaweedfs.SECRET_KEY,
        "APPRODO_S3_PRIVATE_BUCKET": buckets["private"],
        "APPRODO_S3_MEDIA_BUCKET": buckets["media"],
    }
    environment.pop("APPRODO_PRIVATE_ACCEL_PREFIX", None)
    return environment


def manage(environment, *arguments):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def sha256_of(endpoint, bucket, key):
    body = seaweedfs.client(endpoint).get_object(Bucket=bucket, Key=key)["Body"].read()
    return hashlib.sha256(body).hexdigest()


def keys(endpoint, bucket):
    listing = seaweedfs.client(endpoint).list_objects_v2(Bucket=bucket)
    return sorted(item["Key"] for item in listing.get("Contents", []))


@pytest.fixture
def source(s3_endpoint, settings, monkeypatch):
    """The test's storages are a fresh pair of buckets, as with APPRODO_S3_ENDPOINT_URL set."""
    if connection.vendor != "postgresql":
        pytest.skip("backup and restore use pg_dump and pg_restore (PostgreSQL only)")
    buckets = bucket_set(s3_endpoint, "live")
    common = {
        "endpoint_url": s3_endpoint,
        "access_key": seaweedfs.ACCESS_KEY,
        "secret_key": seaweedfs.SECRET_KEY,
        "region_name": "us-east-1",
        "addressing_style": "path",
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "companies.object_storage.PrivateS3Storage",
            "OPTIONS": {**common, "bucket_name": buckets["private"]},
        },
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**common, "bucket_name": buckets["media"], "file_overwrite": False},
        },
    }
    # The documents' field was given its storage when the models were imported.
    monkeypatch.setattr(CompanyDocument._meta.get_field("file"), "storage", storages["private"])
    return buckets


def test_a_backup_from_buckets_is_restored_into_an_empty_database_and_empty_buckets(
    s3_endpoint, source, empty_database, tmp_path
):
    # A restore refuses buckets that already hold a file (the command calls this first).
    seaweedfs.client(s3_endpoint).put_object(Bucket=source["media"], Key="stray.txt", Body=b"x")
    with pytest.raises(BackupError, match="The media storage already holds files"):
        check_target_is_empty()
    seaweedfs.client(s3_endpoint).delete_object(Bucket=source["media"], Key="stray.txt")
    check_target_is_empty()

    companies = CompanyFactory.create_batch(3, status=CompanyStatus.APPROVED)
    documents = [
        upload_document(company, corpus.pdf(text_marker=b"%d" % company.pk))
        for company in companies[:2]
    ]
    member = MembershipFactory(company=companies[0]).user
    people = ParticipantFactory.create_batch(2)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    image = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    # A file of the private bucket that no row names (an older version's leftover) is kept too.
    orphan = corpus.pdf(text_marker=b"orphan")
    storages["private"].save(PRIVATE_FILE, ContentFile(orphan))
    stored = {("private", document.file.name): document.sha256 for document in documents}
    stored["private", PRIVATE_FILE] = hashlib.sha256(orphan).hexdigest()
    stored["media", image.file.name] = sha256_of(s3_endpoint, source["media"], image.file.name)
    assert set(keys(s3_endpoint, source["private"])) == {
        *(document.file.name for document in documents),
        PRIVATE_FILE,
    }

    backed_up = manage(
        s3_environment(s3_endpoint, source, connection.settings_dict["NAME"], tmp_path),
        "backup",
        str(tmp_path / "backups"),
    )
    assert backed_up.returncode == 0, backed_up.stderr[-3000:]
    (folder,) = (tmp_path / "backups").iterdir()
    manifest = json.loads((folder / "manifest.json").read_text())
    for document in documents:
        assert manifest["storages"]["private"]["files"][document.file.name]["sha256"] == (
            document.sha256
        )
    assert image.file.name in manifest["storages"]["default"]["files"]
    assert all(person.family_name not in backed_up.stdout for person in people)

    target = bucket_set(s3_endpoint, "restored")
    environment = s3_environment(s3_endpoint, target, empty_database, tmp_path)

    result = manage(environment, "restore", str(folder))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "3 private files, " in result.stdout

    # Every object is back, byte for byte, in the new buckets.
    assert keys(s3_endpoint, target["private"]) == keys(s3_endpoint, source["private"])
    assert keys(s3_endpoint, target["media"]) == keys(s3_endpoint, source["media"])
    for (kind, key), sha256 in stored.items():
        assert sha256_of(s3_endpoint, target[kind], key) == sha256
    with psycopg.connect(connection_url(empty_database)) as restored:
        rows = restored.execute("SELECT partita_iva FROM companies_company")
        assert {row[0] for row in rows} == {company.partita_iva for company in companies}
        rows = restored.execute("SELECT id, file, sha256 FROM companies_companydocument")
        assert {row[0]: (row[1], row[2]) for row in rows} == {
            document.pk: (document.file.name, document.sha256) for document in documents
        }
        rows = restored.execute("SELECT id, family_name, email FROM participants_participant")
        assert {row[0]: (row[1], row[2]) for row in rows} == {
            person.pk: (person.family_name, person.email) for person in people
        }
        rows = restored.execute("SELECT file FROM wagtailimages_image")
        assert [row[0] for row in rows] == [image.file.name]

    # The company's member downloads the document through the app, from the restored bucket.
    document = documents[0]
    download = url("document_download", companies[0].pk, document.pk)
    script = (
        "import hashlib\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.test import Client\n"
        "client = Client(HTTP_HOST='localhost')\n"
        f"client.force_login(get_user_model().objects.get(pk={member.pk}))\n"
        f"response = client.get({download!r})\n"
        "print(response.status_code, hashlib.sha256(b''.join(response.streaming_content))"
        ".hexdigest())\n"
    )
    downloaded = manage(environment, "shell", "--no-imports", "-c", script)
    assert downloaded.returncode == 0, downloaded.stderr[-3000:]
    assert downloaded.stdout.split() == ["200", document.sha256]


def test_a_missing_bucket_stops_the_restore_with_the_storage_named(s3_endpoint, source, settings):
    media = settings.STORAGES["default"]
    missing = {**media["OPTIONS"], "bucket_name": f"missing-{uuid.uuid4().hex[:10]}"}
    settings.STORAGES = {**settings.STORAGES, "default": {**media, "OPTIONS": missing}}

    with pytest.raises(BackupError, match=r"The media storage failed: .*NoSuchBucket"):
        check_target_is_empty()
