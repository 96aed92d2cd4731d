"""Signed uploads: our document, a valid trusted signature, an entitled signer."""

import asyncio

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from agreements import services, verify
from agreements.models import DocumentType, SignedDocument, SignedStatus, Verdict
from tests.agreements import pki, signing


def _agreement(world, language="it"):
    generated = services.generate(world.company, DocumentType.AGREEMENT, language)
    with generated.file.open("rb") as stored:
        return generated, stored.read()


def _upload(world, data, name="convenzione.pdf", placement=None):
    document_type = DocumentType.TRAINING_PROJECT if placement else DocumentType.AGREEMENT
    return services.upload_signed(
        world.user, world.company, document_type, SimpleUploadedFile(name, data), placement
    )


def _refused(world, data, code, name="convenzione.pdf"):
    with pytest.raises(verify.SignatureRefused) as refusal:
        _upload(world, data, name)
    assert refusal.value.code == code
    assert SignedDocument.objects.count() == 0
    return refusal.value


def test_pades_signature_by_the_legal_representative_passes_all_three(world, test_pki):
    generated, pdf = _agreement(world)
    signed = _upload(world, test_pki.good.pades(pdf))
    assert signed.generated == generated
    assert signed.signature_format == "pades"
    assert (signed.document_verdict, signed.signature_verdict, signed.signer_verdict) == (
        Verdict.PASSED,
        Verdict.PASSED,
        Verdict.PASSED,
    )
    assert signed.all_passed
    assert signed.signer_tax_code == pki.LEGAL_REPRESENTATIVE_CF
    assert "Maria Rossi" in signed.signer_name
    assert signed.details["signed_sha256"] == generated.sha256
    assert signed.details["signer_role"] == "legal_representative"
    assert signed.signed_at is not None
    assert signed.status == SignedStatus.UPLOADED


def test_cades_envelope_of_the_arabic_agreement_passes(world, test_pki):
    generated, pdf = _agreement(world, "ar")
    signed = _upload(world, test_pki.good.cades(pdf), name="convenzione.pdf.p7m")
    assert signed.signature_format == "cades"
    assert signed.generated == generated
    assert signed.all_passed


def test_training_project_signed_for_its_placement(world, test_pki):
    generated = services.generate(
        world.company, DocumentType.TRAINING_PROJECT, "it", world.placement
    )
    pdf = generated.file.open("rb").read()
    signed = _upload(world, test_pki.good.pades(pdf), placement=world.placement)
    assert signed.generated == generated
    # The agreement's slot does not take the training project.
    with pytest.raises(verify.SignatureRefused):
        _upload(world, test_pki.good.pades(pdf))


def test_unsigned_pdf_is_refused(world):
    _generated, pdf = _agreement(world)
    _refused(world, pdf, "not_signed")


def test_another_pdf_is_refused(world, test_pki):
    import weasyprint

    _agreement(world)
    other = weasyprint.HTML(string="<h1>Another agreement</h1>").write_pdf()
    refusal = _refused(world, test_pki.good.pades(other), "not_ours")
    with translation.override("en"):
        assert "not the document Approdo generated" in str(refusal.message)
    with translation.override("ar"):
        assert "Approdo" in str(refusal.message)
        assert "not the document" not in str(refusal.message)


def test_pdf_edited_and_saved_again_is_refused(world, test_pki):
    _generated, pdf = _agreement(world)
    _refused(world, test_pki.good.pades(signing.rewrite(pdf)), "not_ours")
    _refused(world, test_pki.good.cades(signing.rewrite(pdf)), "not_ours", "c.pdf.p7m")


def test_pdf_edited_by_an_incremental_update_before_signing_is_refused(world, test_pki):
    """Our bytes are still a prefix, but the signed revision is not ours."""
    _generated, pdf = _agreement(world)
    edited = signing.edit_incrementally(pdf)
    assert edited.startswith(pdf)
    _refused(world, test_pki.good.pades(edited), "not_ours")


def test_older_version_is_refused(world, test_pki):
    _generated, old_pdf = _agreement(world)
    world.company.legal_representative = "Luca Bruni"
    world.company.save()
    refusal = _refused(world, test_pki.good.pades(old_pdf), "outdated")
    with translation.override("en"):
        assert "older version" in str(refusal.message)


