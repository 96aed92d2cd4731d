"""Retention and erasure of participants' personal data.

A participant is due for anonymisation when none of their paths is still open (each is
not eligible, completed, withdrawn or followed up) and the last one changed more than
APPRODO_PERSONAL_DATA_MONTHS ago, or when they have no path and were recorded that long ago.
Anonymising keeps the facts the funder's reports count (project, stages and their dates,
activities, hours, outcomes, the code) and removes the person: names, contacts, date of
birth, guardian, the referring contact, free text about them, and the log of who opened
their page (once nobody can be identified, it has no purpose left and names staff).
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Max, OuterRef
from django.dispatch import Signal
from django.utils import timezone

from participants.models import (
    AttendanceAdjustment,
    IndividualPlan,
    InternshipAdjustment,
    Participant,
    ParticipantView,
    Path,
    Referral,
    Stage,
)

# Sent inside anonymise's transaction with ``participant``: apps holding more of the
# person (the allowance's bank account, the ESF+ monitoring record) remove it there.
anonymised = Signal()

CLOSED = [Stage.NOT_ELIGIBLE, Stage.COMPLETED, Stage.WITHDRAWN, Stage.FOLLOWED_UP]


class StillOnPath(Exception):
    """A person with an open path is not anonymised: their path is still being run."""


def cutoff(months=None, now=None):
    months = settings.APPRODO_PERSONAL_DATA_MONTHS if months is None else months
    return (now or timezone.now()) - datetime.timedelta(days=round(months * 30.44))


def due_for_anonymisation(months=None):
    """People to anonymise now, each annotated with ``last_change`` (None: no path)."""
    limit = cutoff(months)
    open_path = Path.objects.filter(participant=OuterRef("pk")).exclude(stage__in=CLOSED)
    people = (
        Participant.objects.filter(anonymised_at__isnull=True)
        .annotate(last_change=Max("paths__updated_at"), has_open=Exists(open_path))
        .filter(has_open=False)
    )
    with_paths = people.filter(last_change__lt=limit)
    without = people.filter(last_change__isnull=True, created_at__lt=limit)
    return (with_paths | without).order_by("code")


def erasable(code):
    """The participant with ``code``, for an erasure request; StillOnPath if a path is open."""
    person = Participant.objects.get(code=code)
    if person.paths.exclude(stage__in=CLOSED).exists():
        raise StillOnPath(code)
    return person


@transaction.atomic
def anonymise(person):
    """Removes the person, keeps the facts; running it twice changes nothing."""
    person = Participant.objects.select_for_update().get(pk=person.pk)
    if person.anonymised_at is not None:
        return False
    if person.intern_id is not None:
        InternshipAdjustment.objects.filter(month__placement__intern_id=person.intern_id).update(
            reason=""
        )
    person.given_name = "—"
    person.family_name = person.code
    person.preferred_name = ""
    person.phone = ""
    person.email = ""
    person.date_of_birth = None
    person.guardian_name = ""
    person.intern = None
    person.anonymised_at = timezone.now()
    person.save()
    Referral.objects.filter(participant=person).update(contact_name="", contact_email="")
    IndividualPlan.objects.filter(path__participant=person).update(members="", goals="")
    AttendanceAdjustment.objects.filter(attendance__path__participant=person).update(reason="")
    ParticipantView.objects.filter(participant=person).delete()
    anonymised.send(sender=Participant, participant=person)
    return True
