"""Charging an amount to a budget's funding sources pro rata to their shares (co-financing).

A pure function: no database. The rule, in whole cents:

1. each source's exact part is ``total × share ÷ sum of shares``, a rational number (no
   rounding yet);
2. each source first gets that part rounded down to the cent;
3. the cents still missing (fewer than the number of sources) go one each to the sources
   with the largest remainders (the largest remainder method); between equal remainders the
   earlier share in the budget's order wins.

So the parts always add up to the total exactly, and no part is more than a cent away from
its exact value. When every share is zero the sources count equally.
"""

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

CENT = Decimal("0.01")


def pro_rata(total, weights):
    """``total`` (Decimal euros) split in proportion to ``weights`` (Decimals), as a list of
    Decimals to the cent, in the order of ``weights``, adding up to ``total``."""
    if not weights:
        return []
    cents = int((Decimal(total) / CENT).to_integral_value())
    weights = [Fraction(Decimal(w)) for w in weights]
    if not any(weights):
        weights = [Fraction(1)] * len(weights)
    whole = sum(weights)
    exact = [cents * w / whole for w in weights]
    parts = [math.floor(e) for e in exact]
    missing = cents - sum(parts)
    by_remainder = sorted(range(len(parts)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in by_remainder[:missing]:
        parts[i] += 1
    return [Decimal(part) * CENT for part in parts]


@dataclass(frozen=True)
class SourceFigures:
    """One funding source's row of a budget: its share and what is charged to it."""

    source: object
    share: Decimal
    spent: Decimal
    committed: Decimal

    @property
    def left(self):
        return self.share - self.spent - self.committed
