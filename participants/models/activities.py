"""The project's catalogue of activities, their sessions, enrolments and attendance.

Attendance is recorded per session; once a month of a project is locked its attendance
changes only through AttendanceAdjustment rows (who, when, why, by how much), never by
editing the recorded row.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ActivityKind(models.TextChoices):
    GUIDANCE = "guidance", _("Guidance interview")
    COURSE = "course", _("Training course")
    WORKSHOP = "workshop", _("Workshop")
    GROUP = "group", _("Group session")
    COACHING = "coaching", _("Individual coaching")
    INTERNSHIP = "internship", _("Internship")


class Activity(models.Model):
    """An entry of a project's catalogue (e.g. "Safety course, D.lgs. 81/2008")."""

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ActivityKind.choices)
    name = models.CharField(_("name"), max_length=200)
    planned_hours = models.DecimalField(
        _("hours"), max_digits=6, decimal_places=1, null=True, blank=True
    )

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["project", "name"]

    def __str__(self):
        return self.name


class Session(models.Model):
    """One meeting of a course or workshop."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="sessions"
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"), max_digits=4, decimal_places=1, validators=[MinValueValidator(0)]
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("operator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.activity} · {self.date}"


class Enrolment(models.Model):
    """A path's place in an activity."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="enrolments")
    path = models.ForeignKey(
        "participants.Path", on_delete=models.CASCADE, related_name="enrolments"
    )
    enrolled_on = models.DateField(_("enrolled on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["activity", "path"], name="enrolled_once")]

    def __str__(self):
        return f"{self.path_id} in {self.activity_id}"


class Presence(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    JUSTIFIED = "justified", _("Justified absence")


class Attendance(models.Model):
    """A path's presence at one session, and the hours attended."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    path = models.ForeignKey(
        "participants.Path", on_delete=models.CASCADE, related_name="attendance"
    )
    presence = models.CharField(_("presence"), max_length=10, choices=Presence.choices)
    hours = models.DecimalField(
        _("hours"), max_digits=4, decimal_places=1, validators=[MinValueValidator(0)]
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["session", "path"], name="attendance_once")]

    def __str__(self):
        return f"{self.session_id}/{self.path_id}: {self.presence} {self.hours}"


class AttendanceAdjustment(models.Model):
    """A correction to attendance of a locked month: the new values and the change in hours."""

    attendance = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="adjustments")
    presence = models.CharField(_("presence"), max_length=10, choices=Presence.choices)
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1)
    hours_delta = models.DecimalField(_("change in hours"), max_digits=5, decimal_places=1)
    reason = models.CharField(_("reason"), max_length=300)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attendance adjustment")
        verbose_name_plural = _("attendance adjustments")
        ordering = ["made_at", "pk"]

    def __str__(self):
        return f"{self.attendance_id}: {self.hours_delta:+} h"


class MonthLock(models.Model):
    """A project's month whose attendance is final (allowances and reports read it)."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="month_locks"
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    locked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("locked month")
        verbose_name_plural = _("locked months")
        constraints = [
            models.UniqueConstraint(fields=["project", "month"], name="month_locked_once")
        ]

    def __str__(self):
        return f"{self.project_id} {self.month:%Y-%m}"
