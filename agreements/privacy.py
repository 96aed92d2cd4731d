"""Erasure: an anonymised intern's training projects leave no file that names them.

The generated and signed PDFs print the person's code and preferred name. When the
participants' anonymisation saves the person with ``anonymised_at`` set, the files go; the
rows stay as the record that a document was generated, signed and reviewed (hashes,
verdicts, dates).
"""

from django.db import transaction

from agreements.models import GeneratedDocument, SignedDocument


def forget_intern(sender, instance, **kwargs):
    """post_save receiver on the placements' participant: runs once the person is
    anonymised, harmless after."""
    if instance.anonymised_at is None:
        return
    generated = GeneratedDocument.objects.filter(placement__participant=instance)
    signed = SignedDocument.objects.filter(generated__in=generated)
    files = [
        (field.storage, name)
        for queryset, field in [
            (generated, GeneratedDocument._meta.get_field("file")),
            (signed, SignedDocument._meta.get_field("file")),
        ]
        for name in queryset.exclude(file="").values_list("file", flat=True)
    ]
    if not files:
        return
    # The company may have named the upload after the person.
    signed.update(file="", original_name="—")
    generated.update(file="")
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
