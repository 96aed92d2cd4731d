"""Internship attendance as the host company confirms it, one month at a time.

The company confirms the days and hours of a month of a placement, and its tutor (another
member of the company) countersigns. From then on the month is locked like a session month:
changes are InternshipAdjustment rows (who, when, why, by how much), never edits.

The person is the placement's participant (``Placement.participant``).
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class InternshipMonth(models.Model):
    """A placement's month as the company confirmed it, and its tutor's countersignature."""

    placement = models.ForeignKey(
        "companies.Placement",
        verbose_name=_("placement"),
        on_delete=models.CASCADE,
        related_name="attendance_months",
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    days = models.PositiveSmallIntegerField(_("days attended"))
    hours = models.DecimalField(
        _("hours attended"), max_digits=5, decimal_places=1, validators=[MinValueValidator(0)]
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Names kept if the accounts are later deleted: the register must still say who signed.
    confirmer = models.CharField(_("confirmed by"), max_length=254, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), default=timezone.now)
    countersigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("countersigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    countersigner = models.CharField(_("countersigned by"), max_length=254, blank=True)
    countersigned_at = models.DateTimeField(_("countersigned"), null=True, blank=True)

    class Meta:
        verbose_name = _("internship month")
        verbose_name_plural = _("internship months")
        ordering = ["placement", "month"]
        constraints = [
            models.UniqueConstraint(fields=["placement", "month"], name="internship_month_once")
        ]

    def __str__(self):
        return f"{self.placement_id} {self.month:%Y-%m}"

    @property
    def locked(self):
        """Confirmed and countersigned: final, corrected only by adjustments."""
        return self.countersigned_at is not None


class InternshipAdjustment(models.Model):
    """A correction to a locked internship month: the new values and the change."""

    month = models.ForeignKey(InternshipMonth, on_delete=models.CASCADE, related_name="adjustments")
    days = models.PositiveSmallIntegerField(_("days attended"))
    hours = models.DecimalField(_("hours attended"), max_digits=5, decimal_places=1)
    days_delta = models.SmallIntegerField(_("change in days"))
    hours_delta = models.DecimalField(_("change in hours"), max_digits=6, decimal_places=1)
    reason = models.CharField(_("reason"), max_length=300)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("internship attendance adjustment")
        verbose_name_plural = _("internship attendance adjustments")
        ordering = ["made_at", "pk"]

    def __str__(self):
        return f"{self.month_id}: {self.hours_delta:+} h"
