"""Steps 2 and 3 of the dossier: operating sites and the positions offered."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from companies import services
from companies.forms.dossier import OperatingSiteForm, PositionForm
from companies.views.common import (
    chosen_call,
    frozen,
    render_company,
    save_step,
    visible_company,
)
from users.http import private


def _site_or_404(company, site_pk):
    return get_object_or_404(company.sites.all(), pk=site_pk)


@private
def sites(request, pk):
    """Step 2: the company's operating sites."""
    company = visible_company(request, pk)
    return render_company(
        request, "companies/site_list.html", company, {"sites": company.sites.all()}
    )


@private
def site_form(request, pk, site_pk=None):
    """Adds a site, or changes one, while the dossier is editable."""
    company = visible_company(request, pk)
    site = _site_or_404(company, site_pk) if site_pk else None
    form = OperatingSiteForm(request.POST or None, instance=site)
    saved = save_step(
        request, company, form, services.save_site, _("Site saved."), "companies:sites"
    )
    if saved:
        return saved
    return render_company(
        request, "companies/site_form.html", company, {"site": site, "form": form}
    )


@require_POST
@private
def site_delete(request, pk, site_pk):
    company = visible_company(request, pk)
    site = _site_or_404(company, site_pk)
    try:
        services.delete_site(request.user, company, site)
    except services.NotEditable:
        frozen(request)
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
    return render_company(request, "companies/position_list.html", company, {"positions": offers})


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
    saved = save_step(
        request, company, form, services.save_position, _("Position saved."), "companies:positions"
    )
    if saved:
        return saved
    return render_company(
        request,
        "companies/position_form.html",
        company,
        {"position": position, "form": form},
    )


@require_POST
@private
def position_delete(request, pk, position_pk):
    company = visible_company(request, pk)
    position = get_object_or_404(company.positions.all(), pk=position_pk)
    try:
        services.delete_position(request.user, company, position)
    except services.NotEditable:
        frozen(request)
    else:
        messages.success(request, _("Position removed."))
    return redirect("companies:positions", pk=company.pk)
