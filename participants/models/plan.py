"""The équipe's assessment and the individual plan (PAP, progetto individuale)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IndividualPlan(models.Model):
    """The assessment of a path and what the person will do: goals and planned activities.

    ``goals`` are what the person and the équipe agree to aim for (e.g. "a job in
    catering", "the safety certificate"); never a diagnosis.
    """

    path = models.OneToOneField("participants.Path", on_delete=models.CASCADE, related_name="plan")
    assessed_on = models.DateField(_("assessed on"))
    members = models.CharField(
        _("équipe members"),
        max_length=500,
        help_text=_("Who took part in the assessment, with their service."),
    )
    goals = models.TextField(
        _("goals"), help_text=_("What the plan aims for. Never write a diagnosis here.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("individual plan")
        verbose_name_plural = _("individual plans")

    def __str__(self):
        return f"{self.path}: {self.assessed_on}"


class PlannedActivity(models.Model):
    """An activity of the project in a person's plan, with the hours planned for it."""

    plan = models.ForeignKey(IndividualPlan, on_delete=models.CASCADE, related_name="items")
    activity = models.ForeignKey(
        "participants.Activity",
        verbose_name=_("activity"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    planned_hours = models.DecimalField(
        _("planned hours"), max_digits=6, decimal_places=1, validators=[MinValueValidator(0)]
    )

    class Meta:
        verbose_name = _("planned activity")
        verbose_name_plural = _("planned activities")
        constraints = [
            models.UniqueConstraint(fields=["plan", "activity"], name="activity_once_per_plan")
        ]

    def __str__(self):
        return f"{self.activity}: {self.planned_hours} h"
