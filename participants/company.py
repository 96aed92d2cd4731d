"""What the host company's dashboard shows about internship attendance.

One query whatever the number of placements: the started placements with their interns,
the months already confirmed and how many wait for this user's countersignature.
"""

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Count, Q, Value
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from companies.dashboard import Todo
from participants.services.internship import STARTED, months_of


def attendance_todo(company, user, today=None):
    """One to-do item per placement with months to confirm, and one with months to
    countersign (someone else confirmed them)."""
    today = today or timezone.localdate()
    unsigned = Q(attendance_months__countersigned_at__isnull=True) & ~Q(
        attendance_months__confirmed_by=user
    )
    placements = (
        company.placements.filter(status__in=STARTED)
        .select_related("participant")
        .annotate(
            recorded=ArrayAgg("attendance_months__month", default=Value([])),
            to_sign=Count("attendance_months", filter=unsigned),
        )
        .order_by("starts_on", "pk")
    )
    items = []
    for placement in placements:
        recorded = set(filter(None, placement.recorded))
        address = reverse("companies:internship_attendance", args=[company.pk, placement.pk])
        name = placement.participant.display_name
        missing = [month for month in months_of(placement, today) if month not in recorded]
        if missing:
            text = ngettext(
                "Confirm %(count)d month of attendance of %(name)s.",
                "Confirm %(count)d months of attendance of %(name)s.",
                len(missing),
            )
            items.append(Todo(text % {"count": len(missing), "name": name}, address))
        if placement.to_sign:
            items.append(
                Todo(
                    _("Countersign, as tutor, the attendance of %(name)s.") % {"name": name},
                    address,
                )
            )
    return items
