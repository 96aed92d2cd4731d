"""Back-office wiring: the review screen, the template and terms snippets, the audit actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from agreements import backoffice
from agreements.models import DocumentTemplate, ProjectTerms, Signatory, StartConditions

admin_urls = [
    path("", backoffice.queue, name="queue"),
    path("<int:pk>/", backoffice.detail, name="detail"),
    path("<int:pk>/decide/", backoffice.decide, name="decide"),
    path("<int:pk>/download/<str:which>/", backoffice.download, name="download"),
    path("placements/<int:pk>/start/", backoffice.start, name="start"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("signed-agreements/", include((admin_urls, "agreements_admin")))]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("companies.review_document")


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        _("Signed agreements"),
        reverse("agreements_admin:queue"),
        icon_name="doc-full",
        order=260,
    )


class DocumentTemplateViewSet(SnippetViewSet):
    """Settings → Agreement templates: the HTML of each document per project and language."""

    model = DocumentTemplate
    icon = "doc-full"
    menu_label = _("Agreement templates")
    add_to_settings_menu = True
    list_display = ["document_type", "language", "project", "updated_at"]
    list_filter = ["document_type", "language"]


class ProjectTermsViewSet(SnippetViewSet):
    """Settings → Agreement terms: promoter and insurance printed in a project's documents."""

    model = ProjectTerms
    icon = "doc-full"
    menu_label = _("Agreement terms")
    add_to_settings_menu = True
    list_display = ["project", "promoter_name"]


class SignatoryViewSet(SnippetViewSet):
    """Signatories declared by companies, which staff may correct."""

    model = Signatory
    icon = "user"
    menu_label = _("Signatories")
    add_to_admin_menu = False
    list_display = ["full_name", "company", "role", "tax_code"]
    search_fields = ["full_name", "tax_code"]


class StartConditionsViewSet(SnippetViewSet):
    """Settings → Start conditions: what a project's placements need before they start."""

    model = StartConditions
    icon = "tick-inverse"
    menu_label = _("Start conditions")
    add_to_settings_menu = True
    list_display = ["project", "signed_agreement", "signed_training_project", "insurance"]


register_snippet(DocumentTemplateViewSet)
register_snippet(StartConditionsViewSet)
register_snippet(ProjectTermsViewSet)
register_snippet(SignatoryViewSet)


@hooks.register("register_log_actions")
def register_agreement_log_actions(actions):
    for action, label, message in [
        ("download", _("Download a prefilled document"), _("Prefilled document downloaded")),
        ("signed_upload", _("Upload a signed document"), _("Signed document uploaded")),
        ("signed_accepted", _("Accept a signed document"), _("Signed document accepted")),
        ("signed_rejected", _("Reject a signed document"), _("Signed document rejected")),
        ("review_download", _("Download a signed document"), _("Signed document downloaded")),
        ("signatory", _("Change signatories"), _("Signatories changed")),
        ("start_record", _("Record a start condition"), _("Start condition recorded")),
    ]:
        actions.register_action(f"approdo.agreements.{action}", label, message)