def test_expired_certificate_is_refused(world, test_pki):
    _generated, pdf = _agreement(world)
    _refused(world, test_pki.expired.pades(pdf), "expired")
    _refused(world, test_pki.expired.cades(pdf), "expired", "c.pdf.p7m")


def test_broken_signature_is_refused(world, test_pki):
    _generated, pdf = _agreement(world)
    _refused(world, signing.break_pades(test_pki.good.pades(pdf)), "broken")
    _refused(world, signing.break_cades(test_pki.good.cades(pdf)), "broken", "c.pdf.p7m")


def test_untrusted_chain_is_refused(world, test_pki):
    _generated, pdf = _agreement(world)
    _refused(world, test_pki.untrusted.pades(pdf), "untrusted")
    _refused(world, test_pki.untrusted.cades(pdf), "untrusted", "c.pdf.p7m")


def test_no_trust_list_refuses_rather_than_trusting_anything(world, test_pki, settings):
    settings.APPRODO_TRUSTED_CERTIFICATES = ""
    _generated, pdf = _agreement(world)
    _refused(world, test_pki.good.pades(pdf), "no_trust_list")


def test_wrong_signer_is_kept_with_a_warning_staff_must_accept(world, test_pki):
    _generated, pdf = _agreement(world)
    signed = _upload(world, test_pki.wrong_signer.pades(pdf))
    assert signed.document_verdict == Verdict.PASSED
    assert signed.signature_verdict == Verdict.PASSED
    assert signed.signer_verdict == Verdict.WARNING
    assert signed.signer_tax_code == pki.OTHER_CF
    assert not signed.all_passed


def test_declared_delegate_is_entitled(world, test_pki):
    from agreements.models import Signatory, SignatoryRole

    Signatory.objects.create(
        company=world.company,
        role=SignatoryRole.DELEGATE,
        full_name="Giuseppe Bianchi",
        tax_code=pki.OTHER_CF,
    )
    _generated, pdf = _agreement(world)
    signed = _upload(world, test_pki.wrong_signer.pades(pdf))
    assert signed.signer_verdict == Verdict.PASSED
    assert signed.details["signer_role"] == "delegate"


def test_a_new_upload_supersedes_the_one_awaiting_review(world, test_pki):
    _generated, pdf = _agreement(world)
    first = _upload(world, test_pki.wrong_signer.pades(pdf))
    second = _upload(world, test_pki.good.pades(pdf))
    first.refresh_from_db()
    assert first.status == SignedStatus.SUPERSEDED
    assert second.status == SignedStatus.UPLOADED


def test_signature_dated_before_the_document_was_generated_is_refused(world, test_pki):
    """A signer may not move the signing time back (e.g. into a certificate's validity)."""
    import datetime

    import time_machine

    _generated, pdf = _agreement(world)
    with time_machine.travel(datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=2)):
        backdated = test_pki.good.pades(pdf)
    _refused(world, backdated, "signing_time")


def test_review_details_name_the_trust_anchor(world, test_pki):
    _generated, pdf = _agreement(world)
    signed = _upload(world, test_pki.good.cades(pdf), name="c.pdf.p7m")
    assert "Approdo Test Qualified CA" in signed.details["trust_anchor"]


@pytest.mark.parametrize("signature_format", ["pades", "cades"])
def test_a_signature_is_checked_where_an_event_loop_is_running(world, test_pki, signature_format):
    """pyHanko runs its checks with asyncio.run, which refuses to start in a thread whose
    event loop runs (an async server's, or a test process that drove a browser)."""
    generated, pdf = _agreement(world)
    data = test_pki.good.pades(pdf) if signature_format == "pades" else test_pki.good.cades(pdf)
    candidates = {generated.sha256: generated}
    current = services.current_hashes(world.company, DocumentType.AGREEMENT, None)
    signatories = services.signatories(world.company)

    async def verify_while_the_loop_runs():
        return verify.verify(data, candidates, current, signatories)

    result = asyncio.run(verify_while_the_loop_runs())
    assert result.signature_format == signature_format
    assert result.generated == generated
    assert result.signer_verdict == Verdict.PASSED
