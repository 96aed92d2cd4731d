"""Paying approved statements: bank accounts, the queue, batches, their files and outcome.

Bank accounts are shown only to users with the Payments group's permission
(``allowance.view_bankaccount``), and every showing, on screen or in a payment file, is
logged in BankAccountView. IBANs are checked with python-stdnum's ``iban`` module.
"""

import secrets
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import DecimalField, Exists, F, OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum import iban as stdnum_iban
from stdnum.exceptions import ValidationError as InvalidNumber
from wagtail.log_actions import log

from allowance.budget_split import CENT
from allowance.models import (
    BATCH,
    PAYMENT,
    AllowanceBudget,
    BankAccount,
    BankAccountView,
    BatchState,
    BudgetShare,
    Payment,
    PaymentBatch,
    State,
    Statement,
)
from allowance.services.errors import NotPermitted


def clean_iban(value, field="iban"):
    """The IBAN in its compact form, or a translated ValidationError."""
    try:
        return stdnum_iban.validate(value or "")
    except InvalidNumber as error:
        raise ValidationError(
            {field: _("This is not a valid IBAN: check the letters and digits.")}
        ) from error


def _require(user, permission):
    if not user.has_perm(permission):
        raise NotPermitted


def log_views(user, participant_ids, purpose):
    BankAccountView.objects.bulk_create(
        BankAccountView(participant_id=pk, user=user, viewer=user.get_username(), purpose=purpose)
        for pk in participant_ids
    )


@transaction.atomic
def save_bank_account(user, participant, *, holder, iban, bic=""):
    """Creates or replaces the person's bank account; logged (without the IBAN)."""
    _require(user, "allowance.change_bankaccount")
    iban = clean_iban(iban)
    if not holder.strip():
        raise ValidationError({"holder": _("Give the account holder's name.")})
    account, _created = BankAccount.objects.select_for_update().update_or_create(
        participant=participant,
        defaults={
            "holder": holder.strip(),
            "iban": iban,
            "bic": bic.strip().upper(),
            "updated_by": user,
            "updated_at": timezone.now(),
        },
    )
    log(participant, "approdo.allowance.bank_account", user=user, data={"ending": iban[-4:]})
    return account


def show_bank_account(user, participant):
    """The person's bank account (or None), for a user with the permission; logged."""
    _require(user, "allowance.view_bankaccount")
    account = BankAccount.objects.filter(participant=participant).first()
    if account is not None:
        log_views(user, [participant.pk], "screen")
    return account


def queue(project):
    """Approved statements of ``project`` with something to pay and no live payment."""
    live = Payment.objects.filter(statement=OuterRef("pk")).exclude(state=BatchState.FAILED)
    return (
        Statement.objects.filter(project=project, state=State.APPROVED, amount__gt=0)
        .exclude(Exists(live))
        .select_related("path__participant")
    )


@transaction.atomic
def create_batch(user, project, execution_date):
    """Puts every queued statement with a bank account in a new batch.

    Returns (batch or None, statements left out for want of a bank account).
    """
    _require(user, "allowance.pay_statement")
    waiting = list(queue(project).select_for_update(of=("self",)))
    accounts = set(
        BankAccount.objects.filter(
            participant__in=[s.path.participant_id for s in waiting]
        ).values_list("participant_id", flat=True)
    )
    payable = [s for s in waiting if s.path.participant_id in accounts]
    missing = [s for s in waiting if s.path.participant_id not in accounts]
    if not payable:
        return None, missing
    batch = PaymentBatch.objects.create(
        project=project,
        execution_date=execution_date,
        reference=f"ALW-{timezone.localdate():%Y%m%d}-{secrets.token_hex(4).upper()}",
        created_by=user,
    )
    Payment.objects.bulk_create(
        Payment(batch=batch, statement=statement, amount=statement.amount) for statement in payable
    )
    log(
        batch,
        "approdo.allowance.batch",
        user=user,
        data={"payments": len(payable), "left_out": len(missing)},
    )
    return batch, missing


