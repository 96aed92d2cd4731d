"""The allowance of one person for one month, as a pure function.

``compute(rules, month)`` takes the versions of a project's rules and a neutral description
of the person's month (attendance lines, the days they were on the path, corrections carried
from earlier months) and returns the amount and the steps that explain it. It reads no
database and no clock, so every case is a line of a table in tests/allowance/test_calculation.py.
Sessions feed it through allowance.collect today; company-confirmed internship months can
feed the same lines later.

Money is Decimal throughout. Each amount is rounded as its rule states, once per step, and
the total is the sum of the rounded steps, so the explanation adds up to the cent.

Conventions the rules do not state, chosen here and shown in every explanation:
- attendance share = hours attended (plus the planned hours of justified absences when the
  rule counts them) over hours planned, per rule version;
- a monthly amount is paid in proportion to the calendar days on the path in the month;
- when the rule changes during a month, each version pays its own days and its monthly cap
  counts for its share of the month's calendar days.
"""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

ZERO = Decimal("0")
HUNDRED = Decimal("100")
PRESENT, ABSENT, JUSTIFIED = "present", "absent", "justified"


@dataclass(frozen=True)
class Line:
    """One planned occasion in the month: a session, or a day of internship."""

    date: datetime.date
    kind: str
    planned: Decimal
    attended: Decimal
    status: str  # present, absent or justified


@dataclass(frozen=True)
class Extra:
    kind: str
    label: str
    basis: str  # "day" or "month"
    amount: Decimal
    cap: Decimal | None = None
    min_attendance_percent: Decimal = ZERO
    min_days: int = 0


@dataclass(frozen=True)
class Rule:
    """A version of a project's rules, as plain values (see AllowanceRule.as_rule)."""

    name: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    counted_kinds: frozenset
    basis: str  # "hour", "day" or "month"
    rate: Decimal
    monthly_cap: Decimal | None = None
    threshold_percent: Decimal = ZERO
    below_threshold: str = "nothing"  # or "proportional"
    justified_count: bool = False
    rounding: str = "ROUND_HALF_UP"
    rounding_step: Decimal = Decimal("0.01")
    extras: tuple = ()

    def round(self, value):
        return value.quantize(self.rounding_step, rounding=self.rounding)


@dataclass(frozen=True)
class PersonMonth:
    """A person's month: ``periods`` are the (first, last) days on the path, inclusive."""

    month: datetime.date
    lines: tuple = ()
    periods: tuple | None = None  # None: the whole month
    carried: tuple = ()  # (code, params, amount) corrections of earlier months


@dataclass(frozen=True)
class Step:
    """One line of the explanation: what was counted, in words (see explanation.py)."""

    code: str
    params: dict = field(default_factory=dict)
    amount: Decimal | None = None


@dataclass
class Result:
    total: Decimal
    steps: list


def month_bounds(month):
    first = month.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first, last


def _days(first, last):
    return {first + datetime.timedelta(days=n) for n in range((last - first).days + 1)}


def _percent(part, whole):
    return (part * HUNDRED / whole).quantize(Decimal("0.01")) if whole else ZERO


def compute(rules, person_month):
    """The amount of ``person_month`` under ``rules`` (Rule versions), with its steps."""
    first, last = month_bounds(person_month.month)
    in_month = len(_days(first, last))
    periods = person_month.periods or ((first, last),)
    active = set()
    for start, end in periods:
        active |= _days(max(start, first), min(end, last))
    steps, total = [], ZERO
    if len(active) < in_month:
        steps.append(Step("on_path", {"days": len(active), "month_days": in_month}))
    covered = set()
    for rule in sorted(rules, key=lambda r: r.valid_from):
        start = max(rule.valid_from, first)
        end = min(rule.valid_to or last, last)
        if start > end:
            continue
        calendar_days = _days(start, end)
        covered |= calendar_days
        on_path = active & calendar_days
        amount, rule_steps, days, percent = _segment(rule, person_month, start, end, on_path)
        share = Decimal(len(calendar_days)) / Decimal(in_month)
        rule_steps += _finish(rule, amount, share, days, percent, len(on_path), in_month)
        steps.extend(rule_steps)
        total += rule_steps[-1].amount
    uncovered = active - covered
    if uncovered:
        steps.append(Step("no_rule", {"days": len(uncovered)}, ZERO))
    for code, params, amount in person_month.carried:
        steps.append(Step(code, dict(params), Decimal(amount)))
        total += Decimal(amount)
    steps.append(Step("total", {}, total))
    return Result(total, steps)


