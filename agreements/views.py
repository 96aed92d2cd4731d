"""Company-facing pages: download the prefilled documents, upload them signed.

Every object is looked up through the user's own companies (visible_company) and then that
company's placements, so another company's id answers 404.
"""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from wagtail.log_actions import log

from agreements import render, services, verify
from agreements.forms import SignatoryForm
from agreements.models import DocumentType, SignedDocument
from companies import antivirus, uploads
from companies.downloads import DOWNLOAD_HEADERS
from companies.models import PlacementStatus
from companies.services.errors import StorageFailed
from companies.views.common import render_company, visible_company
from companies.views.documents import STORAGE_FAILED, SizeLimitedUploadHandler
from users.http import private

MAX_BYTES = 20 * 1024 * 1024
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Placements that still need (or keep) their individual training project.
CURRENT = [
    PlacementStatus.PROPOSED,
    PlacementStatus.ACCEPTED,
    PlacementStatus.ACTIVE,
    PlacementStatus.SUSPENDED,
]


def _placement(company, placement_pk):
    if placement_pk is None:
        return None
    return get_object_or_404(company.placements.filter(status__in=CURRENT), pk=placement_pk)


def _document_type(placement):
    return DocumentType.TRAINING_PROJECT if placement else DocumentType.AGREEMENT


@private
def overview(request, pk):
    """The agreement and each placement's training project, with their signed versions."""
    company = visible_company(request, pk)
    placements = list(
        company.placements.filter(status__in=CURRENT)
        .select_related("participant", "site")
        .order_by("starts_on", "pk")
    )
    signed = (
        SignedDocument.objects.filter(generated__company=company)
        .select_related("generated")
        .order_by("-uploaded_at", "-pk")
    )
    by_slot = {}
    for version in signed:
        by_slot.setdefault(version.generated.placement_id, []).append(version)
    for placement in placements:
        placement.signed_versions = by_slot.get(placement.pk, [])
    return render_company(
        request,
        "agreements/overview.html",
        company,
        {
            "section": "agreements",
            "languages": settings.LANGUAGES,
            "agreement_versions": by_slot.get(None, []),
            "placements": placements,
        },
    )


@private
def download(request, pk, language, placement_pk=None):
    """The prefilled PDF as the data gives it today; every download leaves an audit entry."""
    company = visible_company(request, pk)
    placement = _placement(company, placement_pk)
    if language not in LANGUAGES:
        raise Http404
    try:
        generated = services.generate(company, _document_type(placement), language, placement)
    except render.NoProject:
        messages.error(request, _("No project covers your territory yet: ask the project staff."))
        return redirect("agreements:overview", pk=company.pk)
    log(
        company,
        "approdo.agreements.download",
        user=request.user,
        data={"generated": generated.pk, "placement": placement_pk, "sha256": generated.sha256},
    )
    response = FileResponse(
        generated.file.open("rb"),
        as_attachment=True,
        filename=generated.download_name,
        content_type="application/pdf",
    )
    for header, value in DOWNLOAD_HEADERS.items():
        response[header] = value
    return response


@csrf_exempt  # the upload handler must be set before the body is read; CSRF is checked below
@private
def upload(request, pk, placement_pk=None):
    company = visible_company(request, pk)
    placement = _placement(company, placement_pk)
    if request.method != "POST":
        return redirect("agreements:overview", pk=company.pk)
    handler = SizeLimitedUploadHandler(request, MAX_BYTES)
    request.upload_handlers = [handler]
    try:
        return _store(request, company, placement, handler)
    except MultiPartParserError:
        messages.error(request, _("The upload could not be read: try again."))
        return redirect("agreements:overview", pk=company.pk)


@csrf_protect
def _store(request, company, placement, handler):
    back = redirect("agreements:overview", pk=company.pk)
    uploaded = request.FILES.get("file")
    if handler.failed:
        messages.error(request, STORAGE_FAILED)
        return back
    if handler.exceeded:
        messages.error(request, _("The file is larger than 20 MB."))
        return back
    if uploaded is None:
        messages.error(request, _("Choose the signed file to upload."))
        return back
    try:
        signed = services.upload_signed(
            request.user, company, _document_type(placement), uploaded, placement
        )
    except (uploads.UploadRefused, verify.SignatureRefused) as refusal:
        messages.error(request, refusal.message)
    except antivirus.Infected:
        messages.error(request, _("The file contains a virus and was not kept."))
    except antivirus.ScannerUnavailable:
        messages.error(request, _("Uploads cannot be checked right now: try again later."))
    except StorageFailed:
        messages.error(request, STORAGE_FAILED)
    else:
        messages.success(
            request,
            _("Signed document received: the project staff will review it (version %(v)s).")
            % {"v": signed.generated.version},
        )
    return back


@private
def signatories(request, pk):
    """Company admins declare who may sign: the legal representative and delegates."""
    company = visible_company(request, pk)
    membership = company.memberships.filter(user=request.user).first()
    if request.method != "POST":
        return redirect("agreements:overview", pk=company.pk)
    if membership is None or not membership.is_admin:
        messages.error(request, _("Only the company's administrators can change who signs."))
        return redirect("agreements:overview", pk=company.pk)
    form = SignatoryForm(request.POST)
    if form.is_valid():
        signatory = form.save(commit=False)
        signatory.company = company
        signatory.save()
        log(
            company, "approdo.agreements.signatory", user=request.user, data={"added": signatory.pk}
        )
        messages.success(request, _("Signatory added."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return redirect("agreements:overview", pk=company.pk)


@private
def signatory_remove(request, pk, signatory_pk):
    company = visible_company(request, pk)
    signatory = get_object_or_404(company.signatories, pk=signatory_pk)
    membership = company.memberships.filter(user=request.user).first()
    if request.method == "POST" and membership is not None and membership.is_admin:
        signatory.delete()
        log(
            company,
            "approdo.agreements.signatory",
            user=request.user,
            data={"removed": signatory_pk},
        )
        messages.success(request, _("Signatory removed."))
    return redirect("agreements:overview", pk=company.pk)
