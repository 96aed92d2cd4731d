"""Per-project start conditions: what must be accepted before a placement starts.

companies' placement service asks ``missing_for_start`` before the "start" move, next to the
company's required documents; each item has a ``name`` like a document kind.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from agreements import render
from agreements.models import (
    DocumentType,
    PlacementRecord,
    RecordKind,
    SignedDocument,
    SignedStatus,
    StartConditions,
)


@dataclass(frozen=True)
class Condition:
    """One unmet condition, named for staff."""

    code: str
    name: str


SIGNED_AGREEMENT = _("Signed agreement (verified)")
SIGNED_PROJECT = _("Signed individual training project (verified)")


def conditions_for(placement):
    try:
        project = render.project_for(placement.company)
    except render.NoProject:
        return None
    return StartConditions.objects.filter(project=project).first()


def _accepted(placement, document_type, for_placement):
    return SignedDocument.objects.filter(
        generated__company_id=placement.company_id,
        generated__document_type=document_type,
        generated__placement=placement if for_placement else None,
        status=SignedStatus.ACCEPTED,
    ).exists()


def missing_for_start(placement):
    """The project's conditions this placement does not meet yet; [] without conditions."""
    conditions = conditions_for(placement)
    if conditions is None:
        return []
    missing = []
    if conditions.signed_agreement and not _accepted(placement, DocumentType.AGREEMENT, False):
        missing.append(Condition("agreement", SIGNED_AGREEMENT))
    if conditions.signed_training_project and not _accepted(
        placement, DocumentType.TRAINING_PROJECT, True
    ):
        missing.append(Condition("training_project", SIGNED_PROJECT))
    recorded = set(placement.start_records.values_list("kind", flat=True))
    for wanted, kind in [
        (conditions.insurance, RecordKind.INSURANCE),
        (conditions.safety_training, RecordKind.SAFETY_TRAINING),
    ]:
        if wanted and kind not in recorded:
            missing.append(Condition(kind.value, kind.label))
    return missing


class AlreadyRecorded(Exception):
    """The placement already has this record."""


def record(user, placement, kind, reference):
    """Staff record the intern's insurance or safety training for this placement."""
    try:
        with transaction.atomic():
            entry = PlacementRecord.objects.create(
                placement=placement, kind=kind, reference=reference.strip(), recorded_by=user
            )
    except IntegrityError as error:
        raise AlreadyRecorded from error
    log(
        placement.company,
        "approdo.agreements.start_record",
        user=user,
        data={"placement": placement.pk, "kind": kind},
    )
    return entry
