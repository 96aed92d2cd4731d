"""Back-office views for company documents: the review queue, download, accept or reject."""

from django import forms
from django.contrib import messages
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.models import Locale

from companies.backoffice.columns import RowLinkIsTheAction
from companies.backoffice.refusals import ForbiddenNotRedirect, forbidden
from companies.models import CompanyDocument, DocumentKind, DocumentStatus
from companies.services import document_review


class DocumentRejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for rejection"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("The company reads it next to the document and in the e-mail."),
    )


def kind_name_in(language_code):
    """The document kind's name in the language, falling back to the default language's."""
    kinds = DocumentKind.objects.filter(translation_key=OuterRef("kind_key"))
    return Coalesce(
        Subquery(kinds.filter(locale__language_code=language_code).values("name")[:1]),
        Subquery(kinds.filter(locale_id=Locale.get_default().pk).values("name")[:1]),
    )


class DocumentQueueView(RowLinkIsTheAction, ForbiddenNotRedirect, IndexView):
    """Documents awaiting review in the user's territories, oldest first."""

    default_ordering = "uploaded_at"
    page_title = gettext_lazy("Documents awaiting review")

    def get_base_queryset(self):
        return (
            CompanyDocument.objects.reviewable_by(self.request.user)
            .filter(status=DocumentStatus.UPLOADED)
            .select_related("company")
            .annotate(kind_name=kind_name_in(get_language()))
        )

    def get_edit_url(self, instance):
        return None


def document_columns():
    return [
        Column("company", label=gettext_lazy("Company"), accessor="company"),
        Column("kind_name", label=gettext_lazy("Document")),
        Column("version", label=gettext_lazy("Version")),
        Column("signature_label", label=gettext_lazy("Signature")),
        Column("flags", label=gettext_lazy("Warnings")),
        DateColumn("uploaded_at", label=gettext_lazy("Uploaded"), sort_key="uploaded_at"),
    ]


@require_POST
def decide_document(request, pk):
    """Accept, or reject with a reason; back to the company's review screen."""
    document = get_object_or_404(CompanyDocument.objects.reviewable_by(request.user), pk=pk)
    action = request.POST.get("action")
    try:
        if action == "accept":
            document_review.accept(request.user, document)
            messages.success(request, _("Document accepted."))
        elif action == "reject":
            form = DocumentRejectForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Write why the document is rejected."))
            else:
                document_review.reject(request.user, document, form.cleaned_data["reason"])
                messages.success(request, _("Document rejected: the company has been told."))
        else:
            raise Http404
    except document_review.NotPermitted:
        return forbidden()
    except document_review.AlreadyDecided:
        messages.error(request, _("This document has already been reviewed."))
    return redirect("companies_admin:inspect", document.company_id)
