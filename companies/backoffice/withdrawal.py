"""Withdrawing a placement before it starts: a confirmation page asks for the reason, then
companies.services.placements.withdraw frees the place and tells the company."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from companies.backoffice.refusals import forbidden
from companies.models import PLACEMENT, Placement
from companies.services import placements
from companies.services.errors import IllegalTransition


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why the proposal is withdrawn (required; no diagnoses)"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        max_length=4000,
        error_messages={"required": gettext_lazy("Write why the proposal is withdrawn.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("Write why the proposal is withdrawn."))
        return reason


def withdraw(request, pk):
    """Asks for confirmation and a reason, then withdraws a placement that has not started."""
    placement = get_object_or_404(
        Placement.objects.manageable_by(request.user).select_related(
            "company", "participant", "site"
        ),
        pk=pk,
    )
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            placements.withdraw(request.user, placement, form.cleaned_data["reason"])
        except placements.NotPermitted:
            return forbidden()
        except IllegalTransition:
            placement.refresh_from_db()
            messages.error(
                request,
                _("The placement is now “%(status)s”: it can no longer be withdrawn.")
                % {"status": placement.get_status_display()},
            )
        else:
            messages.success(
                request,
                _("Placement withdrawn: the company's place is free and its members were told."),
            )
        return redirect("placements_admin:inspect", pk)
    return TemplateResponse(
        request,
        "companies/backoffice/placement_withdraw.html",
        {
            "placement": placement,
            "form": form,
            "page_title": _("Withdraw the placement"),
            "page_subtitle": placement.participant.code,
            "header_icon": "date",
            "can_withdraw": PLACEMENT.can(placement, "withdraw"),
        },
    )
