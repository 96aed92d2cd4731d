"""The targets-vs-actuals tables of a project, masked once, for the page, its charts and the
public results page.

The small-cell rule is the project report's (companies.project_report): a count below
``SMALL_CELL``, zero included, shows as ``HIDDEN``; a total shows only when it cannot give a
hidden count back (``masked_with_total``). Beyond counts:

- a territory's total of a monthly flow (enrolled, completed, withdrawn) is the sum of its
  months, so it is withheld when the months' hidden cells would come back by subtraction;
- hours and euros are shown only for cells with at least ``SMALL_CELL`` people behind them,
  and a sum of them only when none of the cells it adds up is hidden (any subtraction would
  give a hidden amount back exactly);
- a women percentage shows only when both the women and the other people who answered are
  ``SMALL_CELL`` or more: otherwise the percentage and the count beside it give one back.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from allowance.budget_split import pro_rata
from companies.project_report import (
    HIDDEN,
    MARKS_LEGEND,
    SMALL_CELL,
    WITHHELD,
    Row,
    Table,
    mask,
    masked_with_total,
)
from results import figures

FLOWS = ["enrolled", "completed", "withdrawn"]
TERRITORY_COLUMNS = [
    ("enrolled", _("Enrolled")),
    ("active", _("Active")),
    ("completed", _("Completed")),
    ("withdrawn", _("Withdrawn")),
    ("internships", _("Internships")),
    ("hires", _("Hires")),
]
MONTH_COLUMNS = [
    ("enrolled", _("Enrolled")),
    ("active", _("Active at month end")),
    ("completed", _("Completed")),
    ("withdrawn", _("Withdrawn")),
]
NOTES = [
    (_("Enrolled"), _("People ever enrolled on the project's path.")),
    (_("Withdrawn"), _("Enrolled people who ended their path early.")),
    (
        _("Women (%)"),
        _(
            "Enrolled women out of the enrolled people who answered the gender question; "
            "people not asked or who preferred not to say are left out."
        ),
    ),
    (_("Hires"), _("Enrolled people in work at exit or at the six-month follow-up.")),
    (
        _("Hours and euros"),
        _("Shown only where at least 5 people are behind them; months in Italian time."),
    ),
]


@dataclass
class Dashboard:
    """Everything the dashboard shows for one project, already masked."""

    project: object
    territories: list
    tables: list
    charts: dict = field(default_factory=dict)


def percent(part, whole):
    """``part`` of ``whole`` in whole percent, or ``HIDDEN`` when either side is small."""
    if part < SMALL_CELL or whole - part < SMALL_CELL:
        return HIDDEN
    return round(100 * part / whole)


def amount(value, people):
    """Hours or euros of a cell, shown only with ``SMALL_CELL`` people or more behind it."""
    return value if people >= SMALL_CELL else HIDDEN


def amount_total(values, people):
    """The sum of cells' amounts, withheld when any of them is hidden."""
    if any(count < SMALL_CELL for count in people):
        return WITHHELD
    return sum(values, 0)


def month_starts(project, today):
    """The first days of the project's months that have begun by ``today``."""
    first = project.starts_on.replace(day=1)
    last = min(project.ends_on, today)
    months = []
    while first <= last:
        months.append(first)
        first = (first + datetime.timedelta(days=32)).replace(day=1)
    return months


def monthly(project, territories, today):
    """Per (month, territory): the raw counts, hours and allowance, active at month end."""
    ids = [territory.pk for territory in territories]
    months = month_starts(project, today)
    steps = figures.steps_by_month(project, ids)
    hours = figures.hours_by_month(project, ids)
    paid = figures.allowance_by_month(project, ids)
    cells = {}
    for territory in ids:
        # Steps before the first month (dates moved) still say who was running.
        active = sum(
            counts["started"] - counts["ended"]
            for (month, place), counts in steps.items()
            if place == territory and (not months or month < months[0])
        )
        for month in months:
            counts = steps.get((month, territory), {})
            active += counts.get("started", 0) - counts.get("ended", 0)
            cells[(month, territory)] = {
                **{name: counts.get(name, 0) for name in FLOWS},
                "active": active,
                "hours": hours.get((month, territory), (0, 0)),
                "paid": paid.get((month, territory), (0, 0)),
            }
    return months, cells


