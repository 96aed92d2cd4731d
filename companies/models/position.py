"""Internship positions a company offers (posti di tirocinio)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

MIN_WEEKLY_HOURS = 5
MAX_WEEKLY_HOURS = 40


class Position(models.Model):
    """One internship offer: where, what, when, how many, and what the company can adapt."""

    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="positions"
    )
    site = models.ForeignKey(
        "companies.OperatingSite",
        verbose_name=_("site"),
        on_delete=models.PROTECT,
        related_name="positions",
    )
    call = models.ForeignKey(
        "news.CallPage",
        verbose_name=_("call"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The call for host companies this offer answers, if any."),
    )
    title = models.CharField(_("role"), max_length=160, help_text=_("e.g. Kitchen assistant"))
    tasks = models.TextField(_("tasks"), max_length=2000)
    weekly_hours = models.PositiveSmallIntegerField(
        _("hours per week"),
        validators=[MinValueValidator(MIN_WEEKLY_HOURS), MaxValueValidator(MAX_WEEKLY_HOURS)],
    )
    schedule = models.CharField(
        _("schedule"), max_length=200, help_text=_("e.g. Monday to Friday, 9:00–13:00")
    )
    places = models.PositiveSmallIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    starts_on = models.DateField(_("available from"))
    ends_on = models.DateField(_("available until"))
    accommodations = models.TextField(
        _("adjustments the company can make"),
        blank=True,
        max_length=2000,
        help_text=_("e.g. flexible hours, a quiet workstation, tasks shown step by step."),
    )
    requirements = models.TextField(_("requirements"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["starts_on", "pk"]

    def __str__(self):
        return f"{self.title} ({self.company})"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The end of the period cannot be before its start.")}
            )
