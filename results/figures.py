"""The raw counts behind the targets-vs-actuals dashboard and the public results page.

Everything is counted per territory of the person (``Participant.territory``) for one
project, with a fixed number of grouped queries however many people, sessions or payments
there are; only the grouped rows reach Python. Nothing here is masked: results.tables
applies the small-cell rule before anything is shown.

What each figure means (docs/reporting.md says the same for readers):

- enrolled: paths that were ever enrolled (an "enrol" step on their timeline);
- active: paths in the "active" stage now;
- completed: paths that completed (a "complete" step; a later follow-up keeps them here);
- withdrawn: enrolled paths that ended early (a "withdraw" step after the enrolment);
  people who withdrew before being enrolled were never supported and are not counted;
- women: enrolled women; ``gender_known`` counts the enrolled people who answered
  woman, man or non-binary, the base of the women percentage (not asked and "prefers not
  to say" are left out of it, and counted apart as ``gender_unknown``);
- internships: enrolled people with a placement that started;
- hires: enrolled people in work at exit or at the six-month follow-up;
- hours: attended hours (sessions and countersigned internship months, their
  corrections included), like participants.totals;
- allowance: amounts paid (paid payments), by the statement's month.
"""

import datetime
from collections import defaultdict
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import TruncMonth

from allowance.models import AllowanceBudget, BatchState, Payment
from allowance.services.payments import budgets_with_figures
from companies.models import Placement, PlacementStatus
from participants.models import (
    ActivityKind,
    Attendance,
    AttendanceAdjustment,
    InternshipAdjustment,
    InternshipMonth,
    Path,
    PathEvent,
    Stage,
)
from participants.models.entry import Gender

ZERO = Decimal("0")
STARTED_PLACEMENTS = [
    PlacementStatus.ACTIVE,
    PlacementStatus.SUSPENDED,
    PlacementStatus.COMPLETED,
    PlacementStatus.TERMINATED,
]
KNOWN_GENDERS = [Gender.FEMALE, Gender.MALE, Gender.NON_BINARY]
PEOPLE_FIGURES = [
    "enrolled",
    "active",
    "completed",
    "withdrawn",
    "women",
    "gender_known",
    "gender_unknown",
    "internships",
    "hires",
]
# A withdrawal from these stages ends a path that had been enrolled.
ENROLLED_STAGES = [Stage.ENROLLED, Stage.ACTIVE]


def project_zone():
    return ZoneInfo(settings.TIME_ZONE)


def _step(action, **extra):
    return Exists(PathEvent.objects.filter(path=OuterRef("pk"), action=action, **extra))


def people_by_territory(project, territory_ids=None):
    """{territory id: {figure: count}} for ``PEOPLE_FIGURES``, in one grouped query; every
    territory with people when ``territory_ids`` is None."""
    started = Placement.objects.filter(
        participant=OuterRef("participant"), status__in=STARTED_PLACEMENTS
    )
    employed = Q(exit_outcome="employed") | Q(follow_up_outcome="employed")
    paths = Path.objects.filter(project=project)
    if territory_ids is not None:
        paths = paths.filter(participant__territory__in=territory_ids)
    paths = paths.annotate(
        was_enrolled=_step("enrol"),
        was_completed=_step("complete"),
        left_early=_step("withdraw", from_stage__in=ENROLLED_STAGES),
        interned=Exists(started),
    ).filter(was_enrolled=True)
    known = Q(participant__gender__in=KNOWN_GENDERS)
    rows = (
        paths.order_by()
        .values("participant__territory")
        .annotate(
            enrolled=Count("pk"),
            active=Count("pk", filter=Q(stage=Stage.ACTIVE)),
            completed=Count("pk", filter=Q(was_completed=True)),
            withdrawn=Count("pk", filter=Q(left_early=True)),
            women=Count("pk", filter=Q(participant__gender=Gender.FEMALE)),
            gender_known=Count("pk", filter=known),
            gender_unknown=Count("pk", filter=~known),
            internships=Count("pk", filter=Q(interned=True)),
            hires=Count("pk", filter=employed),
        )
    )
    figures = {pk: dict.fromkeys(PEOPLE_FIGURES, 0) for pk in territory_ids or []}
    for row in rows:
        figures.setdefault(row["participant__territory"], {}).update(
            {name: row[name] for name in PEOPLE_FIGURES}
        )
    return figures