def _counted(rule, person_month, start, end, active):
    """Lines of the rule's period on days on the path, and the hours of the others."""
    counted, ignored = [], ZERO
    for line in person_month.lines:
        if not (start <= line.date <= end) or line.date not in active:
            continue
        if line.kind in rule.counted_kinds:
            counted.append(line)
        else:
            ignored += line.planned
    return counted, ignored


def _segment(rule, person_month, start, end, active):
    """The rule's own days: attendance, base amount, threshold.

    Returns (amount, steps, days attended, attendance share in percent)."""
    first, last = month_bounds(person_month.month)
    steps = [
        Step(
            "rule",
            {
                "name": rule.name,
                "start": start,
                "end": end,
                "rounding": rule.rounding,
                "step": rule.rounding_step,
            },
        )
    ]
    lines, ignored = _counted(rule, person_month, start, end, active)
    if ignored:
        steps.append(Step("not_counted", {"hours": ignored}))
    planned = sum((line.planned for line in lines), ZERO)
    present = [line for line in lines if line.status == PRESENT and line.attended > 0]
    attended = sum((line.attended for line in present), ZERO)
    justified = [line for line in lines if line.status == JUSTIFIED]
    justified_hours = sum((line.planned for line in justified), ZERO)
    days = {line.date for line in present}
    if justified and rule.justified_count:
        attended += justified_hours
        days |= {line.date for line in justified}
        steps.append(Step("justified_counted", {"hours": justified_hours}))
    elif justified:
        steps.append(Step("justified_not_counted", {"hours": justified_hours}))
    percent = _percent(attended, planned)
    steps.append(Step("attendance", {"planned": planned, "attended": attended, "percent": percent}))
    if not planned:
        steps.append(Step("nothing_planned", {}, ZERO))
        return ZERO, steps, len(days), percent
    if rule.basis == "hour":
        amount = rule.round(attended * rule.rate)
        steps.append(Step("per_hour", {"hours": attended, "rate": rule.rate}, amount))
    elif rule.basis == "day":
        amount = rule.round(len(days) * rule.rate)
        steps.append(Step("per_day", {"days": len(days), "rate": rule.rate}, amount))
    else:
        in_month = (last - first).days + 1
        amount = rule.round(rule.rate * len(active) / in_month)
        steps.append(
            Step(
                "per_month",
                {"rate": rule.rate, "days": len(active), "month_days": in_month},
                amount,
            )
        )
    if rule.threshold_percent and percent < rule.threshold_percent:
        params = {"percent": percent, "threshold": rule.threshold_percent}
        if rule.below_threshold == "nothing":
            amount = ZERO
            steps.append(Step("below_nothing", params, amount))
        elif rule.basis == "month":
            amount = rule.round(amount * percent / HUNDRED)
            steps.append(Step("below_proportional", params, amount))
        else:
            steps.append(Step("below_already_proportional", params, amount))
    elif rule.threshold_percent:
        steps.append(
            Step("threshold_met", {"percent": percent, "threshold": rule.threshold_percent})
        )
    return amount, steps, len(days), percent


def _finish(rule, amount, share, days, percent, on_path, in_month):
    """The cap of the rule's share of the month, its extra items, and the subtotal."""
    steps = []
    if rule.monthly_cap is not None:
        cap = rule.round(rule.monthly_cap * share)
        if amount > cap:
            amount = cap
            steps.append(Step("cap", {"cap": cap, "full_cap": rule.monthly_cap}, amount))
    for extra in rule.extras:
        params = {"label": extra.label}
        if percent < extra.min_attendance_percent or days < extra.min_days:
            params |= {"percent": extra.min_attendance_percent, "days": extra.min_days}
            steps.append(Step("extra_not_met", params, ZERO))
            continue
        if extra.basis == "day":
            value = rule.round(extra.amount * days)
            params |= {"days": days, "rate": extra.amount}
        else:
            value = rule.round(extra.amount * on_path / in_month)
            params |= {"rate": extra.amount, "days": on_path, "month_days": in_month}
        code = f"extra_{extra.basis}"
        if extra.cap is not None and value > rule.round(extra.cap * share):
            value = rule.round(extra.cap * share)
            code, params = "extra_capped", {"label": extra.label, "cap": value}
        steps.append(Step(code, params, value))
        amount += value
    steps.append(Step("subtotal", {"name": rule.name}, amount))
    return steps
