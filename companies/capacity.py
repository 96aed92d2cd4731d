"""How many interns a company may host at the same time, from its headcount.

The default follows the rule common to Italian inclusion calls (e.g. Tuscany's rules for
tirocini): 1 intern for 1–5 employees, 2 for 6–19, and 10 % of the headcount from 20
employees up, rounded up to the next whole intern (21 employees → 3). A deployment sets
APPRODO_CAPACITY_RULE to follow its own call; the placements work enforces the result.
"""

import math
from dataclasses import dataclass

from django.conf import settings

DEFAULT_RULE = {
    # (smallest headcount, largest headcount, interns); bands are checked in order.
    "bands": [(1, 5, 1), (6, 19, 2)],
    # From this headcount up: percent of the headcount, rounded as below.
    "percent_from": 20,
    "percent": 10,
    "rounding": "up",  # "up", "down" or "nearest" (half up)
}


@dataclass(frozen=True)
class Capacity:
    """The result shown in the dossier and to staff: how many, and which rule said so."""

    interns: int
    headcount: int
    band: str


def _round(value, mode):
    if mode == "down":
        return math.floor(value)
    if mode == "nearest":
        return math.floor(value + 0.5)
    return math.ceil(value)


def capacity_for(headcount, rule=None):
    """Interns a company with `headcount` employees may host at once (0 with no employees)."""
    rule = rule or getattr(settings, "APPRODO_CAPACITY_RULE", DEFAULT_RULE)
    if headcount is None or headcount < 1:
        return Capacity(interns=0, headcount=headcount or 0, band="none")
    if headcount >= rule["percent_from"]:
        interns = _round(headcount * rule["percent"] / 100, rule["rounding"])
        return Capacity(interns=interns, headcount=headcount, band=f"{rule['percent']}%")
    for low, high, interns in rule["bands"]:
        if low <= headcount <= high:
            return Capacity(interns=interns, headcount=headcount, band=f"{low}–{high}")
    return Capacity(interns=0, headcount=headcount, band="none")
