"""Anonymising a person removes the training-project files that print their name."""

from django.core.files.uploadedfile import SimpleUploadedFile

from agreements import services
from agreements.models import DocumentType, GeneratedDocument, SignedDocument
from participants import privacy
from tests.erasure import assert_erased


def test_anonymisation_deletes_generated_and_signed_files(
    world, test_pki, django_capture_on_commit_callbacks
):
    placement = world.placement
    generated = services.generate(world.company, DocumentType.TRAINING_PROJECT, "it", placement)
    pdf = generated.file.open("rb").read()
    signed = services.upload_signed(
        world.user,
        world.company,
        DocumentType.TRAINING_PROJECT,
        SimpleUploadedFile("progetto Gio Esposito.pdf", test_pki.good.pades(pdf)),
        placement,
    )
    storage = generated.file.storage
    paths = [generated.file.name, signed.file.name]
    assert all(storage.exists(path) for path in paths)
    agreement = services.generate(world.company, DocumentType.AGREEMENT, "it")

    with django_capture_on_commit_callbacks(execute=True):
        privacy.anonymise(placement.participant)

    assert not any(storage.exists(path) for path in paths)
    signed = SignedDocument.objects.get()
    assert signed.original_name == "—"
    assert signed.sha256  # the record of what was signed stays
    assert GeneratedDocument.objects.get(pk=generated.pk).file.name == ""
    # The company's agreement names nobody and stays.
    assert storage.exists(agreement.file.name)
    assert_erased(["Giovanna", "Esposito", "Gio Esposito"])
