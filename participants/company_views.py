"""Internship attendance from the company's side: confirm each month, countersign as tutor.

The placement is reached through the company's own placements (another company's id is a
404); the rules live in participants.services.internship.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from companies.views.common import render_company, visible_company
from participants.services import internship
from participants.services.errors import NotPermitted
from users.http import private


class MonthForm(forms.Form):
    """The days and hours of one month, as the company confirms them."""

    days = forms.IntegerField(label=gettext_lazy("Days attended"), min_value=0)
    hours = forms.DecimalField(
        label=gettext_lazy("Hours attended"), min_value=0, max_digits=5, decimal_places=1
    )


def _month(value):
    try:
        return datetime.date.fromisoformat(value or "")
    except ValueError:
        return None


def _act(request, placement):
    """Runs the posted step; returns the bound form to show again when it was not stored."""
    month = _month(request.POST.get("month"))
    if month is None:
        messages.error(request, _("Choose a month of the placement that has begun."))
        return None, None
    try:
        if request.POST.get("action") == "countersign":
            row = get_object_or_404(placement.attendance_months, month=month)
            internship.countersign_month(request.user, row)
            messages.success(request, _("Month countersigned: it is now final."))
            return None, None
        form = MonthForm(request.POST, prefix=month.isoformat())
        if not form.is_valid():
            messages.error(request, _("Nothing was saved: correct the month marked below."))
            return month, form
        internship.confirm_month(request.user, placement, month, **form.cleaned_data)
        messages.success(request, _("Month confirmed: the tutor countersigns it next."))
    except internship.AlreadyConfirmed:
        messages.info(request, _("This month has already been confirmed."))
    except internship.AlreadyCountersigned:
        messages.info(request, _("This month has already been countersigned."))
    except NotPermitted:
        messages.error(request, _("Only members of the company can sign its attendance."))
    except ValidationError as error:
        if request.POST.get("action") == "countersign":
            messages.error(request, " ".join(error.messages))
        else:
            messages.error(request, _("Nothing was saved: correct the month marked below."))
            form.add_error(None, error)
            return month, form
    return None, None


@private
def internship_attendance(request, pk, placement_pk):
    """The placement's months: confirm days and hours, countersign, see what is final."""
    company = visible_company(request, pk)
    placement = get_object_or_404(
        company.placements.filter(status__in=internship.STARTED).select_related("participant"),
        pk=placement_pk,
    )
    failed_month, failed_form = None, None
    if request.method == "POST":
        failed_month, failed_form = _act(request, placement)
        if failed_form is None:
            return redirect(
                "companies:internship_attendance", pk=company.pk, placement_pk=placement.pk
            )
    recorded = {
        row.month: row for row in placement.attendance_months.prefetch_related("adjustments")
    }
    months = []
    for month in reversed(internship.months_of(placement)):
        row = recorded.get(month)
        form = failed_form if month == failed_month else None
        if row is None and form is None:
            form = MonthForm(prefix=month.isoformat())
        months.append(
            {
                "month": month,
                "row": row,
                "form": form if row is None else None,
                "values": internship.effective(row) if row else None,
                "may_countersign": row is not None
                and not row.locked
                and row.confirmed_by_id != request.user.pk,
            }
        )
    return render_company(
        request,
        "companies/internship_attendance.html",
        company,
        {"placement": placement, "months": months},
    )
