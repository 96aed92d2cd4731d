"""The ESF+ common output indicators at entry (Reg. (EU) 2021/1057, Annex I), in aggregate.

Who counts: every person whose path in the project was enrolled (the "enrol" step) during
the period, once per project however often they left and came back, in the territory of
their record. Their age band is taken on the day of that step. Each indicator is a group
of categories that adds up to the participants: "prefers not to say" and "not recorded"
are categories of their own, so a missing answer is counted, never guessed.

A report by funding source counts the projects co-financed by that kind of fund, each with
all its participants: an ESF+ co-financed operation reports everyone it supports, whatever
the fund's share. A person in two such projects counts in each.

The database groups the entry data (``entry_rows``: a few hundred rows whatever the
number of people, the age band computed in SQL); ``entrants`` is the same person by person,
the reference the tests hold the grouped counts to. The special-category answers are
decrypted here, in memory, only to be counted, and never returned with who gave them.
Costs three queries (territories, grouped entry data, answers) whatever the number of
people or projects.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    ExpressionWrapper,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from companies.models import Territory
from companies.project_report import MARKS_LEGEND, WITHHELD, Row, Table
from monitoring.models import QUESTIONS, Answer, MonitoringRecord, decode
from monitoring.suppression import protect, shown
from participants.models import (
    AgeBand,
    EducationLevel,
    Gender,
    Household,
    LabourStatus,
    Path,
    PathEvent,
    age_band,
)
from projects.models import FundingSource, Project

NOT_RECORDED = ""
NOT_RECORDED_LABEL = _("Not recorded")
PARTICIPANTS = _("Participants")
NOT_ASKED_LABEL = _("Not asked or no consent")

ENTRY_GROUPS = [
    ("gender", _("Gender"), Gender.choices),
    ("age", _("Age at entry"), AgeBand.choices),
    ("labour_status", _("Employment situation"), LabourStatus.choices),
    ("education_level", _("Education (ISCED)"), EducationLevel.choices),
    ("household", _("Household"), Household.choices),
]
SPECIAL_GROUPS = [(code, question, Answer.choices) for code, question in QUESTIONS]


@dataclass(frozen=True)
class Scope:
    """What a report counts: a project, or the projects co-financed by one kind of fund
    (``funding_kind``, a projects.funding.FundingKind; both: the project if it is), a
    period (inclusive) and optionally one territory."""

    project: object
    starts_on: datetime.date
    ends_on: datetime.date
    territory: object = None
    funding_kind: str = ""

    def projects(self):
        """The projects counted, as a queryset (used as a subquery, never listed)."""
        projects = Project.objects.all()
        if self.project is not None:
            projects = projects.filter(pk=self.project.pk)
        if self.funding_kind:
            # A subquery on the sources: a project with two sources of the kind counts once.
            projects = projects.filter(
                pk__in=FundingSource.objects.filter(kind=self.funding_kind).values("project")
            )
        return projects

    def paths(self):
        """The paths of the projects counted, in the territory asked for if any."""
        paths = Path.objects.filter(project__in=self.projects().values("pk"))
        if self.territory is not None:
            paths = paths.filter(participant__territory=self.territory)
        return paths


def _bounds(scope):
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(scope.starts_on, datetime.time.min, zone)
    end = datetime.datetime.combine(
        scope.ends_on + datetime.timedelta(days=1), datetime.time.min, zone
    )
    return start, end


def entrant_paths(scope):
    """The paths of the people who entered the project in the period, with ``entered``
    (per person, for ``entrants``; the report counts from ``first_enrolments``)."""
    start, end = _bounds(scope)
    return (
        scope.paths()
        .annotate(entered=Min("events__created_at", filter=Q(events__action="enrol")))
        .filter(entered__gte=start, entered__lt=end)
    )


def first_enrolments(scope):
    """The first "enrol" step of each path of ``scope``, when it falls in the period: one
    row per person who entered, in a form the database can group (the date is a column,
    not an aggregate; an earlier step is ruled out by an anti-join)."""
    start, end = _bounds(scope)
    earlier = PathEvent.objects.filter(
        Q(created_at__lt=OuterRef("created_at"))
        | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk")),
        path=OuterRef("path"),
        action="enrol",
    )
    return PathEvent.objects.filter(
        ~Exists(earlier),
        action="enrol",
        path__in=scope.paths(),
        created_at__gte=start,
        created_at__lt=end,
    )


def _day_number(year, month, day):
    return year * 10000 + month * 100 + day


def age_band_expression():
    """participants.age_band in SQL, on the local day of the step: a person is N or
    older on a day when (year − N, month, day) of that day is not before their birthday,
    i.e. when the day's yyyymmdd number less the birthday's is at least N × 10,000 (born
    on 29 February: 30 on 1 March, as age_on counts)."""
    zone = timezone.get_current_timezone()
    entered = _day_number(
        ExtractYear("created_at", tzinfo=zone),
        ExtractMonth("created_at", tzinfo=zone),
        ExtractDay("created_at", tzinfo=zone),
    )
    born = _day_number(
        ExtractYear("path__participant__date_of_birth"),
        ExtractMonth("path__participant__date_of_birth"),
        ExtractDay("path__participant__date_of_birth"),
    )
    years = ExpressionWrapper(entered - born, output_field=IntegerField())
    return Case(
        When(path__participant__date_of_birth__isnull=True, then=Value(NOT_RECORDED)),
        When(Q(years__gte=550000), then=Value(AgeBand.FROM_55.value)),
        When(Q(years__gte=300000), then=Value(AgeBand.FROM_30_TO_54.value)),
        default=Value(AgeBand.UNDER_30.value),
        output_field=CharField(),
    ), years


def entry_rows(scope):
    """The people who entered, grouped by territory, the Annex I entry fields and the age
    band: [{"territory", field…, "age", "n"}], one row per combination that occurs (a few
    hundred at most, however many people)."""
    band, years = age_band_expression()
    fields = ["territory_id", "gender", "labour_status", "education_level", "household"]
    rows = (
        first_enrolments(scope)
        .annotate(years=years)
        .annotate(age=band)
        .order_by()
        .values(*(f"path__participant__{field}" for field in fields), "age")
        .annotate(n=Count("path", distinct=True))
    )
    return [
        {
            **{field: row[f"path__participant__{field}"] for field in fields},
            "territory": row["path__participant__territory_id"],
            "age": row["age"],
            "n": row["n"],
        }
        for row in rows
    ]


def answer_rows(scope, margin, column_ids):
    """[{"territory", code…, "n"}]: the entrants with a monitoring record, their answers
    decrypted (by the field, in this one query) and tallied at once into one row per
    territory and set of answers, so nothing is kept per person; then, per territory, one
    row for the people without a record, with no answer."""
    record = MonitoringRecord.objects.filter(participant=OuterRef("path__participant_id"))
    answers_field = MonitoringRecord._meta.get_field("answers")
    found = (
        first_enrolments(scope)
        .filter(Exists(record))
        .annotate(answers=Subquery(record.values("answers")[:1], output_field=answers_field))
        .values_list("path__participant__territory_id", "answers")
    )
    tally = Counter((territory, tuple(sorted(decode(text).items()))) for territory, text in found)
    rows, answered = [], [0] * len(column_ids)
    for (territory, answers), n in tally.items():
        rows.append({**dict(answers), "territory": territory, "n": n})
        answered[column_ids.index(territory)] += n
    for c, territory in enumerate(column_ids):
        rows.append({"territory": territory, "n": margin[c] - answered[c]})
    return rows


def entrants(scope):
    """One dict per person who entered the project in the period: territory, entry day,
    the Annex I entry fields and the age band."""
    people = []
    for row in entrant_paths(scope).values(
        "participant_id",
        "participant__territory_id",
        "participant__date_of_birth",
        "participant__gender",
        "participant__labour_status",
        "participant__education_level",
        "participant__household",
        "entered",
    ):
        entered = timezone.localdate(row["entered"])
        people.append(
            {
                "id": row["participant_id"],
                "territory": row["participant__territory_id"],
                "gender": row["participant__gender"],
                "labour_status": row["participant__labour_status"],
                "education_level": row["participant__education_level"],
                "household": row["participant__household"],
                "age": age_band(row["participant__date_of_birth"], entered),
            }
        )
    return people


def count_groups(people, columns, key, choices):
    """[[count per column, then the total] per category]; not recorded last."""
    categories = [value for value, _label in choices] + [NOT_RECORDED]
    index = {territory: c for c, territory in enumerate(columns)}
    rows = [[0] * (len(columns) + 1) for _category in categories]
    position = {category: r for r, category in enumerate(categories)}
    for person in people:
        r = position.get(key(person) or NOT_RECORDED, position[NOT_RECORDED])
        weight = person.get("n", 1)  # grouped rows stand for n people
        rows[r][index[person["territory"]]] += weight
        rows[r][-1] += weight
    return rows


def build_table(
    name,
    title,
    caption,
    groups,
    counts,
    margin,
    columns,
    hidden,
    margin_hidden,
    margin_label=PARTICIPANTS,
):
    """A Table of one or more groups under their shared margin, hidden cells marked."""
    headings = [territory.name for territory in columns] + [_("Total")]
    rows = [
        Row(
            labels=[margin_label, ""],
            cells=[shown(count, c in margin_hidden) for c, count in enumerate(margin)],
        )
    ]
    for key, label, choices, empty_label in groups:
        labels = [choice_label for _value, choice_label in choices] + [empty_label]
        for r, (category, counts_row) in enumerate(zip(labels, counts[key], strict=True)):
            rows.append(
                Row(
                    labels=[label, category],
                    cells=[
                        shown(count, (key, r, c) in hidden) for c, count in enumerate(counts_row)
                    ],
                )
            )
    return Table(
        name=name,
        title=title,
        caption=caption,
        row_headings=[_("Indicator"), _("Category")],
        column_headings=headings,
        rows=rows,
        legend=LEGEND,
    )


LEGEND = [
    MARKS_LEGEND[0],
    (WITHHELD, _("Not shown: with the counts beside it, it would reveal a count below 5.")),
]


def territory_columns(scope, people):
    """The report's columns: the one territory asked for, or the projects' and the people's."""
    if scope.territory is not None:
        return [scope.territory]
    territory_ids = {person["territory"] for person in people}
    served = Project.territories.through.objects.filter(
        project__in=scope.projects().values("pk")
    ).values("territory")
    return list(
        Territory.objects.filter(Q(pk__in=territory_ids) | Q(pk__in=served)).order_by("name")
    )


