"""Hours planned and attended, per path, activity and project, and the operators' caseload.

Everything is scoped by ``Participant.objects.visible_to_staff(user)`` and computed with
grouped queries or per-row subqueries, so the number of queries does not depend on how many
people, activities or operators there are.

Attended hours are the sessions' recorded hours plus their adjustments, and for the
internship the months the company confirmed and its tutor countersigned, plus their
adjustments. Internship hours count towards the path's internship activity (the path is
enrolled in an activity of kind "internship"); a person's placements reach the path
through ``Placement.participant``.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, DecimalField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from participants.models import (
    Activity,
    ActivityKind,
    Attendance,
    AttendanceAdjustment,
    Enrolment,
    InternshipAdjustment,
    InternshipMonth,
    Participant,
    Path,
    PlannedActivity,
    Stage,
)
from participants.privacy import CLOSED

ZERO = Decimal("0")
HOURS = DecimalField(max_digits=9, decimal_places=1)


def _total(queryset, key, field):
    """A correlated subquery: the sum of ``field`` over ``queryset`` rows for one outer row."""
    summed = queryset.order_by().values(key).annotate(total=Sum(field)).values("total")[:1]
    return Coalesce(Subquery(summed, output_field=HOURS), ZERO, output_field=HOURS)


def paths_with_hours(user, project=None):
    """The visible paths, each annotated with ``planned`` (the plan's hours) and
    ``attended`` (sessions and countersigned internship months, adjustments included)."""
    people = Participant.objects.visible_to_staff(user)
    paths = Path.objects.filter(participant__in=people)
    if project is not None:
        paths = paths.filter(project=project)
    internship = {
        "placement__participant__paths": OuterRef("pk"),
        "placement__participant__paths__enrolments__activity__kind": (ActivityKind.INTERNSHIP),
    }
    month_adjustments = {f"month__{key}": value for key, value in internship.items()}
    return (
        paths.select_related("participant", "project")
        .annotate(
            planned=_total(
                PlannedActivity.objects.filter(plan__path=OuterRef("pk")),
                "plan__path",
                "planned_hours",
            ),
            sessions=_total(Attendance.objects.filter(path=OuterRef("pk")), "path", "hours"),
            corrections=_total(
                AttendanceAdjustment.objects.filter(attendance__path=OuterRef("pk")),
                "attendance__path",
                "hours_delta",
            ),
            internship=_total(
                InternshipMonth.objects.filter(countersigned_at__isnull=False, **internship),
                "placement__participant",
                "hours",
            ),
            internship_corrections=_total(
                InternshipAdjustment.objects.filter(**month_adjustments),
                "month__placement__participant",
                "hours_delta",
            ),
        )
        .order_by("participant__family_name", "participant__given_name", "pk")
    )


def attended(path):
    """Total attended hours of a path from ``paths_with_hours``."""
    return path.sessions + path.corrections + path.internship + path.internship_corrections


def _grouped(queryset, key, field):
    return {
        row[key]: row["total"] or ZERO
        for row in queryset.order_by().values(key).annotate(total=Sum(field))
    }


def activity_totals(user, project=None):
    """Per activity of the visible people: enrolled people, planned and attended hours.

    Returns (rows, per_project): rows are dicts sorted by project and activity name;
    per_project sums them by project.
    """
    people = Participant.objects.visible_to_staff(user)
    scope = {"path__participant__in": people}
    if project is not None:
        scope["path__project"] = project
    planned = _grouped(
        PlannedActivity.objects.filter(**{f"plan__{key}": value for key, value in scope.items()}),
        "activity",
        "planned_hours",
    )
    sessions = _grouped(Attendance.objects.filter(**scope), "session__activity", "hours")
    corrections = _grouped(
        AttendanceAdjustment.objects.filter(
            **{f"attendance__{key}": value for key, value in scope.items()}
        ),
        "attendance__session__activity",
        "hours_delta",
    )
    enrolled_in = "placement__participant__paths__enrolments__activity"
    path_scope = {
        f"placement__participant__paths__{key.removeprefix('path__')}": value
        for key, value in scope.items()
        if key != "path__participant__in"
    }
    internship = _grouped(
        InternshipMonth.objects.filter(
            countersigned_at__isnull=False,
            placement__participant__in=people,
            **{f"{enrolled_in}__kind": ActivityKind.INTERNSHIP},
            **path_scope,
        ),
        enrolled_in,
        "hours",
    )
    internship_corrections = _grouped(
        InternshipAdjustment.objects.filter(
            month__placement__participant__in=people,
            **{f"month__{enrolled_in}__kind": ActivityKind.INTERNSHIP},
            **{f"month__{key}": value for key, value in path_scope.items()},
        ),
        f"month__{enrolled_in}",
        "hours_delta",
    )
    enrolled = {
        row["activity"]: row["count"]
        for row in Enrolment.objects.filter(**scope)
        .order_by()
        .values("activity")
        .annotate(count=Count("path"))
    }
    ids = set(planned) | set(sessions) | set(enrolled) | set(internship)
    rows = []
    for activity in Activity.objects.filter(pk__in=ids).select_related("project"):
        done = (
            sessions.get(activity.pk, ZERO)
            + corrections.get(activity.pk, ZERO)
            + internship.get(activity.pk, ZERO)
            + internship_corrections.get(activity.pk, ZERO)
        )
        rows.append(
            {
                "activity": activity,
                "people": enrolled.get(activity.pk, 0),
                "planned": planned.get(activity.pk, ZERO),
                "attended": done,
            }
        )
    rows.sort(key=lambda row: (row["activity"].project.name, row["activity"].name))
    per_project = {}
    for row in rows:
        total = per_project.setdefault(
            row["activity"].project_id,
            {"project": row["activity"].project, "planned": ZERO, "attended": ZERO},
        )
        total["planned"] += row["planned"]
        total["attended"] += row["attended"]
    return rows, list(per_project.values())


def people_per_project(user):
    """{project_id: {"people": n, "active": n}} over the visible people."""
    people = Participant.objects.visible_to_staff(user)
    return {
        row["project"]: row
        for row in Path.objects.filter(participant__in=people)
        .order_by()
        .values("project")
        .annotate(people=Count("pk"), active=Count("pk", filter=Q(stage=Stage.ACTIVE)))
    }


def caseload(user):
    """Per case operator of the visible people: people active, with an open path, in all."""
    people = Participant.objects.visible_to_staff(user)
    rows = list(
        Path.objects.filter(participant__in=people)
        .order_by()
        .values("participant__operator")
        .annotate(
            active=Count("participant", distinct=True, filter=Q(stage=Stage.ACTIVE)),
            open=Count("participant", distinct=True, filter=~Q(stage__in=CLOSED)),
            people=Count("participant", distinct=True),
        )
    )
    operators = get_user_model().objects.in_bulk(
        [row["participant__operator"] for row in rows if row["participant__operator"]]
    )
    for row in rows:
        row["operator"] = operators.get(row["participant__operator"])
    rows.sort(key=lambda row: (-row["active"], -row["open"], str(row["operator"] or "")))
    return rows
