"""From the session registers to the neutral lines allowance.calculation reads.

``active_paths`` finds who took part in a project's month; ``person_months`` turns their
sessions and attendance (corrections of a locked month included) into one PersonMonth each,
with a fixed number of queries whatever the number of people. Company-confirmed internship
months will add their own lines to the same PersonMonth later.

A session of an activity the person is enrolled in, held on or after the enrolment, with no
attendance recorded for them, counts as an absence: the register is final once the month is
locked, and an empty row there means nobody saw them.
"""

import datetime

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate

from allowance.calculation import ABSENT, Line, PersonMonth, month_bounds
from participants.models import (
    Attendance,
    AttendanceAdjustment,
    Enrolment,
    Path,
    PathEvent,
    Session,
    Stage,
)

TAKING_PART = [Stage.ACTIVE, Stage.COMPLETED, Stage.WITHDRAWN, Stage.FOLLOWED_UP]


def active_paths(project, month):
    """Paths of ``project`` on the path during ``month``, each with ``started_on``."""
    first, last = month_bounds(month)
    started = PathEvent.objects.filter(path=OuterRef("pk"), action="start").order_by("created_at")
    enrolled = Enrolment.objects.filter(path=OuterRef("pk"), activity__project=project)
    return (
        Path.objects.filter(project=project, stage__in=TAKING_PART)
        .filter(Q(exited_on__isnull=True) | Q(exited_on__gte=first))
        .annotate(
            started_on=Subquery(started.annotate(day=TruncDate("created_at")).values("day")[:1]),
            first_enrolment=Subquery(enrolled.order_by("enrolled_on").values("enrolled_on")[:1]),
        )
        .filter(Exists(enrolled))
        .filter(Q(started_on__isnull=True) | Q(started_on__lte=last))
        .select_related("participant")
        .order_by("participant__family_name", "participant__given_name", "pk")
    )


def _period(path, first, last):
    start = getattr(path, "started_on", None) or getattr(path, "first_enrolment", None) or first
    end = path.exited_on or last
    return (max(start, first), min(end, last))


def person_months(project, month, paths, carried=None):
    """{path id: PersonMonth} for ``paths`` (from active_paths) in ``month``.

    ``carried`` maps path ids to (code, params, amount) corrections of earlier months.
    """
    first, last = month_bounds(month)
    paths = list(paths)
    enrolments = list(
        Enrolment.objects.filter(path__in=[p.pk for p in paths], activity__project=project).values(
            "path_id", "activity_id", "enrolled_on", "activity__kind"
        )
    )
    sessions = list(
        Session.objects.filter(
            activity_id__in={e["activity_id"] for e in enrolments}, date__range=(first, last)
        ).values("pk", "activity_id", "date", "hours")
    )
    recorded = {
        (row["session_id"], row["path_id"]): row
        for row in Attendance.objects.filter(
            session_id__in=[s["pk"] for s in sessions], path__in=[p.pk for p in paths]
        ).values("pk", "session_id", "path_id", "presence", "hours")
    }
    corrected = {}
    for row in (
        AttendanceAdjustment.objects.filter(attendance_id__in=[r["pk"] for r in recorded.values()])
        .order_by("made_at", "pk")
        .values("attendance_id", "presence", "hours")
    ):
        corrected[row["attendance_id"]] = row  # the latest correction wins
    by_activity = {}
    for session in sessions:
        by_activity.setdefault(session["activity_id"], []).append(session)
    lines = {p.pk: [] for p in paths}
    for enrolment in enrolments:
        for session in by_activity.get(enrolment["activity_id"], []):
            if session["date"] < enrolment["enrolled_on"]:
                continue
            row = recorded.get((session["pk"], enrolment["path_id"]))
            if row is not None:
                row = corrected.get(row["pk"], row)
            lines[enrolment["path_id"]].append(
                Line(
                    date=session["date"],
                    kind=enrolment["activity__kind"],
                    planned=session["hours"],
                    attended=row["hours"] if row else session["hours"] * 0,
                    status=row["presence"] if row else ABSENT,
                )
            )
    carried = carried or {}
    return {
        path.pk: PersonMonth(
            month=first,
            lines=tuple(sorted(lines[path.pk], key=lambda line: line.date)),
            periods=(_period(path, first, last),),
            carried=tuple(carried.get(path.pk, ())),
        )
        for path in paths
    }


def first_of(day: datetime.date):
    return day.replace(day=1)