def batch_rows(user, batch, purpose):
    """(payment, statement, bank account) of a batch, for its files; each person logged."""
    _require(user, "allowance.view_bankaccount")
    payments = list(
        batch.payments.select_related(
            "statement__project", "statement__path__participant__bank_account"
        ).order_by("statement__path__participant__code")
    )
    missing = [p.statement.path.participant.code for p in payments if not _has_account(p)]
    if missing:
        raise ValidationError(
            _("No bank account any more for: %(codes)s.") % {"codes": ", ".join(missing)}
        )
    log_views(user, [p.statement.path.participant_id for p in payments], purpose)
    return [(p, p.statement, p.statement.path.participant.bank_account) for p in payments]


def _has_account(payment):
    return hasattr(payment.statement.path.participant, "bank_account")


@transaction.atomic
def mark_batch(user, batch, outcome):
    """The bank's answer for the whole batch: paid, or failed (all back to the queue)."""
    _require(user, "allowance.pay_statement")
    if outcome not in (BatchState.PAID, BatchState.FAILED):
        raise ValueError(outcome)
    move = "pay" if outcome == BatchState.PAID else "fail"
    batch = PaymentBatch.objects.select_for_update().get(pk=batch.pk)
    if not BATCH.can(batch, move):
        raise ValidationError(_("This batch already has the bank's answer."))
    BATCH.apply(batch, move)
    batch.save(update_fields=["state"])
    # Every transfer of the batch takes the same move, in one query.
    batch.payments.filter(state__in=PAYMENT[move].sources & {BatchState.SENT}).update(
        state=PAYMENT[move].target
    )
    log(batch, f"approdo.allowance.batch_{outcome}", user=user)
    return batch


@transaction.atomic
def mark_payment_failed(user, payment):
    """One transfer came back: its statement returns to the queue."""
    _require(user, "allowance.pay_statement")
    payment = Payment.objects.select_for_update().select_related("batch").get(pk=payment.pk)
    if not PAYMENT.can(payment, "fail"):
        raise ValidationError(_("This payment is already marked as failed."))
    PAYMENT.apply(payment, "fail")
    payment.save(update_fields=["state"])
    log(payment.batch, "approdo.allowance.payment_failed", user=user, data={"payment": payment.pk})
    return payment


def _sum(queryset, key):
    total = queryset.values(key).annotate(total=Sum("amount")).values("total")
    return Coalesce(Subquery(total[:1]), Value(Decimal("0")), output_field=DecimalField())


def check_shares(project, amount, shares):
    """Raises a translated ValidationError unless ``shares`` ((funding source, amount)
    pairs) split ``amount`` across funding sources of ``project``, each source once."""
    errors = []
    if not shares:
        errors.append(_("Split the budget across the project's funding sources: add a share."))
    foreign = [str(source) for source, _amount in shares if source.project_id != project.pk]
    if foreign:
        errors.append(
            _("These funding sources are not the project's: %(sources)s.")
            % {"sources": ", ".join(foreign)}
        )
    sources = [source.pk for source, _amount in shares]
    if len(set(sources)) != len(sources):
        errors.append(_("Give each funding source one share only."))
    total = sum((share for _source, share in shares), Decimal("0"))
    if shares and total != amount:
        errors.append(
            _("The shares add up to %(total)s €, the budget is %(amount)s €.")
            % {"total": total.quantize(CENT), "amount": Decimal(amount).quantize(CENT)}
        )
    if errors:
        raise ValidationError(errors)


def budgets_with_figures():
    """Each budget with ``spent`` (paid), ``committed`` (approved, not yet paid) and
    ``left``, in one query whatever the number of projects, and its shares with their
    funding sources in one more (for ``AllowanceBudget.by_source``)."""
    paid = Payment.objects.filter(state=BatchState.PAID)
    unpaid = (
        Statement.objects.filter(state=State.APPROVED, amount__gt=0)
        .exclude(Exists(paid.filter(statement=OuterRef("pk"))))
        .filter(project=OuterRef("project"))
    )
    return (
        AllowanceBudget.objects.select_related("project")
        .prefetch_related(Prefetch("shares", queryset=BudgetShare.objects.select_related("source")))
        .annotate(
            spent=_sum(paid.filter(batch__project=OuterRef("project")), "batch__project"),
            committed=_sum(unpaid, "project"),
        )
        .annotate(left=F("amount") - F("spent") - F("committed"))
    )
