"""Erasure on the placements' side: what a person leaves in the host-companies domain.

The person is a participant; the participants app decides when someone is anonymised
(participants.privacy) and calls ``forget_placements`` inside that transaction. This keeps
the aggregate facts of the placements (company, site, dates, hours, allowance, status: what
the funder's reports count) and removes the free text about the person on their
placements and their steps, the e-mails about them still stored, and the log of who opened
their intern card. (Audit entries hold only their code: see companies/models/audit.py.)
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from companies.models import InternCardView, Placement, PlacementEvent, PlacementStatus
from mail.models import OutgoingEmail

FINAL = [
    PlacementStatus.COMPLETED,
    PlacementStatus.TERMINATED,
    PlacementStatus.DECLINED,
    PlacementStatus.WITHDRAWN,
]


class StillPlaced(Exception):
    """A person with a placement not yet ended cannot be anonymised: it is still run."""


def open_placements(person):
    """The person's placements that are proposed, accepted, running or suspended."""
    return Placement.objects.filter(participant=person).exclude(status__in=FINAL)


def forget_emails(code, texts):
    """Deletes the stored e-mails about one person, sent or waiting.

    Staff e-mails name the intern by the code and quote the reasons staff gave, which may
    speak about the person; company e-mails carry neither. An e-mail whose wording (staff
    may edit it) leaves the code out is still found by the reason it quotes.
    """
    about = Q(subject__contains=code) | Q(text__contains=code) | Q(html__contains=code)
    for text in texts:
        about |= Q(text__contains=text) | Q(html__contains=text)
    OutgoingEmail.objects.filter(about).delete()


def forget_placements(person):
    """Removes the person from their placements: called inside the person's anonymisation."""
    Placement.objects.filter(participant=person).update(
        workplace_notes="", reason="", company_tutor_email="", company_tutor_phone=""
    )
    events = PlacementEvent.objects.filter(placement__participant=person)
    forget_emails(person.code, events.exclude(message="").values_list("message", flat=True))
    # Reasons given for declining, suspending or ending early may speak about the person.
    events.update(message="")
    # The access log exists to account for who saw this person's card; once nobody can be
    # identified from the record, it has no purpose left and names the company's staff.
    InternCardView.objects.filter(placement__participant=person).delete()


def cutoff(months=None, today=None):
    """The day a placement must have ended before to be past the retention period."""
    months = settings.APPRODO_PERSONAL_DATA_MONTHS if months is None else months
    today = today or timezone.localdate()
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    day = min(today.day, 28)
    return datetime.date(year, month + 1, day)