def steps_by_month(project, territory_ids):
    """{(month, territory id): {"enrolled", "completed", "withdrawn", "started", "ended"}}.

    "started" and "ended" (completed, or withdrawn while active) let the caller count the
    paths active at each month's end; months are the project's (Europe/Rome).
    """
    events = (
        PathEvent.objects.filter(
            path__project=project,
            path__participant__territory__in=territory_ids,
            action__in=["enrol", "start", "complete", "withdraw"],
        )
        .annotate(month=TruncMonth("created_at", tzinfo=project_zone()))
        .order_by()
        .values("month", "path__participant__territory", "action")
        .annotate(
            steps=Count("pk"),
            from_enrolled=Count("pk", filter=Q(from_stage__in=ENROLLED_STAGES)),
            from_active=Count("pk", filter=Q(from_stage=Stage.ACTIVE)),
        )
    )
    counts = defaultdict(lambda: defaultdict(int))
    for row in events:
        key = (_first_day(row["month"]), row["path__participant__territory"])
        action = row["action"]
        if action == "enrol":
            counts[key]["enrolled"] += row["steps"]
        elif action == "start":
            counts[key]["started"] += row["steps"]
        elif action == "complete":
            counts[key]["completed"] += row["steps"]
            counts[key]["ended"] += row["steps"]
        else:
            counts[key]["withdrawn"] += row["from_enrolled"]
            counts[key]["ended"] += row["from_active"]
    return counts


def _first_day(moment):
    if isinstance(moment, datetime.datetime):
        moment = moment.astimezone(project_zone()).date()
    return moment.replace(day=1)


def _grouped_hours(queryset, month, territory, hours, person):
    rows = (
        queryset.annotate(in_month=TruncMonth(month))
        .order_by()
        .values("in_month", territory)
        .annotate(total=Sum(hours), people=Count(person, distinct=True))
    )
    return [
        (_first_day(row["in_month"]), row[territory], row["total"] or ZERO, row["people"])
        for row in rows
    ]


def hours_by_month(project, territory_ids):
    """{(month, territory id): (hours, people)}: attended hours and a lower bound of the
    distinct people behind them (the larger of the sessions' and internships' counts)."""
    scope = {"path__project": project, "path__participant__territory__in": territory_ids}
    internship = {
        "placement__participant__paths__project": project,
        "placement__participant__paths__enrolments__activity__kind": (ActivityKind.INTERNSHIP),
        "placement__participant__territory__in": territory_ids,
    }
    sources = [
        _grouped_hours(
            Attendance.objects.filter(**scope),
            "session__date",
            "path__participant__territory",
            "hours",
            "path",
        ),
        _grouped_hours(
            AttendanceAdjustment.objects.filter(
                **{f"attendance__{key}": value for key, value in scope.items()}
            ),
            "attendance__session__date",
            "attendance__path__participant__territory",
            "hours_delta",
            "attendance__path",
        ),
        _grouped_hours(
            InternshipMonth.objects.filter(countersigned_at__isnull=False, **internship),
            "month",
            "placement__participant__territory",
            "hours",
            "placement__participant",
        ),
        _grouped_hours(
            InternshipAdjustment.objects.filter(
                **{f"month__{key}": value for key, value in internship.items()}
            ),
            "month__month",
            "month__placement__participant__territory",
            "hours_delta",
            "month__placement__participant",
        ),
    ]
    totals = defaultdict(lambda: [ZERO, 0])
    for rows in sources:
        for month, territory, hours, people in rows:
            totals[(month, territory)][0] += hours
            totals[(month, territory)][1] = max(totals[(month, territory)][1], people)
    return {key: tuple(value) for key, value in totals.items()}


def allowance_by_month(project, territory_ids):
    """{(month, territory id): (amount paid, people paid)} from paid payments."""
    rows = (
        Payment.objects.filter(
            state=BatchState.PAID,
            statement__project=project,
            statement__path__participant__territory__in=territory_ids,
        )
        .order_by()
        .values("statement__month", "statement__path__participant__territory")
        .annotate(total=Sum("amount"), people=Count("statement__path", distinct=True))
    )
    return {
        (
            _first_day(row["statement__month"]),
            row["statement__path__participant__territory"],
        ): (row["total"] or ZERO, row["people"])
        for row in rows
    }


def allowance_budget(project):
    """The project's allowance budget with ``spent``, ``committed`` and ``left``, or None."""
    try:
        return budgets_with_figures().get(project=project)
    except AllowanceBudget.DoesNotExist:
        return None
