"""Back-office views for host companies: the queue, the review screen, the decision."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView

from companies.backoffice.columns import RowLinkIsTheAction
from companies.backoffice.documents import DocumentRejectForm
from companies.backoffice.refusals import ForbiddenNotRedirect, forbidden
from companies.checklist import checklist
from companies.completeness import dossier_steps
from companies.models import (
    Company,
    CompanyDocument,
    CompanyLogEntry,
    CompanyStatus,
    DocumentStatus,
)
from companies.models.placement import OCCUPYING
from companies.services import review


class CompanyIndexView(RowLinkIsTheAction, ForbiddenNotRedirect, IndexView):
    """The queue: by default what awaits review, oldest first, in the user's territories."""

    default_ordering = "submitted_at"

    def get_base_queryset(self):
        return Company.objects.reviewable_by(self.request.user).select_related("territory")

    def get_valid_orderings(self):
        return [*super().get_valid_orderings(), "submitted_at", "-submitted_at"]


class CapacityColumn(Column):
    def get_value(self, instance):
        return instance.capacity.interns


class DecisionForm(forms.Form):
    """The staff's decision; a message is required to request changes or to reject."""

    action = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            ("approve", gettext_lazy("Approve")),
            ("request_changes", gettext_lazy("Request changes")),
            ("reject", gettext_lazy("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=gettext_lazy("Message to the company"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Required when requesting changes or rejecting: the company reads it on its "
            "dashboard and in the e-mail."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("action") in ("request_changes", "reject")
            and not (cleaned.get("message") or "").strip()
        ):
            self.add_error(
                "message", _("Write what the company should change, or why it is rejected.")
            )
        return cleaned


class CompanyReviewView(ForbiddenNotRedirect, InspectView):
    """The whole dossier on one screen, with its history and the decision form."""

    template_name = "companies/backoffice/review.html"

    def get_object(self, queryset=None):
        companies = Company.objects.reviewable_by(self.request.user).select_related("territory")
        return get_object_or_404(companies, pk=self.pk)

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        company = self.object
        context.update(
            company=company,
            steps=dossier_steps(company),
            sites=company.sites.all(),
            positions=company.positions.select_related("site", "call"),
            declaration=company.declarations.select_related("signed_by").first(),
            events=company.events.select_related("actor"),
            log_entries=CompanyLogEntry.objects.for_instance(company)
            .select_related("user")
            .order_by("-timestamp")[:50],
            members=company.memberships.select_related("user"),
            documents=document_rows(self.request.user, company),
            reject_form=DocumentRejectForm(),
            can_decide=company.status == CompanyStatus.SUBMITTED
            and review.can_review(self.request.user, company),
            decision_form=kwargs.get("decision_form") or DecisionForm(),
            **placement_context(self.request.user, company),
        )
        return context


@require_POST
def decide(request, pk):
    """Applies one staff decision; a stale or concurrent one is refused with who and when."""
    company = get_object_or_404(Company.objects.reviewable_by(request.user), pk=pk)
    if not request.user.has_perm("companies.review_company"):
        return forbidden()
    form = DecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("companies_admin:inspect", pk)
    action = form.cleaned_data["action"]
    service = {
        "approve": review.approve,
        "request_changes": review.request_changes,
        "reject": review.reject,
    }[action]
    try:
        service(request.user, company, form.cleaned_data["message"])
    except review.NotPermitted:
        return forbidden()
    except review.AlreadyDecided as decided:
        event = decided.event
        if event is not None and event.actor is not None:
            messages.error(
                request,
                _("Already decided by %(person)s on %(when)s: the dossier is now “%(status)s”.")
                % {
                    "person": event.actor,
                    "when": date_format(event.created_at, "DATETIME_FORMAT"),
                    "status": decided.company.get_status_display(),
                },
            )
        else:
            messages.error(
                request,
                _("The dossier is “%(status)s”: there is nothing to decide now.")
                % {"status": decided.company.get_status_display()},
            )
    else:
        messages.success(
            request,
            {
                "approve": _("%(company)s approved."),
                "request_changes": _("Changes requested to %(company)s."),
                "reject": _("%(company)s rejected."),
            }[action]
            % {"company": company},
        )
    return redirect("companies_admin:inspect", pk)


class AwaitingReviewPanel(Component):
    """Wagtail home panel: what awaits this user's review, with links."""

    name = "awaiting_review"
    order = 50
    template_name = "companies/backoffice/awaiting_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        companies = Company.objects.reviewable_by(self.request.user).awaiting_review()
        documents = CompanyDocument.objects.reviewable_by(self.request.user).filter(
            status=DocumentStatus.UPLOADED
        )
        return {
            "company_count": companies.count(),
            "oldest": companies.first(),
            "document_count": documents.count(),
            "can_review_documents": self.request.user.has_perm("companies.review_document"),
        }


def placement_context(user, company):
    """The company's placements and whether the user may propose one (approved companies)."""
    can_manage = user.has_perm("companies.manage_placement")
    if not can_manage:
        return {"can_manage_placements": False}
    rows = list(company.placements.select_related("participant", "site"))
    return {
        "can_manage_placements": True,
        "can_propose": company.status == CompanyStatus.APPROVED,
        "placements": rows,
        "places_taken": sum(1 for row in rows if row.status in OCCUPYING),
    }


def document_rows(user, company):
    """The company's checklist for staff who may review documents; empty for the others."""
    if not user.has_perm("companies.review_document"):
        return []
    return checklist(company)