def people_margin(people, column_ids):
    """People per column, then in all (a grouped row stands for its ``n`` people)."""
    margin = [0] * (len(column_ids) + 1)
    for person in people:
        weight = person.get("n", 1)
        margin[column_ids.index(person["territory"])] += weight
        margin[-1] += weight
    return margin


def counts(scope):
    """The counts before suppression: (territories, margin, entry groups, special groups),
    each group {key: [[count per territory, total] per category, not recorded last]}."""
    people = entry_rows(scope)
    columns = territory_columns(scope, people)
    column_ids = [territory.pk for territory in columns]
    margin = people_margin(people, column_ids)
    answered = answer_rows(scope, margin, column_ids)
    entry = {
        key: count_groups(people, column_ids, lambda p, key=key: p[key], choices)
        for key, _label, choices in ENTRY_GROUPS
    }
    special = {
        code: count_groups(answered, column_ids, lambda p, code=code: p.get(code), choices)
        for code, _label, choices in SPECIAL_GROUPS
    }
    return columns, margin, entry, special


def annex_tables(scope):
    """The two indicator tables of ``scope``, every count already suppressed."""
    columns, margin, entry, special = counts(scope)
    hidden, margin_hidden = protect({**entry, **special}, margin)
    entry_groups = [(k, label, choices, NOT_RECORDED_LABEL) for k, label, choices in ENTRY_GROUPS]
    special_groups = [(k, label, choices, NOT_ASKED_LABEL) for k, label, choices in SPECIAL_GROUPS]
    return [
        build_table(
            "entry",
            _("Participants at entry"),
            _("People who entered the project in the period, by territory."),
            entry_groups,
            entry,
            margin,
            columns,
            hidden,
            margin_hidden,
        ),
        build_table(
            "special",
            _("Special-category indicators"),
            _("Answers given with consent; the same people, by territory."),
            special_groups,
            special,
            margin,
            columns,
            hidden,
            margin_hidden,
        ),
    ]
