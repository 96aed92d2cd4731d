"""What every company-facing view shares: access rules, the company lookup, the call link."""

import uuid

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from companies.completeness import positions_exist, sites_exist
from companies.models import Company
from companies.services import NotEditable
from news.models import CallAudience, CallPage, CallStatus

CALL_SESSION_KEY = "approdo_call"


def visible_company(request, pk):
    """The company with this id among the user's own; any other id is a 404.

    Read with what the dossier's steps need (completeness.dossier_steps), in the same query.
    """
    companies = (
        Company.objects.visible_to(request.user)
        .select_related("territory")
        .annotate(has_sites=sites_exist(), has_positions=positions_exist())
    )
    return get_object_or_404(companies, pk=pk)


def frozen(request):
    """Tells the user the dossier is under review or decided, so nothing was changed."""
    messages.error(request, _("The dossier is being reviewed: it cannot be changed now."))


def save_step(request, company, form, service, success, next_name="companies:dashboard"):
    """Runs a dossier step's service for a valid POST; None means "show the form (again)".

    A dossier under review answers with the review message rather than with form errors.
    """
    if request.method != "POST":
        return None
    if not company.is_editable:
        frozen(request)
        return redirect(next_name, pk=company.pk)
    if not form.is_valid():
        return None
    try:
        service(request.user, company, form)
    except NotEditable:
        frozen(request)
    else:
        messages.success(request, success)
    return redirect(next_name, pk=company.pk)


def render_company(request, template, company, context=None, membership=None):
    """Renders a company page with what its layout needs: the user's role and the switcher."""
    if membership is None:
        membership = company.memberships.filter(user=request.user).first()
    others = (
        Company.objects.visible_to(request.user).exclude(pk=company.pk).only("pk", "legal_name")
    )
    return TemplateResponse(
        request,
        template,
        {
            "company": company,
            "membership": membership,
            "is_company_admin": membership is not None and membership.is_admin,
            "other_companies": others,
            **(context or {}),
        },
    )


def remember_call(request):
    """Keeps the call a company came from (?call=<translation key>), refusing closed ones."""
    key = request.GET.get("call")
    if not key:
        return
    try:
        key = uuid.UUID(key)
    except ValueError:
        call = None  # a mangled link: answered like a call that does not exist
    else:
        call = (
            CallPage.objects.live()
            .filter(translation_key=key, audience=CallAudience.HOST_COMPANIES)
            .first()
        )
    if call is None:
        messages.error(request, _("The call you followed does not exist."))
    elif call.status != CallStatus.OPEN:
        messages.error(
            request,
            _("The call “%(title)s” is closed: you can still register your company.")
            % {"title": call.title},
        )
        request.session.pop(CALL_SESSION_KEY, None)
    else:
        request.session[CALL_SESSION_KEY] = str(call.translation_key)


def chosen_call(request):
    """The open call remembered from the link the company followed, in the current language."""
    key = request.session.get(CALL_SESSION_KEY)
    if not key:
        return None
    call = CallPage.objects.live().filter(translation_key=key).first()
    return call.localized if call else None
