"""Wagtail admin integration for the site shell: reports and menu items.

Each section below registers one feature; keep them independent.
"""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.email_wording import EmailWording
from home.feedback_reports import PERMISSION, PageFeedbackMenuItem, admin_urls
from home.outbox import OutgoingEmail
from home.reports import TranslationCoverageMenuItem, TranslationCoverageReportView

# --- Translation coverage report (home/reports.py) --------------------------------------


@hooks.register("register_admin_urls")
def register_translation_coverage_urls():
    return [
        path(
            "reports/translation-coverage/",
            TranslationCoverageReportView.as_view(),
            name="translation_coverage_report",
        ),
        path(
            "reports/translation-coverage/results/",
            TranslationCoverageReportView.as_view(results_only=True),
            name="translation_coverage_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_coverage_menu_item():
    return TranslationCoverageMenuItem(
        _("Translation coverage"),
        reverse("translation_coverage_report"),
        name="translation-coverage",
        icon_name="site",
        order=9100,
    )


# --- Page feedback report (home/feedback_reports.py) ------------------------------------


@hooks.register("register_admin_urls")
def register_page_feedback_urls():
    return admin_urls()


@hooks.register("register_reports_menu_item")
def register_page_feedback_menu_item():
    return PageFeedbackMenuItem(
        _("Page feedback"),
        reverse("page_feedback_report"),
        name="page-feedback",
        icon_name="comment",
        order=9200,
    )


@hooks.register("register_permissions")
def register_page_feedback_permission():
    app_label, codename = PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


class EmailWordingViewSet(SnippetViewSet):
    """Settings → E-mail wording: staff replace the shipped text of a notification."""

    model = EmailWording
    icon = "mail"
    menu_label = _("E-mail wording")
    add_to_settings_menu = True
    list_display = ["kind", "subject", "locale"]
    list_filter = ["kind"]


register_snippet(EmailWordingViewSet)


class OutgoingEmailViewSet(ModelViewSet):
    """Settings → Outgoing e-mails: what was sent, and what waits after a mail-server error."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outgoing e-mails")
    add_to_settings_menu = True
    url_prefix = "outgoing-emails"
    name = "outgoing_emails"
    exclude_form_fields = []
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["to", "kind", "created_at", "sent_at", "attempts", "next_attempt_at"]
    list_filter = ["kind", "sent_at"]
    search_fields = ["to", "subject"]


@hooks.register("register_admin_viewset")
def register_outgoing_emails():
    return OutgoingEmailViewSet()
