"""Internship attendance: the host company confirms each month, its tutor countersigns,
and staff correct a locked month with a logged adjustment.

Company users act through their membership of the placement's company; the views reach the
placement through the company's own queryset, and these functions check the membership
again. Each step locks the rows it changes, so a double click confirms once.
"""

import calendar
import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from companies.models import Membership, Placement, PlacementStatus
from participants.models import InternshipAdjustment, InternshipMonth, Participant
from participants.services.errors import NotPermitted

ZERO = Decimal("0")
# A day of internship counts at most this many hours: anything above is a typing error.
MAX_HOURS_A_DAY = 12
# Placements whose months are confirmed: running, paused, or ended with months to close.
STARTED = {
    PlacementStatus.ACTIVE,
    PlacementStatus.SUSPENDED,
    PlacementStatus.COMPLETED,
    PlacementStatus.TERMINATED,
}


class AlreadyConfirmed(Exception):
    """The month has already been confirmed: it changes only by a staff adjustment."""


class AlreadyCountersigned(Exception):
    """The month has already been countersigned."""


def month_of(day):
    return day.replace(day=1)


def _next_month(month):
    return (month + datetime.timedelta(days=32)).replace(day=1)


def months_of(placement, today=None):
    """The months of the placement that have begun, oldest first."""
    last = month_of(min(placement.ends_on, today or timezone.localdate()))
    month, months = month_of(placement.starts_on), []
    while month <= last:
        months.append(month)
        month = _next_month(month)
    return months


def days_in(placement, month):
    """Calendar days of ``month`` that fall within the placement."""
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    first, last = max(month, placement.starts_on), min(last, placement.ends_on)
    return max((last - first).days + 1, 0)


def clean_values(placement, month, days, hours):
    """Days and hours of a month, checked: ValidationError with a message to show."""
    try:
        days = int(days)
        hours = Decimal(str(hours))
    except (TypeError, ValueError, InvalidOperation) as error:
        raise ValidationError(_("Days and hours must be numbers.")) from error
    available = days_in(placement, month)
    if days < 0 or days > available:
        raise ValidationError(
            _("Days must be between 0 and %(max)d for this month.") % {"max": available}
        )
    if hours < 0 or hours > days * MAX_HOURS_A_DAY:
        raise ValidationError(
            _("Hours must be between 0 and %(max)d for %(days)d days.")
            % {"max": days * MAX_HOURS_A_DAY, "days": days}
        )
    return days, hours.quantize(Decimal("0.1"))


def _require_member(user, company_id):
    if not Membership.objects.filter(user=user, company_id=company_id).exists():
        raise NotPermitted


def _signature(user):
    return user.get_full_name() or user.get_username()


def _log(user, placement, **data):
    log(
        placement.company,
        "approdo.company.placement",
        user=user,
        data={"placement": placement.pk, **data},
    )


@transaction.atomic
def confirm_month(user, placement, month, *, days, hours):
    """The company confirms the days and hours of one month of a placement."""
    placement = Placement.objects.select_for_update().select_related("company").get(pk=placement.pk)
    _require_member(user, placement.company_id)
    if placement.status not in STARTED:
        raise ValidationError(_("This placement has not started: there is nothing to confirm."))
    month = month_of(month)
    if month not in months_of(placement):
        raise ValidationError(_("Choose a month of the placement that has begun."))
    days, hours = clean_values(placement, month, days, hours)
    if InternshipMonth.objects.filter(placement=placement, month=month).exists():
        raise AlreadyConfirmed
    row = InternshipMonth.objects.create(
        placement=placement,
        month=month,
        days=days,
        hours=hours,
        confirmed_by=user,
        confirmer=_signature(user),
    )
    _log(user, placement, action="attendance_confirm", month=f"{month:%Y-%m}")
    return row


def tutor_member_id(placement):
    """The member of the company who is the tutor named on the placement, if any."""
    email = placement.company_tutor_email
    if not email:
        return None
    return (
        Membership.objects.filter(company_id=placement.company_id, user__email__iexact=email)
        .values_list("user_id", flat=True)
        .first()
    )


@transaction.atomic
def countersign_month(user, row):
    """The company tutor countersigns a confirmed month, which then locks.

    The countersignature comes from another member than the one who confirmed. When the
    tutor named on the placement has an account in the company and did not confirm, only
    they may countersign.
    """
    row = (
        InternshipMonth.objects.select_for_update(of=("self",))
        .select_related("placement__company")
        .get(pk=row.pk)
    )
    placement = row.placement
    _require_member(user, placement.company_id)
    if row.locked:
        raise AlreadyCountersigned
    if row.confirmed_by_id == user.pk:
        raise ValidationError(
            _("Another member of the company, the tutor, countersigns what you confirmed.")
        )
    tutor = tutor_member_id(placement)
    if tutor is not None and tutor != row.confirmed_by_id and tutor != user.pk:
        raise ValidationError(
            _("The tutor named on the placement, %(name)s, countersigns this month.")
            % {"name": placement.company_tutor_name}
        )
    row.countersigned_by = user
    row.countersigner = _signature(user)
    row.countersigned_at = timezone.now()
    row.save(update_fields=["countersigned_by", "countersigner", "countersigned_at"])
    _log(user, placement, action="attendance_countersign", month=f"{row.month:%Y-%m}")
    return row


def effective(row):
    """The month's days and hours with its adjustments applied (prefetch them for lists)."""
    adjustments = list(row.adjustments.all())
    if adjustments:
        return adjustments[-1].days, adjustments[-1].hours
    return row.days, row.hours


@transaction.atomic
def adjust_month(user, row, *, days, hours, reason):
    """Staff correct a locked month: a new adjustment with the reason, never an edit."""
    if not user.has_perm("participants.add_internshipadjustment"):
        raise NotPermitted
    people = Participant.objects.visible_to_staff(user)
    if not people.filter(placements__attendance_months=row).exists():
        raise NotPermitted
    if not (reason or "").strip():
        raise ValidationError(_("Say why the attendance is corrected."))
    row = (
        InternshipMonth.objects.select_for_update(of=("self",))
        .select_related("placement__company")
        .get(pk=row.pk)
    )
    if not row.locked:
        raise ValidationError(
            _("This month is not countersigned yet: the company can still confirm it.")
        )
    days, hours = clean_values(row.placement, row.month, days, hours)
    before_days, before_hours = effective(row)
    adjustment = InternshipAdjustment.objects.create(
        month=row,
        days=days,
        hours=hours,
        days_delta=days - before_days,
        hours_delta=hours - before_hours,
        reason=reason.strip(),
        made_by=user,
    )
    _log(
        user,
        row.placement,
        action="attendance_adjust",
        month=f"{row.month:%Y-%m}",
        delta=str(adjustment.hours_delta),
    )
    return adjustment


def confirmed_hours(participant_ids):
    """Countersigned internship hours per person, adjustments included:
    {participant_id: hours}."""
    recorded = (
        InternshipMonth.objects.filter(
            placement__participant_id__in=participant_ids, countersigned_at__isnull=False
        )
        .values("placement__participant_id")
        .annotate(total=Sum("hours"))
    )
    totals = {row["placement__participant_id"]: row["total"] or ZERO for row in recorded}
    deltas = (
        InternshipAdjustment.objects.filter(month__placement__participant_id__in=participant_ids)
        .values("month__placement__participant_id")
        .annotate(total=Sum("hours_delta"))
    )
    for row in deltas:
        key = row["month__placement__participant_id"]
        totals[key] = totals.get(key, ZERO) + (row["total"] or ZERO)
    return totals
