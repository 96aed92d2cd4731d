"""Attendance: the register of a session saved in one request, month locks, adjustments.

The register of a 30-person session is read and written with a fixed number of queries
whatever the number of people (tests/participants/test_attendance.py counts them).
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from participants.models import (
    Activity,
    ActivityKind,
    Attendance,
    AttendanceAdjustment,
    Enrolment,
    MonthLock,
    Participant,
    PlannedActivity,
    Presence,
    Session,
)
from participants.services.errors import MonthLocked, NotEnrolled, NotPermitted

ZERO = Decimal("0")


def month_of(day):
    return day.replace(day=1)


def is_locked(session):
    return MonthLock.objects.filter(
        project_id=session.activity.project_id, month=month_of(session.date)
    ).exists()


def register_rows(user, session):
    """The enrolled paths the user may see, each with its recorded attendance (or None)."""
    enrolments = (
        Enrolment.objects.filter(
            activity_id=session.activity_id,
            path__participant__in=Participant.objects.visible_to_staff(user),
        )
        .select_related("path__participant")
        .order_by("path__participant__family_name", "path__participant__given_name", "pk")
    )
    recorded = {a.path_id: a for a in Attendance.objects.filter(session=session)}
    return [(e.path, recorded.get(e.path_id)) for e in enrolments]


def _clean(session, presence, hours):
    if presence not in Presence.values:
        raise ValidationError(_("Choose present, absent or justified."))
    if presence != Presence.PRESENT:
        return presence, ZERO
    try:
        value = Decimal(str(hours)) if hours not in (None, "") else session.hours
    except InvalidOperation as error:
        raise ValidationError(_("Hours must be a number.")) from error
    if value < 0 or value > session.hours:
        raise ValidationError(_("Hours must be between 0 and %(max)s.") % {"max": session.hours})
    return presence, value


@transaction.atomic
def save_register(user, session, rows):
    """Stores a session's register: ``rows`` maps path ids to (presence, hours).

    Everything is checked before anything is written: one bad row and nothing is stored
    (ValidationError names the rows). A locked month raises MonthLocked: use adjust().
    """
    if not user.has_perm("participants.add_attendance"):
        raise NotPermitted
    session = Session.objects.select_for_update().select_related("activity").get(pk=session.pk)
    if is_locked(session):
        raise MonthLocked
    allowed = set(
        Enrolment.objects.filter(
            activity_id=session.activity_id,
            path__participant__in=Participant.objects.visible_to_staff(user),
        ).values_list("path_id", flat=True)
    )
    if set(rows) - allowed:
        raise NotEnrolled
    cleaned, errors = {}, {}
    for path_id, (presence, hours) in rows.items():
        try:
            cleaned[path_id] = _clean(session, presence, hours)
        except ValidationError as error:
            errors[path_id] = error.messages
    if errors:
        raise ValidationError(errors)
    existing = {a.path_id: a for a in Attendance.objects.filter(session=session)}
    new, changed = [], []
    for path_id, (presence, hours) in cleaned.items():
        row = existing.get(path_id)
        if row is None:
            new.append(
                Attendance(
                    session=session,
                    path_id=path_id,
                    presence=presence,
                    hours=hours,
                    recorded_by=user,
                )
            )
        elif (row.presence, row.hours) != (presence, hours):
            row.presence, row.hours, row.recorded_by = presence, hours, user
            changed.append(row)
    Attendance.objects.bulk_create(new)
    Attendance.objects.bulk_update(changed, ["presence", "hours", "recorded_by"])
    log(
        session,
        "approdo.participant.attendance",
        user=user,
        data={"recorded": len(new), "changed": len(changed)},
    )
    return len(new) + len(changed)


@transaction.atomic
def lock_month(user, project, month):
    """Makes a project's month final: its attendance changes only by adjustments."""
    if not user.has_perm("participants.add_monthlock"):
        raise NotPermitted
    lock, _created = MonthLock.objects.get_or_create(
        project=project, month=month_of(month), defaults={"locked_by": user}
    )
    log(project, "approdo.participant.month_lock", user=user, data={"month": str(lock.month)})
    return lock


def effective_hours(attendance):
    extra = attendance.adjustments.aggregate(total=Sum("hours_delta"))["total"] or ZERO
    return attendance.hours + extra


@transaction.atomic
def adjust(user, attendance, *, presence, hours, reason):
    """Corrects attendance of a locked month with a logged adjustment, never an edit."""
    if not user.has_perm("participants.add_attendanceadjustment"):
        raise NotPermitted
    if not Participant.objects.visible_to_staff(user).filter(paths__attendance=attendance).exists():
        raise NotPermitted
    if not reason.strip():
        raise ValidationError(_("Say why the attendance is corrected."))
    attendance = (
        Attendance.objects.select_for_update()
        .select_related("session__activity")
        .get(pk=attendance.pk)
    )
    if not is_locked(attendance.session):
        raise ValidationError(_("This month is not locked: correct the register instead."))
    presence, hours = _clean(attendance.session, presence, hours)
    adjustment = AttendanceAdjustment.objects.create(
        attendance=attendance,
        presence=presence,
        hours=hours,
        hours_delta=hours - effective_hours(attendance),
        reason=reason.strip(),
        made_by=user,
    )
    log(
        attendance.session,
        "approdo.participant.attendance_adjustment",
        user=user,
        data={"attendance": attendance.pk, "delta": str(adjustment.hours_delta)},
    )
    return adjustment


def hours_by_activity(path):
    """Planned and attended hours of one path, per activity: [(activity, planned, attended)]."""
    planned = {
        item.activity_id: item
        for item in PlannedActivity.objects.filter(plan__path=path).select_related("activity")
    }
    attended = {
        row["session__activity"]: row["total"] or ZERO
        for row in Attendance.objects.filter(path=path)
        .values("session__activity")
        .annotate(total=Sum("hours"))
    }
    adjusted = {
        row["attendance__session__activity"]: row["total"] or ZERO
        for row in AttendanceAdjustment.objects.filter(attendance__path=path)
        .values("attendance__session__activity")
        .annotate(total=Sum("hours_delta"))
    }
    ids = set(planned) | set(attended)
    activities = {a.pk: a for a in Activity.objects.filter(pk__in=ids)}
    # Countersigned internship months count towards the plan's internship activity.
    internship = [pk for pk, a in activities.items() if a.kind == ActivityKind.INTERNSHIP]
    if internship:
        from participants.services.internship import confirmed_hours

        hours = confirmed_hours([path.participant_id])
        extra = sum(hours.values(), ZERO)
        attended[internship[0]] = attended.get(internship[0], ZERO) + extra
    return [
        (
            activities[pk],
            planned[pk].planned_hours if pk in planned else ZERO,
            attended.get(pk, ZERO) + adjusted.get(pk, ZERO),
        )
        for pk in sorted(ids, key=lambda pk: activities[pk].name)
    ]
