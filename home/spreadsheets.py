"""Cells of every CSV and XLSX the project writes, made safe against formula injection.

A spreadsheet program runs a cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a
tab or carriage return before one) as a formula: a company named ``=HYPERLINK(…)`` would
become a live link, or worse, on a staff member's computer. As OWASP recommends, such a
cell is written with a leading apostrophe, which spreadsheets show as plain text. Italian
spreadsheets split a CSV on semicolons too, and Python's csv module does not quote them,
so a formula after a semicolon inside a cell is neutralised the same way.

``install`` applies the rule to Wagtail's SpreadsheetExportMixin, behind every admin
listing export (companies, positions, placements, site history, form submissions, reports);
the project's own writers (companies.backoffice.project_report_view) call ``spreadsheet_safe``.
"""

import re

from django.utils.functional import Promise

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# A formula character at the start of the text or right after a semicolon, spaces allowed.
_AFTER_SEPARATOR = re.compile(r";(\s*)(?=[=+\-@\t\r])")


def spreadsheet_safe(value):
    """The value as a spreadsheet should show it: text that would run as a formula gets a
    leading apostrophe; numbers, dates and other non-text values are returned unchanged."""
    if isinstance(value, Promise):
        value = str(value)
    if not isinstance(value, str):
        return value
    if ";" in value:
        value = _AFTER_SEPARATOR.sub(r";\1'", value)
    if value.lstrip(" ").startswith(FORMULA_PREFIXES):
        value = "'" + value
    return value


def install():
    """Routes every value and heading of Wagtail's spreadsheet exports through spreadsheet_safe.

    Done once, at start-up, because Wagtail's own views (site history, form submissions)
    use the mixin directly and cannot be subclassed from here.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if getattr(SpreadsheetExportMixin, "_approdo_spreadsheet_safe", False):
        return
    preprocess = SpreadsheetExportMixin.preprocess_field_value
    heading = SpreadsheetExportMixin.get_heading

    def preprocess_field_value(self, field, value, export_format):
        return spreadsheet_safe(preprocess(self, field, value, export_format))

    def get_heading(self, queryset, field):
        return spreadsheet_safe(heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
    SpreadsheetExportMixin.get_heading = get_heading
    SpreadsheetExportMixin._approdo_spreadsheet_safe = True
