"""Staff reports on "Was this page useful?" answers: totals per page, and each page's answers.

Both need the ``home.view_pagefeedback`` permission, granted to groups in Settings → Groups.
The totals are aggregated by the database in one grouped query, so the report costs the
same number of queries however many pages have answers.
"""

import datetime

import django_filters
from django import forms
from django.db.models import Count, F, Max, Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, LocaleFilter, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.coreutils import get_content_languages
from wagtail.models import Locale, Page
from wagtail.permission_policies import ModelPermissionPolicy

from home.feedback import PageFeedback

PERMISSION = "home.view_pagefeedback"


def _locale_choices():
    existing = set(Locale.objects.values_list("language_code", flat=True))
    return [(code, name) for code, name in get_content_languages().items() if code in existing]


class FeedbackFilterSet(WagtailFilterSet):
    """Locale and date range, applied to the answers before they are counted."""

    locale = LocaleFilter(
        label=_("Locale"),
        choices=_locale_choices,
        empty_label=None,
        null_label=_("All"),
        null_value=None,
        widget=forms.RadioSelect,
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = PageFeedback
        fields = ["locale", "created_at"]


class PageAnswersFilterSet(WagtailFilterSet):
    """Yes or no, and date range, for one page's answers."""

    useful = django_filters.BooleanFilter(label=_("Useful"), widget=BooleanRadioSelect)
    created_at = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = PageFeedback
        fields = ["useful", "created_at"]


def _in_language(chunks, language):
    with translation.override(language):
        yield from chunks


class FeedbackReportMixin:
    """Permission check and CSV export shared by both reports."""

    permission_policy = ModelPermissionPolicy(PageFeedback)
    permission_required = "view"
    header_icon = "comment"

    def write_csv_response(self, queryset):
        # The CSV is streamed after the view returns, when the admin user's language is no
        # longer active; headings and "Yes"/"No" would come out in the site's default one.
        response = super().write_csv_response(queryset)
        response.streaming_content = _in_language(
            response.streaming_content, translation.get_language()
        )
        return response


class PageFeedbackReportView(FeedbackReportMixin, ReportView):
    """One row per page with answers: yes, no, share of yes, comments and the latest answer."""

    page_title = _("Page feedback")
    index_url_name = "page_feedback_report"
    index_results_url_name = "page_feedback_report_results"
    verbose_name_plural = _("pages with feedback")
    filterset_class = FeedbackFilterSet
    default_ordering = "-latest_at"
    columns = [
        TitleColumn(
            "title",
            label=_("Page"),
            url_name="page_feedback_detail",
            id_accessor="page_id",
            sort_key="title",
        ),
        Column("language_code", label=_("Locale"), sort_key="language_code"),
        NumberColumn("yes", label=_("Yes"), sort_key="yes"),
        NumberColumn("no", label=_("No"), sort_key="no"),
        NumberColumn("useful_share", label=_("Useful (%)"), sort_key="useful_share"),
        NumberColumn("comments", label=_("Comments"), sort_key="comments"),
        DateColumn("latest_at", label=_("Latest answer"), sort_key="latest_at"),
    ]
    list_export = [
        "page_id",
        "title",
        "language_code",
        "yes",
        "no",
        "useful_share",
        "comments",
        "latest_at",
    ]
    export_headings = {
        "page_id": _("Page ID"),
        "title": _("Page"),
        "language_code": _("Locale"),
        "yes": _("Yes"),
        "no": _("No"),
        "useful_share": _("Useful (%)"),
        "comments": _("Comments"),
        "latest_at": _("Latest answer"),
    }

    def get_filename(self):
        return f"page-feedback-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        answers = self.filter_queryset(PageFeedback.objects.all())
        rows = (
            answers.values(
                "page_id", title=F("page__title"), language_code=F("locale__language_code")
            )
            .annotate(
                yes=Count("pk", filter=Q(useful=True)),
                no=Count("pk", filter=Q(useful=False)),
                total=Count("pk"),
                comments=Count("pk", filter=~Q(comment="")),
                latest_at=Max("created_at"),
            )
            # A whole percentage, rounded half up, in integer arithmetic that every
            # database does alike (PostgreSQL's ROUND takes no precision for floats).
            .annotate(useful_share=(F("yes") * 200 + F("total")) / (F("total") * 2))
        )
        return rows.order_by(self.ordering, "page_id")

    def get_filtered_queryset(self):
        # The filters apply to the answers inside get_queryset, before they are counted.
        return self.get_queryset()


class PageAnswersReportView(FeedbackReportMixin, ReportView):
    """Every answer about one page, newest first, with its comment."""

    page_title = _("Page feedback")
    index_url_name = "page_feedback_detail"
    index_results_url_name = "page_feedback_detail_results"
    verbose_name_plural = _("answers")
    filterset_class = PageAnswersFilterSet
    default_ordering = "-created_at"
    columns = [
        DateColumn("created_at", label=_("Given at"), sort_key="created_at"),
        Column("get_useful_display", label=_("Useful")),
        Column("comment", label=_("Comment")),
    ]
    list_export = ["created_at", "get_useful_display", "comment"]
    export_headings = {
        "created_at": _("Given at"),
        "get_useful_display": _("Useful"),
        "comment": _("Comment"),
    }
    # Comments come from anyone: home.spreadsheets keeps them from running as formulas.

    @cached_property
    def feedback_page(self):
        return get_object_or_404(Page, pk=self.kwargs["page_id"])

    def get_page_subtitle(self):
        return self.feedback_page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        report = {"url": reverse("page_feedback_report"), "label": _("Page feedback")}
        return [*self.breadcrumbs_items, report, {"url": "", "label": self.get_page_subtitle()}]

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.kwargs["page_id"]])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.kwargs["page_id"]])

    def get_filename(self):
        return f"page-feedback-{self.feedback_page.pk}-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        answers = PageFeedback.objects.filter(page=self.feedback_page)
        return answers.order_by(self.ordering, "-pk")


class PageFeedbackMenuItem(MenuItem):
    """Reports menu entry, shown only to users who may see the answers."""

    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


def admin_urls():
    """The reports' admin URLs, registered by ``home.wagtail_hooks``."""
    return [
        path(
            "reports/page-feedback/", PageFeedbackReportView.as_view(), name="page_feedback_report"
        ),
        path(
            "reports/page-feedback/results/",
            PageFeedbackReportView.as_view(results_only=True),
            name="page_feedback_report_results",
        ),
        path(
            "reports/page-feedback/<int:page_id>/",
            PageAnswersReportView.as_view(),
            name="page_feedback_detail",
        ),
        path(
            "reports/page-feedback/<int:page_id>/results/",
            PageAnswersReportView.as_view(results_only=True),
            name="page_feedback_detail_results",
        ),
    ]
