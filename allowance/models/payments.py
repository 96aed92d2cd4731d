"""Paying the allowance: the person's bank account, the project's paying account and
budget, and payment batches (one SEPA credit-transfer file each).

The bank account is personal data of the participant: only the Payments group's
permission shows it, every showing is logged (BankAccountView), and both go with the
person's anonymisation (allowance.receivers).
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from allowance.budget_split import SourceFigures, pro_rata
from lifecycle import Machine, Transition


class BankAccount(models.Model):
    """Where a participant's allowance is paid."""

    participant = models.OneToOneField(
        "participants.Participant",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="bank_account",
    )
    holder = models.CharField(_("account holder"), max_length=70)
    iban = models.CharField(_("IBAN"), max_length=34)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        verbose_name = _("bank account")
        verbose_name_plural = _("bank accounts")

    def __str__(self):
        return f"{self.participant.code} · …{self.iban[-4:]}"


class BankAccountView(models.Model):
    """Every showing of a bank account (screen or payment file): who, when."""

    participant = models.ForeignKey(
        "participants.Participant", on_delete=models.CASCADE, related_name="bank_account_views"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    viewer = models.CharField(_("viewer"), max_length=254, blank=True)
    purpose = models.CharField(_("purpose"), max_length=20)
    viewed_at = models.DateTimeField(_("viewed"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("bank account view")
        verbose_name_plural = _("bank account views")
        ordering = ["-viewed_at"]

    def __str__(self):
        return f"{self.viewer} · {self.participant_id} · {self.purpose}"


class AllowanceBudget(ClusterableModel):
    """What a project may spend on allowances, and the account it pays from.

    The amount is split across the project's funding sources (BudgetShare, edited inline;
    the shares add up to the amount). What is spent and committed is charged to each source
    pro rata to its share (co-financing): see ``by_source``.
    """

    project = models.OneToOneField(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="allowance_budget",
    )
    funding_source = models.CharField(
        _("funding line"),
        max_length=160,
        help_text=_("E.g. FSE+ 2021-2027, priority 3. Each funder's share is set below."),
    )
    amount = models.DecimalField(_("allowance budget"), max_digits=11, decimal_places=2)
    payer_name = models.CharField(_("paying organisation"), max_length=70)
    payer_iban = models.CharField(_("paying account IBAN"), max_length=34)
    payer_bic = models.CharField(_("paying account BIC"), max_length=11, blank=True)

    class Meta:
        verbose_name = _("allowance budget")
        verbose_name_plural = _("allowance budgets")
        ordering = ["project__name"]

    def __str__(self):
        return f"{self.project} · {self.funding_source}"

    @property
    def shares_total(self):
        """What the shares add up to: the amount, unless a funding source went since."""
        return sum((share.amount for share in self.shares.all()), Decimal("0"))

    @property
    def by_source(self):
        """Each share with its part of ``spent`` and ``committed`` (annotations of
        services.payments.budgets_with_figures) and what is left of it, in share order.
        Reads ``shares`` as prefetched there, so a list of budgets costs no query more."""
        shares = list(self.shares.all())
        weights = [share.amount for share in shares]
        spent = pro_rata(self.spent, weights)
        committed = pro_rata(self.committed, weights)
        return [
            SourceFigures(share.source, share.amount, s, c)
            for share, s, c in zip(shares, spent, committed, strict=True)
        ]


class BudgetShare(Orderable):
    """The part of a project's allowance budget one of its funding sources pays for."""

    budget = ParentalKey(AllowanceBudget, on_delete=models.CASCADE, related_name="shares")
    # A funding source removed from the project takes its share with it; the budget's
    # screen then says the shares no longer add up (AllowanceBudget.shares_total).
    source = models.ForeignKey(
        "projects.FundingSource",
        verbose_name=_("funding source"),
        on_delete=models.CASCADE,
        related_name="allowance_shares",
    )
    amount = models.DecimalField(
        _("share (€)"), max_digits=11, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta(Orderable.Meta):
        verbose_name = _("funding share")
        verbose_name_plural = _("funding shares")
        constraints = [
            models.UniqueConstraint(fields=["budget", "source"], name="one_share_per_source")
        ]

    def __str__(self):
        return f"{self.source}: {self.amount}"


class BatchState(models.TextChoices):
    SENT = "sent", _("Sent to the bank")
    PAID = "paid", _("Paid")
    FAILED = "failed", _("Failed")


# The bank answers for a whole batch once; a single transfer can still come back later.
BATCH = Machine(
    "state",
    Transition("pay", {BatchState.SENT}, BatchState.PAID, _("Mark as paid")),
    Transition("fail", {BatchState.SENT}, BatchState.FAILED, _("Mark as failed")),
)
PAYMENT = Machine(
    "state",
    Transition("pay", {BatchState.SENT}, BatchState.PAID),
    Transition("fail", {BatchState.SENT, BatchState.PAID}, BatchState.FAILED),
)


class PaymentBatch(models.Model):
    """Approved statements of one project paid together: one SEPA file."""

    project = models.ForeignKey(
        "projects.Project", verbose_name=_("project"), on_delete=models.PROTECT, related_name="+"
    )
    execution_date = models.DateField(_("execution date"))
    state = models.CharField(
        _("state"), max_length=6, choices=BatchState.choices, default=BatchState.SENT
    )
    reference = models.CharField(_("reference"), max_length=35, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("payment batch")
        verbose_name_plural = _("payment batches")
        ordering = ["-created_at", "-pk"]
        permissions = [("pay_statement", _("Can pay allowance statements"))]

    def __str__(self):
        return self.reference


class Payment(models.Model):
    """One statement in a batch. A failed payment puts the statement back in the queue."""

    batch = models.ForeignKey(PaymentBatch, on_delete=models.CASCADE, related_name="payments")
    statement = models.ForeignKey(
        "allowance.Statement", on_delete=models.PROTECT, related_name="payments"
    )
    amount = models.DecimalField(_("amount"), max_digits=9, decimal_places=2)
    state = models.CharField(
        _("state"), max_length=6, choices=BatchState.choices, default=BatchState.SENT
    )

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["batch", "pk"]
        constraints = [
            # A statement is paid once: only a failed payment lets it into another batch.
            models.UniqueConstraint(
                fields=["statement"], condition=~Q(state="failed"), name="statement_paid_once"
            )
        ]

    def __str__(self):
        return f"{self.batch_id}/{self.statement_id}: {self.amount}"
