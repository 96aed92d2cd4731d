"""The project report for the funder: host companies and placements, in aggregate only.

Two tables, for the territories a user may read:

- Host companies by territory and current status, with a total per territory.
- Placements by month and territory for one year, counted from the placements' events
  (``PlacementEvent``) in the project's time zone, whatever time zone the reader uses.

Every count below ``SMALL_CELL`` (0 included) is shown as ``HIDDEN``, so that nobody can be
singled out; a total is shown only when it cannot give a hidden count back by subtraction
(``masked_with_total``). Masking happens here, once, so the page and the exports show the
same cells.

The counts cost a fixed number of queries (territories, years with data, one grouped query
on companies, one on placement events) however many companies and placements there are:
the database groups the steps by month, territory and action, and only those few rows
reach Python.
"""

import datetime
from collections import Counter
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from companies.models import Company, CompanyStatus, PlacementEvent, Territory

PERMISSION = "companies.view_report"

SMALL_CELL = 5
HIDDEN = "<5"
WITHHELD = "–"

# Column key, heading, the event action it counts (None: derived from the placement's life).
# There is deliberately no "started" column: started = change in active at month end +
# completed + ended early, so with it a hidden count could be recovered by arithmetic.
PLACEMENT_COLUMNS = [
    ("proposed", _("Proposed"), "propose"),
    ("accepted", _("Accepted"), "accept"),
    ("declined", _("Declined"), "decline"),
    ("active", _("Active at month end"), None),
    ("completed", _("Completed"), "complete"),
    ("terminated", _("Ended early"), "terminate"),
    ("hired", _("Hired after the internship"), None),
]
ACTION_COLUMNS = {action: key for key, _label, action in PLACEMENT_COLUMNS if action}
END_ACTIONS = ("complete", "terminate")
# Events before the chosen year still matter when they say whether a placement was running.
LIFESPAN_ACTIONS = ("start", *END_ACTIONS)

MARKS_LEGEND = [
    (
        HIDDEN,
        _("Fewer than 5, zero included: small counts are not shown, so nobody is singled out."),
    ),
    (
        WITHHELD,
        _("Total not shown: with the counts beside it, it would reveal a count below 5."),
    ),
]
PLACEMENT_NOTES = [
    (
        _("Proposed, Accepted, Declined, Completed, Ended early"),
        _("Placements with that step taken during the month."),
    ),
    (
        _("Active at month end"),
        _(
            "Placements started by the end of the month and not completed or ended early by "
            "then; suspended placements count as active. For the current month: so far."
        ),
    ),
    (
        _("Hired after the internship"),
        _("Placements completed or ended early during the month whose intern was then hired."),
    ),
    (
        _("Months and territories"),
        _(
            "Months in Italian time (Europe/Rome). A placement counts in the territory of its "
            "host company."
        ),
    ),
]


@dataclass
class Row:
    """One table row as displayed: its header cells, then its cells (numbers or marks)."""

    labels: list
    cells: list

    @property
    def values(self):
        return [*self.labels, *self.cells]


@dataclass
class Table:
    """A table as displayed, every count already masked; the exports write the same cells."""

    name: str
    title: str
    caption: str
    row_headings: list
    column_headings: list
    rows: list
    legend: list

    @property
    def headings(self):
        return [*self.row_headings, *self.column_headings]


# --- The small-cell rule ------------------------------------------------------------------


def mask(count):
    """``count`` as shown: the number when it is ``SMALL_CELL`` or more, else ``HIDDEN``."""
    return count if count >= SMALL_CELL else HIDDEN


def masked_with_total(counts):
    """The masked ``counts`` followed by their total, or by ``WITHHELD``.

    A total minus the counts shown is the sum of the hidden ones, so the total is shown
    only when that sum gives no hidden count back: no count is hidden, or the hidden ones
    add up to ``SMALL_CELL`` or more. A sum where every hidden count must be at its largest
    (two hidden counts adding up to 8 are both 4) gives them back too, and is withheld.
    """
    hidden = [count for count in counts if count < SMALL_CELL]
    hidden_sum = sum(hidden)
    reveals = bool(hidden) and (
        hidden_sum < SMALL_CELL or hidden_sum == (SMALL_CELL - 1) * len(hidden)
    )
    total = WITHHELD if reveals else mask(sum(counts))
    return [*(mask(count) for count in counts), total]


# --- Scope and calendar -------------------------------------------------------------------


def report_territories(user):
    """The territories whose counts ``user`` may read: every one for superusers, otherwise
    those they moderate, provided they hold the report permission."""
    if not getattr(user, "is_authenticated", False):
        return Territory.objects.none()
    if user.is_superuser:
        return Territory.objects.all()
    if not user.has_perm(PERMISSION):
        return Territory.objects.none()
    return Territory.objects.filter(moderators=user)


def project_zone():
    """Months are the project's, not the reader's: the admin activates each user's zone."""
    return ZoneInfo(settings.TIME_ZONE)


def local_today():
    return datetime.datetime.now(tz=project_zone()).date()


def _midnight(day):
    return datetime.datetime.combine(day, datetime.time(), tzinfo=project_zone())


