"""Staff side of internship attendance: the confirmed months on the person's page, and the
correction of a countersigned month with a logged adjustment."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from companies.backoffice.refusals import forbidden
from participants.models import InternshipMonth, Participant
from participants.services import internship
from participants.services.errors import NotPermitted


def months_for(person):
    """The person's internship months with their companies and corrections (three queries)."""
    rows = (
        InternshipMonth.objects.filter(placement__participant=person)
        .select_related("placement__company")
        .prefetch_related("adjustments__made_by")
        .order_by("placement__starts_on", "placement_id", "month")
    )
    return [{"row": row, "values": internship.effective(row)} for row in rows]


class MonthAdjustmentForm(forms.Form):
    days = forms.IntegerField(label=gettext_lazy("Days attended"), min_value=0, max_value=31)
    hours = forms.DecimalField(label=gettext_lazy("Hours attended"), min_value=0)
    reason = forms.CharField(label=gettext_lazy("Why it is corrected"), max_length=300)


def adjust_month(request, pk):
    """Corrects a countersigned internship month of a person the user may see."""
    people = Participant.objects.visible_to_staff(request.user)
    row = get_object_or_404(
        InternshipMonth.objects.select_related("placement__company", "placement__participant"),
        pk=pk,
        placement__participant__in=people,
    )
    person = row.placement.participant
    days, hours = internship.effective(row)
    form = MonthAdjustmentForm(request.POST or None, initial={"days": days, "hours": hours})
    back = reverse("participants_admin:inspect", args=[person.pk])
    if request.method == "POST" and form.is_valid():
        try:
            internship.adjust_month(request.user, row, **form.cleaned_data)
        except NotPermitted:
            return forbidden()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Attendance corrected."))
            return redirect(back)
    return TemplateResponse(
        request,
        "participants/backoffice/internship_adjust.html",
        {
            "row": row,
            "person": person,
            "form": form,
            "back": back,
            "header_title": _("Correct internship attendance"),
        },
    )
