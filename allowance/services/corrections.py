"""A coordinator's correction of an approved month: wrong hours typed, a transport refund.

The approved statement does not change; the correction waits for the person's next
computed statement, which carries it as a line of its own (services.statements.compute_month)
in the reader's language. Its kind (MANUAL) keeps the next recomputation of the corrected
month from netting it out.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from allowance.models import Correction, CorrectionKind, CorrectionReason, State, Statement
from allowance.services.errors import NotPermitted
from allowance.services.statements import visible_statements

PERMISSION = "allowance.approve_statement"


def _amount(value):
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError) as error:
        raise ValidationError({"amount": _("Give the amount in euro, e.g. -12.50.")}) from error
    if not amount:
        raise ValidationError({"amount": _("A correction of zero changes nothing.")})
    return amount


@transaction.atomic
def record_correction(user, statement, *, amount, reason, note=""):
    """Records ``amount`` (euro, more or less) for the approved ``statement``'s month;
    audit-logged. Raises NotPermitted outside the user's permission or scope."""
    if not user.has_perm(PERMISSION):
        raise NotPermitted
    if not visible_statements(user).filter(pk=statement.pk).exists():
        raise NotPermitted
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    if statement.state != State.APPROVED:
        raise ValidationError(_("Only an approved month is corrected: change this one instead."))
    if reason not in CorrectionReason.values:
        raise ValidationError({"reason": _("Choose why the month is corrected.")})
    correction = Correction.objects.create(
        path=statement.path,
        for_month=statement.month,
        amount=_amount(amount),
        kind=CorrectionKind.MANUAL,
        reason=reason,
        note=note.strip(),
        made_by=user,
    )
    log(
        statement,
        "approdo.allowance.correction",
        user=user,
        data={"correction": correction.pk, "amount": str(correction.amount), "reason": reason},
    )
    return correction
