"""Allowance rules as data: one version per period of a project, edited by staff.

A project's rules change over time (a new regional decree, a new call): each change is a
new version with its own validity, never an edit of the period already paid. Versions of
one project may not overlap, so every day has at most one rule.
"""

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from participants.models import ActivityKind


class Basis(models.TextChoices):
    HOUR = "hour", _("per hour attended")
    DAY = "day", _("per day attended")
    MONTH = "month", _("per month of participation")


class BelowThreshold(models.TextChoices):
    NOTHING = "nothing", _("nothing is paid")
    PROPORTIONAL = "proportional", _("paid in proportion to attendance")


class Rounding(models.TextChoices):
    HALF_UP = ROUND_HALF_UP, _("half up (0.005 → 0.01)")
    HALF_EVEN = ROUND_HALF_EVEN, _("half to even")
    DOWN = ROUND_DOWN, _("down (truncate)")


class ExtraKind(models.TextChoices):
    HOUSING = "housing", _("Housing autonomy")
    TRANSPORT = "transport", _("Transport")
    OTHER = "other", _("Other")


def _money(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name, max_digits=9, decimal_places=2, validators=[MinValueValidator(0)], **kwargs
    )


class AllowanceRule(ClusterableModel):
    """How a project pays its allowance during one period (a version of its rules)."""

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="allowance_rules",
    )
    name = models.CharField(
        _("name"), max_length=160, help_text=_("E.g. the decree or call the rule comes from.")
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(
        _("valid to"), null=True, blank=True, help_text=_("Empty: until a later version.")
    )
    counted_kinds = models.JSONField(
        _("activities that count"),
        default=list,
        help_text=_("Attendance at these kinds of activity earns the allowance."),
    )
    basis = models.CharField(_("amount"), max_length=6, choices=Basis.choices)
    rate = _money(_("amount per unit"), help_text=_("Euro per hour, day or month."))
    monthly_cap = _money(_("monthly cap"), null=True, blank=True)
    threshold_percent = models.DecimalField(
        _("minimum attendance (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Share of the planned hours that must be attended."),
    )
    below_threshold = models.CharField(
        _("below the minimum"),
        max_length=12,
        choices=BelowThreshold.choices,
        default=BelowThreshold.NOTHING,
    )
    justified_count = models.BooleanField(_("justified absences count as attended"), default=False)
    rounding = models.CharField(
        _("rounding"), max_length=16, choices=Rounding.choices, default=Rounding.HALF_UP
    )
    rounding_step = models.DecimalField(
        _("round to"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("0.01"),
        choices=[(Decimal("0.01"), "0.01"), (Decimal("1.00"), "1")],
    )

    class Meta:
        verbose_name = _("allowance rule")
        verbose_name_plural = _("allowance rules")
        ordering = ["project", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="allowance_rule_period",
            ),
            models.UniqueConstraint(
                fields=["project", "valid_from"], name="allowance_rule_one_start"
            ),
        ]

    def __str__(self):
        return f"{self.project} · {self.name}"

    def overlapping(self):
        """Other versions of the project whose period meets this one."""
        others = AllowanceRule.objects.filter(project_id=self.project_id).exclude(pk=self.pk)
        if self.valid_to is not None:
            others = others.filter(valid_from__lte=self.valid_to)
        return others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))

    def clean(self):
        errors = {}
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("The end cannot come before the start.")
        kinds = self.counted_kinds or []
        if not kinds or set(kinds) - set(ActivityKind.values):
            errors["counted_kinds"] = _("Choose at least one kind of activity.")
        if not errors and self.project_id and self.valid_from:
            clash = self.overlapping().first()
            if clash is not None:
                errors["valid_from"] = _(
                    "This period overlaps the version “%(name)s” (from %(start)s)."
                ) % {"name": clash.name, "start": clash.valid_from}
        if errors:
            raise ValidationError(errors)


class ExtraItem(models.Model):
    """An item paid on top of the allowance (housing, transport), with its own conditions."""

    rule = ParentalKey(AllowanceRule, on_delete=models.CASCADE, related_name="extras")
    kind = models.CharField(_("kind"), max_length=10, choices=ExtraKind.choices)
    label = models.CharField(_("label"), max_length=120)
    basis = models.CharField(
        _("amount"),
        max_length=6,
        choices=[(Basis.DAY, Basis.DAY.label), (Basis.MONTH, Basis.MONTH.label)],
        default=Basis.MONTH,
    )
    amount = _money(_("amount per unit"))
    cap = _money(_("monthly cap"), null=True, blank=True)
    min_attendance_percent = models.DecimalField(
        _("minimum attendance (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    min_days = models.PositiveSmallIntegerField(_("minimum days attended"), default=0)

    class Meta:
        verbose_name = _("extra item")
        verbose_name_plural = _("extra items")
        ordering = ["pk"]

    def __str__(self):
        return self.label


def as_rule(version):
    """The version as the plain values allowance.calculation works on."""
    from allowance.calculation import Extra, Rule

    return Rule(
        name=version.name,
        valid_from=version.valid_from,
        valid_to=version.valid_to,
        counted_kinds=frozenset(version.counted_kinds),
        basis=version.basis,
        rate=version.rate,
        monthly_cap=version.monthly_cap,
        threshold_percent=version.threshold_percent,
        below_threshold=version.below_threshold,
        justified_count=version.justified_count,
        rounding=version.rounding,
        rounding_step=version.rounding_step,
        extras=tuple(
            Extra(
                kind=item.kind,
                label=item.label,
                basis=item.basis,
                amount=item.amount,
                cap=item.cap,
                min_attendance_percent=item.min_attendance_percent,
                min_days=item.min_days,
            )
            for item in version.extras.all()
        ),
    )
