"""Monthly statements: what each person is due for a locked month, and why.

A statement is computed, checked by an operator and approved by a coordinator (STATEMENT).
Once approved it never changes: if the month's attendance is corrected afterwards, the next
computation of that month records the difference as a Correction, which the person's next
statement carries as a line of its own.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lifecycle import Machine, Transition


class State(models.TextChoices):
    COMPUTED = "computed", _("To check")
    CHECKED = "checked", _("Checked, to approve")
    APPROVED = "approved", _("Approved")


STATEMENT = Machine(
    "state",
    Transition("check", {State.COMPUTED}, State.CHECKED, _("Mark as checked")),
    Transition("approve", {State.CHECKED}, State.APPROVED, _("Approve")),
    Transition("reopen", {State.CHECKED}, State.COMPUTED, _("Send back to check")),
)


class Statement(models.Model):
    """One person's allowance for one month of one project."""

    path = models.ForeignKey(
        "participants.Path",
        verbose_name=_("path"),
        on_delete=models.PROTECT,
        related_name="statements",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="statements",
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.COMPUTED
    )
    amount = models.DecimalField(_("amount"), max_digits=9, decimal_places=2)
    explanation = models.JSONField(_("explanation"), default=list)
    rule_ids = models.JSONField(_("rule versions"), default=list)
    computed_at = models.DateTimeField(_("computed"), default=timezone.now)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("checked"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    sent_at = models.DateTimeField(_("last sent to the person"), null=True, blank=True)

    class Meta:
        verbose_name = _("allowance statement")
        verbose_name_plural = _("allowance statements")
        ordering = ["-month", "path__participant__family_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["path", "month"], name="one_statement_per_month")
        ]
        indexes = [models.Index(fields=["project", "month", "state"])]
        permissions = [
            ("check_statement", _("Can check allowance statements")),
            ("approve_statement", _("Can approve allowance statements")),
        ]

    def __str__(self):
        return f"{self.path.participant.code} · {self.month:%Y-%m}"

    @property
    def available_moves(self):
        return STATEMENT.available(self)


class CorrectionKind(models.TextChoices):
    RECOMPUTED = "recomputed", _("Found by recomputing the month")
    MANUAL = "manual", _("Recorded by a coordinator")


class CorrectionReason(models.TextChoices):
    """Why a coordinator corrects a month, in the words the person reads."""

    HOURS = "hours", _("hours of attendance typed wrong")
    TRANSPORT = "transport", _("a transport refund")
    OTHER = "other", _("another correction decided by the coordinator")


class Correction(models.Model):
    """A difference in a month already approved, paid with a later statement.

    Recomputing the month finds some (RECOMPUTED: the register changed); a coordinator
    records others (MANUAL, with a reason). Only the first kind is netted against the next
    recomputation (services.statements._corrected_totals).
    """

    path = models.ForeignKey(
        "participants.Path", on_delete=models.PROTECT, related_name="allowance_corrections"
    )
    for_month = models.DateField(_("month corrected"))
    amount = models.DecimalField(_("amount"), max_digits=9, decimal_places=2)
    made_at = models.DateTimeField(_("found"), default=timezone.now)
    kind = models.CharField(
        _("kind"), max_length=10, choices=CorrectionKind.choices, default=CorrectionKind.RECOMPUTED
    )
    reason = models.CharField(
        _("reason"), max_length=10, choices=CorrectionReason.choices, blank=True
    )
    # For staff only, never on the statement: it is blanked with the person (receivers).
    note = models.CharField(
        _("note for the office"),
        max_length=200,
        blank=True,
        help_text=_("What was wrong, for the office. Nothing about the person's circumstances."),
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    carried_by = models.ForeignKey(
        Statement,
        verbose_name=_("paid with"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried",
    )

    class Meta:
        verbose_name = _("allowance correction")
        verbose_name_plural = _("allowance corrections")
        ordering = ["for_month", "pk"]

    def __str__(self):
        return f"{self.path_id} {self.for_month:%Y-%m}: {self.amount:+}"

    def step(self):
        """(code, params, amount): the line the carrying statement shows (explanation)."""
        label = f"{self.for_month:%Y-%m}"
        if self.kind == CorrectionKind.MANUAL:
            return ("carried_manual", {"label": label, "reason": self.reason}, self.amount)
        return ("carried", {"label": label}, self.amount)
