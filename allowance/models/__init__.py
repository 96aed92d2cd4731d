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

__all__ = [
    "AllowanceRule",
    "Basis",
    "BelowThreshold",
    "ExtraItem",
    "ExtraKind",
    "Rounding",
    "as_rule",
]
