"""Staff back office for host companies (the moderation queue builds on this)."""

from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from companies import antivirus
from companies.backoffice.views import AwaitingReviewPanel
from companies.backoffice.viewsets import HostCompaniesGroup
from companies.models import CompanyLogEntry, DeclarationItem, DocumentKind, Territory
from companies.models.audit import logged_models


class TerritoryViewSet(SnippetViewSet):
    """Territories staff manage: every company belongs to one; queues are scoped by them."""

    model = Territory
    icon = "site"
    menu_label = _("Territories")
    add_to_admin_menu = False
    list_display = ["name", "code"]
    search_fields = ["name", "code"]
    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("moderators", widget=CheckboxSelectMultiple),
    ]


register_snippet(TerritoryViewSet)


class DeclarationItemViewSet(SnippetViewSet):
    """The self-declaration items companies sign in step 4, under Settings.

    Translated like other snippets; a changed wording asks companies to sign again.
    """

    model = DeclarationItem
    icon = "form"
    menu_label = _("Company declarations")
    add_to_settings_menu = True
    list_display = ["text", "sort_order", "active"]
    list_filter = ["active"]
    ordering = ["sort_order"]


register_snippet(DeclarationItemViewSet)


class DocumentKindViewSet(SnippetViewSet):
    """Settings → Document kinds: what companies provide, from which status, how large."""

    model = DocumentKind
    icon = "doc-full-inverse"
    menu_label = _("Document kinds")
    add_to_settings_menu = True
    list_display = ["name", "due_from", "required", "max_size_mb", "active"]
    ordering = ["sort_order"]


register_snippet(DocumentKindViewSet)


@hooks.register("register_admin_viewset")
def register_host_companies():
    return HostCompaniesGroup()


@hooks.register("construct_homepage_panels")
def add_awaiting_review_panel(request, panels):
    if request.user.is_superuser or request.user.has_perm("companies.view_company"):
        panels.append(AwaitingReviewPanel(request))


class ScannerOffPanel(Component):
    """Wagtail home panel: uploads are kept without a virus scan (no APPRODO_CLAMD_ADDRESS)."""

    name = "scanner_off"
    order = 10
    template_name = "companies/backoffice/scanner_off_panel.html"


@hooks.register("construct_homepage_panels")
def add_scanner_off_panel(request, panels):
    if not antivirus.enabled():
        panels.append(ScannerOffPanel())


@hooks.register("register_log_actions")
def register_company_log_actions(actions):
    """Custom audit-log actions, worded for the history and the site history report.

    Entries about the domain's objects go to CompanyLogEntry, which scopes who reads them.
    """
    for model in logged_models():
        actions.register_model(model, CompanyLogEntry)
    actions.register_action(
        "approdo.company.create", _("Create company dossier"), _("Company dossier created")
    )
    actions.register_action(
        "approdo.company.submit", _("Submit company dossier"), _("Company dossier submitted")
    )
    actions.register_action(
        "approdo.company.site", _("Change operating sites"), _("Operating sites changed")
    )
    actions.register_action(
        "approdo.company.position", _("Change positions"), _("Positions changed")
    )
    for action, label, message in [
        ("declare", _("Sign declarations"), _("Declarations signed")),
        ("invite", _("Invite to the team"), _("Colleague invited")),
        ("invite_revoke", _("Revoke invitation"), _("Invitation revoked")),
        ("join", _("Join the team"), _("Joined the team")),
        ("join_request", _("Ask to join the team"), _("Request to join sent")),
        ("join_decision", _("Answer a request to join"), _("Request to join answered")),
        ("role", _("Change a member's role"), _("Member's role changed")),
        ("remove_member", _("Remove a member"), _("Member removed")),
        ("leave", _("Leave the team"), _("Left the team")),
        ("approve", _("Approve company"), _("Company approved")),
        ("document_upload", _("Upload document"), _("Document uploaded")),
        ("document_withdraw", _("Withdraw document"), _("Document upload withdrawn")),
        ("document_download", _("Download document"), _("Document downloaded")),
        ("document_accepted", _("Accept document"), _("Document accepted")),
        ("placement", _("Change a placement"), _("Placement changed")),
        ("document_infected", _("Refuse infected upload"), _("Infected upload refused")),
        ("document_rejected", _("Reject document"), _("Document rejected")),
        ("request_changes", _("Request changes to company"), _("Changes requested to company")),
        ("reject", _("Reject company"), _("Company rejected")),
    ]:
        actions.register_action(f"approdo.company.{action}", label, message)


# --- Project report (companies/project_report.py, backoffice/project_report_view.py) ---
# Imported here rather than at the top, so that this section stays self-contained.


@hooks.register("register_admin_urls")
def register_project_report_urls():
    from django.urls import path

    from companies.backoffice.project_report_view import ProjectReportView

    return [path("reports/project/", ProjectReportView.as_view(), name="project_report")]


@hooks.register("register_reports_menu_item")
def register_project_report_menu_item():
    from django.urls import reverse

    from companies.backoffice.project_report_view import ProjectReportMenuItem

    return ProjectReportMenuItem(
        _("Project report"),
        reverse("project_report"),
        name="project-report",
        icon_name="table",
        order=9300,
    )
