"""Shared set-up of the reminders' tests: a frozen clock and what the outbox queued."""

import datetime

import time_machine

from agreements.models import DocumentType, GeneratedDocument, SignedDocument, SignedStatus
from mail.outbox import OutgoingEmail
from reminders import digest, for_companies, for_staff

# A Wednesday, well inside a month: no attendance reminder is due on it.
T0 = datetime.datetime(2027, 1, 13, 9, 0, tzinfo=datetime.UTC)


def at(moment):
    """Freezes the clock at ``moment`` (a context manager)."""
    return time_machine.travel(moment, tick=False)


def days(n, hours=0):
    return T0 + datetime.timedelta(days=n, hours=hours)


def run_companies(moment):
    with at(moment):
        return for_companies.run()


def run_staff(moment):
    with at(moment):
        return for_staff.run()


def run_digests(moment):
    with at(moment):
        return digest.weekly()


def emails(kind):
    return list(OutgoingEmail.objects.filter(kind=kind).order_by("to"))


def accepted_agreement(company, reviewed_at):
    """A generated agreement and its signed version, accepted at ``reviewed_at``."""
    generated = GeneratedDocument.objects.create(
        company=company,
        document_type=DocumentType.AGREEMENT,
        language="it",
        version=1,
        sha256="1" * 64,
        size=10,
        file="agreements/x.pdf",
    )
    return SignedDocument.objects.create(
        generated=generated,
        file="agreements/y.pdf",
        original_name="convenzione.pdf",
        size=10,
        sha256="2" * 64,
        signature_format="pades",
        status=SignedStatus.ACCEPTED,
        reviewed_at=reviewed_at,
    )
