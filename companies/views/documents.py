"""Company documents: the checklist, uploads (checked by content), private downloads."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib import messages
from django.core.files.uploadhandler import StopUpload, TemporaryFileUploadHandler
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from companies import antivirus, services, uploads
from companies.checklist import checklist
from companies.downloads import private_file_response
from companies.models import Company, CompanyDocument, DocumentKind
from companies.views.common import render_company, visible_company
from users.http import private
from users.middleware import has_totp


class SizeLimitedUploadHandler(TemporaryFileUploadHandler):
    """Streams the upload to a temporary file and stops as soon as it passes the limit."""

    def __init__(self, request, limit):
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.exceeded = False
        self.failed = False

    def new_file(self, *args, **kwargs):
        try:
            super().new_file(*args, **kwargs)
        except OSError:
            # The temporary directory is full or unwritable: refuse, don't answer 500.
            self.failed = True
            raise StopUpload(connection_reset=False) from None

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > self.limit:
            self.exceeded = True
            # Read and discard the rest, so the browser gets the answer, but keep nothing.
            raise StopUpload(connection_reset=False)
        try:
            return super().receive_data_chunk(raw_data, start)
        except OSError:
            self.failed = True
            raise StopUpload(connection_reset=False) from None


STORAGE_FAILED = gettext_lazy(
    "The file could not be saved because of a problem on our side (storage full or"
    " unavailable). Nothing was kept: try again later, and tell the project staff if it"
    " happens again."
)


IN_FORCE = gettext_lazy(
    "The accepted version stays in force until the project staff accept the new one."
)


def _kind_or_404(kind_key):
    kind = DocumentKind.objects.filter(translation_key=kind_key, active=True).first()
    if kind is None:
        raise Http404
    return kind.localized


@private
def documents(request, pk):
    """The checklist: what is due, what was uploaded and reviewed, with every version."""
    company = visible_company(request, pk)
    # In development uploads are usually not scanned: say so where files are chosen.
    unscanned = settings.APPRODO_ENVIRONMENT == "development" and not antivirus.enabled()
    return render_company(
        request,
        "companies/documents.html",
        company,
        {"rows": checklist(company), "unscanned": unscanned},
    )


@csrf_exempt  # the upload handler must be set before the body is read; CSRF is checked below
@private
def upload(request, pk, kind_key):
    company = visible_company(request, pk)
    kind = _kind_or_404(kind_key)
    if request.method != "POST":
        return redirect("companies:documents", pk=company.pk)
    if not kind.is_due_for(company):
        messages.error(
            request,
            _("“%(name)s” is asked once the dossier is “%(status)s”.")
            % {"name": kind.name, "status": kind.get_due_from_display()},
        )
        return redirect("companies:documents", pk=company.pk)
    handler = SizeLimitedUploadHandler(request, kind.max_bytes)
    request.upload_handlers = [handler]
    try:
        return _store(request, company, kind, handler)
    except MultiPartParserError as error:
        # Django refuses a part whose headers pass 1 KB, in practice a very long file name;
        # nothing was stored, so the company gets its page and the reason, not a bare 400.
        if "header size" in str(error):
            messages.error(request, _("The file name is too long: rename the file."))
        else:
            messages.error(request, _("The upload could not be read: try again."))
        return redirect("companies:documents", pk=company.pk)


@csrf_protect
def _store(request, company, kind, handler):
    uploaded = request.FILES.get("file")
    if handler.failed:
        messages.error(request, STORAGE_FAILED)
    elif handler.exceeded:
        messages.error(
            request,
            _("The file is larger than %(size)d MB: reduce it (e.g. scan at 200 dpi).")
            % {"size": kind.max_size_mb},
        )
    elif uploaded is None:
        messages.error(request, _("Choose the file to upload."))
    else:
        try:
            document = services.upload_document(
                request.user,
                company,
                kind,
                uploaded,
                replace_accepted=request.POST.get("replace_accepted") == "1",
            )
        except services.ReplacementNotConfirmed:
            messages.error(
                request,
                _(
                    "“%(name)s” is already accepted. To replace it, tick the box confirming "
                    "the replacement and upload again."
                )
                % {"name": kind.name},
            )
        except uploads.UploadRefused as refused:
            messages.error(request, refused.message)
        except antivirus.Infected as infected:
            services.record_infected(request.user, company, kind, infected.signature)
            messages.error(
                request,
                _("The file contains a virus or malware and was not kept: check your computer."),
            )
        except antivirus.ScannerUnavailable:
            messages.error(
                request,
                _("The virus check is not available right now: try again in a few minutes."),
            )
        except services.StorageFailed:
            messages.error(request, STORAGE_FAILED)
        except services.DuplicateDocument as duplicate:
            messages.error(
                request,
                _("This file is already uploaded (version %(version)d).")
                % {"version": duplicate.document.version},
            )
        else:
            messages.success(
                request,
                _("“%(name)s” uploaded as version %(version)d: the project staff will review it.")
                % {"name": document.original_name, "version": document.version},
            )
            if request.POST.get("replace_accepted") == "1":
                messages.info(request, IN_FORCE)
    return redirect("companies:documents", pk=company.pk)


@never_cache
def download(request, pk, document_pk):
    """One version, as an attachment, for the company's members and permitted staff.

    Everyone else gets a 404, signed out or not: the link says nothing about whether the
    document exists. Each download is logged.
    """
    user = request.user
    if not user.is_authenticated:
        raise Http404
    allowed = CompanyDocument.objects.none()
    if EmailAddress.objects.filter(user=user, verified=True).exists():
        allowed |= CompanyDocument.objects.filter(company__in=Company.objects.visible_to(user))
    # Staff get what the admin would give them: admin access and, where required, TOTP.
    if user.has_perm("wagtailadmin.access_admin") and (
        not settings.APPRODO_STAFF_REQUIRE_MFA or has_totp(user)
    ):
        allowed |= CompanyDocument.objects.reviewable_by(user)
    document = get_object_or_404(allowed.select_related("company"), pk=document_pk, company_id=pk)
    services.record_download(user, document.company, document)
    return private_file_response(document)


@require_POST
@private
def withdraw(request, pk, document_pk):
    company = visible_company(request, pk)
    document = get_object_or_404(company.documents.all(), pk=document_pk)
    try:
        services.withdraw_document(request.user, company, document)
    except services.DocumentLocked:
        messages.error(
            request, _("Reviewed documents stay in the record: upload a new version instead.")
        )
    else:
        messages.success(request, _("Upload withdrawn."))
    return redirect("companies:documents", pk=company.pk)
