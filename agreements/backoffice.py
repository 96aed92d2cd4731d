"""Staff review of signed agreements and training projects: the three verdicts, one-click accept.

Staff see only their territories' companies (reviewable_signed); another id answers 404.
"""

from django import forms
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from agreements import conditions, services
from agreements.models import RecordKind, SignedStatus
from companies.backoffice.refusals import forbidden
from companies.models import Placement
from users.http import DOWNLOAD_HEADERS

CHECKS = [
    ("document_verdict", gettext_lazy("It is the document Approdo generated")),
    ("signature_verdict", gettext_lazy("The signature is valid and trusted")),
    ("signer_verdict", gettext_lazy("The signer is entitled to sign for the company")),
]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for rejection"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _scoped(request):
    return services.reviewable_signed(request.user).select_related(
        "generated", "generated__company", "generated__placement__participant", "uploaded_by"
    )


def queue(request):
    """Signed documents awaiting review, oldest first, with their verdicts."""
    items = list(_scoped(request).filter(status=SignedStatus.UPLOADED).order_by("uploaded_at"))
    return TemplateResponse(
        request,
        "agreements/backoffice/queue.html",
        {"items": items, "checks": CHECKS, "page_title": _("Signed agreements")},
    )


def detail(request, pk):
    signed = get_object_or_404(_scoped(request), pk=pk)
    checks = [(label, getattr(signed, field), field) for field, label in CHECKS]
    return TemplateResponse(
        request,
        "agreements/backoffice/detail.html",
        {
            "signed": signed,
            "checks": checks,
            "reject_form": RejectForm(),
            "page_title": _("Signed document"),
        },
    )


def download(request, pk, which):
    """The signed file, or the PDF it was generated from; every download is logged."""
    signed = get_object_or_404(_scoped(request), pk=pk)
    if which == "signed":
        stored, name = signed.file, signed.original_name
    elif which == "generated":
        stored, name = signed.generated.file, signed.generated.download_name
    else:
        raise Http404
    log(
        signed.generated.company,
        "approdo.agreements.review_download",
        user=request.user,
        data={"signed": signed.pk, "which": which},
    )
    response = FileResponse(stored.open("rb"), as_attachment=True, filename=name)
    for header, value in DOWNLOAD_HEADERS.items():
        response[header] = value
    return response


@require_POST
def decide(request, pk):
    signed = get_object_or_404(_scoped(request), pk=pk)
    action = request.POST.get("action")
    try:
        if action == "accept":
            services.accept(
                request.user, signed, accept_warning=request.POST.get("accept_warning") == "1"
            )
            messages.success(request, _("Signed document accepted."))
        elif action == "reject":
            form = RejectForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Write why the document is rejected."))
                return redirect("agreements_admin:detail", pk)
            services.reject(request.user, signed, form.cleaned_data["reason"])
            messages.success(request, _("Signed document rejected."))
        else:
            raise Http404
    except services.WarningNotAccepted:
        messages.error(
            request,
            _("The signer is not a declared signatory: tick the box to accept this explicitly."),
        )
        return redirect("agreements_admin:detail", pk)
    except services.NotPermitted:
        return forbidden()
    except services.AlreadyDecided:
        messages.error(request, _("This document has already been reviewed."))
    return redirect("agreements_admin:queue")


class RecordForm(forms.Form):
    kind = forms.ChoiceField(choices=RecordKind.choices)
    reference = forms.CharField(label=gettext_lazy("Reference"), max_length=200)


def start(request, pk):
    """A placement's start conditions: what is still missing; staff record insurance and
    safety training here. Placements outside the user's reach answer 404."""
    placement = get_object_or_404(
        Placement.objects.manageable_by(request.user).select_related("company", "participant"),
        pk=pk,
    )
    if request.method == "POST":
        form = RecordForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Write the record's reference."))
        else:
            try:
                conditions.record(
                    request.user,
                    placement,
                    form.cleaned_data["kind"],
                    form.cleaned_data["reference"],
                )
                messages.success(request, _("Recorded."))
            except conditions.AlreadyRecorded:
                messages.error(request, _("This record is already there."))
        return redirect("agreements_admin:start", pk)
    recorded = {
        entry.kind: entry for entry in placement.start_records.select_related("recorded_by")
    }
    return TemplateResponse(
        request,
        "agreements/backoffice/start.html",
        {
            "placement": placement,
            "conditions": conditions.conditions_for(placement),
            "missing": conditions.missing_for_start(placement),
            "records": [(value, label, recorded.get(value)) for value, label in RecordKind.choices],
            "page_title": _("Start conditions"),
        },
    )