def territory_table(project, territories, people, withheld):
    """Per territory: the target, the people figures and the women percentage; a total row."""
    rows = []
    columns = {key: [people[t.pk][key] for t in territories] for key, _label in TERRITORY_COLUMNS}
    masked = {key: masked_with_total(values) for key, values in columns.items()}
    targets = {target.territory_id: target.people for target in project.territory_targets.all()}
    for index, territory in enumerate(territories):
        figures_row = people[territory.pk]
        cells = [targets.get(territory.pk, "")]
        for key, _label in TERRITORY_COLUMNS:
            cell = masked[key][index]
            shown = cell != HIDDEN
            cells.append(WITHHELD if shown and (territory.pk, key) in withheld else cell)
        cells.append(percent(figures_row["women"], figures_row["gender_known"]))
        rows.append(Row([territory.name], cells))
    women = sum(people[t.pk]["women"] for t in territories)
    known = sum(people[t.pk]["gender_known"] for t in territories)
    total_target = sum(targets.get(t.pk, 0) for t in territories) or ""
    totals = [
        WITHHELD if ("total", key) in withheld and masked[key][-1] != HIDDEN else masked[key][-1]
        for key, _label in TERRITORY_COLUMNS
    ]
    rows.append(Row([_("Total")], [total_target, *totals, percent(women, known)]))
    return Table(
        name="territories",
        title=_("People by territory"),
        caption=_("People by territory against the target, %(project)s")
        % {"project": project.name},
        row_headings=[_("Territory")],
        column_headings=[
            _("Target: people"),
            *(label for _key, label in TERRITORY_COLUMNS),
            _("Women (%)"),
        ],
        rows=rows,
        legend=[*MARKS_LEGEND, *NOTES],
    )


def month_table(project, territories, months, cells):
    """Per month and territory: the flows, active at month end, hours and allowance paid."""
    rows = []
    for month in months:
        for territory in territories:
            cell = cells[(month, territory.pk)]
            rows.append(
                Row(
                    [date_format(month, "YEAR_MONTH_FORMAT"), territory.name],
                    [
                        *(mask(cell[key]) for key, _label in MONTH_COLUMNS),
                        amount(*cell["hours"]),
                        amount(*cell["paid"]),
                    ],
                )
            )
    return Table(
        name="months",
        title=_("Month by month"),
        caption=_("People, hours and allowance by month and territory, %(project)s")
        % {"project": project.name},
        row_headings=[_("Month"), _("Territory")],
        column_headings=[
            *(label for _key, label in MONTH_COLUMNS),
            _("Hours delivered"),
            _("Allowance paid (€)"),
        ],
        rows=rows,
        legend=[*MARKS_LEGEND, *NOTES],
    )


def gives_back(counts):
    """Whether a sum of ``counts`` shown beside the unhidden ones gives a count of 1 to 4
    back: the hidden ones add up to 1–4, or must all be at their largest (4 each).

    Unlike ``masked_with_total``, a sum that only shows the hidden cells are all zero is
    not withheld: "nobody enrolled that month" singles nobody out, and withholding it would
    hide most territories' totals, the figure the targets are about.
    """
    hidden = sum(count for count in counts if count < SMALL_CELL)
    small = sum(1 for count in counts if 0 < count < SMALL_CELL)
    return 0 < hidden < SMALL_CELL or (small and hidden == (SMALL_CELL - 1) * small)


