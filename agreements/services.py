"""One function per action: generate a document, upload its signed file, accept or reject it."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from agreements import render, verify
from agreements.models import (
    SIGNED,
    DocumentType,
    GeneratedDocument,
    Signatory,
    SignedDocument,
    SignedStatus,
    Verdict,
)
from companies import antivirus, uploads
from companies.models import Company
from companies.services.documents import store_file
from companies.services.review import AlreadyDecided, NotPermitted, ReasonRequired

__all__ = ["AlreadyDecided", "NotPermitted", "ReasonRequired", "WarningNotAccepted"]


class WarningNotAccepted(Exception):
    """The signer is not known as entitled: staff must say they accept that explicitly."""


def _versions(company, document_type, placement):
    return GeneratedDocument.objects.filter(
        company=company, document_type=document_type, placement=placement
    )


@transaction.atomic
def generate(company, document_type, language, placement=None):
    """The document as the data gives it today: the stored version with these bytes, or a new one.

    Raises render.NoProject when no project covers the company's territory.
    """
    pdf = render.render_pdf(render.render_html(company, document_type, language, placement))
    sha = hashlib.sha256(pdf).hexdigest()
    Company.objects.select_for_update().filter(pk=company.pk).first()  # one version at a time
    versions = _versions(company, document_type, placement)
    existing = versions.filter(sha256=sha).first()
    if existing is not None:
        return existing
    latest = versions.order_by("-version").values_list("version", flat=True).first() or 0
    document = GeneratedDocument(
        company=company,
        placement=placement,
        document_type=document_type,
        language=language,
        version=latest + 1,
        sha256=sha,
        size=len(pdf),
    )
    document.file.save(document.download_name, ContentFile(pdf), save=False)
    try:
        document.save()
    except BaseException:
        document.file.delete(save=False)
        raise
    return document


def current_hashes(company, document_type, placement):
    """What the data gives today, in every language the company has downloaded."""
    languages = set(_versions(company, document_type, placement).values_list("language", flat=True))
    return {
        hashlib.sha256(
            render.render_pdf(render.render_html(company, document_type, language, placement))
        ).hexdigest()
        for language in sorted(languages)
    }


def signatories(company):
    """Tax code → role of everyone the company declared entitled to sign."""
    return {
        tax_code.upper(): role
        for tax_code, role in Signatory.objects.filter(company=company).values_list(
            "tax_code", "role"
        )
    }


@transaction.atomic
def upload_signed(user, company, document_type, uploaded, placement=None):
    """Checks and verifies a signed file; stores it with its verdicts as a new version.

    Raises antivirus errors, uploads.UploadRefused, verify.SignatureRefused or
    StorageFailed: then nothing is stored. A version still awaiting review, or rejected, is
    superseded by the new one.
    """
    name = uploads.check_name(uploaded.name)
    antivirus.scan(uploaded)
    inspection = uploads.inspect(uploaded, name)
    if inspection.signature == "none":
        verify.refuse("not_signed")
    # The signature covers the whole file, so verifying it needs all of it; the upload view
    # has already capped it at 20 MB.
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    candidates = {}
    for generated in _versions(company, document_type, placement).order_by("created_at"):
        candidates.setdefault(generated.sha256, generated)
    current = current_hashes(company, document_type, placement)
    result = verify.verify(data, candidates, current, signatories(company))
    locked = Company.objects.select_for_update().get(pk=company.pk)
    SignedDocument.objects.filter(
        generated__company=locked,
        generated__document_type=document_type,
        generated__placement=placement,
        status__in=SIGNED["supersede_pending"].sources,
    ).update(status=SIGNED["supersede_pending"].target)
    signed = SignedDocument(
        generated=result.generated,
        original_name=inspection.name,
        size=inspection.size,
        sha256=inspection.sha256,
        signature_format=result.signature_format,
        document_verdict=Verdict.PASSED,
        signature_verdict=Verdict.PASSED,
        signer_verdict=result.signer_verdict,
        details=result.details,
        signer_name=result.signer_name,
        signer_tax_code=result.signer_tax_code,
        signed_at=result.signed_at,
        uploaded_by=user,
    )
    store_file(signed, uploaded)  # StorageFailed: nothing kept, the transaction rolls back
    try:
        signed.save()
        log(
            locked,
            "approdo.agreements.signed_upload",
            user=user,
            data={
                "signed": signed.pk,
                "generated": result.generated.pk,
                "verdicts": verdicts(signed),
            },
        )
    except BaseException:
        signed.file.delete(save=False)
        raise
    return signed


def verdicts(signed):
    return {
        "document": signed.document_verdict,
        "signature": signed.signature_verdict,
        "signer": signed.signer_verdict,
    }


def reviewable_signed(user):
    """Signed documents a staff user may open: their territories', with the permission."""
    if not getattr(user, "is_authenticated", False) or not user.has_perm(
        "companies.review_document"
    ):
        return SignedDocument.objects.none()
    companies = Company.objects.reviewable_by(user).values("pk")
    return SignedDocument.objects.filter(generated__company__in=companies)


@transaction.atomic
def _decide(user, signed, status, reason="", accept_warning=False):
    if not reviewable_signed(user).filter(pk=signed.pk).exists():
        raise NotPermitted
    locked = SignedDocument.objects.select_for_update().filter(pk=signed.pk).first()
    move = "accept" if status == SignedStatus.ACCEPTED else "reject"
    if locked is None or not SIGNED.can(locked, move):
        raise AlreadyDecided(signed.generated.company, None)
    if move == "accept":
        if locked.signer_verdict != Verdict.PASSED and not accept_warning:
            raise WarningNotAccepted
        locked.warning_accepted = locked.signer_verdict != Verdict.PASSED
        SignedDocument.objects.filter(
            generated__company_id=locked.generated.company_id,
            generated__document_type=locked.generated.document_type,
            generated__placement_id=locked.generated.placement_id,
            status__in=SIGNED["supersede_accepted"].sources,
        ).update(status=SIGNED["supersede_accepted"].target)
    SIGNED.apply(locked, move)
    locked.rejection_reason = reason
    locked.reviewed_by = user
    locked.reviewed_at = timezone.now()
    locked.save(
        update_fields=[
            "status",
            "rejection_reason",
            "warning_accepted",
            "reviewed_by",
            "reviewed_at",
        ]
    )
    log(
        locked.generated.company,
        f"approdo.agreements.signed_{status}",
        user=user,
        data={"signed": locked.pk, "reason": reason, "warning_accepted": locked.warning_accepted},
    )
    return locked


def accept(user, signed, accept_warning=False):
    """The signed document is in force; a signer warning needs ``accept_warning``."""
    return _decide(user, signed, SignedStatus.ACCEPTED, accept_warning=accept_warning)


def reject(user, signed, reason):
    if not reason.strip():
        raise ReasonRequired
    return _decide(user, signed, SignedStatus.REJECTED, reason.strip())


DOCUMENT_TYPES = {DocumentType.AGREEMENT, DocumentType.TRAINING_PROJECT}
