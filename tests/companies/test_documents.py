"""Company documents: content checks on a hostile corpus, private storage, versions, access."""

import os

import pytest
from cryptography.hazmat.primitives.serialization import Encoding
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
from tests import documents_corpus as corpus
from tests.factories.companies import CompanyFactory, MembershipFactory

pytestmark = pytest.mark.django_db

AGREEMENT = "8d3f5b2a-61c4-4e0f-9a57-3c1d2e4f5a01"


def url(name, *args):
    with translation.override("it"):
        return reverse(f"companies:{name}", args=args)


def private_storage():
    return CompanyDocument._meta.get_field("file").storage


def stored_files():
    root = private_storage().location
    return [os.path.join(d, f) for d, _dirs, files in os.walk(root) for f in files]


@pytest.fixture(autouse=True)
def clean_storage(settings, tmp_path, monkeypatch):
    """Each test gets its own private storage directory and temporary upload directory."""
    storage = private_storage()
    monkeypatch.setattr(storage, "base_location", str(tmp_path / "p"))
    monkeypatch.setattr(storage, "location", str(tmp_path / "p"))
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "tmp")
    (tmp_path / "tmp").mkdir()


@pytest.fixture
def member(client):
    membership = MembershipFactory(company__status=CompanyStatus.APPROVED)
    client.force_login(membership.user)
    client.company = membership.company
    client.user = membership.user
    return client