def withheld_flows(territories, months, cells):
    """(territory id or "total", flow) pairs whose sum would give a hidden month back."""
    withheld = set()
    for name in FLOWS:
        every = []
        for territory in territories:
            counts = [cells[(month, territory.pk)][name] for month in months]
            every += counts
            if gives_back(counts):
                withheld.add((territory.pk, name))
        if gives_back(every):
            withheld.add(("total", name))
    return withheld


def targets_table(project, territory_table_, people, territories, months, cells, budget):
    """The project's targets against the actuals of the territories shown."""
    total = territory_table_.rows[-1].cells
    keys = [key for key, _label in TERRITORY_COLUMNS]
    enrolled = sum(people[t.pk]["enrolled"] for t in territories)
    hour_cells = [cells[key]["hours"] for key in cells]
    paid_cells = [cells[key]["paid"] for key in cells]
    hours = amount_total([h for h, _n in hour_cells], [n for h, n in hour_cells if h])
    per_person = (
        round(hours / enrolled, 1)
        if hours != WITHHELD and enrolled >= SMALL_CELL
        else (HIDDEN if hours != WITHHELD else WITHHELD)
    )
    paid = amount_total([p for p, _n in paid_cells], [n for p, n in paid_cells if p])

    def target(value):
        return "" if value is None else value

    rows = [
        Row([_("People")], [target(project.target_people), total[1 + keys.index("enrolled")]]),
        Row([_("Women (%)")], [target(project.target_women_percent), total[-1]]),
        Row(
            [_("Internships")],
            [target(project.target_internships), total[1 + keys.index("internships")]],
        ),
        Row([_("Hires")], [target(project.target_hires), total[1 + keys.index("hires")]]),
        Row([_("Hours per person")], [target(project.target_hours), per_person]),
        Row([_("Allowance paid (€)")], [budget.amount if budget else "", paid]),
        *budget_rows(budget, paid),
    ]
    return Table(
        name="targets",
        title=_("Targets"),
        caption=_("The project's targets against the actuals, %(project)s")
        % {"project": project.name},
        row_headings=[_("Indicator")],
        column_headings=[_("Target or budget"), _("Actual")],
        rows=rows,
        legend=[*MARKS_LEGEND, *NOTES],
    )


def budget_rows(budget, paid):
    """One row per funding source of the allowance budget: its share, and its pro-rata part
    of the paid amount shown (allowance.budget_split), or the same mark when that is hidden.
    The parts follow from the total shown and the shares, so they tell nothing more."""
    if budget is None:
        return []
    shares = list(budget.shares.all())
    weights = [share.amount for share in shares]
    parts = pro_rata(paid, weights) if paid not in (HIDDEN, WITHHELD) else [paid] * len(shares)
    return [
        Row(
            [_("Allowance budget: %(source)s (€)") % {"source": share.source}],
            [share.amount, part],
        )
        for share, part in zip(shares, parts, strict=True)
    ]


def dashboard(project, territories, today):
    """The three masked tables of ``project`` for ``territories`` (a list) up to ``today``."""
    ids = [territory.pk for territory in territories]
    people = figures.people_by_territory(project, ids)
    months, cells = monthly(project, territories, today)
    withheld = withheld_flows(territories, months, cells)
    by_territory = territory_table(project, territories, people, withheld)
    budget = figures.allowance_budget(project)
    targets = targets_table(project, by_territory, people, territories, months, cells, budget)
    by_month = month_table(project, territories, months, cells)
    return Dashboard(project, territories, [targets, by_territory, by_month])


def public_figures(project):
    """The headline figures of the public results page, masked like the dashboard:
    {"people", "internships", "hires", "women_percent"} over every territory."""
    people = list(figures.people_by_territory(project).values())

    def total(key):
        return sum(row[key] for row in people)

    women, known = total("women"), total("gender_known")
    return {
        "people": mask(total("enrolled")),
        "internships": mask(total("internships")),
        "hires": mask(total("hires")),
        "women_percent": percent(women, known),
    }
