"""Company documents in an S3-compatible bucket (SeaweedFS here), as several app instances
keep them: the same bytes back, never a public URL, a bucket that is down refused cleanly."""

import os
import uuid

import pytest
from botocore.config import Config

from companies.models import CompanyDocument, CompanyLogEntry
from companies.object_storage import PrivateS3Storage
from tests import documents_corpus as corpus
from tests import seaweedfs
from tests.companies import test_documents as documents
from tests.companies.test_documents import upload, url

pytestmark = pytest.mark.django_db
member = documents.member
FULL = "Non è stato possibile salvare il file per un problema nostro"


def s3_storage(endpoint, bucket, location=""):
    return PrivateS3Storage(
        bucket_name=bucket,
        location=location,
        endpoint_url=endpoint,
        access_key=seaweedfs.ACCESS_KEY,
        secret_key=seaweedfs.SECRET_KEY,
        region_name="us-east-1",
        addressing_style="path",
    )


@pytest.fixture(scope="session")
def private_bucket(s3_endpoint):
    seaweedfs.client(s3_endpoint).create_bucket(Bucket="private")
    return "private"


@pytest.fixture
def prefix(s3_endpoint, private_bucket, monkeypatch, settings, tmp_path):
    """A fresh folder of the private bucket behind CompanyDocument.file for this test."""
    location = f"t-{uuid.uuid4().hex[:12]}"
    field = CompanyDocument._meta.get_field("file")
    monkeypatch.setattr(field, "storage", s3_storage(s3_endpoint, private_bucket, location))
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    return location


def objects(endpoint, prefix):
    listing = seaweedfs.client(endpoint).list_objects_v2(Bucket="private", Prefix=prefix + "/")
    return [item["Key"].removeprefix(prefix + "/") for item in listing.get("Contents", [])]


def test_an_upload_is_kept_in_the_bucket_and_downloaded_byte_for_byte(member, prefix, s3_endpoint):
    content = corpus.cades()
    upload(member, member.company, "convenzione.pdf.p7m", content)
    document = CompanyDocument.objects.get()
    assert objects(s3_endpoint, prefix) == [document.file.name]

    response = member.get(url("document_download", member.company.pk, document.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert "no-store" in response["Cache-Control"]


def test_a_private_document_has_no_url(prefix):
    with pytest.raises(NotImplementedError):
        CompanyDocument._meta.get_field("file").storage.url("anything.pdf")


def test_anonymous_reads_of_the_private_bucket_are_refused(member, prefix, s3_endpoint):
    import urllib.error
    import urllib.request

    upload(member, member.company, "convenzione.pdf.p7m", corpus.cades())
    key = CompanyDocument.objects.get().file.name
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{s3_endpoint}/private/{prefix}/{key}", timeout=10)  # noqa: S310
    assert refused.value.code in (401, 403)


def test_an_unreachable_bucket_refuses_the_upload_and_keeps_nothing(
    member, monkeypatch, settings, tmp_path
):
    field = CompanyDocument._meta.get_field("file")
    down = s3_storage(f"http://127.0.0.1:{seaweedfs.free_port()}", "private")
    down.client_config = Config(retries={"max_attempts": 1}, connect_timeout=2)
    monkeypatch.setattr(field, "storage", down)
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)

    response = upload(member, member.company, "convenzione.pdf", corpus.pdf())

    assert response.status_code == 200
    assert FULL in response.text
    assert not CompanyDocument.objects.exists()
    assert not CompanyLogEntry.objects.filter(action="approdo.company.document_upload").exists()
    assert list(tmp_path.iterdir()) == []


def test_a_failure_after_the_object_is_stored_leaves_no_orphan(
    member, prefix, s3_endpoint, monkeypatch
):
    from companies.services import documents as service

    def database_goes_away(*args, **kwargs):
        raise RuntimeError("the database went away after the object was written")

    monkeypatch.setattr(service, "log", database_goes_away)
    with pytest.raises(RuntimeError):
        upload(member, member.company, "convenzione.pdf.p7m", corpus.cades())

    assert not CompanyDocument.objects.exists()
    assert objects(s3_endpoint, prefix) == []


def test_a_download_while_the_bucket_is_down_answers_a_clear_503(member, prefix, monkeypatch):
    upload(member, member.company, "convenzione.pdf.p7m", corpus.cades())
    document = CompanyDocument.objects.get()
    down = s3_storage(f"http://127.0.0.1:{seaweedfs.free_port()}", "private")
    down.client_config = Config(retries={"max_attempts": 1}, connect_timeout=2)
    monkeypatch.setattr(CompanyDocument._meta.get_field("file"), "storage", down)

    response = member.get(url("document_download", member.company.pk, document.pk))

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Al momento i documenti non si possono aprire" in response.text


def test_readiness_sees_the_bucket(client, s3_endpoint, private_bucket, settings):
    location = f"t-{uuid.uuid4().hex[:12]}"
    options = {
        "bucket_name": private_bucket,
        "location": location,
        "endpoint_url": s3_endpoint,
        "access_key": seaweedfs.ACCESS_KEY,
        "secret_key": seaweedfs.SECRET_KEY,
        "addressing_style": "path",
    }
    backend = "companies.object_storage.PrivateS3Storage"
    settings.STORAGES = {**settings.STORAGES, "private": {"BACKEND": backend, "OPTIONS": options}}
    assert client.get("/readyz").json()["storage"] == "ok"
    assert objects(s3_endpoint, location) == []

    down = {**options, "endpoint_url": f"http://127.0.0.1:{seaweedfs.free_port()}"}
    settings.STORAGES = {**settings.STORAGES, "private": {"BACKEND": backend, "OPTIONS": down}}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["storage"] == "unavailable"


def test_the_settings_put_documents_and_media_in_their_buckets(s3_endpoint):
    import subprocess
    import sys

    from tests.conftest import BASE_DIR

    script = (
        "import django; django.setup();"
        "from django.core.files.storage import storages as s;"
        "p, m = s['private'], s['default'];"
        "print(type(p).__name__, p.bucket_name, m.bucket_name, m.querystring_auth,"
        " m.url('x.png'))"
    )
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "APPRODO_S3_ENDPOINT_URL": s3_endpoint,
        "APPRODO_S3_ACCESS_KEY": seaweedfs.ACCESS_KEY,
        "APPRODO_S3_SECRET_KEY": seaweedfs.SECRET_KEY,
        "APPRODO_S3_MEDIA_DOMAIN": "approdo.example/media",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.stdout.split() == [
        "PrivateS3Storage",
        "private",
        "media",
        "False",
        "https://approdo.example/media/x.png",
    ], result.stderr
