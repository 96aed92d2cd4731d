"""Retention of interns' personal data: who is due for anonymisation, and how it is done.

An intern is due when every placement has ended (completed, ended early, declined or
withdrawn) and
the last one ended more than APPRODO_PERSONAL_DATA_MONTHS ago, or when they never had a
placement and were recorded that long ago. Anonymising keeps the aggregate facts (company,
site, dates, hours, allowance, status: what the funder's reports count) and removes the
person: names, contacts, staff notes, the free text about them on their placements and
their steps, the e-mails about them still stored, and the log of who opened their card.
(The audit log holds only their code: see companies/models/audit.py.)
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from companies.models import (
    Intern,
    InternCardView,
    Placement,
    PlacementEvent,
    PlacementStatus,
)
from mail.models import OutgoingEmail

FINAL = [
    PlacementStatus.COMPLETED,
    PlacementStatus.TERMINATED,
    PlacementStatus.DECLINED,
    PlacementStatus.WITHDRAWN,
]


def cutoff(months=None, today=None):
    months = settings.APPRODO_PERSONAL_DATA_MONTHS if months is None else months
    today = today or timezone.localdate()
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    day = min(today.day, 28)
    return datetime.date(year, month + 1, day)


class StillPlaced(Exception):
    """An intern with a placement not yet ended cannot be anonymised: it is still run."""


def erasable(code):
    """The intern with pseudonymous ``code``, for an erasure request before the period ends.

    Raises Intern.DoesNotExist, or StillPlaced while a placement is proposed, accepted,
    running or suspended (end it first, or withdraw it before it starts: the company must
    not lose its tutor's contacts).
    """
    intern = Intern.objects.get(code=code)
    if intern.placements.exclude(status__in=FINAL).exists():
        raise StillPlaced(code)
    return intern


def due_for_anonymisation(months=None):
    """Interns to anonymise now, each annotated with ``last_end`` (None: no placement)."""
    limit = cutoff(months)
    open_placement = Placement.objects.filter(intern=OuterRef("pk")).exclude(status__in=FINAL)
    interns = (
        Intern.objects.filter(anonymised_at__isnull=True)
        .annotate(last_end=Max("placements__ends_on"), has_open=Exists(open_placement))
        .filter(has_open=False)
    )
    with_placements = interns.filter(last_end__lt=limit)
    without = interns.filter(last_end__isnull=True, created_at__date__lt=limit)
    return (with_placements | without).order_by("code")


def forget_emails(code, texts):
    """Deletes the stored e-mails about one intern, sent or waiting.

    Staff e-mails name the intern by the code and quote the reasons staff gave, which may
    speak about the person; company e-mails carry neither. An e-mail whose wording (staff
    may edit it) leaves the code out is still found by the reason it quotes.
    """
    about = Q(subject__contains=code) | Q(text__contains=code) | Q(html__contains=code)
    for text in texts:
        about |= Q(text__contains=text) | Q(html__contains=text)
    OutgoingEmail.objects.filter(about).delete()


@transaction.atomic
def anonymise(intern):
    """Removes the person from the record, keeps the facts; running it twice changes nothing."""
    intern = Intern.objects.select_for_update().get(pk=intern.pk)
    if intern.anonymised_at is not None:
        return False
    intern.given_name = "—"
    intern.family_name = intern.code
    intern.preferred_name = ""
    intern.phone = ""
    intern.email = ""
    intern.staff_notes = ""
    intern.anonymised_at = timezone.now()
    intern.save()
    intern.placements.update(
        workplace_notes="", reason="", company_tutor_email="", company_tutor_phone=""
    )
    events = PlacementEvent.objects.filter(placement__intern=intern)
    forget_emails(intern.code, events.exclude(message="").values_list("message", flat=True))
    # Reasons given for declining, suspending or ending early may speak about the person.
    events.update(message="")
    # The access log exists to account for who saw this person's card; once nobody can be
    # identified from the record, it has no purpose left and names the company's staff.
    InternCardView.objects.filter(placement__intern=intern).delete()
    return True
