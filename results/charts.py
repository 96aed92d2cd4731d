"""Chart data for the dashboard, made from the masked tables' cells and nothing else.

A hidden or withheld cell becomes a gap (None), so a chart never shows more than the table
beside it. static/js/results-dashboard.js draws them with Chart.js.
"""

from decimal import Decimal

from django.utils.translation import gettext as _


def _number(cell):
    if isinstance(cell, Decimal):
        return float(cell)
    return cell if isinstance(cell, int | float) else None


def _column(table, heading):
    headings = [str(h) for h in table.column_headings]
    return headings.index(str(heading))


def charts_for(board):
    """One chart per table, keyed by the table's name."""
    targets, territories, months = board.tables
    charts = {}
    rows = territories.rows[:-1]  # without the total row
    enrolled = _column(territories, _("Enrolled"))
    charts["territories"] = {
        "type": "bar",
        "title": _("Enrolled against the target, by territory"),
        "labels": [str(row.labels[0]) for row in rows],
        "datasets": [
            {"label": _("Target: people"), "data": [_number(row.cells[0]) for row in rows]},
            {"label": _("Enrolled"), "data": [_number(row.cells[enrolled]) for row in rows]},
        ],
    }
    reached = []
    for row in targets.rows:
        target, actual = (_number(cell) for cell in row.cells)
        reached.append(round(100 * actual / target) if target and actual is not None else None)
    charts["targets"] = {
        "type": "bar",
        "title": _("Share of each target reached (%)"),
        "labels": [str(row.labels[0]) for row in targets.rows],
        "datasets": [{"label": _("Reached (%)"), "data": reached}],
    }
    month_labels = list(dict.fromkeys(str(row.labels[0]) for row in months.rows))
    active = _column(months, _("Active at month end"))
    series = {}
    for row in months.rows:
        series.setdefault(str(row.labels[1]), []).append(_number(row.cells[active]))
    charts["months"] = {
        "type": "line",
        "title": _("Active at month end, by territory"),
        "labels": month_labels,
        "datasets": [{"label": name, "data": data} for name, data in series.items()],
    }
    return charts
