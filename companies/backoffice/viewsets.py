"""The "Host companies" admin menu: companies (the review queue) and positions."""

from django.forms import modelform_factory
from django.urls import path
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from companies.backoffice.columns import DayColumn, RowLinkIsTheAction
from companies.backoffice.documents import (
    DocumentQueueView,
    decide_document,
    document_columns,
)
from companies.backoffice.filters import CompanyFilterSet
from companies.backoffice.placements import (
    CREATE_FIELDS,
    EDIT_FIELDS,
    PlacementCreateView,
    PlacementEditView,
    PlacementForm,
    PlacementHistoryView,
    PlacementIndexView,
    PlacementInspectView,
    PlacementUsageView,
    move,
    outcome,
)
from companies.backoffice.refusals import GENERIC_VIEWS as REFUSING
from companies.backoffice.refusals import ForbiddenNotRedirect, scoped_views
from companies.backoffice.views import (
    CapacityColumn,
    CompanyIndexView,
    CompanyReviewView,
    decide,
)
from companies.backoffice.withdrawal import withdraw
from companies.models import Company, CompanyDocument, Placement, Position


class RefusingViewSet(ModelViewSet):
    """Refusals answered 403 by every view of the viewset (see refusals.py)."""

    add_view_class = REFUSING["add_view_class"]
    edit_view_class = REFUSING["edit_view_class"]
    delete_view_class = REFUSING["delete_view_class"]
    history_view_class = REFUSING["history_view_class"]
    usage_view_class = REFUSING["usage_view_class"]


def reviewable_positions(user):
    return Position.objects.filter(company__in=Company.objects.reviewable_by(user))


class CompanyViewSet(RefusingViewSet):
    """The staff queue of host companies, scoped to the user's territories."""

    model = Company
    icon = "group"
    menu_label = _("Companies")
    url_prefix = "host-companies/companies"
    name = "companies_admin"
    index_view_class = CompanyIndexView
    inspect_view_class = CompanyReviewView
    inspect_view_enabled = True
    delete_view_class, history_view_class, usage_view_class = scoped_views(
        Company.objects.reviewable_by
    )
    copy_view_enabled = False
    # The generic add and edit views exist but the permission policy refuses them.
    exclude_form_fields = []
    filterset_class = CompanyFilterSet
    search_fields = ["legal_name", "partita_iva", "codice_fiscale"]
    list_per_page = 20
    list_export = [
        "legal_name",
        "partita_iva",
        "codice_fiscale",
        "legal_form",
        "get_status_display",
        "territory",
        "ateco_code",
        "ateco_section",
        "headcount",
        "capacity.interns",
        "comune",
        "provincia",
        "pec",
        "phone",
        "submitted_at",
        "decided_at",
    ]
    export_headings = {
        "get_status_display": _("Status"),
        "capacity.interns": _("Interns at once"),
    }

    @property
    def list_display(self):
        return [
            "legal_name",
            "partita_iva",
            "territory",
            Column("get_status_display", label=_("Status")),
            CapacityColumn("capacity", label=_("Interns at once")),
            DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
        ]

    @property
    def menu_item_class(self):
        base = super().menu_item_class

        def render_component(item, request):
            component = base.render_component(item, request)
            waiting = Company.objects.reviewable_by(request.user).awaiting_review().count()
            if waiting:
                component.label = f"{item.label} ({waiting})"
                component.attrs = {
                    **component.attrs,
                    "aria-label": _("%(label)s, %(count)d awaiting review")
                    % {"label": item.label, "count": waiting},
                }
            return component

        return type("CompanyQueueMenuItem", (base,), {"render_component": render_component})

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("decide/<int:pk>/", decide, name="decide"),
        ]


class PositionIndexView(RowLinkIsTheAction, ForbiddenNotRedirect, IndexView):
    def get_base_queryset(self):
        companies = Company.objects.reviewable_by(self.request.user)
        return Position.objects.filter(company__in=companies).select_related(
            "company", "site", "call"
        )


class PositionViewSet(RefusingViewSet):
    """Positions offered by the companies of the user's territories (read-only)."""

    model = Position
    icon = "tasks"
    menu_label = _("Positions")
    url_prefix = "host-companies/positions"
    name = "positions_admin"
    index_view_class = PositionIndexView
    delete_view_class, history_view_class, usage_view_class = scoped_views(reviewable_positions)
    copy_view_enabled = False
    exclude_form_fields = []
    search_fields = ["title", "company__legal_name"]
    list_filter = ["company__status", "call"]
    list_display = [
        "title",
        "company",
        "site",
        "places",
        DayColumn("starts_on", label=capfirst(_("available from")), sort_key="starts_on"),
        DayColumn("ends_on", label=capfirst(_("available until")), sort_key="ends_on"),
    ]
    list_export = ["title", "company", "site", "weekly_hours", "places", "starts_on", "ends_on"]


class DocumentViewSet(RefusingViewSet):
    """Documents awaiting review; decisions are taken on the company's review screen."""

    model = CompanyDocument
    icon = "doc-full-inverse"
    menu_label = _("Documents awaiting review")
    url_prefix = "host-companies/documents"
    name = "documents_admin"
    index_view_class = DocumentQueueView
    delete_view_class, history_view_class, usage_view_class = scoped_views(
        CompanyDocument.objects.reviewable_by
    )
    copy_view_enabled = False
    exclude_form_fields = []

    @property
    def list_display(self):
        return document_columns()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("decide/<int:pk>/", decide_document, name="decide"),
        ]


class PlacementViewSet(RefusingViewSet):
    """Placements the user may act on: their territories', or those they tutor."""

    model = Placement
    icon = "date"
    menu_label = _("Placements")
    url_prefix = "host-companies/placements"
    name = "placements_admin"
    index_view_class = PlacementIndexView
    add_view_class = PlacementCreateView
    edit_view_class = PlacementEditView
    history_view_class = PlacementHistoryView
    usage_view_class = PlacementUsageView
    inspect_view_class = PlacementInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    # The code, not the name: the person may live in a territory the user does not keep.
    list_display = [
        Column("participant_code", label=_("Intern code"), accessor="participant.code"),
        "company",
        Column("get_status_display", label=_("Status")),
        DayColumn("starts_on", label=capfirst(_("start")), sort_key="starts_on"),
        DayColumn("ends_on", label=capfirst(_("end")), sort_key="ends_on"),
        "project_tutor",
    ]
    list_filter = ["status", "company__territory"]
    search_fields = ["participant__code", "company__legal_name"]
    list_export = [
        "participant.code",
        "company",
        "site",
        "get_status_display",
        "starts_on",
        "ends_on",
        "weekly_hours",
        "monthly_allowance",
        "project_tutor",
        "hired_after",
    ]
    export_headings = {"participant.code": _("Intern code"), "get_status_display": _("Status")}

    def get_form_class(self, for_update=False):
        fields = EDIT_FIELDS if for_update else CREATE_FIELDS
        return modelform_factory(self.model, form=PlacementForm, fields=fields)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("move/<int:pk>/", move, name="move"),
            path("outcome/<int:pk>/", outcome, name="outcome"),
            path("withdraw/<int:pk>/", withdraw, name="withdraw"),
        ]


class HostCompaniesGroup(ModelViewSetGroup):
    menu_label = _("Host companies")
    menu_icon = "group"
    menu_order = 250
    items = [CompanyViewSet, DocumentViewSet, PositionViewSet, PlacementViewSet]
