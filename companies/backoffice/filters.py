"""Filters of the staff companies queue; the default view is "awaiting review"."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from companies.models import Company, CompanyStatus, Territory
from companies.validators import ateco_node
from news.models import CallAudience, CallPage

SECTION_LETTERS = "ABCDEFGHIJKLMNOPQRSTUV"


def section_choices():
    choices = []
    for letter in SECTION_LETTERS:
        node = ateco_node(letter)
        if node is not None:
            choices.append((letter, f"{letter} — {node.title.capitalize()}"))
    return choices


def territories(request):
    """Only the territories the user may see are offered as choices."""
    if request is None:
        return Territory.objects.none()
    if request.user.is_superuser:
        return Territory.objects.all()
    return Territory.objects.filter(moderators=request.user)


def calls(request):
    return CallPage.objects.filter(audience=CallAudience.HOST_COMPANIES).order_by("-closes_at")


class CompanyFilterSet(WagtailFilterSet):
    """Status (awaiting review unless chosen), territory, sector, submission date, call."""

    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=CompanyStatus.choices,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    territory = django_filters.ModelChoiceFilter(label=_("Territory"), queryset=territories)
    ateco_section = django_filters.ChoiceFilter(
        label=_("ATECO section"), choices=section_choices, empty_label=_("All")
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Submitted"), widget=DateRangePickerWidget
    )
    call = django_filters.ModelChoiceFilter(
        label=_("Call answered"),
        queryset=calls,
        field_name="positions__call",
        distinct=True,
    )

    class Meta:
        model = Company
        fields = ["status", "territory", "ateco_section", "submitted_at", "call"]

    def __init__(self, data=None, *args, **kwargs):
        # No status in the query string means the default view: what awaits review.
        if data is not None and "status" not in data:
            data = data.copy()
            data["status"] = CompanyStatus.SUBMITTED
        super().__init__(data, *args, **kwargs)
