"""Wagtail admin integration for the site shell: reports and menu items.

Each section below registers one feature; keep them independent.
"""

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home.feedback_reports import PERMISSION, PageFeedbackMenuItem, admin_urls
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
