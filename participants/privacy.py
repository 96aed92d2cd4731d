"""Retention and erasure of participants' personal data.

A participant is due for anonymisation when none of their paths is still open (each is
not eligible, completed, withdrawn or followed up) and the last one changed more than
APPRODO_PERSONAL_DATA_MONTHS ago, no placement is still open and the last one ended that
long ago, or when they have neither and were recorded that long ago.
Anonymising keeps the facts the funder's reports count (project, stages and their dates,
activities, hours, outcomes, the code) and removes the person: names, contacts, date of
birth, guardian, the referring contact, free text about them, the e-mails sent to them,
and the log of who opened their page (once nobody can be identified, it has no purpose
left and names staff); the host-companies side of the person goes with
companies.privacy.forget_placements.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q, Subquery
from django.dispatch import Signal
from django.utils import timezone

from companies import privacy as placements
from companies.models import Placement
from companies.privacy import StillPlaced
from mail.outbox import OutgoingEmail
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
    """People to anonymise now, each annotated with ``last_change`` (None: no path) and
    ``last_end`` (None: no placement)."""
    limit, ended_before = cutoff(months), placements.cutoff(months)
    open_path = Path.objects.filter(participant=OuterRef("pk")).exclude(stage__in=CLOSED)
    open_placement = placements.open_placements(OuterRef("pk"))
    last_end = (
        Placement.objects.filter(participant=OuterRef("pk"))
        .order_by("-ends_on")
        .values("ends_on")[:1]
    )
    people = (
        Participant.objects.filter(anonymised_at__isnull=True)
        .annotate(
            last_change=Max("paths__updated_at"),
            last_end=Subquery(last_end),
            has_open=Exists(open_path) | Exists(open_placement),
        )
        .filter(has_open=False)
    )
    paths_done = Q(last_change__lt=limit) | Q(last_change__isnull=True)
    placements_done = Q(last_end__lt=ended_before) | Q(last_end__isnull=True)
    neither = Q(last_change__isnull=True, last_end__isnull=True)
    return (
        people.filter(paths_done & placements_done)
        .exclude(neither & Q(created_at__gte=limit))
        .order_by("code")
    )


def erasable(code):
    """The participant with ``code``, for an erasure request: StillOnPath if a path is
    open, StillPlaced if a placement is (the company must not lose its tutor's contacts)."""
    person = Participant.objects.get(code=code)
    if person.paths.exclude(stage__in=CLOSED).exists():
        raise StillOnPath(code)
    if placements.open_placements(person).exists():
        raise StillPlaced(code)
    return person


@transaction.atomic
def anonymise(person):
    """Removes the person, keeps the facts; running it twice changes nothing."""
    person = Participant.objects.select_for_update().get(pk=person.pk)
    if person.anonymised_at is not None:
        return False
    InternshipAdjustment.objects.filter(month__placement__participant=person).update(reason="")
    if person.email:
        # What was sent to the person (a statement and its PDF) names them.
        OutgoingEmail.objects.filter(to__iexact=person.email).delete()
    person.given_name = "—"
    person.family_name = person.code
    person.preferred_name = ""
    person.phone = ""
    person.email = ""
    person.date_of_birth = None
    person.guardian_name = ""
    person.anonymised_at = timezone.now()
    person.save()
    Referral.objects.filter(participant=person).update(contact_name="", contact_email="")
    IndividualPlan.objects.filter(path__participant=person).update(members="", goals="")
    AttendanceAdjustment.objects.filter(attendance__path__participant=person).update(reason="")
    ParticipantView.objects.filter(participant=person).delete()
    placements.forget_placements(person)
    anonymised.send(sender=Participant, participant=person)
    return True
