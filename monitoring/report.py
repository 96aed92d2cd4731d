"""The Annex I indicator tables in the admin's Reports menu: filters, the page, XLSX and CSV.

The counts come from monitoring.indicators, already suppressed; this module reads the
filters and writes the same cells as a page or a download.
"""

from django import forms
from django.db.models import Max, Min
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
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
from projects.funding import FundingKind
from projects.models import FundingSource, Project

PERMISSION = "monitoring.view_indicators"


class IndicatorFilterForm(forms.Form):
    """A project, a kind of fund, or both; a territory; a period (the projects' by default)."""

    project = forms.ModelChoiceField(
        label=_("Project"),
        queryset=Project.objects.all(),
        required=False,
        empty_label=_("Every project co-financed by the funding source"),
    )
    funding_kind = forms.ChoiceField(
        label=_("Funding source"),
        choices=[("", _("Any")), *FundingKind.choices],
        required=False,
        help_text=_(
            "An operation co-financed by this kind of fund reports all its participants: "
            "choosing ESF+ counts everyone in the projects with an ESF+ source, whatever "
            "its share. With a project chosen as well, that project only if it is so "
            "co-financed."
        ),
    )
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
        project, kind = data.get("project"), data.get("funding_kind")
        if project is None and not kind:
            if "project" not in self.errors:
                self.add_error("project", _("Choose a project, a funding source or both."))
            return data
        if project is not None:
            span = {"starts_on": project.starts_on, "ends_on": project.ends_on}
        else:
            span = Project.objects.filter(
                pk__in=FundingSource.objects.filter(kind=kind).values("project")
            ).aggregate(starts_on=Min("starts_on"), ends_on=Max("ends_on"))
            if span["starts_on"] is None:
                self.add_error("funding_kind", _("No project is co-financed by this kind of fund."))
                return data
        data["starts_on"] = data.get("starts_on") or span["starts_on"]
        data["ends_on"] = data.get("ends_on") or span["ends_on"]
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
            funding_kind=data.get("funding_kind") or "",
        )


def describe(scope):
    """What the tables cover, one line per filter: above the tables and in the downloads."""
    if scope.project is not None:
        project = f"{scope.project.name} ({scope.project.code})"
    else:
        project = gettext("Every project co-financed by the funding source")
    kind = FundingKind(scope.funding_kind).label if scope.funding_kind else gettext("Any")
    territory = scope.territory or gettext("All the projects' territories")
    return [
        gettext("Project: %(project)s") % {"project": project},
        gettext("Funding source: %(kind)s") % {"kind": kind},
        gettext("Territory: %(territory)s") % {"territory": territory},
        gettext("Period: %(start)s to %(end)s")
        % {"start": scope.starts_on.isoformat(), "end": scope.ends_on.isoformat()},
    ]


def export_filename(scope):
    """approdo-annex-i-<project code and/or funding kind>-<start>-<end>."""
    parts = [scope.project.code if scope.project else "", scope.funding_kind]
    named = "-".join(part for part in parts if part).replace("_", "-")
    return f"approdo-annex-i-{named}-{scope.starts_on}-{scope.ends_on}"


class IndicatorReportView(WagtailAdminTemplateMixin, View):
    """Annex I tables of a project or a funding source, a territory and a period, for
    whoever may see them."""

    page_title = _("ESF+ indicators (Annex I)")
    header_icon = "table"
    template_name = "monitoring/report.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request):
        if not request.user.has_perm(PERMISSION):
            raise Http404
        self.form = IndicatorFilterForm(request.GET or None)
        tables, filters = [], []
        if self.form.is_valid():
            scope = self.form.scope()
            tables = [*annex_tables(scope), results_table(scope)]
            filters = describe(scope)
            export = request.GET.get("export")
            filename = export_filename(scope)
            title = self.get_page_title()
            if export == "xlsx":
                return xlsx_response(tables, filename, preamble=[title, *filters], title=title)
            if export == "csv":
                return csv_response(tables, filename, preamble=[title, *filters])
        context = self.get_context_data(
            form=self.form,
            tables=tables,
            filters=filters,
            small_cell=SMALL_CELL,
            hidden_mark=HIDDEN,
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
