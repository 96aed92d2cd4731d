"""The company's interns: need-to-know cards, every view logged, accept or decline proposals."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from companies.models import InternCardView
from companies.services import placements
from companies.services.errors import IllegalTransition
from companies.views.common import render_company, visible_company
from users.http import private


def _placement(company, placement_pk):
    return get_object_or_404(
        company.placements.select_related("participant", "site", "position", "project_tutor"),
        pk=placement_pk,
    )


@private
def intern_card(request, pk, placement_pk):
    """What the company needs to know, and nothing else; each view is recorded for staff."""
    company = visible_company(request, pk)
    placement = _placement(company, placement_pk)
    InternCardView.objects.create(placement=placement, user=request.user, viewer=request.user.email)
    return render_company(request, "companies/intern_card.html", company, {"placement": placement})


@require_POST
@private
def placement_decide(request, pk, placement_pk):
    """Accepts a proposed placement, or declines it with a reason."""
    company = visible_company(request, pk)
    placement = _placement(company, placement_pk)
    accept = request.POST.get("decision") == "accept"
    try:
        placements.company_decision(
            request.user, company, placement, accept, request.POST.get("reason", "")
        )
    except placements.ReasonRequired:
        messages.error(request, _("Tell the project staff why you decline the placement."))
    except IllegalTransition:
        messages.info(request, _("This placement has already been answered."))
    else:
        messages.success(
            request,
            _("Placement accepted: the project tutor will contact you.")
            if accept
            else _("Placement declined: the project staff have been told."),
        )
    return redirect("companies:intern_card", pk=company.pk, placement_pk=placement.pk)
