"""The Annex I indicator tables in the admin's Reports menu: filters, the page, XLSX and CSV.

The counts come from monitoring.indicators, already suppressed; this module reads the
filters and writes the same cells as a page or a download.
"""

from django import forms
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from companies.backoffice.project_report_view import csv_response, xlsx_response
from companies.models import Territory
from companies.project_report import HIDDEN, SMALL_CELL
from monitoring.indicators import Scope, annex_tables
from monitoring.results import results_table
from projects.models import Project

PERMISSION = "monitoring.view_indicators"


class IndicatorFilterForm(forms.Form):
    project = forms.ModelChoiceField(label=_("Project"), queryset=Project.objects.all())
    territory = forms.ModelChoiceField(
        label=_("Territory"),
        queryset=Territory.objects.order_by("name"),
        required=False,
        empty_label=_("All the project's territories"),
    )
    starts_on = forms.DateField(
        label=_("Entered from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Entered until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        project = data.get("project")
        if project is None:
            return data
        data["starts_on"] = data.get("starts_on") or project.starts_on
        data["ends_on"] = data.get("ends_on") or project.ends_on
        if data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end of the period must not come before its start."))
        return data

    def scope(self):
        data = self.cleaned_data
        return Scope(
            project=data["project"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            territory=data.get("territory"),
        )


class IndicatorReportView(WagtailAdminTemplateMixin, View):
    """Annex I tables of one project, territory and period, for whoever may see them."""

    page_title = _("ESF+ indicators (Annex I)")
    header_icon = "table"
    template_name = "monitoring/report.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request):
        if not request.user.has_perm(PERMISSION):
            raise Http404
        self.form = IndicatorFilterForm(request.GET or None)
        tables = []
        if self.form.is_valid():
            scope = self.form.scope()
            tables = [*annex_tables(scope), results_table(scope)]
            export = request.GET.get("export")
            filename = f"approdo-annex-i-{scope.project.code}-{scope.starts_on}-{scope.ends_on}"
            if export == "xlsx":
                return xlsx_response(tables, filename)
            if export == "csv":
                return csv_response(tables, filename)
        context = self.get_context_data(
            form=self.form, tables=tables, small_cell=SMALL_CELL, hidden_mark=HIDDEN
        )
        return self.render_to_response(context)

    def export_url(self, export_format):
        query = urlencode({**self.request.GET.dict(), "export": export_format})
        return f"{reverse('monitoring_indicators')}?{query}"

    def get_header_more_buttons(self):
        if not self.form.is_valid():
            return []
        return [
            Button(
                _("Download XLSX"), url=self.export_url("xlsx"), icon_name="download", priority=90
            ),
            Button(
                _("Download CSV"), url=self.export_url("csv"), icon_name="download", priority=100
            ),
        ]


class IndicatorReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)
