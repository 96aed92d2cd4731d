"""The dossier: the user's companies, the dashboard, identity, declarations and sending."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from companies import extensions, services
from companies.checklist import checklist
from companies.completeness import dossier_steps
from companies.dashboard import todo_items
from companies.forms.dossier import CompanyIdentityForm, DeclarationsForm
from companies.models import Company, JoinRequestStatus
from companies.views.common import (
    chosen_call,
    remember_call,
    render_company,
    save_step,
    visible_company,
)
from users.http import private


@private
def company_index(request):
    """The user's companies and open join requests; with neither, straight to a new dossier."""
    remember_call(request)
    companies = list(Company.objects.visible_to(request.user).select_related("territory"))
    requests = list(
        request.user.join_requests.filter(status=JoinRequestStatus.PENDING).select_related(
            "company"
        )
    )
    if not companies and not requests:
        return redirect("companies:start")
    if len(companies) == 1 and not requests:
        return redirect("companies:dashboard", pk=companies[0].pk)
    return TemplateResponse(
        request,
        "companies/company_list.html",
        {"companies": companies, "join_requests": requests},
    )


@private
def start(request):
    """Step 1 for a new company: identity and registered office."""
    remember_call(request)
    form = CompanyIdentityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        company = services.start_dossier(request.user, form)
        messages.success(request, _("Your company dossier has been created. Continue below."))
        return redirect("companies:dashboard", pk=company.pk)
    join_url = None
    if form.has_error("partita_iva", "registered"):
        query = urlencode({"partita_iva": form.data.get("partita_iva", "")})
        join_url = f"{reverse('companies:join')}?{query}"
    return TemplateResponse(
        request,
        "companies/identity_form.html",
        {"form": form, "company": None, "call": chosen_call(request), "join_url": join_url},
    )


@private
def dashboard(request, pk):
    """What to do next: status, to-do list, timeline, capacity, positions, documents, interns."""
    company = visible_company(request, pk)
    steps = dossier_steps(company)
    documents = checklist(company)
    membership = company.memberships.get(user=request.user)
    placements = list(company.placements.select_related("participant", "site"))
    return render_company(
        request,
        "companies/dashboard.html",
        company,
        {
            "steps": steps,
            "todo": todo_items(company, steps, membership, documents, placements)
            + [
                item
                for todos in extensions.dashboard_todos
                for item in todos(company, request.user)
            ],
            "documents": documents,
            "events": company.events.select_related("actor"),
            "positions": company.positions.select_related("site", "call"),
            "placements": placements,
            "call": chosen_call(request),
        },
        membership=membership,
    )


@private
def identity(request, pk):
    """Step 1 again: the company edits its identity while the dossier is editable."""
    company = visible_company(request, pk)
    form = CompanyIdentityForm(request.POST or None, instance=company)
    saved = save_step(request, company, form, services.update_identity, _("Company details saved."))
    if saved:
        return saved
    return render_company(
        request,
        "companies/identity_form.html",
        company,
        {"form": form, "call": chosen_call(request)},
    )


@private
def declarations(request, pk):
    """Step 4: the self-declarations, signed by a named person with a timestamp."""
    company = visible_company(request, pk)
    form = DeclarationsForm(request.POST or None, company=company)
    saved = save_step(request, company, form, services.sign_declarations, _("Declarations signed."))
    if saved:
        return saved
    return render_company(
        request,
        "companies/declarations_form.html",
        company,
        {"form": form, "signed": company.declarations.select_related("signed_by").first()},
    )


@require_POST
@private
def submit(request, pk):
    """Sends the dossier to the project staff; double clicks submit once."""
    company = visible_company(request, pk)
    try:
        services.submit_dossier(request.user, company)
    except services.IllegalTransition:
        messages.info(request, _("This dossier has already been sent to the project staff."))
    except services.Incomplete as incomplete:
        messages.error(
            request,
            _("The dossier is not complete yet: %(steps)s.")
            % {"steps": ", ".join(str(step.label) for step in incomplete.steps)},
        )
    else:
        messages.success(
            request, _("Thank you: the project staff will review your dossier and reply by e-mail.")
        )
    return redirect("companies:dashboard", pk=company.pk)
