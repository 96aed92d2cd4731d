"""Models of the allowance, one module per concept."""

from allowance.models.payments import (
    BATCH,
    PAYMENT,
    AllowanceBudget,
    BankAccount,
    BankAccountView,
    BatchState,
    BudgetShare,
    Payment,
    PaymentBatch,
)
from allowance.models.rules import (
    AllowanceRule,
    Basis,
    BelowThreshold,
    ExtraItem,
    ExtraKind,
    Rounding,
    as_rule,
)
from allowance.models.statements import (
    STATEMENT,
    Correction,
    CorrectionKind,
    CorrectionReason,
    State,
    Statement,
)

__all__ = [
    "BATCH",
    "PAYMENT",
    "STATEMENT",
    "AllowanceBudget",
    "AllowanceRule",
    "BankAccount",
    "BankAccountView",
    "Basis",
    "BatchState",
    "BelowThreshold",
    "BudgetShare",
    "Correction",
    "CorrectionKind",
    "CorrectionReason",
    "ExtraItem",
    "ExtraKind",
    "Payment",
    "PaymentBatch",
    "Rounding",
    "State",
    "Statement",
    "as_rule",
]
