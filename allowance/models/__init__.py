"""Models of the allowance, one module per concept."""

from allowance.models.rules import (
    AllowanceRule,
    Basis,
    BelowThreshold,
    ExtraItem,
    ExtraKind,
    Rounding,
    as_rule,
)
from allowance.models.statements import STATEMENT, Correction, State, Statement

__all__ = [
    "STATEMENT",
    "AllowanceRule",
    "Basis",
    "BelowThreshold",
    "Correction",
    "ExtraItem",
    "ExtraKind",
    "Rounding",
    "State",
    "Statement",
    "as_rule",
]
