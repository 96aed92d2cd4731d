"""Company-facing views: thin, and every object reached through visible_to(user)."""

import uuid

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from companies import services
from companies.forms import CompanyIdentityForm, OperatingSiteForm, PositionForm
from companies.models import Company, InvalidTransition
from news.models import CallAudience, CallPage, CallStatus

CALL_SESSION_KEY = "approdo_call"


def private(view):
    """Signed-in users with a verified e-mail; responses never enter a shared cache."""
    return never_cache(verified_email_required(view))


def visible_company(request, pk):
    return get_object_or_404(Company.objects.visible_to(request.user), pk=pk)


def _remember_call(request):
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
    key = request.session.get(CALL_SESSION_KEY)
    if not key:
        return None
    call = CallPage.objects.live().filter(translation_key=key).first()
    return call.localized if call else None


@private
def company_index(request):
    """The user's companies; with none yet, straight to the start of a dossier."""
    _remember_call(request)
    companies = Company.objects.visible_to(request.user).select_related("territory")
    if not companies:
        return redirect("companies:start")
    if len(companies) == 1:
        return redirect("companies:dashboard", pk=companies[0].pk)
    return TemplateResponse(request, "companies/company_list.html", {"companies": companies})


@private
def start(request):
    """Step 1 for a new company: identity and registered office."""
    _remember_call(request)
    form = CompanyIdentityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        company = services.start_dossier(request.user, form)
        messages.success(request, _("Your company dossier has been created. Continue below."))
        return redirect("companies:dashboard", pk=company.pk)
    return TemplateResponse(
        request,
        "companies/identity_form.html",
        {"form": form, "company": None, "call": chosen_call(request)},
    )


@private
def dashboard(request, pk):
    """What to do next: status, timeline, capacity and the dossier's steps."""
    company = visible_company(request, pk)
    return TemplateResponse(
        request,
        "companies/dashboard.html",
        {
            "company": company,
            "events": company.events.select_related("actor"),
            "call": chosen_call(request),
        },
    )


@private
def identity(request, pk):
    """Step 1 again: the company edits its identity while the dossier is editable."""
    company = visible_company(request, pk)
    form = CompanyIdentityForm(request.POST or None, instance=company)
    if request.method == "POST":
        if not company.is_editable:
            messages.error(request, _("The dossier is being reviewed: it cannot be changed now."))
            return redirect("companies:dashboard", pk=company.pk)
        if form.is_valid():
            try:
                services.update_identity(request.user, company, form)
            except services.NotEditable:
                messages.error(
                    request, _("The dossier is being reviewed: it cannot be changed now.")
                )
            else:
                messages.success(request, _("Company details saved."))
            return redirect("companies:dashboard", pk=company.pk)
    return TemplateResponse(
        request,
        "companies/identity_form.html",
        {"form": form, "company": company, "call": chosen_call(request)},
    )


@require_POST
@private
def submit(request, pk):
    """Sends the dossier to the project staff; double clicks submit once."""
    company = visible_company(request, pk)
    try:
        services.submit_dossier(request.user, company)
    except InvalidTransition:
        messages.info(request, _("This dossier has already been sent to the project staff."))
    else:
        messages.success(
            request, _("Thank you: the project staff will review your dossier and reply by e-mail.")
        )
    return redirect("companies:dashboard", pk=company.pk)


def _site_or_404(company, site_pk):
    return get_object_or_404(company.sites.all(), pk=site_pk)


@private
def sites(request, pk):
    """Step 2: the company's operating sites."""
    company = visible_company(request, pk)
    return TemplateResponse(
        request, "companies/site_list.html", {"company": company, "sites": company.sites.all()}
    )


@private
def site_form(request, pk, site_pk=None):
    """Adds a site, or changes one, while the dossier is editable."""
    company = visible_company(request, pk)
    site = _site_or_404(company, site_pk) if site_pk else None
    form = OperatingSiteForm(request.POST or None, instance=site)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_site(request.user, company, form)
        except services.NotEditable:
            messages.error(request, _("The dossier is being reviewed: it cannot be changed now."))
        else:
            messages.success(request, _("Site saved."))
        return redirect("companies:sites", pk=company.pk)
    return TemplateResponse(
        request, "companies/site_form.html", {"company": company, "site": site, "form": form}
    )


@require_POST
@private
def site_delete(request, pk, site_pk):
    company = visible_company(request, pk)
    site = _site_or_404(company, site_pk)
    try:
        services.delete_site(request.user, company, site)
    except services.NotEditable:
        messages.error(request, _("The dossier is being reviewed: it cannot be changed now."))
    except services.SiteInUse:
        messages.error(
            request,
            _(
                "Positions are offered at this site: remove them or move them to another "
                "site first."
            ),
        )
    else:
        messages.success(request, _("Site removed."))
    return redirect("companies:sites", pk=company.pk)


@private
def positions(request, pk):
    """Step 3: the internship positions the company offers."""
    company = visible_company(request, pk)
    offers = company.positions.select_related("site", "call")
    return TemplateResponse(
        request, "companies/position_list.html", {"company": company, "positions": offers}
    )


@private
def position_form(request, pk, position_pk=None):
    """Adds an offer (with the call the company came from preselected) or changes one."""
    company = visible_company(request, pk)
    position = get_object_or_404(company.positions.all(), pk=position_pk) if position_pk else None
    if position is None and not company.sites.exists():
        messages.info(request, _("Add the site where interns would work first."))
        return redirect("companies:site_add", pk=company.pk)
    call = chosen_call(request)
    initial = {"call": call} if call is not None and position is None else {}
    form = PositionForm(request.POST or None, instance=position, company=company, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_position(request.user, company, form)
        except services.NotEditable:
            messages.error(request, _("The dossier is being reviewed: it cannot be changed now."))
        else:
            messages.success(request, _("Position saved."))
        return redirect("companies:positions", pk=company.pk)
    return TemplateResponse(
        request,
        "companies/position_form.html",
        {"company": company, "position": position, "form": form},
    )


@require_POST
@private
def position_delete(request, pk, position_pk):
    company = visible_company(request, pk)
    position = get_object_or_404(company.positions.all(), pk=position_pk)
    try:
        services.delete_position(request.user, company, position)
    except services.NotEditable:
        messages.error(request, _("The dossier is being reviewed: it cannot be changed now."))
    else:
        messages.success(request, _("Position removed."))
    return redirect("companies:positions", pk=company.pk)