def month_starts(year, today):
    """The first day of each month of ``year`` that has begun by ``today``.

    Later months are left out: their "active at month end" would be a forecast.
    """
    firsts = (datetime.date(year, month, 1) for month in range(1, 13))
    return [first for first in firsts if first <= today]


# --- Queries ------------------------------------------------------------------------------


def _events_in(territories):
    return PlacementEvent.objects.filter(placement__company__territory__in=territories)


def event_years(territories):
    """The years, in the project's time zone, from the first placement event in
    ``territories`` to the last: a year without steps between two with steps is offered too
    (its report shows the placements still running).

    Two index lookups: listing the distinct years would read every step of every year.
    """
    moments = _events_in(territories).values_list("created_at", flat=True)
    first = moments.order_by("created_at").first()
    if first is None:
        return set()
    last = moments.order_by("-created_at").first()
    zone = project_zone()
    return set(range(first.astimezone(zone).year, last.astimezone(zone).year + 1))


def step_counts(territories, year):
    """Placement steps per (month, territory id, action) in one grouped query, with how many
    of them belong to placements whose intern was hired afterwards.

    ``year``'s steps, and the starts and ends before it: those say which placements were
    running when the year began. Months are the project's (``project_zone``).
    """
    year_start = _midnight(datetime.date(year, 1, 1))
    year_end = _midnight(datetime.date(year + 1, 1, 1))
    rows = (
        _events_in(territories)
        .filter(created_at__lt=year_end)
        .filter(
            Q(created_at__gte=year_start, action__in=list(ACTION_COLUMNS))
            | Q(action__in=LIFESPAN_ACTIONS)
        )
        .annotate(month=TruncMonth("created_at", tzinfo=project_zone()))
        .values("month", "placement__company__territory_id", "action")
        .annotate(steps=Count("pk"), hired=Count("pk", filter=Q(placement__hired_after=True)))
        .order_by()
    )
    return [
        (
            row["month"].astimezone(project_zone()).date().replace(day=1),
            row["placement__company__territory_id"],
            row["action"],
            row["steps"],
            row["hired"],
        )
        for row in rows
    ]


def company_counts(companies):
    """Companies per (territory id, status) in a ``Company`` queryset, in one grouped query."""
    rows = companies.values("territory_id", "status").annotate(count=Count("pk")).order_by()
    return {(row["territory_id"], row["status"]): row["count"] for row in rows}


# --- Assembly -----------------------------------------------------------------------------


def placement_counts(steps, territory_ids, months):
    """Counts per (month, territory id), each a ``Counter`` keyed by column.

    ``steps`` are ``step_counts`` rows; ``months`` are ``month_starts`` dates. A placement
    starts once and ends once (completed or ended early are final, and only a running or
    suspended placement ends), so the placements running at a month's end are the starts
    so far minus the ends so far.
    """
    counts = {(month, territory): Counter() for month in months for territory in territory_ids}
    running = Counter()  # (month, territory): starts minus ends during that month
    for month, territory, action, number, hired in steps:
        key = (month, territory)
        if action in ACTION_COLUMNS and key in counts:
            counts[key][ACTION_COLUMNS[action]] += number
        if action in END_ACTIONS and key in counts:
            counts[key]["hired"] += hired
        if action == "start":
            running[key] += number
        elif action in END_ACTIONS:
            running[key] -= number
    for territory in territory_ids:
        active = sum(
            change
            for (month, place), change in running.items()
            if place == territory and months and month < months[0]
        )
        for month in months:
            active += running[(month, territory)]
            if active:
                counts[(month, territory)]["active"] = active
    return counts


def companies_table(territories, counts):
    """Host companies per territory (rows) and current status (columns), with totals."""
    statuses = list(CompanyStatus)
    rows = [
        Row(
            [territory.name],
            masked_with_total([counts.get((territory.pk, status), 0) for status in statuses]),
        )
        for territory in territories
    ]
    return Table(
        name="companies",
        title=_("Host companies"),
        caption=_("Host companies by territory and current status"),
        row_headings=[_("Territory")],
        column_headings=[*(status.label for status in statuses), _("Total")],
        rows=rows,
        legend=MARKS_LEGEND,
    )


def placements_table(territories, counts, months, year):
    """Placements per month and territory (rows), one column per ``PLACEMENT_COLUMNS``."""
    rows = [
        Row(
            [date_format(month, "YEAR_MONTH_FORMAT"), territory.name],
            [mask(counts[(month, territory.pk)][key]) for key, *_rest in PLACEMENT_COLUMNS],
        )
        for month in months
        for territory in territories
    ]
    return Table(
        name="placements",
        title=_("Placements"),
        caption=_("Placements by month and territory, %(year)s") % {"year": year},
        row_headings=[_("Month"), _("Territory")],
        column_headings=[label for _key, label, _action in PLACEMENT_COLUMNS],
        rows=rows,
        legend=[MARKS_LEGEND[0], *PLACEMENT_NOTES],
    )


def project_report(territories, year, today):
    """Both tables for ``territories`` (a list), placements for ``year`` up to ``today``."""
    months = month_starts(year, today)
    companies = company_counts(Company.objects.filter(territory__in=territories))
    steps = step_counts(territories, year)
    placements = placement_counts(steps, [territory.pk for territory in territories], months)
    return [
        companies_table(territories, companies),
        placements_table(territories, placements, months, year),
    ]
