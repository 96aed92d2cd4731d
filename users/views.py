"""A user's own account: what the portal holds about them, as a page and a download, and
closing the account."""

import json

from allauth.account.adapter import get_adapter
from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from users import enrolment, services
from users.forms import DeleteAccountForm
from users.http import DOWNLOAD_HEADERS, private


@require_GET
@private
def account_data(request):
    """Explains what is held about the user, with the download and the way to delete it."""
    return TemplateResponse(request, "users/account_data.html")


@require_GET
@private
def download_data(request):
    """The user's data as a JSON file, saved by the browser and never cached."""
    data = services.export_account_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"approdo-account-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    for header, value in DOWNLOAD_HEADERS.items():
        response[header] = value
    return response


def _refused(request, refusal, status=200):
    context = {
        "staff_account": isinstance(refusal, services.StaffAccount),
        "blocking_companies": getattr(refusal, "companies", []),
    }
    return TemplateResponse(request, "users/delete_account.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@private
def delete_account(request):
    """Closing the account: a refusal is explained at once, before asking for the password."""
    try:
        services.check_deletable(request.user)
    except services.DeletionRefused as refusal:
        return _refused(request, refusal, status=409 if request.method == "POST" else 200)
    return _confirm_deletion(request)


@reauthentication_required
def _confirm_deletion(request):
    """Asks for the password again unless it was just given, then for explicit consent."""
    form = DeleteAccountForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.delete_account(request.user)
        except services.DeletionRefused as refusal:
            return _refused(request, refusal, status=409)
        get_adapter(request).logout(request)
        messages.success(request, _("Your account has been deleted."))
        return redirect(reverse("wagtail_serve", args=[""]))
    return TemplateResponse(
        request,
        "users/delete_account.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@require_POST
@private
def send_totp_enrolment_code(request):
    """E-mails the one-time code asked for before a first authenticator app is set up."""
    if enrolment.code_required(request.user):
        try:
            enrolment.send_code(request)
        except enrolment.CodeNotSent as refusal:
            messages.error(request, refusal.reason)
        else:
            messages.success(
                request,
                _("We sent a code to your e-mail address. It is valid for %(minutes)s minutes.")
                % {"minutes": enrolment.CODE_MINUTES},
            )
    return redirect("mfa_activate_totp")
