"""One function per document action: upload a version, withdraw it, download it."""

import logging

from django.db import transaction
from wagtail.log_actions import log

from companies import antivirus, uploads
from companies.models import VERSION, Company, CompanyDocument, DocumentStatus
from companies.services.errors import (
    DocumentLocked,
    DuplicateDocument,
    ReplacementNotConfirmed,
    StorageFailed,
)

logger = logging.getLogger(__name__)


def store_file(record, uploaded):
    """Writes ``record.file`` under a random name, or removes whatever a failed write left.

    A disk that fills up mid-write leaves a partial file under the name the storage was
    given; the name is random and checked free first, so deleting it removes only that.
    An unreachable object store fails the same way. Raises StorageFailed.
    """
    field_file = record.file
    storage = field_file.storage
    name = field_file.field.generate_filename(record, "upload")
    try:
        while storage.exists(name):
            name = field_file.field.generate_filename(record, "upload")
        field_file.name = storage.save(name, uploaded, max_length=field_file.field.max_length)
    except OSError as error:
        logger.exception("Private storage refused an upload (%s)", type(record).__name__)
        try:
            if storage.exists(name):
                storage.delete(name)
        except OSError:
            logger.exception("A partial upload could not be removed: %s", name)
        raise StorageFailed from error


@transaction.atomic
def upload_document(user, company, kind, uploaded, replace_accepted=False):
    """Checks the file by content, stores it privately as the kind's next version.

    An accepted version stays in force (placements go on, the checklist stays satisfied)
    until staff accept the new one; uploading over it needs ``replace_accepted``, else
    ReplacementNotConfirmed. A version still awaiting review, or rejected, is superseded.

    Raises antivirus.Infected, antivirus.ScannerUnavailable, uploads.UploadRefused,
    DuplicateDocument or StorageFailed; then nothing is stored. The scan comes first, so
    no library parses a file that clamd would have refused.
    """
    name = uploads.check_name(uploaded.name)
    antivirus.scan(uploaded)
    inspection = uploads.inspect(uploaded, name)
    locked = Company.objects.select_for_update().get(pk=company.pk)
    versions = locked.documents.filter(kind_key=kind.translation_key)
    same = versions.filter(sha256=inspection.sha256).order_by("-version").first()
    if same is not None:
        raise DuplicateDocument(same)
    if versions.filter(status=DocumentStatus.ACCEPTED).exists() and not replace_accepted:
        raise ReplacementNotConfirmed
    # Locked: a staff decision on this version waits, or is seen, before it is superseded.
    latest = (
        versions.select_for_update()
        .exclude(status__in=[DocumentStatus.SUPERSEDED, DocumentStatus.ACCEPTED])
        .order_by("-version")
        .first()
    )
    document = CompanyDocument(
        company=locked,
        kind_key=kind.translation_key,
        version=(versions.order_by("-version").values_list("version", flat=True).first() or 0) + 1,
        original_name=inspection.name,
        size=inspection.size,
        sha256=inspection.sha256,
        content_type=inspection.content_type,
        signature=inspection.signature,
        signer=inspection.signer[:500],
        flags=inspection.flags,
        uploaded_by=user,
    )
    store_file(document, uploaded)
    try:
        document.save()
        if latest is not None:
            latest.replaced_status = latest.status
            VERSION.apply(latest, "supersede")
            latest.save(update_fields=["status", "replaced_status"])
        log(
            locked,
            "approdo.company.document_upload",
            user=user,
            data={
                "document": document.pk,
                "kind": str(kind.translation_key),
                "v": document.version,
                "replaces_accepted": replace_accepted,
            },
        )
    except BaseException:
        document.file.delete(save=False)  # the row is rolled back: leave no orphan file
        raise
    return document


@transaction.atomic
def withdraw_document(user, company, document):
    """Removes a version not yet reviewed; the version it replaced gets its status back."""
    locked = Company.objects.select_for_update().get(pk=company.pk)
    document = locked.documents.select_for_update().get(pk=document.pk)
    if document.status != DocumentStatus.UPLOADED:
        raise DocumentLocked
    versions = locked.documents.filter(kind_key=document.kind_key).exclude(pk=document.pk)
    previous = versions.filter(status=DocumentStatus.SUPERSEDED).order_by("-version").first()
    # Only the version this upload replaced comes back, never one older than the version
    # in force (an accepted version is not superseded by an upload, only by acceptance).
    current = versions.exclude(status=DocumentStatus.SUPERSEDED).order_by("-version").first()
    if (
        previous is not None
        and previous.replaced_status
        and (current is None or previous.version > current.version)
    ):
        VERSION.apply(previous, f"restore_{previous.replaced_status}")
        previous.replaced_status = ""
        previous.save(update_fields=["status", "replaced_status"])
    name, storage = document.file.name, document.file.storage
    document_id = document.pk
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))
    log(locked, "approdo.company.document_withdraw", user=user, data={"document": document_id})


def record_download(user, company, document):
    """Every download leaves one audit entry: who, when, which version."""
    log(
        company,
        "approdo.company.document_download",
        user=user,
        data={"document": document.pk, "version": document.version, "sha256": document.sha256},
    )


def record_infected(user, company, kind, signature):
    """Audit entry for a refused infected upload (outside the refused upload's transaction)."""
    log(
        company,
        "approdo.company.document_infected",
        user=user,
        data={"kind": str(kind.translation_key), "signature": signature},
    )