def upload(client, company, name, content, kind=AGREEMENT, **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {"file": SimpleUploadedFile(name, content, content_type="application/pdf"), **extra}
    return client.post(url("document_upload", company.pk, kind), data, follow=True)


def small_kind():
    """A kind with a 1 MB limit, to test the limit without moving 20 MB around."""
    return DocumentKind.objects.create(
        name="Dichiarazione", max_size_mb=1, due_from="draft", locale=Locale.get_default()
    )


HOSTILE = [
    ("html", "convenzione.pdf", corpus.HTML, "Solo file PDF"),
    ("svg", "convenzione.pdf", corpus.SVG, "Solo file PDF"),
    ("elf", "convenzione.pdf", corpus.ELF, "Solo file PDF"),
    ("pe", "convenzione.pdf", corpus.PE, "Solo file PDF"),
    ("zip", "convenzione.pdf", corpus.zip_file(), "Solo file PDF"),
    (
        "docx",
        "convenzione.pdf",
        corpus.zip_file(("word/document.xml", "[Content_Types].xml")),
        "Solo file PDF",
    ),
    ("png", "convenzione.pdf", corpus.PNG, "Solo file PDF"),
    ("jpeg", "convenzione.pdf", corpus.JPEG, "Solo file PDF"),
    ("text", "convenzione.pdf", b"Convenzione firmata.\n", "Solo file PDF"),
    (
        "header-garbage",
        "convenzione.pdf",
        b"%PDF-1.7\n" + os.urandom(4096),
        "non si riesce a leggere",
    ),
    ("truncated", "convenzione.pdf", corpus.pdf()[:60], "non si riesce a leggere"),
    ("polyglot", "convenzione.pdf", b"%PDF-1.4\n" + corpus.HTML, "non si riesce a leggere"),
    ("no-pages", "convenzione.pdf", corpus.pdf(pages=0), "non ha pagine"),
    ("encrypted", "convenzione.pdf", corpus.encrypted(), "protetto da password"),
    ("double-extension", "convenzione.exe.pdf", corpus.pdf(), "doppia estensione"),
    ("wrong-suffix", "convenzione.pdf.exe", corpus.pdf(), "Solo file PDF"),
    ("nul-name", "convenzione.pdf\x00.exe", corpus.pdf(), "Solo file PDF"),
    ("traversal", "../../../etc/cron.d/job.sh", corpus.pdf(), "Solo file PDF"),
    ("windows-traversal", "..\\..\\windows\\win.ini", corpus.pdf(), "Solo file PDF"),
    ("long-name", "a" * 300 + ".pdf", corpus.pdf(), "troppo lungo"),
    ("rtl-override", "convenzione\u202efdp.exe", corpus.pdf(), "Solo file PDF"),
    ("empty", "convenzione.pdf", b"", "vuoto"),
    (
        "p7m-not-signeddata",
        "convenzione.pdf.p7m",
        corpus.certificate()[0].public_bytes(Encoding.DER),
        "Solo file PDF",
    ),
    ("p7m-garbage", "convenzione.pdf.p7m", os.urandom(2048), "Solo file PDF"),
    (
        "p7m-wrapping-text",
        "convenzione.pdf.p7m",
        corpus.cades(b"solo testo"),
        "non contiene un PDF",
    ),
    (
        "p7m-detached",
        "convenzione.pdf.p7m",
        corpus.cms_signature(corpus.pdf()),
        "non contiene un PDF",
    ),
    ("p7m-wrapping-html", "convenzione.pdf.p7m", corpus.cades(corpus.HTML), "non contiene un PDF"),
]


MALFORMED = corpus.malformed()


class TestHostileCorpus:
    @pytest.mark.parametrize("case", sorted(MALFORMED))
    def test_malformed_structures_are_refused_not_crashed(self, member, case):
        response = upload(member, member.company, "convenzione.pdf", MALFORMED[case])
        assert response.status_code == 200
        # Either refused as unreadable, or (when pypdf copes) kept: never a server error.
        if CompanyDocument.objects.exists():
            assert "caricato come versione 1" in response.text
        else:
            assert "non si riesce a leggere" in response.text and stored_files() == []

    def test_a_p7m_wrapping_another_envelope_is_refused(self, member):
        nested = corpus.cades(corpus.cades())
        response = upload(member, member.company, "convenzione.pdf.p7m", nested)
        assert "non contiene un PDF" in response.text
        assert not CompanyDocument.objects.exists() and stored_files() == []

    @pytest.mark.parametrize(
        ("case", "name", "content", "message"), HOSTILE, ids=[case[0] for case in HOSTILE]
    )
    def test_refused_with_a_message_and_nothing_stored(
        self, member, tmp_path, case, name, content, message
    ):
        response = upload(member, member.company, name, content)
        assert response.status_code == 200
        assert message in response.text, case
        assert not CompanyDocument.objects.exists()
        assert stored_files() == []
        assert list((tmp_path / "tmp").iterdir()) == []

    def test_one_byte_over_the_limit(self, member, tmp_path):
        kind = small_kind()
        base = corpus.pdf()
        content = base + b"%" * (kind.max_bytes + 1 - len(base))
        assert len(content) == kind.max_bytes + 1
        response = upload(member, member.company, "grande.pdf", content, kind.translation_key)
        assert "più grande di 1 MB" in response.text
        assert not CompanyDocument.objects.exists() and stored_files() == []
        assert list((tmp_path / "tmp").iterdir()) == []
        exactly = base + b"%" * (kind.max_bytes - len(base))
        upload(member, member.company, "giusto.pdf", exactly, kind.translation_key)
        assert CompanyDocument.objects.count() == 1

    def test_a_huge_number_of_fields_is_refused(self, member):
        from django.core.files.uploadedfile import SimpleUploadedFile

        data = {f"f{i}": "x" for i in range(1500)}
        data["file"] = SimpleUploadedFile("convenzione.pdf", corpus.pdf())
        response = member.post(url("document_upload", member.company.pk, AGREEMENT), data)
        assert response.status_code == 400
        assert not CompanyDocument.objects.exists() and stored_files() == []

    def test_the_same_file_twice_is_recognised(self, member):
        content = corpus.pdf()
        upload(member, member.company, "convenzione.pdf", content)
        response = upload(member, member.company, "ancora.pdf", content)
        assert "già caricato (versione 1)" in response.text
        assert CompanyDocument.objects.count() == 1


class TestAccepted:
    @pytest.mark.parametrize(
        ("name", "builder", "content_type", "signature"),
        [
            ("convenzione.pdf", corpus.pdf, "application/pdf", "none"),
            ("convenzione-firmata.pdf", corpus.pades, "application/pdf", "pades"),
            ("convenzione.pdf.p7m", corpus.cades, "application/pkcs7-mime", "cades"),
        ],
    )
    def test_plain_and_signed_files_are_kept_privately(
        self, member, tmp_path, name, builder, content_type, signature
    ):
        content = builder()
        response = upload(member, member.company, name, content)
        assert "caricato come versione 1" in response.text
        document = CompanyDocument.objects.get()
        assert document.content_type == content_type
        assert document.signature == signature
        assert document.original_name == name
        assert document.size == len(content)
        # Stored under a random name in the private storage, outside MEDIA_ROOT.
        assert name not in document.file.name
        assert str(tmp_path / "p") in document.file.path
        with pytest.raises(NotImplementedError):
            document.file.url  # noqa: B018
        assert list((tmp_path / "tmp").iterdir()) == []
        if signature != "none":
            assert "Maria Rossi" in document.signer

    @pytest.mark.parametrize(
        ("builder", "flag"),
        [(corpus.with_javascript, "javascript"), (corpus.with_launch_action, "launch")],
    )
    def test_risky_pdfs_are_kept_but_flagged(self, member, builder, flag):
        upload(member, member.company, "convenzione.pdf", builder())
        assert flag in CompanyDocument.objects.get().flags


class TestVersionsAndChecklist:
    def test_new_version_supersedes_and_withdrawing_restores(self, member):
        upload(member, member.company, "v1.pdf", corpus.pdf(text_marker=b"uno"))
        first = CompanyDocument.objects.get()
        first.status = DocumentStatus.ACCEPTED
        first.save()
        upload(
            member, member.company, "v2.pdf", corpus.pdf(text_marker=b"due"), replace_accepted="1"
        )
        first.refresh_from_db()
        second = CompanyDocument.objects.get(version=2)
        assert first.status == DocumentStatus.ACCEPTED  # in force until v2 is accepted
        assert second.status == DocumentStatus.UPLOADED
        page = member.get(url("documents", member.company.pk)).text
        assert "v1.pdf" in page and "v2.pdf" in page  # the history stays visible
        member.post(url("document_withdraw", member.company.pk, second.pk))
        first.refresh_from_db()
        assert first.status == DocumentStatus.ACCEPTED
        assert not CompanyDocument.objects.filter(pk=second.pk).exists()

    def test_an_accepted_document_cannot_be_withdrawn(self, member):
        upload(member, member.company, "v1.pdf", corpus.pdf())
        document = CompanyDocument.objects.get()
        document.status = DocumentStatus.ACCEPTED
        document.save()
        response = member.post(
            url("document_withdraw", member.company.pk, document.pk), follow=True
        )
        assert "restano agli atti" in response.text
        assert CompanyDocument.objects.filter(pk=document.pk).exists()
        assert document.file.storage.exists(document.file.name)

    def test_checklist_states_on_the_dashboard(self, member):
        dashboard = url("dashboard", member.company.pk)
        assert "Mancante" in member.get(dashboard).text
        todo = [item.url for item in member.get(dashboard).context["todo"]]
        assert url("documents", member.company.pk) in todo
        upload(member, member.company, "v1.pdf", corpus.pdf())
        assert "Caricato, in attesa di verifica" in member.get(dashboard).text
        document = CompanyDocument.objects.get()
        document.status = DocumentStatus.REJECTED
        document.rejection_reason = "Manca la firma del legale rappresentante."
        document.save()
        page = member.get(url("documents", member.company.pk)).text
        assert "Respinto" in page and "Manca la firma del legale rappresentante." in page
        document.status = DocumentStatus.ACCEPTED
        document.save()
        assert "Accettato" in member.get(dashboard).text

    def test_not_due_before_approval(self, client):
        membership = MembershipFactory()
        client.force_login(membership.user)
        page = client.get(url("documents", membership.company.pk)).text
        assert 'type="file"' not in page
        response = upload(client, membership.company, "convenzione.pdf", corpus.pdf())
        assert response.status_code == 200
        assert not CompanyDocument.objects.exists()


class TestAccess:
    def _document(self, member):
        upload(member, member.company, "convenzione.pdf.p7m", corpus.cades())
        return CompanyDocument.objects.get()

    def test_members_download_the_same_bytes_with_safe_headers_and_an_audit_entry(self, member):
        document = self._document(member)
        response = member.get(url("document_download", member.company.pk, document.pk))
        assert response.status_code == 200
        body = b"".join(response.streaming_content)
        assert body == document.file.open("rb").read()
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert {"private", "no-store"} <= {v.strip() for v in response["Cache-Control"].split(",")}
        assert "default-src 'none'" in response["Content-Security-Policy"]
        assert (
            CompanyLogEntry.objects.filter(action="approdo.company.document_download").count() == 1
        )

    @pytest.mark.parametrize("who", ["anonymous", "other_company"])
    def test_others_get_nothing(self, member, client, who, django_user_model):
        document = self._document(member)
        from django.test import Client

        other = Client()
        if who == "other_company":
            other.force_login(MembershipFactory(company=CompanyFactory()).user)
        response = other.get(url("document_download", member.company.pk, document.pk))
        assert response.status_code == 404
        assert not CompanyLogEntry.objects.filter(
            action="approdo.company.document_download"
        ).exists()

    def test_an_unverified_member_gets_nothing(self, member, client):
        document = self._document(member)
        unverified = MembershipFactory(company=member.company, user__verified=False).user
        client.force_login(unverified)
        response = client.get(url("document_download", member.company.pk, document.pk))
        assert response.status_code == 404

    def test_a_foreign_document_id_under_ones_own_company_is_a_404(self, member):
        document = self._document(member)
        stranger = MembershipFactory(company__status=CompanyStatus.APPROVED)
        member.force_login(stranger.user)
        for name in ("document_download", "document_withdraw"):
            target = url(name, stranger.company.pk, document.pk)
            response = member.post(target) if name.endswith("withdraw") else member.get(target)
            assert response.status_code == 404
        assert CompanyDocument.objects.filter(pk=document.pk).exists()


def test_uploading_to_another_company_is_a_404(member):
    foreign = CompanyFactory(status=CompanyStatus.APPROVED)
    response = upload(member, foreign, "convenzione.pdf", corpus.pdf())
    assert response.status_code == 404
    assert not CompanyDocument.objects.exists() and stored_files() == []


def test_behind_nginx_the_bytes_are_handed_over_with_x_accel_redirect(member, settings):
    settings.APPRODO_PRIVATE_ACCEL_PREFIX = "/protected-documents/"
    upload(member, member.company, "convenzione.pdf", corpus.pdf())
    document = CompanyDocument.objects.get()
    response = member.get(url("document_download", member.company.pk, document.pk))
    assert response["X-Accel-Redirect"] == f"/protected-documents/{document.file.name}"
    assert response.content == b""
    assert response["Content-Disposition"] == 'attachment; filename="convenzione.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
