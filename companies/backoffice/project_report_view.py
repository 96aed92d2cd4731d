"""The project report in Wagtail's Reports menu: filters, the two tables, CSV and XLSX.

The counts come from ``companies.project_report``, already masked; this module only chooses the
year and territories, and writes the same cells as a page, a CSV file or a workbook.
"""

import csv
from io import BytesIO

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views import View
from openpyxl import Workbook
from openpyxl.styles import Font
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button

from companies.backoffice.refusals import forbidden
from companies.project_report import (
    HIDDEN,
    PERMISSION,
    SMALL_CELL,
    event_years,
    local_today,
    project_report,
    report_territories,
)
from home.spreadsheets import spreadsheet_safe

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_TITLE_FORBIDDEN = str.maketrans("", "", "[]:*?/\\")


class ReportFilterForm(forms.Form):
    """Year and territory, offered only among the years with data and the user's territories."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    territory = forms.TypedChoiceField(
        label=_("Territory"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, data, years, territories):
        super().__init__(data)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        # Choices from the territories already loaded: a ModelChoiceField would query again.
        self.fields["territory"].choices = [
            ("", _("All your territories")),
            *((territory.pk, territory.name) for territory in territories),
        ]


class ProjectReportView(WagtailAdminTemplateMixin, View):
    """Aggregates for the funder, scoped to the territories the user may read."""

    page_title = _("Project report")
    header_icon = "table"
    template_name = "companies/backoffice/report.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get(self, request):
        # Superusers hold every permission; staff without this one get a plain refusal.
        if not request.user.has_perm(PERMISSION):
            return forbidden()
        self.territories = list(report_territories(request.user))
        today = local_today()
        self.years = sorted(event_years(self.territories) | {today.year}, reverse=True)
        self.year, self.territory, problems = self.read_filters(today.year)
        shown = [t for t in self.territories if self.territory in (None, t.pk)]
        tables = project_report(shown, self.year, today)
        export = request.GET.get("export")
        if export == "csv":
            return csv_response(tables, self.get_filename())
        if export == "xlsx":
            return xlsx_response(tables, self.get_filename())
        if export:
            problems.append(_("Downloads come as CSV or XLSX; here is the page."))
        # Only on the page: on a download they would wait for whatever page comes next.
        # Translated now, in the reader's admin language; stored lazily they would be
        # translated in whatever language is active when the message store is saved.
        for problem in problems:
            messages.error(request, str(problem))
        context = self.get_context_data(
            form=ReportFilterForm(self.filter_params(), self.years, self.territories),
            tables=tables,
            territories=self.territories,
            small_cell=SMALL_CELL,
            hidden_mark=HIDDEN,
        )
        return self.render_to_response(context)

    def read_filters(self, default_year):
        """The year and territory id asked for, or the defaults, and what was wrong with
        the values that are not on offer."""
        data = {
            "year": self.request.GET.get("year") or default_year,
            "territory": self.request.GET.get("territory", ""),
        }
        form = ReportFilterForm(data, self.years, self.territories)
        form.is_valid()
        problems = []
        if "year" in form.errors:
            problems.append(
                _("There is no report for that year; showing %(year)s.") % {"year": default_year}
            )
        if "territory" in form.errors:
            problems.append(_("That territory is not among yours; showing all your territories."))
        cleaned = form.cleaned_data
        return cleaned.get("year", default_year), cleaned.get("territory"), problems

    def filter_params(self):
        params = {"year": self.year}
        if self.territory is not None:
            params["territory"] = self.territory
        return params

    def export_url(self, export_format):
        query = urlencode({**self.filter_params(), "export": export_format})
        return f"{reverse('project_report')}?{query}"

    def get_filename(self):
        codes = [t.code for t in self.territories if t.pk == self.territory]
        return "-".join(["approdo-report", str(self.year), *codes])

    def get_header_more_buttons(self):
        return [
            Button(
                _("Download XLSX"), url=self.export_url("xlsx"), icon_name="download", priority=90
            ),
            Button(
                _("Download CSV"), url=self.export_url("csv"), icon_name="download", priority=100
            ),
        ]


def _lines(table, preamble=()):
    """The table's lines as spreadsheet cells: the preamble (what the report covers, one
    line each), caption, headings, rows, a gap, the legend.

    Territory names and captions are typed by staff: every cell goes through spreadsheet_safe.
    """
    lines = [
        *([str(line)] for line in preamble),
        [str(table.caption)],
        [str(heading) for heading in table.headings],
        *(row.values for row in table.rows),
        [],
        *([str(mark), str(meaning)] for mark, meaning in table.legend),
    ]
    return [[spreadsheet_safe(value) for value in line] for line in lines]


def csv_response(tables, filename, preamble=()):
    """Both tables in one file, one after the other, each with its caption and headings
    (and the ``preamble`` lines above each caption).

    One file because the funder opens it in a spreadsheet program and should find the whole
    report there; the workbook has a sheet per table for sorting and filtering.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    # Without the byte-order mark, Excel reads UTF-8 as the local code page: the dash mark
    # and accented territory names would come out garbled.
    response.write("\ufeff")
    writer = csv.writer(response)
    for index, table in enumerate(tables):
        if index:
            writer.writerow([])
        for values in _lines(table, preamble):
            writer.writerow(values)
    return response


def xlsx_response(tables, filename, preamble=(), title=""):
    """A workbook with a sheet per table: the ``preamble`` lines, caption, headings, rows,
    then the legend; ``title`` becomes the workbook's title property.

    Counts are numbers and marks are text, so a spreadsheet sums only what is shown.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    if title:
        workbook.properties.title = str(title)
    bold = Font(bold=True)
    heading_rows = len(preamble) + 2
    for table in tables:
        sheet = workbook.create_sheet(str(table.title).translate(SHEET_TITLE_FORBIDDEN)[:31])
        for values in _lines(table, preamble):
            sheet.append(values)
        for row in range(1, heading_rows + 1):
            for cell in sheet[row]:
                cell.font = bold
        sheet.freeze_panes = sheet.cell(row=heading_rows + 1, column=len(table.row_headings) + 1)
    output = BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


class ProjectReportMenuItem(MenuItem):
    """Reports menu entry, shown only to users the report lets in."""

    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)
